/**
 * Train / validation / test splits, seeded and stratified by label: each split keeps the class
 * balance, and the same seed always gives the same split, so a validation score can be compared
 * between runs. The validation and test sets are for measuring only: never train on them.
 */
import { shuffled } from './random.ts';
import { subset, type ImageDataset } from './data/image-dataset.ts';

export interface SplitOptions {
  /** Fraction for validation (default 0.2). */
  valid?: number;
  /** Fraction for the final test (default 0). */
  test?: number;
  seed?: number;
}

export interface SplitIndices {
  train: number[];
  valid: number[];
  test: number[];
}

/** Splits item positions 0..labels.length-1, class by class. */
export function splitIndices(labels: ArrayLike<number | string>, { valid = 0.2, test = 0, seed = 1 }: SplitOptions = {}): SplitIndices {
  if (valid < 0 || test < 0 || valid + test >= 1)
    throw new Error(`split: valid (${valid}) and test (${test}) must be fractions that leave some data to train on`);
  const byClass = new Map<number | string, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = byClass.get(labels[i]!) ?? [];
    list.push(i);
    byClass.set(labels[i]!, list);
  }
  const out: SplitIndices = { train: [], valid: [], test: [] };
  let salt = 0;
  for (const members of byClass.values()) {
    const order = shuffled(members, seed * 7919 + salt++);
    const nTest = Math.round(order.length * test);
    const nValid = Math.round(order.length * valid);
    out.test.push(...order.slice(0, nTest));
    out.valid.push(...order.slice(nTest, nTest + nValid));
    out.train.push(...order.slice(nTest + nValid));
  }
  for (const key of ['train', 'valid', 'test'] as const) out[key] = shuffled(out[key], seed + key.length);
  return out;
}

export function splitDataset(
  data: ImageDataset,
  options: SplitOptions = {},
): { train: ImageDataset; valid: ImageDataset; test: ImageDataset } {
  const indices = splitIndices(data.labels, options);
  return { train: subset(data, indices.train), valid: subset(data, indices.valid), test: subset(data, indices.test) };
}
