/**
 * Runs one lesson file's cells, reporting each to the parent (run-file.ts), which can kill the
 * runner when a cell passes --timeout-ms, even inside one long synchronous TF.js op that no loop
 * guard can interrupt. The runner is a worker thread (lesson-worker.ts), or with --sandbox a child
 * process under Node's permission model (lesson-child.ts).
 *
 * With `branches`, the run is a trunk with branches (--controls): just before a control's lever
 * cell, or an exercise, runs in the trunk, a branch runs from there with the change and is
 * thrown away (branch.ts).
 *
 * What the page would show later is reported too: an error a cell's timer, listener or unawaited
 * promise raises after the cell was reported (`late`), including in the moment after the last
 * cell, when the timers cells left have a short while to fire.
 */
import { Kernel } from '../notebook/kernel.ts';
import type { Lesson } from '../notebook/lesson.ts';
import { describeThrown } from '../notebook/errors.ts';
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
  /** An error that arrived after its cell was reported (index), or that no cell could be named for. */
  | { type: 'late'; index?: number; text: string }
  | { type: 'done' };

/** How long the timers cells left may still fire after the last cell, as they would on a page. */
const GRACE_MS = 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runLessonIn(input: WorkerInput, post: (message: WorkerMessage) => void): Promise<void> {
  const { lesson, guardMs, starters, branches } = input;
  // A cell awaiting a promise nobody settles leaves nothing on the event loop, and the runner
  // would quietly exit; held open, the parent's --timeout-ms ends it and names the cell.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const host = await createNodeHost();
  const kernel = new Kernel(lesson, host, { useSolutions: !starters, guardMs });
  /** Cells reported to the parent, with how many outputs they had then. */
  const reported = new Map<number, number>();
  let branching = false;

  const lateError = (error: unknown) => {
    const index = kernel.reportAsyncError(error);
    // An error in a cell not reported yet is in its report; one in a branch belongs to the branch.
    if (branching || index !== undefined) return;
    const { name, message } = describeThrown(error);
    post({
      type: 'late',
      text: `${lesson.file}: ${name}: ${message} (raised outside any cell's code, after the cells it came from had finished)`,
    });
  };
  process.on('unhandledRejection', lateError);
  process.on('uncaughtException', lateError);
  // An error pushed into a cell already reported (by reportAsyncError, or a timer's own guard).
  kernel.subscribe((cell) => {
    const seen = reported.get(cell.index);
    if (branching || seen === undefined || cell.outputs.length <= seen) return;
    for (const output of cell.outputs.slice(seen)) {
      if (output.kind === 'error') post({ type: 'late', index: cell.index, text: output.text });
    }
    reported.set(cell.index, cell.outputs.length);
  });

  const report = (index: number) => {
    const cell = kernel.cells[index]!;
    reported.set(index, cell.outputs.length);
    post({ type: 'cell', cell: cellReport(cell) });
  };

  /** Takes the branches that start at this cell, before the trunk runs it. */
  const branchesAt = async (index: number) => {
    if (!branches) return;
    branching = true;
    try {
      for (const at of branches.controls) {
        const control = lesson.controls[at]!;
        if (control.leverIndex !== index) continue;
        const key = `control:${at}`;
        post({
          type: 'branch',
          result: await runControlBranch(kernel, host.tf, control, at, {
            onStart: (cell) => post({ type: 'start', index: cell, branch: key }),
          }),
        });
      }
      if (branches.starters.includes(index)) {
        const key = `starter:${index}`;
        post({
          type: 'branch',
          result: await runStarterBranch(kernel, host.tf, index, { onStart: (cell) => post({ type: 'start', index: cell, branch: key }) }),
        });
      }
    } finally {
      branching = false;
    }
  };

  // With --starters the question is only whether each starter fails its check: cells after the last
  // exercise check cannot change that answer, so they are reported as not run.
  const lastExerciseCheck = starters
    ? Math.max(-1, ...kernel.cells.filter((c) => c.block.options.check && c.block.options.for).map((c) => c.index))
    : Infinity;
  for (const cell of kernel.cells) {
    if (cell.index > lastExerciseCheck) break;
    if (!cell.block.options.run) {
      cell.status = 'skipped';
      report(cell.index);
      continue;
    }
    await branchesAt(cell.index);
    post({ type: 'start', index: cell.index });
    const passed = await kernel.run(cell.index);
    report(cell.index);
    if (!passed) {
      // With --starters, exercise checks are meant to fail: go on, so every exercise is tried.
      if (starters && cell.block.options.check && cell.block.options.for) continue;
      break; // later cells depend on this one; their errors would only repeat it
    }
  }
  // A page would go on running the timers cells left; give them a moment to fire (and to fail).
  const graceEnds = Date.now() + GRACE_MS;
  await pause(20);
  while (kernel.pendingTimers() > 0 && Date.now() < graceEnds) await pause(20);
  kernel.dispose();
  clearInterval(keepAlive);
  post({ type: 'done' });
}
