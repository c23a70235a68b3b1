/**
 * Runs one lesson file's cells in a worker thread, so the parent can kill it when a cell passes
 * --timeout-ms, even inside one long synchronous TF.js op that no loop guard can interrupt.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kernel } from '../notebook/kernel.ts';
import type { Lesson } from '../notebook/lesson.ts';
import { seedRandom } from '../notebook/random.ts';
import { createNodeHost } from './node-host.ts';
import { cellReport } from './report.ts';

export interface WorkerInput {
  lesson: Lesson;
  guardMs: number;
  /** Run exercise starters instead of solutions (to prove a starter fails its check). */
  starters: boolean;
}

export type WorkerMessage =
  | { type: 'start'; index: number }
  | { type: 'cell'; cell: ReturnType<typeof cellReport> }
  | { type: 'done'; ok: boolean };

const { lesson, guardMs, starters } = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

const host = await createNodeHost();
const kernel = new Kernel(lesson, host, { useSolutions: !starters, guardMs });
process.on('unhandledRejection', (error) => kernel.reportAsyncError(error));
process.on('uncaughtException', (error) => kernel.reportAsyncError(error));

seedRandom(lesson.meta.seed);
let ok = true;
// With --starters the question is only whether each starter fails its check: cells after the last
// exercise check cannot change that answer, so they are reported as not run.
const lastExerciseCheck = starters
  ? Math.max(-1, ...kernel.cells.filter((c) => c.block.options.check && c.block.options.for).map((c) => c.index))
  : Infinity;
for (const cell of kernel.cells) {
  if (cell.index > lastExerciseCheck) break;
  if (!cell.block.options.run) {
    cell.status = 'skipped';
    post({ type: 'cell', cell: cellReport(cell) });
    continue;
  }
  post({ type: 'start', index: cell.index });
  const passed = await kernel.run(cell.index);
  post({ type: 'cell', cell: cellReport(cell) });
  if (!passed) {
    ok = false;
    // With --starters, exercise checks are meant to fail: go on, so every exercise is tried.
    if (starters && cell.block.options.check && cell.block.options.for) continue;
    break; // later cells depend on this one; their errors would only repeat it
  }
}
kernel.dispose();
post({ type: 'done', ok });
