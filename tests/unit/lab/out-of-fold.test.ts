import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateShapes } from '../../../src/lab/data/shapes.ts';
import type { ImageDataset } from '../../../src/lab/data/image-dataset.ts';
import { flipLabels } from '../../../src/lab/label-noise.ts';
import { lossesByItem, outOfFoldLosses } from '../../../src/lab/top-losses.ts';
import { nodeHost } from '../../helpers/lesson.ts';

beforeAll(() => nodeHost());

/** A model that has memorised `train`: for an image it saw, the label it saw; else a uniform guess. */
function memoriser(train: ImageDataset): tf.LayersModel {
  const seen = new Map<string, number>();
  const size = train.height * train.width * train.channels;
  const key = (images: Float32Array, i: number) => images.subarray(i * size, (i + 1) * size).join(',');
  for (let i = 0; i < train.count; i++) seen.set(key(train.images, i), train.labels[i]!);
  const classes = train.classes.length;
  return {
    predict: (xs: tf.Tensor) => {
      const images = xs.dataSync() as Float32Array;
      const rows = Array.from({ length: xs.shape[0]! }, (_, i) => {
        const label = seen.get(key(images, i));
        return Array.from({ length: classes }, (_, c) => (label === undefined ? 1 / classes : c === label ? 0.98 : 0.02 / (classes - 1)));
      });
      return tf.tensor2d(rows);
    },
    dispose: () => {},
  } as unknown as tf.LayersModel;
}

describe('outOfFoldLosses', () => {
  const data = generateShapes({ count: 31, size: 8, labelNoise: 0.3, seed: 4 });

  it('scores every item once, by a model that never trained on it', async () => {
    const trainedOn: number[] = [];
    const losses = await outOfFoldLosses(
      data,
      async (train) => {
        trainedOn.push(train.count);
        return memoriser(train);
      },
      { folds: 3, flat: true },
    );
    expect(trainedOn.sort()).toEqual([20, 21, 21]);
    expect(losses.map((item) => item.index).sort((a, b) => a - b)).toEqual([...data.labels.keys()]);
    for (const item of losses) expect(item.label).toBe(data.labels[item.index]);
    // Out of fold the memoriser never recognises an item: every loss is the uniform guess's.
    for (const item of losses) expect(item.loss).toBeCloseTo(Math.log(3), 5);
    // In sample it knows every label, wrong ones included: every loss is low.
    const inSample = await lossesByItem(memoriser(data), data, { flat: true });
    for (const item of inSample) expect(item.loss).toBeLessThan(0.05);
  });

  it('puts the same items in the same folds for a seed, and other folds for another', async () => {
    const foldsOf = async (seed: number) => {
      const trainSets: string[] = [];
      await outOfFoldLosses(
        data,
        async (train) => {
          trainSets.push(Array.from(train.images.slice(0, 64 * 3)).join(','));
          return memoriser(train);
        },
        { folds: 3, seed, flat: true },
      );
      return trainSets;
    };
    expect(await foldsOf(2)).toEqual(await foldsOf(2));
    expect(await foldsOf(3)).not.toEqual(await foldsOf(2));
  });

  it('refuses fold counts that leave nothing to train on or score', async () => {
    const fit = async (train: ImageDataset) => memoriser(train);
    await expect(outOfFoldLosses(data, fit, { folds: 1 })).rejects.toThrow(/folds must be a whole number from 2 to the 31 items, not 1/);
    await expect(outOfFoldLosses(data, fit, { folds: 2.5 })).rejects.toThrow(/not 2.5/);
  });
});

describe('flipLabels', () => {
  const data = generateShapes({ count: 3000, size: 8, seed: 5 });

  it('replaces about the share asked, always by another class, and records which', () => {
    const { data: noisy, flipped, trueLabels } = flipLabels(data, { share: 0.2, seed: 3 });
    const count = flipped.reduce((a, b) => a + b, 0);
    expect(count).toBeGreaterThan(0.17 * data.count);
    expect(count).toBeLessThan(0.23 * data.count);
    for (let i = 0; i < data.count; i++) {
      expect(trueLabels[i]).toBe(data.labels[i]);
      expect(noisy.labels[i] !== data.labels[i]).toBe(flipped[i] === 1);
    }
    // Every wrong class is used, not always the next one.
    const wrongFor0 = new Set([...noisy.labels.keys()].filter((i) => flipped[i] && data.labels[i] === 0).map((i) => noisy.labels[i]));
    expect(wrongFor0).toEqual(new Set([1, 2]));
    expect(noisy.images).toBe(data.images);
    expect(flipLabels(data, { share: 0.2, seed: 3 }).flipped).toEqual(flipped);
    expect(flipLabels(data, { share: 0.2, seed: 4 }).flipped).not.toEqual(flipped);
  });

  it('refuses a share outside 0 to 1', () => {
    expect(() => flipLabels(data, { share: 20 })).toThrow(/share must be from 0 to 1, not 20/);
  });
});
