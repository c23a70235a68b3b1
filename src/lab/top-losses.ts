/**
 * The items the model is most wrong about: highest loss first. They are where mislabelled data,
 * confusing examples and the model's blind spots show up, so they are the first place to look.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageDataset } from './data/image-dataset.ts';
import { subset, toTensors } from './data/image-dataset.ts';
import { shuffled } from './random.ts';

export interface LossItem {
  index: number;
  label: number;
  predicted: number;
  /** Cross-entropy of the true label. */
  loss: number;
  /** The probability the model gave its prediction. */
  confidence: number;
}

/** Every item's loss, highest first. `flat` when the model takes [n, pixels] inputs. */
export async function lossesByItem(model: tf.LayersModel, data: ImageDataset, { flat = false } = {}): Promise<LossItem[]> {
  const { xs, ys } = toTensors(data, { flat });
  const probabilities = model.predict(xs) as tf.Tensor2D;
  const values = await probabilities.array();
  tf.dispose([xs, ys, probabilities]);
  return values
    .map((row, index) => {
      const label = data.labels[index]!;
      const predicted = row.indexOf(Math.max(...row));
      return { index, label, predicted, loss: -Math.log(Math.max(row[label]!, 1e-7)), confidence: row[predicted]! };
    })
    .sort((a, b) => b.loss - a.loss);
}

export const captionOf = (item: LossItem, classes: readonly string[]) =>
  `${classes[item.predicted]}/${classes[item.label]} ${item.loss.toFixed(1)}`;

export interface OutOfFoldOptions {
  /** Groups the items are split into; each is scored by a model trained on the others (default 3). */
  folds?: number;
  /** Which items land in which fold (default 1): the split is a seeded shuffle, not the items' order. */
  seed?: number;
  /** The model takes [n, pixels] inputs. */
  flat?: boolean;
}

/**
 * Every item's loss from a model that never trained on it, highest first (cross-validation): the
 * items are split into `folds` groups, and `fit` trains one model per group on all the other
 * items, which then scores that group. A model that trains on an item can learn its wrong label
 * by heart, and that label's loss then drops; scored out of fold, it cannot. `index` is the
 * item's place in `data`. Costs `folds` trainings, each on (folds − 1) / folds of the data.
 */
export async function outOfFoldLosses(
  data: ImageDataset,
  fit: (train: ImageDataset) => Promise<tf.LayersModel>,
  { folds = 3, seed = 1, flat = false }: OutOfFoldOptions = {},
): Promise<LossItem[]> {
  if (!Number.isInteger(folds) || folds < 2 || folds > data.count) {
    throw new RangeError(`outOfFoldLosses: folds must be a whole number from 2 to the ${data.count} items, not ${folds}`);
  }
  const order = shuffled([...data.labels.keys()], seed);
  const all: LossItem[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = order.filter((_, k) => k % folds === fold);
    const rest = order.filter((_, k) => k % folds !== fold);
    const model = await fit(subset(data, rest));
    for (const item of await lossesByItem(model, subset(data, held), { flat })) all.push({ ...item, index: held[item.index]! });
    model.dispose();
  }
  return all.sort((a, b) => b.loss - a.loss);
}
