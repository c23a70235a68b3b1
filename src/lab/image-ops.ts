/**
 * Resizing strategies and augmentations on batches of images (tensors [n, height, width,
 * channels]), built on TF.js's image ops. Randomness is seeded: the same seed, the same batch.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from './random.ts';

export type ResizeMethod = 'squish' | 'crop' | 'pad';

/**
 * To `size` × `size`: `squish` stretches (keeps everything, distorts shapes), `crop` cuts the
 * centre square (keeps proportions, loses the edges), `pad` adds borders (keeps both, wastes
 * pixels on padding).
 */
export function resizeImages(images: tf.Tensor4D, size: number, method: ResizeMethod): tf.Tensor4D {
  return tf.tidy(() => {
    const [, height, width] = images.shape;
    if (method === 'squish') return tf.image.resizeBilinear(images, [size, size]);
    if (method === 'crop') {
      const side = Math.min(height, width);
      const top = Math.floor((height - side) / 2);
      const left = Math.floor((width - side) / 2);
      return tf.image.resizeBilinear(images.slice([0, top, left, 0], [-1, side, side, -1]), [size, size]);
    }
    const side = Math.max(height, width);
    const padTop = Math.floor((side - height) / 2);
    const padLeft = Math.floor((side - width) / 2);
    const padded = images.pad([
      [0, 0],
      [padTop, side - height - padTop],
      [padLeft, side - width - padLeft],
      [0, 0],
    ]);
    return tf.image.resizeBilinear(padded as tf.Tensor4D, [size, size]);
  });
}

export interface AugmentOptions {
  /** Mirror left-right with probability 0.5. */
  flip?: boolean;
  /** Rotate by an angle drawn from [-degrees, degrees]. */
  rotate?: number;
  /** Add a brightness offset drawn from [-delta, delta]. */
  brightness?: number;
  /** Add Gaussian noise of this standard deviation. */
  noise?: number;
  /** Random resized crop: keep a square of this fraction range of the side, resize back. */
  crop?: [number, number];
  seed?: number;
}

/** A randomly changed copy of each image, as a model sees a new version of its data each epoch. */
export function augmentImages(images: tf.Tensor4D, options: AugmentOptions): tf.Tensor4D {
  const { flip = false, rotate = 0, brightness = 0, noise = 0, crop, seed = 1 } = options;
  const random = mulberry32(seed);
  const [n, height, width] = images.shape;
  return tf.tidy(() => {
    let out: tf.Tensor4D = images;
    if (crop) {
      const boxes: number[][] = [];
      for (let i = 0; i < n; i++) {
        const side = crop[0] + (crop[1] - crop[0]) * random();
        const top = (1 - side) * random();
        const left = (1 - side) * random();
        boxes.push([top, left, top + side, left + side]);
      }
      out = tf.image.cropAndResize(out, tf.tensor2d(boxes), tf.range(0, n, 1, 'int32') as tf.Tensor1D, [height, width]);
    }
    if (flip) {
      const mask = tf
        .tensor1d(
          Array.from({ length: n }, () => (random() < 0.5 ? 1 : 0)),
          'bool',
        )
        .reshape([n, 1, 1, 1]);
      out = tf.where(mask.broadcastTo(out.shape), tf.image.flipLeftRight(out), out);
    }
    if (rotate > 0) {
      out = tf.concat(
        tf.unstack(out).map((image) => {
          const radians = ((random() * 2 - 1) * rotate * Math.PI) / 180;
          return tf.image.rotateWithOffset(image.expandDims(0) as tf.Tensor4D, radians, 0);
        }),
      ) as tf.Tensor4D;
    }
    if (brightness > 0) {
      const deltas = tf.tensor1d(Array.from({ length: n }, () => (random() * 2 - 1) * brightness)).reshape([n, 1, 1, 1]);
      out = out.add(deltas);
    }
    if (noise > 0) out = out.add(tf.randomNormal(out.shape, 0, noise, 'float32', seed));
    return out.clipByValue(0, 1) as tf.Tensor4D;
  });
}
