/**
 * What a cell run produces, as data tagged with a kind. The browser renders each kind with one
 * switch; Node prints `text`, which every kind carries; `--json` writes everything but live DOM.
 */
import type { SourceLocation } from './errors.ts';

export type Output =
  | { kind: 'text'; text: string; stream: 'result' | 'log' | 'warn' | 'error' }
  | { kind: 'error'; text: string; name: string; message: string; location?: SourceLocation }
  | { kind: 'table'; text: string; columns: string[]; rows: unknown[][]; total: number }
  | { kind: 'tensor'; text: string; shape: number[]; dtype: string; preview: string }
  | { kind: 'chart'; text: string; node: unknown; svg: string }
  | { kind: 'image'; text: string; src: string; width: number; height: number }
  | { kind: 'html'; text: string; node: unknown }
  | { kind: 'progress'; text: string; label: string; value: number; total: number; startedAt: number; updatedAt: number }
  /** `id` when the check named one (`check(cond, { id, pass, fail })`): controls refer to it. */
  | { kind: 'check'; text: string; pass: boolean; message: string; id?: string; margin?: number }
  | TrainingOutput;

export interface TrainingPoint {
  /** Batches seen since training started when the point was taken. */
  step: number;
  epoch: number;
  [metric: string]: number;
}

/** A live training panel: curves per batch and per epoch, progress, and a way to stop. */
export interface TrainingOutput {
  kind: 'training';
  text: string;
  state: 'running' | 'stopping' | 'stopped' | 'done';
  epochs: number;
  /** Batches in one epoch, when known (for progress and ETA). */
  batchesPerEpoch?: number;
  /** Batches trained so far (progress and ETA). */
  batchesDone: number;
  /** Batch losses and metrics, sampled a few times a second (the batch curve). */
  batches: TrainingPoint[];
  epochEnds: TrainingPoint[];
  /** Metric names logged, e.g. loss, acc, val_loss, val_acc. */
  metrics: string[];
  startedAt: number;
  updatedAt: number;
  liveTensors: number;
  /** Ends training at the end of the current batch; the cell goes on normally. */
  stop?: () => void;
}

export type OutputKind = Output['kind'];

/** The serialisable part of an output (live DOM nodes dropped), for `--json` and tests. */
export function plainOutput(output: Output): Record<string, unknown> {
  const { node: _node, stop: _stop, ...rest } = output as Output & { node?: unknown; stop?: unknown };
  return rest;
}
