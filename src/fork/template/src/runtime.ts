/**
 * What the notebook gave every cell, as a small module: `display(value)` and `check(condition,
 * message)`. Where output goes is up to the host (the page, or the terminal in tests).
 */
import { readCheckMessage, type CheckMessage } from './lab/notebook/check.ts';
import { setActiveSink } from './lab/notebook/current.ts';
import type { Output } from './lab/notebook/outputs.ts';

export interface Renderer {
  /** A cell starts: a place for its outputs. */
  startCell(index: number, title: string): void;
  show(value: unknown): void;
  check(pass: boolean, message: string): void;
  /** Outputs the lab's helpers add themselves (the training panel, widgets). */
  helperOutput(output: Output, changed: boolean): void;
}

export interface CheckResult {
  cell: number;
  /** The id the check named, if any (`check(cond, { id, pass, fail })`). */
  id?: string;
  pass: boolean;
  message: string;
}

let renderer: Renderer | undefined;
let currentCell = -1;
export const checks: CheckResult[] = [];

export function useRenderer(next: Renderer): void {
  renderer = next;
}

export function startCell(index: number, title: string): void {
  currentCell = index;
  renderer?.startCell(index, title);
  const pushed: Output[] = [];
  setActiveSink({
    push(output) {
      pushed.push(output);
      renderer?.helperOutput(output, false);
    },
    changed() {
      for (const output of pushed) renderer?.helperOutput(output, true);
    },
  });
}

export function display(value: unknown): void {
  // As in the notebook, a cell whose last expression has no value shows nothing.
  if (value !== undefined) renderer?.show(value);
}

/** A message is one sentence, or { id, pass, fail }: wording for each outcome, as in the lab. */
export function check(condition: unknown, message: CheckMessage): void {
  const wording = readCheckMessage(message);
  const pass = Boolean(condition);
  const said = pass ? wording.pass : wording.fail;
  checks.push({ cell: currentCell, ...(wording.id ? { id: wording.id } : {}), pass, message: said });
  renderer?.check(pass, said);
}
