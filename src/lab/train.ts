/**
 * `train(model, x, y, options)`: model.fit with a live training panel in the cell that called it
 * (loss and metrics per epoch and, sampled, per batch; progress with ETA, live tensor count, and a
 * "Stop training" button that ends training cleanly at the end of a batch). Headless, the panel's
 * text is a one-line summary. Returns fit's History, as fit does.
 *
 * Batch losses are read only when fit yields to the page (TF.js's onYield, every 125 ms or so),
 * not after every batch: reading a loss makes the backend finish the batch and send the number
 * back before the next can start, which on WebGL cost as much as the batch itself (a dense
 * network on software WebGL trained 1.7 times slower with a per-batch read). The panel redraws
 * four times a second, so it shows no less.
 */
import * as tf from '@tensorflow/tfjs';
import { activeSink } from '../notebook/current.ts';
import { fitStoppedByStop } from '../notebook/fits.ts';
import type { TrainingOutput, TrainingPoint } from '../notebook/outputs.ts';

export type TrainOptions = tf.ModelFitArgs & { title?: string };

const round = (value: number) => Number(value.toPrecision(4));

function summary(panel: TrainingOutput, title: string): string {
  const last = panel.epochEnds.at(-1);
  const metrics = last
    ? panel.metrics
        .filter((m) => m in last)
        .map((m) => `${m} ${round(last[m]!)}`)
        .join(', ')
    : 'no epoch finished';
  const state = panel.state === 'done' ? '' : ` (${panel.state})`;
  return `${title}: epoch ${panel.epochEnds.length}/${panel.epochs}${state}: ${metrics}`;
}

function batchesPerEpoch(x: tf.Tensor | tf.Tensor[] | { [name: string]: tf.Tensor }, options: tf.ModelFitArgs): number | undefined {
  const first = x instanceof tf.Tensor ? x : Array.isArray(x) ? x[0] : Object.values(x)[0];
  if (!first) return undefined;
  const samples = Math.ceil(first.shape[0]! * (1 - (options.validationSplit ?? 0)));
  return Math.ceil(samples / (options.batchSize ?? 32));
}

export async function train(
  model: tf.LayersModel,
  x: tf.Tensor | tf.Tensor[] | { [name: string]: tf.Tensor },
  y: tf.Tensor | tf.Tensor[] | { [name: string]: tf.Tensor },
  options: TrainOptions = {},
): Promise<tf.History> {
  const { title = 'Training', callbacks, ...fitOptions } = options;
  const sink = activeSink();
  const now = () => performance.now();
  const panel: TrainingOutput = {
    kind: 'training',
    text: '',
    state: 'running',
    epochs: fitOptions.epochs ?? 1,
    batchesPerEpoch: batchesPerEpoch(x, fitOptions),
    batchesDone: 0,
    batches: [],
    epochEnds: [],
    metrics: [],
    startedAt: now(),
    updatedAt: now(),
    liveTensors: tf.memory().numTensors,
  };
  let stopped = false;
  panel.stop = () => {
    stopped = true;
    model.stopTraining = true;
    panel.state = 'stopping';
    sink?.changed();
  };
  panel.text = summary(panel, title);
  sink?.push(panel);

  let epoch = 0;
  const record = (into: TrainingPoint[], logs: tf.Logs | undefined, atEpoch: number) => {
    const point: TrainingPoint = { step: panel.batchesDone, epoch: atEpoch };
    for (const [name, value] of Object.entries(logs ?? {})) {
      // fit's batch logs also carry the batch index and size: bookkeeping, not metrics.
      if (typeof value !== 'number' || name === 'batch' || name === 'size') continue;
      point[name] = value;
      if (!panel.metrics.includes(name)) panel.metrics.push(name);
    }
    into.push(point);
    panel.updatedAt = now();
    panel.liveTensors = tf.memory().numTensors;
    panel.text = summary(panel, title);
    sink?.changed();
  };
  const ours: tf.CustomCallbackArgs = {
    onEpochBegin: async (index) => {
      epoch = index;
    },
    // A batch's begin carries no tensors, so counting here reads nothing back from the backend.
    onBatchBegin: async () => {
      panel.batchesDone++;
      panel.updatedAt = now();
      sink?.changed();
    },
    // Batches are plotted at fractional epochs; an epoch's end at the whole number it completes.
    onYield: async (_epoch, batch, logs) => record(panel.batches, logs, epoch + (batch + 1) / (panel.batchesPerEpoch ?? batch + 1)),
    onEpochEnd: async (index, logs) => record(panel.epochEnds, logs, index + 1),
  };
  const theirs = callbacks === undefined ? [] : Array.isArray(callbacks) ? callbacks : [callbacks];
  try {
    return await model.fit(x, y, { ...fitOptions, callbacks: [...(theirs as tf.CustomCallbackArgs[]), ours] });
  } finally {
    // Stopped by its own button, or by the toolbar's Stop (which ends the whole cell).
    panel.state = stopped || fitStoppedByStop(model) ? 'stopped' : 'done';
    panel.stop = undefined;
    panel.updatedAt = now();
    panel.text = summary(panel, title);
    sink?.changed();
  }
}
