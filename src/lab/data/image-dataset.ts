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
