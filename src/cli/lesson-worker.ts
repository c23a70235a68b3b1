/**
 * Runs one lesson file's cells in a worker thread, so the parent can kill it when a cell passes
 * --timeout-ms, even inside one long synchronous TF.js op that no loop guard can interrupt.
 *
 * With `branches`, the run is a trunk with branches (--controls): just before a control's lever
 * cell, or an exercise, runs in the trunk, a branch runs from there with the change and is
 * thrown away (branch.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kernel } from '../notebook/kernel.ts';
import type { Lesson } from '../notebook/lesson.ts';
import { createNodeHost } from './node-host.ts';
import { cellReport } from './report.ts';
import { runControlBranch, runStarterBranch, type BranchResult } from './branch.ts';

export interface WorkerInput {
  lesson: Lesson;
  guardMs: number;
  /** Run exercise starters instead of solutions (to prove a starter fails its check). */
  starters: boolean;
  /** Branches to take: controls by position in lesson.controls, exercises by cell index. */
  branches?: { controls: number[]; starters: number[] };
}

export type WorkerMessage =
  | { type: 'start'; index: number; branch?: string }
  | { type: 'cell'; cell: ReturnType<typeof cellReport> }
  | { type: 'branch'; result: BranchResult }
  | { type: 'done'; ok: boolean };

const { lesson, guardMs, starters, branches } = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

const host = await createNodeHost();
const kernel = new Kernel(lesson, host, { useSolutions: !starters, guardMs });
process.on('unhandledRejection', (error) => kernel.reportAsyncError(error));
process.on('uncaughtException', (error) => kernel.reportAsyncError(error));

/** Takes the branches that start at this cell, before the trunk runs it. */
async function branchesAt(index: number): Promise<void> {
  if (!branches) return;
  for (const at of branches.controls) {
    const control = lesson.controls[at]!;
    if (control.leverIndex !== index) continue;
    const key = `control:${at}`;
    post({ type: 'branch', result: await runControlBranch(kernel, host.tf, control, at, { onStart: (cell) => post({ type: 'start', index: cell, branch: key }) }) });
  }
  if (branches.starters.includes(index)) {
    const key = `starter:${index}`;
    post({ type: 'branch', result: await runStarterBranch(kernel, host.tf, index, { onStart: (cell) => post({ type: 'start', index: cell, branch: key }) }) });
  }
}

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
  await branchesAt(cell.index);
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
