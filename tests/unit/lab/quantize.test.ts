import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { quantizedCopy } from '../../../src/lab/quantize.ts';

function smallModel() {
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 8, activation: 'relu', inputShape: [4] }), tf.layers.dense({ units: 3, activation: 'softmax' })],
  });
  return model;
}

describe('quantizedCopy', () => {
  it('rounds each weight tensor to 2^bits levels in a copy, leaving the model alone', async () => {
    const model = smallModel();
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    const eight = await quantizedCopy(model, { bits: 8 });
    // 4·8 + 8 + 8·3 + 3 = 67 weights in 4 tensors
    expect(eight.floatBytes).toBe(67 * 4);
    expect(eight.bytes).toBe(67 + 4 * 8);
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    const kernel = Array.from(eight.model.getWeights()[0]!.dataSync());
    expect(new Set(kernel.map((v) => v.toFixed(6))).size).toBeLessThanOrEqual(256);
    // no weight moves by more than half a step of its own tensor's range
    const halfStep = Math.max(...before.map((values) => (Math.max(...values) - Math.min(...values)) / 255 / 2));
    expect(eight.maxError).toBeGreaterThan(0);
    expect(eight.maxError).toBeLessThanOrEqual(halfStep + 1e-6);
    const input = tf.randomUniform([20, 4], 0, 1, 'float32', 3);
    const [a, b] = [model.predict(input) as tf.Tensor, eight.model.predict(input) as tf.Tensor];
    expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeLessThan(0.05);
    const one = await quantizedCopy(model, { bits: 1 });
    expect(new Set(Array.from(one.model.getWeights()[0]!.dataSync())).size).toBeLessThanOrEqual(2);
    expect(one.maxError).toBeGreaterThan(eight.maxError);
    tf.dispose([input, a, b]);
    [model, eight.model, one.model].forEach((m) => m.dispose());
  });

  it('refuses a number of bits it cannot store', async () => {
    const model = smallModel();
    await expect(quantizedCopy(model, { bits: 0 })).rejects.toThrow('bits must be a whole number from 1 to 16 (got 0)');
    await expect(quantizedCopy(model, { bits: 2.5 })).rejects.toThrow('(got 2.5)');
    model.dispose();
  });
});
