/**
 * Weight quantisation, simulated: every weight tensor rounded to 2^bits levels between its own
 * minimum and maximum, the range nudged so that 0 stays exactly 0 (one scale and offset per tensor,
 * as TF.js's converter does with --quantize_uint8), then turned back into floats in a copy of the
 * model. The copy answers as a model loaded from such files would (to float rounding), so its
 * accuracy is the accuracy the smaller files would give.
 */
import * as tf from '@tensorflow/tfjs';

export interface QuantizedCopy {
  /** A new model with the rounded weights (dispose it when done). */
  model: tf.LayersModel;
  bits: number;
  /** Bytes of weights at `bits` per weight, plus a scale and offset (two float32) per tensor. */
  bytes: number;
  /** Bytes of the same weights as float32, as saved by default. */
  floatBytes: number;
  /** The largest change of any weight. */
  maxError: number;
}

/** A copy of `model` whose weights are quantised to `bits` (1 to 16) per weight. */
export async function quantizedCopy(model: tf.LayersModel, { bits = 8 }: { bits?: number } = {}): Promise<QuantizedCopy> {
  if (!Number.isInteger(bits) || bits < 1 || bits > 16)
    throw new Error(`quantizedCopy: bits must be a whole number from 1 to 16 (got ${bits})`);
  const levels = 2 ** bits - 1;
  const weights = model.getWeights();
  let count = 0;
  let maxError = 0;
  const rounded = await Promise.all(
    weights.map(async (weight) => {
      const values = (await weight.data()) as Float32Array;
      count += values.length;
      let low = Infinity;
      let high = -Infinity;
      for (const v of values) {
        if (v < low) low = v;
        if (v > high) high = v;
      }
      const step = high > low ? (high - low) / levels : 1;
      // Nudge the range so that 0 is one of the levels: zero weights (padding, pruned, ReLU-dead) stay zero.
      if (high > low && low <= 0 && high >= 0) low = -Math.round(-low / step) * step;
      const out = new Float32Array(values.length);
      values.forEach((v, i) => {
        out[i] = high > low ? low + Math.min(levels, Math.max(0, Math.round((v - low) / step))) * step : v;
        maxError = Math.max(maxError, Math.abs(out[i]! - v));
      });
      return tf.tensor(out, weight.shape, 'float32');
    }),
  );
  const copy = await tf.models.modelFromJSON(model.toJSON(null, false) as never);
  copy.setWeights(rounded);
  tf.dispose(rounded);
  return { model: copy, bits, bytes: Math.ceil((count * bits) / 8) + 8 * weights.length, floatBytes: 4 * count, maxError };
}
