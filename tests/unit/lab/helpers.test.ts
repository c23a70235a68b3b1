import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitIndices, splitDataset } from '../../../src/lab/split.ts';
import { fitNormalizer } from '../../../src/lab/normalize.ts';
import { accuracy, confusionMatrix, perClass } from '../../../src/lab/metrics.ts';
import { resizeImages, augmentImages } from '../../../src/lab/image-ops.ts';
import { generateShapes } from '../../../src/lab/data/shapes.ts';
import { imageGrid, classBalance } from '../../../src/lab/show.ts';
import { chartSummary } from '../../../src/notebook/plot.ts';
import { nodeHost } from '../../helpers/lesson.ts';

beforeAll(() => nodeHost());

describe('splits', () => {
  const labels = Array.from({ length: 100 }, (_, i) => (i < 80 ? 0 : 1));

  it('are disjoint, cover every item, keep class balance, and repeat for a seed', () => {
    const split = splitIndices(labels, { valid: 0.2, test: 0.1, seed: 3 });
    const all = [...split.train, ...split.valid, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(split.valid.filter((i) => labels[i] === 1).length).toBe(4); // 20% of the 20 rare items
    expect(split.test.length).toBe(10);
    expect(splitIndices(labels, { valid: 0.2, test: 0.1, seed: 3 })).toEqual(split);
    expect(splitIndices(labels, { valid: 0.2, test: 0.1, seed: 4 }).valid).not.toEqual(split.valid);
  });

  it('refuse fractions that leave nothing to train on', () => {
    expect(() => splitIndices(labels, { valid: 0.6, test: 0.4 })).toThrow(/leave some data to train on/);
  });

  it('split image datasets into copies', () => {
    const data = generateShapes({ count: 60 });
    const { train, valid } = splitDataset(data, { valid: 0.25 });
    expect(train.count + valid.count).toBe(60);
    expect(train.images.length).toBe(train.count * 256);
  });
});

describe('normalisation', () => {
  it('uses the statistics of the rows it was fitted on', () => {
    const normalizer = fitNormalizer([
      [0, 10],
      [2, 10],
      [4, 10],
    ]);
    expect(normalizer.mean).toEqual([2, 10]);
    expect(
      normalizer.apply([
        [2, 10],
        [6, 10],
      ]),
    ).toEqual([
      [0, 0],
      [(6 - 2) / Math.sqrt(8 / 3), 0],
    ]);
    expect(() => normalizer.apply([[1]])).toThrow(/fitted on 2/);
  });
});

describe('metrics', () => {
  it('computes accuracy, the confusion matrix and per-class precision and recall', () => {
    const actual = [0, 0, 0, 0, 1, 1, 2, 2];
    const predicted = [0, 0, 0, 1, 1, 0, 2, 2];
    expect(accuracy(predicted, actual)).toBe(6 / 8);
    const matrix = confusionMatrix(predicted, actual, 3);
    expect(matrix).toEqual([
      [3, 1, 0],
      [1, 1, 0],
      [0, 0, 2],
    ]);
    expect(perClass(matrix, ['a', 'b', 'c'])).toEqual([
      { class: 'a', precision: 0.75, recall: 0.75, support: 4 },
      { class: 'b', precision: 0.5, recall: 0.5, support: 2 },
      { class: 'c', precision: 1, recall: 1, support: 2 },
    ]);
  });
});

describe('image ops', () => {
  it('resizes by squish, crop and pad to the asked size', () => {
    const images = tf.ones([2, 8, 16, 1]) as tf.Tensor4D;
    for (const method of ['squish', 'crop', 'pad'] as const) {
      const out = resizeImages(images, 12, method);
      expect(out.shape).toEqual([2, 12, 12, 1]);
      out.dispose();
    }
    const padded = resizeImages(images, 16, 'pad');
    // Padding adds dark borders: the mean drops to about half (8 of 16 rows are image).
    expect(padded.mean().dataSync()[0]).toBeCloseTo(0.5, 1);
    tf.dispose([images, padded]);
  });

  it('augments deterministically for a seed, keeps values in [0, 1], and changes the images', () => {
    const data = generateShapes({ count: 8 });
    const images = tf.tensor4d(data.images, [8, 16, 16, 1]);
    const options = { flip: true, rotate: 30, brightness: 0.2, noise: 0.05, crop: [0.7, 1] as [number, number], seed: 9 };
    const a = augmentImages(images, options);
    const b = augmentImages(images, options);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(a.min().dataSync()[0]).toBeGreaterThanOrEqual(0);
    expect(a.max().dataSync()[0]).toBeLessThanOrEqual(1);
    expect(a.sub(images).abs().mean().dataSync()[0]).toBeGreaterThan(0.02);
    const before = tf.memory().numTensors;
    augmentImages(images, options).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([images, a, b]);
  });
});

describe('pictures of data', () => {
  it('draws an image grid with captions and a class balance chart headless', () => {
    const data = generateShapes({ count: 12 });
    const grid = imageGrid(data, { count: 6, columns: 3 });
    expect(chartSummary(grid)).toMatch(/^chart \d+x\d+: cell, frame, text$/);
    expect(grid.getAttribute('aria-label')).toBe('6 images: circle, square, triangle, circle, square, triangle');
    expect(chartSummary(classBalance(data.labels, data.classes))).toMatch(/bar/);
  });
});
