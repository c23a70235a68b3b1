/**
 * The run that is executing now, for helpers in the "lab" module that add outputs to the cell
 * that called them (the training panel). Cells run one at a time, so while a cell's code — or
 * code it awaits — runs, this is that cell's run.
 */
import type { Output } from './outputs.ts';

export interface OutputSink {
  push(output: Output): void;
  /** Tell the page that an output pushed earlier changed in place. */
  changed(): void;
}

let active: OutputSink | undefined;

export function setActiveSink(sink: OutputSink | undefined): void {
  active = sink;
}

export function activeSink(): OutputSink | undefined {
  return active;
}
