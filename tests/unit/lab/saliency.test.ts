import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { saliencyMaps, saliencyGrid, shareOn } from '../../../src/lab/saliency.ts';
import type { ImageDataset } from '../../../src/lab/data/image-dataset.ts';
import { chartSummary } from '../../../src/notebook/plot.ts';
import { nodeHost } from '../../helpers/lesson.ts';

beforeAll(() => nodeHost());

/**
 * A model whose answer depends on one pixel only: class 1's score is 5 × pixel 5 (of a 4 × 4 image),
 * class 0's is 0. Every saliency map must put (almost) all its mass on that pixel.
 */
function onePixelModel(): tf.LayersModel {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [16], useBias: false })] });
  const kernel = new Float32Array(16 * 2);
  kernel[5 * 2 + 1] = 5;
  model.layers[0]!.setWeights([tf.tensor2d(kernel, [16, 2])]);
  return model;
}

function images(count: number, value: (item: number, pixel: number) => number): ImageDataset {
  const data = new Float32Array(count * 16);
  for (let i = 0; i < count; i++) for (let p = 0; p < 16; p++) data[i * 16 + p] = value(i, p);
  return {
    images: data,
    labels: Int32Array.from({ length: count }, (_, i) => i % 2),
    classes: ['a', 'b'],
    height: 4,
    width: 4,
    channels: 1,
    count,
  };
}

describe('saliency maps', () => {
  it('by gradient: all the mass on the one pixel the model reads, and maps sum to 1', async () => {
    const model = onePixelModel();
    const data = images(4, (i, p) => (p === 5 ? 0.2 * i : 0.5));
    const before = tf.memory().numTensors;
    const saliency = await saliencyMaps(model, data, { flat: true });
    expect(tf.memory().numTensors).toBe(before);
    expect(saliency.maps).toHaveLength(4);
    expect(saliency.targets).toEqual([0, 1, 0, 1]);
    for (const map of saliency.maps) {
      expect(map.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(map[5]).toBeGreaterThan(0.99);
    }
    const mask = Array.from({ length: 16 }, (_, p) => p === 5);
    expect(shareOn(saliency.maps[1]!, mask)).toBeGreaterThan(0.99);
    expect(
      shareOn(
        saliency.maps[1]!,
        mask.map((m) => !m),
      ),
    ).toBeLessThan(0.01);
  });

  it('by occlusion: the mass falls on the patches that cover the pixel, nowhere else', async () => {
    const model = onePixelModel();
    // Pixel 5 bright: the model is sure of class 1; covering it with black makes it unsure.
    const data = images(2, (_, p) => (p === 5 ? 1 : 0));
    const before = tf.memory().numTensors;
    const saliency = await saliencyMaps(model, data, { method: 'occlusion', flat: true, patch: 2, stride: 1, indices: [1] });
    expect(tf.memory().numTensors).toBe(before);
    expect(saliency.indices).toEqual([1]);
    const map = saliency.maps[0]!;
    expect(map.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // Pixel 5 is (x 1, y 1): only patches over it change the answer, so the far corner gets nothing.
    expect(map[5]).toBeGreaterThan(map[15]!);
    expect(map[15]).toBe(0);
    expect(map[10]).toBeLessThan(map[5]!);
  });

  it('takes image-shaped inputs, explains the prediction when asked, and refuses unknown items', async () => {
    const flat = onePixelModel();
    const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [4, 4, 1] }), flat] });
    const data = images(2, (_, p) => (p === 5 ? 1 : 0));
    const saliency = await saliencyMaps(model, data, { target: 'predicted' });
    expect(saliency.targets).toEqual([1, 1]); // both items show the bright pixel: the model says class 1
    expect(saliency.maps[0]![5]).toBeGreaterThan(0.99);
    await expect(saliencyMaps(model, data, { indices: [2] })).rejects.toThrow(/not in the dataset/);
  });

  it('draws images above their maps, headless', async () => {
    const data = images(3, (_, p) => p / 16);
    const saliency = await saliencyMaps(onePixelModel(), data, { flat: true });
    const grid = saliencyGrid(data, saliency, { columns: 3 });
    expect(chartSummary(grid)).toMatch(/^chart \d+x\d+: cell, frame, text$/);
    expect(grid.getAttribute('aria-label')).toBe('3 images, each above its gradient saliency map');
    expect(() => saliencyGrid({ ...data, height: 8, width: 2 }, saliency)).toThrow(/maps of 4×4/);
  });

  it('shareOn refuses a mask of another size', () => {
    expect(() => shareOn([0.5, 0.5], [true])).toThrow(/2 pixels and a mask of 1/);
  });
});
