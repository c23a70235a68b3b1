/**
 * The model behind the API: runs a batch of flat inputs through it and names the classes.
 * Standardisation recorded in the model's metadata is applied here, so clients send raw features.
 */
import * as tf from '@tensorflow/tfjs';
import type { LabModelInfo } from '../lab/model-io/info.ts';

export interface Prediction {
  /** The most probable class. */
  class: string;
  probability: number;
  /** Every class with its probability, most probable first. */
  probabilities: { class: string; probability: number }[];
}

/** What `predict` gives for an input whose output is not a number. */
export const OVERFLOW = { overflow: true } as const;
export type Answer = Prediction | typeof OVERFLOW;

export function createPredictor(model: tf.LayersModel, info: LabModelInfo) {
  const size = info.inputShape.reduce((a, b) => a * b, 1);
  const { mean, std } = info.normalization ?? { mean: undefined, std: undefined };
  return async function predict(inputs: Float32Array[]): Promise<Answer[]> {
    const flat = new Float32Array(inputs.length * size);
    inputs.forEach((input, i) => flat.set(input, i * size));
    if (mean && std) {
      for (let i = 0; i < flat.length; i++) flat[i] = (flat[i]! - mean[i % size]!) / (std[i % size]! || 1);
    }
    const output = tf.tidy(() => model.predict(tf.tensor(flat, [inputs.length, ...info.inputShape])) as tf.Tensor2D);
    const rows = (await output.array()) as number[][];
    output.dispose();
    return rows.map((row) => {
      // Inputs near float32's limit can overflow inside the model. The batch holds other clients'
      // inputs too, so this input alone is refused (by the server), not the batch.
      if (!row.every(Number.isFinite)) return OVERFLOW;
      const probabilities = row
        .map((probability, c) => ({ class: info.classes[c] ?? `class ${c}`, probability }))
        .sort((a, b) => b.probability - a.probability);
      return { class: probabilities[0]!.class, probability: probabilities[0]!.probability, probabilities };
    });
  };
}
