import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { uncertainty } from '../../../src/lab/uncertainty.ts';

describe('uncertainty', () => {
  it('reads the prediction, the confidence and the entropy of each row', () => {
    const result = uncertainty([
      [1, 0, 0],
      [1 / 3, 1 / 3, 1 / 3],
      [0.2, 0.5, 0.3],
    ]);
    expect(Array.from(result.predicted)).toEqual([0, 0, 1]);
    expect(Array.from(result.confidence)).toEqual([1, Math.fround(1 / 3), 0.5]);
    expect(result.entropy[0]).toBe(0);
    expect(result.entropy[1]).toBeCloseTo(Math.log(3), 6);
    expect(result.entropy[2]).toBeCloseTo(-(0.2 * Math.log(0.2) + 0.5 * Math.log(0.5) + 0.3 * Math.log(0.3)), 6);
    expect(result.maxEntropy).toBeCloseTo(Math.log(3), 12);
  });

  it('gives the same from a tensor, and leaves the tensor alone', () => {
    const rows = [
      [0.1, 0.9],
      [0.5, 0.5],
      [0.99, 0.01],
    ];
    const tensor = tf.tensor2d(rows);
    const before = tf.memory().numTensors;
    const fromTensor = uncertainty(tensor);
    expect(tf.memory().numTensors).toBe(before);
    const fromArray = uncertainty(rows);
    // the tensor holds float32, the rows are read as float64: equal to float32 precision
    expect(Array.from(fromTensor.confidence)).toEqual(Array.from(fromArray.confidence));
    fromTensor.entropy.forEach((value, i) => expect(value).toBeCloseTo(fromArray.entropy[i]!, 6));
    expect(fromTensor.entropy[1]).toBeCloseTo(Math.log(2), 6);
    expect(Array.from(fromTensor.predicted)).toEqual([1, 0, 0]);
    tensor.dispose();
  });

  it('refuses a tensor that is not [n, classes] and ragged rows', () => {
    const flat = tf.tensor1d([0.5, 0.5]);
    expect(() => uncertainty(flat)).toThrow('expected probabilities [n, classes], got shape [2]');
    flat.dispose();
    expect(() => uncertainty([[0.5, 0.5], [1]])).toThrow('row 1 has 1 values, row 0 has 2');
  });
});
