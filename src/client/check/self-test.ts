/**
 * The workshop check's training self-test: lesson 01's dense network on the digits, loaded and
 * split as lessons do, seeded as lessons are, trained for a fixed time on the backend the lab
 * chose (`backend.ts`, the lessons' own choice). Loaded on demand: it brings TF.js.
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, type BackendChoice, type BackendName } from '../backend.ts';
import { loadDataset } from '../../lab/data/load.ts';
import { setLabEnvironment, siteEnvironment } from '../../lab/environment.ts';
import { toTensors, type ImageDataset } from '../../lab/data/image-dataset.ts';
import { splitDataset } from '../../lab/split.ts';
import { accuracy, predictClasses } from '../../lab/metrics.ts';
import { seedRandom, unseedRandom } from '../../notebook/random.ts';
import type { SelfTestResult } from './verdict.ts';

export const SELF_TEST_SECONDS = 2;
/** However slow the machine, stop here: the rate is known long before. */
const MAX_SECONDS = 30;
const SEED = 42;
const BATCH = 32;

/**
 * Activates the lab's choice of backend (or `requested`, if it works here), chosen as a lesson's
 * is, for the self-test's own work: a dense network, no convolutions.
 */
export async function useBackend(requested?: BackendName): Promise<BackendChoice> {
  const choice = await chooseBackend(tf, requested, { ms: 1000, convMs: 0, reference: { dense: 1, conv: 1 } });
  await tf.ready();
  return choice;
}

let digits: Promise<ImageDataset> | undefined;

function loadDigits(base: string): Promise<ImageDataset> {
  // The environment a lesson page sets up (session.ts): the site's own /datasets/ under its base.
  setLabEnvironment(siteEnvironment(base));
  digits ??= loadDataset('digits').catch((error: unknown) => {
    digits = undefined;
    throw error;
  });
  return digits;
}

/**
 * Trains for `seconds`, and at least one epoch so that the accuracy means something (up to 30 s on
 * a very slow machine), after an untimed warm-up; then measures accuracy on the held-out fifth.
 * `onProgress` gets the fraction done.
 */
export async function runSelfTest(
  base: string,
  onProgress: (fraction: number) => void,
  seconds = SELF_TEST_SECONDS,
): Promise<SelfTestResult> {
  const started = performance.now();
  const data = await loadDigits(base);
  const { train, valid } = splitDataset(data, { valid: 0.2, seed: 7 });
  const trainData = toTensors(train, { flat: true });
  const validData = toTensors(valid, { flat: true });
  // Seeded as the lab seeds a cell (the lesson seed and the cell's key), so every device trains
  // the same network on the same shuffles.
  seedRandom(SEED, 'self-test');
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 64, activation: 'relu', inputShape: [64] }), tf.layers.dense({ units: 10, activation: 'softmax' })],
  });
  try {
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    // Warm-up, untimed: one full batch and one of the epoch's last, shorter size, so the GPU
    // backends compile their programs for both shapes before the clock starts.
    const warm = BATCH + (train.count % BATCH);
    const warmX = trainData.xs.slice(0, warm);
    const warmY = trainData.ys.slice(0, warm);
    await model.fit(warmX, warmY, { epochs: 1, batchSize: BATCH, verbose: 0, callbacks: { onBatchEnd: async () => {} } });
    tf.dispose([warmX, warmY]);

    let samples = 0;
    const timed = performance.now();
    let elapsed = 0;
    await model.fit(trainData.xs, trainData.ys, {
      epochs: 1000,
      batchSize: BATCH,
      shuffle: true,
      verbose: 0,
      callbacks: {
        onBatchEnd: async (_batch, logs) => {
          samples += Number(logs?.size ?? BATCH);
          elapsed = (performance.now() - timed) / 1000;
          onProgress(Math.min(1, elapsed / seconds, samples / train.count));
          if ((elapsed >= seconds && samples >= train.count) || elapsed >= MAX_SECONDS) model.stopTraining = true;
        },
      },
    });
    elapsed = (performance.now() - timed) / 1000;
    const { classes } = await predictClasses(model, validData.xs);
    return {
      backend: tf.getBackend() as BackendName,
      samplesPerSecond: samples / elapsed,
      accuracy: accuracy(classes, valid.labels),
      samples,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    unseedRandom();
    model.dispose();
    tf.dispose([trainData.xs, trainData.ys, validData.xs, validData.ys]);
  }
}
