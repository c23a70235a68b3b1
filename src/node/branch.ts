/**
 * Branches off a headless run: from the state just before one cell, run a few cells with one
 * change (a control's lever flipped, or an exercise's starter in place of its solution), judge
 * the result, then put everything back and let the trunk carry on as if the branch never ran.
 *
 * Putting back covers what a branch can reach by name: the lesson scope's bindings, the cells'
 * code and run state, and every TF.js variable's value (a branch that trains a model the trunk
 * built rewinds its weights). It cannot rewind a plain object or array the trunk owns and the
 * branch changed in place; a trunk check that fails after a branch catches such a leak, and the
 * runner then starts the lesson again (run-controls.ts).
 */
import type { Tensor, Variable } from '@tensorflow/tfjs';
import type { Control } from '../notebook/control.ts';
import { flipLever } from '../notebook/control.ts';
import type { Kernel } from '../notebook/kernel.ts';
import type { KernelHost } from '../notebook/host.ts';
import { restoreScope, snapshotScope, type ScopeSnapshot } from '../notebook/scope.ts';

export interface ControlResult {
  kind: 'control';
  /** Position in lesson.controls. */
  at: number;
  line: number;
  cell: string;
  check: string;
  lever: string;
  /** The control held: its check ran and returned false. */
  failed: boolean;
  /** Why it did not hold, when it did not: the check passed, never ran, or a cell threw first. */
  error?: string;
  ms: number;
}

export interface StarterResult {
  kind: 'starter';
  exercise: string;
  line: number;
  /** The starter ran without throwing and every check of its exercise failed. */
  failed: boolean;
  error?: string;
  ms: number;
}

export type BranchResult = ControlResult | StarterResult;

interface Checkpoint {
  scope: ScopeSnapshot;
  variables: Map<string, { variable: Variable; value: Tensor }>;
}

type Tf = KernelHost['tf'];

function variablesOf(tf: Tf): Record<string, Variable> {
  return (tf.engine().state as unknown as { registeredVariables: Record<string, Variable> }).registeredVariables;
}

function checkpoint(kernel: Kernel, tf: Tf): Checkpoint {
  const variables = new Map<string, { variable: Variable; value: Tensor }>();
  // clone() shares the data until the variable is assigned anew: cheap to take.
  for (const [name, variable] of Object.entries(variablesOf(tf))) variables.set(name, { variable, value: variable.clone() });
  return { scope: snapshotScope(kernel.scope), variables };
}

function rollBack(kernel: Kernel, tf: Tf, saved: Checkpoint, cells: number[]): void {
  kernel.forgetRuns(cells);
  restoreScope(kernel.scope, saved.scope);
  for (const { variable, value } of saved.variables.values()) {
    if (!variable.isDisposed) variable.assign(value);
    value.dispose();
  }
  // Variables made during the branch and hung on a trunk object: an optimizer's slots, which
  // TF.js creates at a model's first training step, start at zero as they would have.
  for (const [name, variable] of Object.entries(variablesOf(tf))) {
    if (!saved.variables.has(name) && !variable.isDisposed) variable.assign(tf.zerosLike(variable));
  }
}

const firstError = (kernel: Kernel, index: number) => {
  const cell = kernel.cells[index]!;
  const error = cell.outputs.find((output) => output.kind === 'error');
  return error?.text.split('\n')[0] ?? `${kernel.lesson.file}:${cell.block.line}: cell ${index + 1} ended ${cell.status}`;
};

export interface BranchHooks {
  /** A branch cell starts (the parent's timeout clock). */
  onStart(index: number): void;
}

/** Cells from `from` to `to` that a run reaches (run=false cells are passed over, as Run all does). */
const reachable = (kernel: Kernel, from: number, to: number) =>
  kernel.cells
    .slice(from, to + 1)
    .filter((c) => c.block.options.run)
    .map((c) => c.index);

/** Flips the control's lever, runs up to its check, and says whether the check failed. */
export async function runControlBranch(kernel: Kernel, tf: Tf, control: Control, at: number, hooks: BranchHooks): Promise<ControlResult> {
  const started = performance.now();
  const base = { kind: 'control' as const, at, line: control.line, cell: control.cell, check: control.check, lever: control.lever };
  const cells = reachable(kernel, control.leverIndex, control.checkIndex);
  const saved = checkpoint(kernel, tf);
  const original = kernel.cells[control.leverIndex]!.source;
  kernel.edit(control.leverIndex, flipLever(original, control));
  let error: string | undefined;
  let failed = false;
  try {
    for (const index of cells) {
      hooks.onStart(index);
      const ok = await kernel.run(index);
      if (index === control.checkIndex) {
        const results = kernel.cells[index]!.outputs.filter((o) => o.kind === 'check' && o.id === control.check);
        failed = results.some((o) => o.kind === 'check' && !o.pass);
        if (results.length === 0) error = `check "${control.check}" never ran${ok ? '' : `: ${firstError(kernel, index)}`}`;
        else if (!failed) error = `check "${control.check}" still passes with the lever flipped`;
      } else if (!ok) {
        error = `cell ${index + 1} failed before check "${control.check}" ran: ${firstError(kernel, index)}`;
        break;
      }
    }
  } finally {
    kernel.edit(control.leverIndex, original);
    rollBack(kernel, tf, saved, cells);
  }
  return { ...base, failed: failed && !error, ...(error ? { error } : {}), ms: Math.round(performance.now() - started) };
}

/**
 * A learner who tried the starter and then shows the solution runs the exercise a second time:
 * the lab's own warnings (tensors a re-run leaves behind) must not greet a solution.
 */
async function solutionWarning(kernel: Kernel, exercise: number, hooks: BranchHooks): Promise<string | undefined> {
  kernel.useStarter(exercise, false);
  hooks.onStart(exercise);
  const ok = await kernel.run(exercise);
  const cell = kernel.cells[exercise]!;
  if (!ok) return `the solution, run after the starter, fails: ${firstError(kernel, exercise)}`;
  const warning = cell.outputs.find((o) => o.kind === 'text' && o.stream === 'warn');
  return warning ? `the solution, run after the starter as a learner would, warns: ${warning.text}` : undefined;
}

/**
 * Runs an exercise's starter in place of its solution, then the cells up to its last check:
 * the starter must run, and every `check for=` cell of the exercise must fail; no other cell may.
 * Then the solution runs once more in the exercise's cell, as after "Show solution".
 */
export async function runStarterBranch(kernel: Kernel, tf: Tf, exercise: number, hooks: BranchHooks): Promise<StarterResult> {
  const started = performance.now();
  const block = kernel.cells[exercise]!.block;
  const id = block.options.id!;
  const checks = kernel.cells.filter((c) => c.block.options.check && c.block.options.for === id).map((c) => c.index);
  const cells = reachable(kernel, exercise, Math.max(exercise, ...checks));
  const saved = checkpoint(kernel, tf);
  kernel.useStarter(exercise, true);
  let error: string | undefined;
  try {
    for (const index of cells) {
      hooks.onStart(index);
      const ok = await kernel.run(index);
      const cell = kernel.cells[index]!;
      if (checks.includes(index)) {
        const failedCheck = cell.outputs.some((o) => o.kind === 'check' && !o.pass);
        if (ok || !failedCheck) {
          error = ok
            ? `the starter passes the check in cell ${index + 1} (line ${cell.block.line}): the exercise teaches nothing`
            : `the check cell ${index + 1} threw instead of failing a check: ${firstError(kernel, index)}`;
          break;
        }
      } else if (!ok) {
        error =
          index === exercise
            ? `the starter throws: ${firstError(kernel, index)}`
            : `with the starter, cell ${index + 1} fails: ${firstError(kernel, index)}`;
        break;
      }
    }
    if (!error) error = await solutionWarning(kernel, exercise, hooks);
  } finally {
    kernel.useStarter(exercise, false);
    rollBack(kernel, tf, saved, cells);
  }
  return {
    kind: 'starter',
    exercise: id,
    line: block.line - 1,
    failed: !error,
    ...(error ? { error } : {}),
    ms: Math.round(performance.now() - started),
  };
}
