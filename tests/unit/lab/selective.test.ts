import { describe, expect, it } from 'vitest';
import { atThreshold, thresholdTable } from '../../../src/lab/selective.ts';
import { wilsonInterval } from '../../../src/lab/intervals.ts';

describe('selective prediction', () => {
  // Five items: the two least confident are the wrong ones.
  const predictions = { classes: [0, 1, 2, 0, 1], probabilities: [0.99, 0.95, 0.9, 0.6, 0.4] };
  const labels = Int32Array.from([0, 1, 2, 1, 0]);

  it('keeps the items at or above the threshold and scores them with a Wilson interval', () => {
    const row = atThreshold(predictions, labels, 0.9);
    expect(row).toMatchObject({ threshold: 0.9, kept: 3, share: 0.6, right: 3, accuracy: 1 });
    expect(row.low).toBeCloseTo(wilsonInterval(3, 3).low, 12);
    expect(row.high).toBe(1);
    const all = atThreshold(predictions, labels, 0);
    expect(all).toMatchObject({ kept: 5, share: 1, right: 3, accuracy: 0.6 });
    expect(all.low).toBeCloseTo(wilsonInterval(3, 5).low, 12);
    expect(atThreshold(predictions, labels, 0.9, 0.99).low).toBeLessThan(row.low);
  });

  it('says nothing is known when it keeps nothing', () => {
    const none = atThreshold(predictions, labels, 0.999);
    expect(none).toMatchObject({ kept: 0, share: 0, right: 0, low: 0, high: 1 });
    expect(none.accuracy).toBeNaN();
  });

  it('tabulates thresholds in order: a higher one keeps fewer items', () => {
    const table = thresholdTable(predictions, labels, [0, 0.5, 0.9, 0.99]);
    expect(table.map((row) => row.kept)).toEqual([5, 4, 3, 1]);
    expect(table.map((row) => row.accuracy)).toEqual([0.6, 0.75, 1, 1]);
  });

  it('refuses predictions and labels of different lengths', () => {
    expect(() => atThreshold(predictions, [0, 1], 0.5)).toThrow(/5 classes and 5 confidences for 2 labels/);
  });
});
