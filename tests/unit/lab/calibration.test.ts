import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { fitTemperature, reliability, withTemperature } from '../../../src/lab/calibration.ts';
import { mulberry32 } from '../../../src/lab/random.ts';

/** Items whose true class is drawn from softmax(logits / trueT), reported by a model as softmax(logits). */
function miscalibrated(count: number, trueTemperature: number, seed: number) {
  const random = mulberry32(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const logits = [0, 1, 2].map(() => 4 * random());
    const softmax = (t: number) => {
      const e = logits.map((z) => Math.exp(z / t));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    };
    rows.push(softmax(1));
    const truth = softmax(trueTemperature);
    const u = random();
    labels.push(u < truth[0]! ? 0 : u < truth[0]! + truth[1]! ? 1 : 2);
  }
  return { rows, labels };
}

describe('reliability', () => {
  it('bins by confidence and weighs each bin’s gap by its size', () => {
    const rows = [
      [0.95, 0.05],
      [0.95, 0.05],
      [0.35, 0.65],
      [0.35, 0.65],
    ];
    const table = reliability(rows, [0, 1, 1, 0], { bins: 10 });
    const ninety = table.bins[9]!;
    expect(ninety).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(ninety.confidence).toBeCloseTo(0.95, 6);
    const sixty = table.bins[6]!;
    expect(sixty).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(sixty.confidence).toBeCloseTo(0.65, 6);
    expect(table.bins[0]).toMatchObject({ count: 0 });
    expect(table.bins[0]!.accuracy).toBeNaN();
    // half the items 45 points over-confident, half 15: 0.5·0.45 + 0.5·0.15
    expect(table.ece).toBeCloseTo(0.3, 6);
    expect(table.accuracy).toBe(0.5);
    expect(table.confidence).toBeCloseTo(0.8, 6);
  });

  it('puts a confidence of exactly 1 in the last bin, and gives 0 for a calibrated table', () => {
    const table = reliability([[1, 0]], [0], { bins: 5 });
    expect(table.bins[4]!.count).toBe(1);
    expect(table.ece).toBe(0);
  });

  it('names what is wrong with its input', () => {
    expect(() => reliability([[0.5, 0.5]], [0, 1])).toThrow('1 rows of probabilities for 2 labels');
    expect(() => reliability([[0.5, 0.5]], [2])).toThrow('label 2 of item 0 is not a class index from 0 to 1');
    expect(() => reliability([[0.5, 0.5]], [0], { bins: 0 })).toThrow('bins must be a positive whole number');
    expect(() => reliability([], [])).toThrow('no items');
  });
});

describe('fitTemperature', () => {
  it('finds the temperature the labels were drawn with, and lowers the likelihood loss', () => {
    for (const trueTemperature of [0.5, 2.5]) {
      const { rows, labels } = miscalibrated(4000, trueTemperature, 7);
      const fit = fitTemperature(rows, labels);
      expect(fit.temperature).toBeGreaterThan(trueTemperature * 0.85);
      expect(fit.temperature).toBeLessThan(trueTemperature * 1.15);
      expect(fit.nllAfter).toBeLessThan(fit.nllBefore);
    }
  });

  it('leaves a calibrated model near T = 1', () => {
    const { rows, labels } = miscalibrated(4000, 1, 8);
    expect(fitTemperature(rows, labels).temperature).toBeCloseTo(1, 1);
  });

  it('scaling by the fitted temperature shrinks the ECE on new items from the same source', () => {
    const fitting = miscalibrated(3000, 2.5, 9);
    const judging = miscalibrated(3000, 2.5, 10);
    const { temperature } = fitTemperature(fitting.rows, fitting.labels);
    const before = reliability(judging.rows, judging.labels);
    const probabilities = tf.tensor2d(judging.rows);
    const scaled = withTemperature(probabilities, temperature);
    const after = reliability(scaled, judging.labels);
    expect(before.ece).toBeGreaterThan(0.1);
    expect(after.ece).toBeLessThan(before.ece / 3);
    // the predicted class never changes
    expect(after.accuracy).toBe(before.accuracy);
    tf.dispose([probabilities, scaled]);
  });
});

describe('withTemperature', () => {
  it('keeps each row’s order, softens above 1 and refuses T ≤ 0', () => {
    const probabilities = tf.tensor2d([[0.7, 0.2, 0.1]]);
    const soft = withTemperature(probabilities, 2);
    const values = Array.from(soft.dataSync());
    const expected = [0.7, 0.2, 0.1].map(Math.sqrt);
    const sum = expected.reduce((a, b) => a + b, 0);
    values.forEach((v, i) => expect(v).toBeCloseTo(expected[i]! / sum, 5));
    expect(() => withTemperature(probabilities, 0)).toThrow('the temperature must be above 0 (got 0)');
    tf.dispose([probabilities, soft]);
  });
});
