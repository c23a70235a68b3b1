/**
 * The items the model is most wrong about: highest loss first. They are where mislabelled data,
 * confusing examples and the model's blind spots show up, so they are the first place to look.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageDataset } from './data/image-dataset.ts';
import { toTensors } from './data/image-dataset.ts';

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
