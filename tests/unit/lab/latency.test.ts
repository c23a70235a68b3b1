import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictionLatency } from '../../../src/lab/latency.ts';

const tinyModel = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });

describe('predictionLatency', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('times every batch size on every backend that starts, repeating the images to fill a batch', async () => {
    const model = tinyModel();
    const images = tf.randomUniform([3, 4]);
    const seen: number[] = [];
    const spy = { predict: (x: tf.Tensor) => (seen.push(x.shape[0]!), model.predict(x) as tf.Tensor) };
    const before = tf.memory().numTensors;
    const rows = await predictionLatency(spy, images, { batchSizes: [1, 8], runs: 6, warmup: 1, backends: ['cpu', 'no-such-backend'] });
    expect(tf.memory().numTensors).toBe(before);
    expect(rows.map((r) => [r.backend, r.batchSize])).toEqual([
      ['cpu', 1],
      ['cpu', 8],
    ]);
    for (const row of rows) {
      expect(row.runs).toBe(6);
      expect(row.msPerCall).toBeGreaterThanOrEqual(0);
      expect(row.msPerImage).toBeCloseTo(row.msPerCall / row.batchSize, 12);
      expect(row.slowestMs).toBeGreaterThanOrEqual(row.msPerCall);
    }
    // One warm-up and six timed calls per batch size, each of the full batch.
    expect(seen).toEqual([...Array(7).fill(1), ...Array(7).fill(8)]);
    expect(tf.getBackend()).toBe('cpu');
    images.dispose();
    model.dispose();
  });

  it('keeps the median, not the mean, and stops early once its time is spent', async () => {
    const delays = [0, 0, 0, 40, 0, 0, 0];
    let call = 0;
    const slowOnce = {
      predict: (x: tf.Tensor) => {
        const until = performance.now() + delays[call++ % delays.length]!;
        while (performance.now() < until) {
          /* a stall, as a garbage collection would make */
        }
        return x.sum(1);
      },
    };
    const images = tf.ones([2, 4]);
    const [row] = await predictionLatency(slowOnce, images, { batchSizes: [2], runs: 6, warmup: 1, backends: ['cpu'] });
    expect(row!.slowestMs).toBeGreaterThanOrEqual(40);
    expect(row!.msPerCall).toBeLessThan(20);
    const capped = await predictionLatency(
      {
        predict: (x) => {
          const until = performance.now() + 30;
          while (performance.now() < until) {
            /* slow */
          }
          return x.sum(1);
        },
      },
      images,
      { batchSizes: [1], runs: 100, warmup: 0, minRuns: 3, maxMsPerSize: 50, backends: ['cpu'] },
    );
    expect(capped[0]!.runs).toBeGreaterThanOrEqual(3);
    expect(capped[0]!.runs).toBeLessThan(10);
    images.dispose();
  });

  it('times a second backend with the weights copied to it through the CPU, and puts them back', async () => {
    // A second backend, as a page has WebGL beside the CPU: the CPU backend under another name.
    if (!tf.findBackendFactory('cpu-copy')) {
      tf.registerBackend('cpu-copy', () => new MathBackendCPU());
      for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'cpu-copy' });
    }
    const model = tinyModel();
    const images = tf.randomUniform([5, 4]);
    const before = await (model.predict(images) as tf.Tensor).data();
    const placed: string[] = [];
    const setWeights = model.setWeights.bind(model);
    model.setWeights = (weights) => (placed.push(tf.getBackend()), setWeights(weights));
    const tensors = tf.memory().numTensors;
    const rows = await predictionLatency(model, images, { batchSizes: [1, 4], runs: 3, backends: ['cpu-copy', 'cpu'] });
    expect(rows.map((r) => `${r.backend} ${r.batchSize}`)).toEqual(['cpu-copy 1', 'cpu-copy 4', 'cpu 1', 'cpu 4']);
    // Onto cpu-copy, then back onto cpu for its own rows; nothing more at the end.
    expect(placed).toEqual(['cpu-copy', 'cpu']);
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.memory().numTensors).toBe(tensors);
    expect(Array.from(await (model.predict(images) as tf.Tensor).data())).toEqual(Array.from(before));
    // Timing only the other backend still leaves the weights where they were.
    placed.length = 0;
    await predictionLatency(model, images, { batchSizes: [1], runs: 1, backends: ['cpu-copy'] });
    expect(placed).toEqual(['cpu-copy', 'cpu']);
    expect(tf.getBackend()).toBe('cpu');
    expect(Array.from(await (model.predict(images) as tf.Tensor).data())).toEqual(Array.from(before));
    images.dispose();
    model.dispose();
  });

  it('puts the backend back and refuses what it cannot time', async () => {
    const images = tf.ones([2, 4]);
    await expect(predictionLatency(tinyModel(), images, { backends: ['no-such-backend'] })).rejects.toThrow(
      /none of the backends \[no-such-backend\] starts here/,
    );
    expect(tf.getBackend()).toBe('cpu');
    await expect(predictionLatency(tinyModel(), images, { batchSizes: [0] })).rejects.toThrow(/batchSizes must be whole numbers/);
    await expect(predictionLatency(tinyModel(), images, { runs: 0 })).rejects.toThrow(/runs must be a whole number/);
    const failing = {
      predict: (): tf.Tensor => {
        throw new Error('broken model');
      },
    };
    await expect(predictionLatency(failing, images, { backends: ['cpu'] })).rejects.toThrow(/broken model/);
    expect(tf.getBackend()).toBe('cpu');
    images.dispose();
  });
});
