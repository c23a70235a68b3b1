/**
 * How sure a classifier is, per input, read from its output probabilities: the confidence (the
 * highest probability) and the entropy (how spread the probabilities are). Both are the cheapest
 * out-of-domain signals there are, and both can be fooled: a model can be sure of nonsense.
 */
import { flatRows, type ProbabilityRows } from './probability-rows.ts';

export interface Uncertainty {
  /** Per row: the class with the highest probability. */
  predicted: Int32Array;
  /** Per row: that highest probability, from 1 / classes (no idea) to 1 (certain). */
  confidence: Float32Array;
  /** Per row: −Σ p·ln p in nats, from 0 (one class has it all) to ln(classes) (all equal). */
  entropy: Float32Array;
  /** ln(classes): the entropy of a uniform answer, to put `entropy` on a scale. */
  maxEntropy: number;
}

/**
 * Confidence and entropy of every row of `probabilities` ([n, classes], each row summing to 1, as
 * a softmax gives). Takes a tensor (not disposed) or an array of rows.
 */
export function uncertainty(probabilities: ProbabilityRows): Uncertainty {
  const { values, rows, classes } = flatRows(probabilities, 'uncertainty');
  const predicted = new Int32Array(rows);
  const confidence = new Float32Array(rows);
  const entropy = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const p = values[r * classes + c]!;
      if (p > values[r * classes + best]!) best = c;
      if (p > 0) sum -= p * Math.log(p);
    }
    predicted[r] = best;
    confidence[r] = values[r * classes + best]!;
    entropy[r] = sum;
  }
  return { predicted, confidence, entropy, maxEntropy: Math.log(Math.max(classes, 1)) };
}
