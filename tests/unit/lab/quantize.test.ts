import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { quantizedCopy } from '../../../src/lab/quantize.ts';

function smallModel(units = 8) {
  return tf.sequential({
    layers: [tf.layers.dense({ units, activation: 'relu', inputShape: [4] }), tf.layers.dense({ units: 3, activation: 'softmax' })],
  });
}
const valuesOf = (model: tf.LayersModel) => model.getWeights().map((weight) => Array.from(weight.dataSync()));

describe('quantizedCopy', () => {
  it('counts the bytes of the smaller files, and leaves the model alone', async () => {
    const model = smallModel();
    const before = valuesOf(model);
    const eight = await quantizedCopy(model, { bits: 8 });
    // 4·8 + 8 + 8·3 + 3 = 67 weights in 4 tensors
    expect(eight.floatBytes).toBe(67 * 4);
    expect(eight.bytes).toBe(67 + 4 * 8);
    expect(valuesOf(model)).toEqual(before);
    const input = tf.randomUniform([20, 4], 0, 1, 'float32', 3);
    const gap = tf.tidy(
      () => tf.max(tf.abs(tf.sub(model.predict(input) as tf.Tensor, eight.model.predict(input) as tf.Tensor))).dataSync()[0]!,
    );
    expect(gap).toBeLessThan(0.05);
    tf.dispose(input);
    [model, eight.model].forEach((m) => m.dispose());
  });

  it('rounds each tensor to 2^bits levels of its own range, keeping zero exactly zero', async () => {
    const model = smallModel(64);
    // a kernel with exact zeros in it, as pruning or padding leaves
    const [kernel, ...rest] = model.getWeights();
    const withZeros = tf.tidy(() => kernel!.mul(tf.randomUniform(kernel!.shape, 0, 1, 'float32', 5).greater(0.3).toFloat()));
    model.setWeights([withZeros, ...rest]);
    withZeros.dispose();
    const before = valuesOf(model);
    for (const bits of [4, 2]) {
      const copy = await quantizedCopy(model, { bits });
      const after = valuesOf(copy.model);
      after.forEach((values, t) => {
        const original = before[t]!;
        const [low, high] = [Math.min(...original), Math.max(...original)];
        if (high > low) expect(new Set(values.map((v) => v.toFixed(6))).size).toBeLessThanOrEqual(2 ** bits);
        // no weight moves by more than one step of its own tensor's range
        const step = high > low ? (high - low) / (2 ** bits - 1) : 0;
        values.forEach((v, i) => expect(Math.abs(v - original[i]!)).toBeLessThanOrEqual(step + 1e-6));
        original.forEach((v, i) => {
          if (v === 0) expect(values[i]).toBe(0);
        });
      });
      copy.model.dispose();
    }
    const one = await quantizedCopy(model, { bits: 1 });
    const eight = await quantizedCopy(model, { bits: 8 });
    expect(one.maxError).toBeGreaterThan(eight.maxError);
    [model, one.model, eight.model].forEach((m) => m.dispose());
  });

  it('refuses a number of bits it cannot store', async () => {
    const model = smallModel();
    await expect(quantizedCopy(model, { bits: 0 })).rejects.toThrow('bits must be a whole number from 1 to 16 (got 0)');
    await expect(quantizedCopy(model, { bits: 2.5 })).rejects.toThrow('(got 2.5)');
    model.dispose();
  });
});
