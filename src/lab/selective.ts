/**
 * Selective prediction: a model decides an item only where its confidence reaches a threshold, and
 * passes the rest to a person. For each threshold: how many items the model keeps, how often it is
 * right on them, and the Wilson interval of that accuracy (a few hundred items cannot certify a
 * rate more tightly than the interval). Choose a threshold on one split and score it on another.
 */
import { wilsonInterval } from './intervals.ts';

/** What `predictClasses` returns: each item's predicted class and its confidence. */
export interface Predictions {
  classes: ArrayLike<number>;
  probabilities: ArrayLike<number>;
}

export interface ThresholdRow {
  threshold: number;
  /** How many items have a confidence of at least `threshold`: the ones the model decides. */
  kept: number;
  /** kept / all items. */
  share: number;
  /** How many of the kept items it gets right. */
  right: number;
  /** right / kept; NaN when it keeps none. */
  accuracy: number;
  /** The Wilson interval of `accuracy` at the requested confidence; 0 and 1 when it keeps none. */
  low: number;
  high: number;
}

/** The model's record on the items whose confidence is at least `threshold`. */
export function atThreshold(predictions: Predictions, labels: ArrayLike<number>, threshold: number, confidence = 0.95): ThresholdRow {
  const { classes, probabilities } = predictions;
  if (classes.length !== labels.length || probabilities.length !== labels.length) {
    throw new Error(`atThreshold: ${classes.length} classes and ${probabilities.length} confidences for ${labels.length} labels`);
  }
  let kept = 0;
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    if (!(probabilities[i]! >= threshold)) continue;
    kept++;
    if (classes[i] === labels[i]) right++;
  }
  const interval = kept ? wilsonInterval(right, kept, confidence) : { low: 0, high: 1 };
  return {
    threshold,
    kept,
    share: labels.length ? kept / labels.length : 0,
    right,
    accuracy: kept ? right / kept : NaN,
    low: interval.low,
    high: interval.high,
  };
}

/** `atThreshold` for each of `thresholds`: the trade-off between what the model keeps and how often it is right there. */
export function thresholdTable(
  predictions: Predictions,
  labels: ArrayLike<number>,
  thresholds: readonly number[],
  confidence = 0.95,
): ThresholdRow[] {
  return thresholds.map((threshold) => atThreshold(predictions, labels, threshold, confidence));
}
