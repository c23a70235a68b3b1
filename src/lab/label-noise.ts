/**
 * Wrong labels on purpose, to practise finding them: a share of a dataset's labels replaced by
 * another class, with the truth kept beside them so a search can be scored (a real project has no
 * such record).
 */
import type { ImageDataset } from './data/image-dataset.ts';
import { mulberry32 } from './random.ts';

export interface FlippedLabels<T extends ImageDataset> {
  /** The dataset with the wrong labels in place of the true ones. */
  data: T;
  /** 1 where the label was replaced, else 0. */
  flipped: Uint8Array;
  /** The labels before the flip. */
  trueLabels: Int32Array;
}

/** Replaces about `share` of the labels, each by one of the other classes at random; repeatable for a seed. */
export function flipLabels<T extends ImageDataset>(data: T, { share, seed = 1 }: { share: number; seed?: number }): FlippedLabels<T> {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`flipLabels: share must be from 0 to 1, not ${share}`);
  const classes = data.classes.length;
  if (classes < 2) throw new RangeError(`flipLabels: a dataset with ${classes} class has no other label to flip to`);
  const random = mulberry32(seed);
  const flipped = new Uint8Array(data.count);
  const labels = Int32Array.from(data.labels, (label, i) => {
    if (random() >= share) return label;
    flipped[i] = 1;
    return (label + 1 + Math.floor(random() * (classes - 1))) % classes;
  });
  return { data: { ...data, labels }, flipped, trueLabels: Int32Array.from(data.labels) };
}
