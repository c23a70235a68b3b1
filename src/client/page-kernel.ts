/**
 * The page's link to the kernel: the session (TF.js, compiler, kernel) loaded on the first Run,
 * the learner's edits handed to it, cell states drawn once per frame, and the ways to run cells:
 * one (offering to run its missing inputs first) or all of them.
 */
import type { CellState } from '../notebook/kernel.ts';
import type { CellBlock, Lesson } from '../notebook/lesson.ts';
import { announce } from './announce.ts';
import { askedBackend, BACKEND_NAMES, type BackendName } from './backend.ts';
import type { CellView } from './cell-view.ts';
import type { EditsStore } from './edits-store.ts';
import { offerInputs } from './notices.ts';
import type { Session } from './session.ts';
import { cellBudget, expectedRates, readTiming, showTimeCues, timeLeft } from './time-budget.ts';
import type { Toolbar } from './toolbar.ts';

export interface PageKernel {
  load(): Promise<Session>;
  /** The session, once loaded. */
  current(): Session | undefined;
  runCell(index: number): Promise<void>;
  /** Every cell above this one (run=false cells passed over), then this one. */
  runUpTo(index: number): Promise<void>;
  runAll(): Promise<void>;
}

/** The learner's ask (`?backend=`, the More menu), else the lesson's own front matter. */
const requestedBackend = (lesson: Lesson): BackendName | undefined =>
  askedBackend() ?? BACKEND_NAMES.find((name) => name === lesson.meta.backend);

export function pageKernel(options: {
  lesson: Lesson;
  cells: readonly CellBlock[];
  store: EditsStore;
  view: CellView;
  bar: Toolbar;
  /** After each cell is drawn (progress), and after each frame with what runs and waits (app view). */
  onCellShown(cell: CellState, all: readonly CellState[]): void;
  onFrame(busy: CellState | undefined, queued: number): void;
}): PageKernel {
  const { lesson, cells, store, view, bar } = options;
  const pending = new Set<number>();
  const timing = readTiming();
  const work = timing && { ms: timing.ms, convMs: timing.convMs, reference: timing.reference };
  // Before TF.js loads: the cues in this device's time if a lesson here has measured it already.
  if (work) showTimeCues(timing, expectedRates(work, requestedBackend(lesson)));
  const runningSince = new Map<number, number>();
  let frame = 0;
  let sessionPromise: Promise<Session> | undefined;
  let session: Session | undefined;

  const render = () => {
    frame = 0;
    if (!session) return;
    for (const index of pending) {
      const cell = session.kernel.cells[index]!;
      view.showState(cell, session.renderOutputs);
      options.onCellShown(cell, session.kernel.cells);
    }
    pending.clear();
    const busy = session.kernel.cells.find((c) => c.status === 'running' || c.status === 'stopping');
    const queued = session.kernel.cells.filter((c) => c.status === 'queued').length;
    const rates = session.backend.rates;
    const left = rates
      ? timeLeft(
          session.kernel.cells,
          (cell) => cellBudget(timing, cell.block.options.id, rates),
          (cell) => performance.now() - (runningSince.get(cell.index) ?? performance.now()),
        )
      : undefined;
    bar.showBusy(busy, queued, left);
    bar.showTensors(session.tf.memory().numTensors);
    options.onFrame(busy, queued);
  };
  const onCell = (cell: CellState) => {
    if (cell.status !== 'running') runningSince.delete(cell.index);
    else if (!runningSince.has(cell.index)) runningSince.set(cell.index, performance.now());
    pending.add(cell.index);
    if (!frame) frame = requestAnimationFrame(render);
  };
  store.subscribe((index, source) => session?.kernel.edit(index, source));

  const load = () => {
    sessionPromise ??= (async () => {
      bar.say('Loading TensorFlow.js…');
      const { createSession } = await import('./session.ts');
      const created = await createSession(lesson, { backend: requestedBackend(lesson), work, onCell });
      session = created;
      showTimeCues(timing, created.backend.rates);
      for (const cell of cells) if (store.isEdited(cell.index)) created.kernel.edit(cell.index, store.sources[cell.index]!);
      bar.showBackend(created.backend);
      bar.say('Ready');
      return created;
    })();
    return sessionPromise;
  };

  // An exercise's verdict follows its run: the checks `for=` it run again without another click.
  const runChecksOf = async (s: Session, index: number) => {
    const id = cells[index]!.options.exercise ? cells[index]!.options.id : undefined;
    if (id === undefined) return;
    for (const check of cells.filter((c) => c.options.check && c.options.for === id)) await s.kernel.run(check.index);
  };

  const runUpTo = async (index: number) => {
    const s = await load();
    if (await s.kernel.runUpTo(index)) await runChecksOf(s, index);
  };

  return {
    load,
    current: () => session,
    async runCell(index) {
      if (!session) view.elements[index]!.dataset.status = 'queued';
      const s = await load();
      const missing = s.kernel.missingInputs(index);
      if (missing.length > 0) {
        const cell = s.kernel.cells[index]!;
        const names = cell.references.filter((name) => missing.some((m) => s.kernel.cells[m]!.declarations.includes(name)));
        view.elements[index]!.dataset.status = cell.status;
        const choice = await offerInputs(view.part(index, '.cell-notice'), missing, names);
        if (choice === 'above') return runUpTo(index);
        if (choice === 'inputs') for (const m of missing) void s.kernel.run(m);
      }
      if (await s.kernel.run(index)) await runChecksOf(s, index);
    },
    runUpTo,
    async runAll() {
      const s = await load();
      await s.kernel.runAll();
      // Let the last cells' states render (and say what they say) before the summary.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const failed = s.kernel.cells.filter((c) => c.status === 'error').length;
      const done = s.kernel.cells.filter((c) => c.status === 'done').length;
      const stopped = s.kernel.cells.some((c) => c.status === 'stopped');
      announce(
        stopped
          ? `Run all stopped by you: ${done} cells done.`
          : failed
            ? `Run all stopped: ${failed} cell${failed > 1 ? 's' : ''} failed, ${done} done.`
            : `Run all finished: ${done} cells done.`,
      );
    },
  };
}
