/** Images with labels, as every image helper of the lab takes and returns them. */
import * as tf from '@tensorflow/tfjs';

export interface ImageDataset {
  /** Pixel values in [0, 1], item after item, each height × width × channels (row-major). */
  images: Float32Array;
  labels: Int32Array;
  classes: string[];
  height: number;
  width: number;
  channels: 1 | 3;
  count: number;
}

export const pixelsPerImage = (data: Pick<ImageDataset, 'height' | 'width' | 'channels'>) => data.height * data.width * data.channels;

/** The pixels of item `index` (a view, not a copy). */
export function imageAt(data: ImageDataset, index: number): Float32Array {
  const size = pixelsPerImage(data);
  return data.images.subarray(index * size, (index + 1) * size);
}

/** Items `indices` as a new dataset (copies). */
export function subset<T extends ImageDataset>(data: T, indices: readonly number[]): ImageDataset {
  const size = pixelsPerImage(data);
  const images = new Float32Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  indices.forEach((index, i) => {
    images.set(imageAt(data, index), i * size);
    labels[i] = data.labels[index]!;
  });
  return { images, labels, classes: data.classes, height: data.height, width: data.width, channels: data.channels, count: indices.length };
}

/**
 * Tensors for training: xs [n, height, width, channels] (or [n, pixels] with `flat`), ys one-hot.
 * Call inside tf.tidy or dispose them when done.
 */
export function toTensors(data: ImageDataset, { flat = false } = {}): { xs: tf.Tensor; ys: tf.Tensor2D } {
  const shape: number[] = flat ? [data.count, pixelsPerImage(data)] : [data.count, data.height, data.width, data.channels];
  return tf.tidy(() => ({
    xs: tf.tensor(data.images, shape, 'float32'),
    ys: tf.oneHot(tf.tensor1d(data.labels, 'int32'), data.classes.length).toFloat() as tf.Tensor2D,
  }));
}

/** One dataset of the items of `datasets` in order (copies): they must share classes and image shape. */
export function concatDatasets(...datasets: ImageDataset[]): ImageDataset {
  const first = datasets[0];
  if (!first) throw new Error('concatDatasets: give at least one dataset');
  datasets.forEach((data, i) => {
    if (data.classes.join('\u0000') !== first.classes.join('\u0000'))
      throw new Error(`concatDatasets: dataset ${i} has classes [${data.classes.join(', ')}], dataset 0 has [${first.classes.join(', ')}]`);
    if (data.height !== first.height || data.width !== first.width || data.channels !== first.channels)
      throw new Error(
        `concatDatasets: dataset ${i} has ${data.height}×${data.width}×${data.channels} images, dataset 0 has ${first.height}×${first.width}×${first.channels}`,
      );
  });
  const count = datasets.reduce((total, data) => total + data.count, 0);
  const images = new Float32Array(count * pixelsPerImage(first));
  const labels = new Int32Array(count);
  let at = 0;
  for (const data of datasets) {
    images.set(data.images.subarray(0, data.count * pixelsPerImage(data)), at * pixelsPerImage(first));
    labels.set(data.labels.subarray(0, data.count), at);
    at += data.count;
  }
  return { images, labels, classes: [...first.classes], height: first.height, width: first.width, channels: first.channels, count };
}
