/**
 * What differs between the browser and Node: the libraries handed to cells, how the learner is
 * asked to stop a runaway loop, and whether console output is mirrored to the real console.
 */
export interface KernelHost {
  /** The TF.js namespace cells see as `tf` (and import as "@tensorflow/tfjs"). */
  tf: typeof import('@tensorflow/tfjs');
  /** The Plot namespace cells see as `Plot`, already wrapped by wrapPlot. */
  Plot: typeof import('@observablehq/plot');
  /** Every module a cell may import, by specifier; "@tensorflow/tfjs" and "@observablehq/plot" included. */
  modules: Record<string, object>;
  /** Asked when a loop has not yielded for the guard time; true means stop it. */
  confirmStop(message: string): boolean;
  /**
   * No page to keep responsive (headless): a cell that resumes after an `await` has let the event
   * loop run, so the loop guard counts it as a turn. In a page only a task that lets it paint (a
   * timer, a frame) counts. Without this, a loop awaiting `model.fit` in Node, which resolves on
   * microtasks, was stopped as a runaway after 3 s.
   */
  awaitIsATurn?: boolean;
  /** Also print cell console output to the real console (the browser's devtools). */
  mirrorConsole?: boolean;
}
