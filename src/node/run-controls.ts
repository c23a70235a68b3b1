/**
 * `--controls`: a lesson's trunk run with a branch for each control and each exercise starter.
 *
 * One run takes every branch. Two things end a run early and start the lesson again, fresh, for
 * the branches not judged yet: a branch cell that runs past --timeout-ms (the worker is killed;
 * that branch fails), and a trunk cell that fails after branches were taken (one of them may
 * have leaked into the trunk). A fresh run reaches the failing cell with no branch before it, so
 * a trunk that fails again there fails for real, and every restart judges at least one branch:
 * the loop ends.
 */
import type { Lesson } from '../notebook/lesson.ts';
import { cellsOf } from '../notebook/lesson.ts';
import type { BranchResult, ControlResult, StarterResult } from './branch.ts';
import type { FileReport } from './report.ts';
import { runLessonBranches, type RunFileOptions } from './run-file.ts';

export interface ControlsReport extends FileReport {
  controls: ControlResult[];
  starters: StarterResult[];
  /** Why the lesson was started again, if it was (a leak or a branch that ran too long), and how that ended. */
  notes: string[];
}

export interface ControlsOptions extends RunFileOptions {
  onBranch?: (result: BranchResult) => void;
  onNote?: (why: string) => void;
}

const keyOf = (result: BranchResult) => (result.kind === 'control' ? `control:${result.at}` : `starter:${result.exercise}`);

export async function runLessonControls(lesson: Lesson, options: ControlsOptions): Promise<ControlsReport> {
  const cells = cellsOf(lesson);
  const exercises = cells.filter((cell) => cell.options.exercise && cell.options.run);
  const pendingControls = new Set(lesson.controls.map((_, at) => at));
  const pendingStarters = new Set(exercises.map((cell) => cell.index));
  const judged = new Map<string, BranchResult>();
  const notes: string[] = [];
  const note = (why: string) => {
    notes.push(why);
    options.onNote?.(why);
  };

  for (;;) {
    const run = await runLessonBranches(lesson, {
      ...options,
      branches: { controls: [...pendingControls], starters: [...pendingStarters] },
    });
    for (const result of run.branches) {
      judged.set(keyOf(result), result);
      if (result.kind === 'control') pendingControls.delete(result.at);
      else pendingStarters.delete(cells.find((cell) => cell.options.id === result.exercise)!.index);
    }
    if (run.timedOutBranch) {
      const [kind, id] = run.timedOutBranch.key.split(':') as ['control' | 'starter', string];
      const result =
        kind === 'control'
          ? controlResult(lesson, Number(id), run.timedOutBranch.error)
          : starterResult(cells[Number(id)]!, run.timedOutBranch.error);
      judged.set(keyOf(result), result);
      options.onBranch?.(result);
      if (kind === 'control') pendingControls.delete(Number(id));
      else pendingStarters.delete(Number(id));
      note(
        `${run.timedOutBranch.error} (in a branch); starting ${lesson.file} again for the ${pendingControls.size + pendingStarters.size} branches left`,
      );
      continue;
    }
    const failedCell = run.cells.find((cell) => cell.status === 'error');
    if (!run.ok && failedCell && run.branches.length > 0) {
      note(
        `${lesson.file}:${failedCell.line}: cell ${failedCell.index + 1} failed in the trunk after ${run.branches.length} branches; ` +
          `one may have leaked into it: starting again for the ${pendingControls.size + pendingStarters.size} branches left`,
      );
      continue;
    }
    if (failedCell && notes.length > 0) {
      note(
        `${lesson.file}:${failedCell.line}: cell ${failedCell.index + 1} failed again with no branch before it: the trunk itself fails there, it was not a leak`,
      );
    }
    const why = `not run: the lesson failed before this branch${failedCell ? ` (cell ${failedCell.index + 1}, line ${failedCell.line})` : ''}`;
    for (const at of pendingControls) judged.set(`control:${at}`, controlResult(lesson, at, why));
    for (const index of pendingStarters) judged.set(`starter:${cells[index]!.options.id}`, starterResult(cells[index]!, why));
    const controls = lesson.controls.map((_, at) => judged.get(`control:${at}`) as ControlResult);
    const starters = exercises.map((cell) => judged.get(`starter:${cell.options.id}`) as StarterResult);
    const { branches: _branches, timedOutBranch: _timedOut, ...trunk } = run;
    return {
      ...trunk,
      ok: run.ok && controls.every((c) => c.failed) && starters.every((s) => s.failed),
      controls,
      starters,
      notes,
    };
  }
}

function controlResult(lesson: Lesson, at: number, error: string): ControlResult {
  const control = lesson.controls[at]!;
  return {
    kind: 'control',
    at,
    line: control.line,
    cell: control.cell,
    check: control.check,
    lever: control.lever,
    failed: false,
    error,
    ms: 0,
  };
}

function starterResult(cell: { line: number; options: { id?: string } }, error: string): StarterResult {
  return { kind: 'starter', exercise: cell.options.id!, line: cell.line - 1, failed: false, error, ms: 0 };
}
