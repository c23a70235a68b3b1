/**
 * Zoom-out augmentation: every image shrunk by a random factor and set back on a canvas of its
 * own size, the new border filled with the image's own background. `augmentImages`' `crop` only
 * zooms in (objects get bigger); this is the augmentation that teaches a model small objects.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from './random.ts';

export interface ZoomOutOptions {
  /** The factor each image is shrunk by, drawn uniformly from [low, high] (0 < low ≤ high ≤ 1). */
  scale: [number, number];
  /**
   * Largest random shift of the shrunk image's centre, as a fraction of the side (default 0: kept
   * in the middle). The shift never moves the image off the canvas.
   */
  offset?: number;
  seed?: number;
}

/**
 * A zoomed-out copy of each image of a batch [n, height, width, channels]. The canvas around the
 * shrunk picture is filled with the mean of the image's outermost ring of pixels (its background),
 * per channel. Images need at least 3 × 3 pixels.
 */
export function zoomOutImages(images: tf.Tensor4D, options: ZoomOutOptions): tf.Tensor4D {
  const { scale, offset = 0, seed = 1 } = options;
  if (!(scale[0] > 0 && scale[0] <= scale[1] && scale[1] <= 1)) {
    throw new RangeError(`zoomOutImages: scale must be [low, high] with 0 < low ≤ high ≤ 1 (got [${scale.join(', ')}])`);
  }
  if (!(offset >= 0)) throw new RangeError(`zoomOutImages: offset must be 0 or more (got ${offset})`);
  const random = mulberry32(seed);
  const [n, height, width, channels] = images.shape;
  // Each output pixel is the mean of SUB × SUB point samples of the source (nearest pixel), as the
  // shapes generator draws its objects: shrunk objects keep smooth edges, and scale 1 changes nothing.
  const SUB = 4;
  // Source pixel coordinate of fine sample k (0 … SUB·side − 1) along an axis of `side` pixels.
  const source = (k: number, side: number, factor: number, shift: number) =>
    (((k + 0.5) / (SUB * side) - 0.5 - shift) / factor) * side + side / 2 - 0.5;
  const boxes: number[][] = [];
  for (let i = 0; i < n; i++) {
    const factor = scale[0] + (scale[1] - scale[0]) * random();
    // The shrunk image's centre moves by up to `offset` of the side, and never off the canvas.
    const room = (1 - factor) / 2;
    const shiftY = Math.max(-room, Math.min(room, (random() * 2 - 1) * offset));
    const shiftX = Math.max(-room, Math.min(room, (random() * 2 - 1) * offset));
    const y = (k: number) => source(k, height, factor, shiftY) / (height - 1);
    const x = (k: number) => source(k, width, factor, shiftX) / (width - 1);
    boxes.push([y(0), x(0), y(SUB * height - 1), x(SUB * width - 1)]);
  }
  return tf.tidy(() => {
    const boxTensor = tf.tensor2d(boxes, [n, 4]);
    const indices = tf.range(0, n, 1, 'int32') as tf.Tensor1D;
    const fine: [number, number] = [height * SUB, width * SUB];
    // Outside the image cropAndResize gives 0; a crop of an all-ones image says how much of each
    // output pixel is image, so the rest can take the image's background instead.
    const picture = tf.avgPool(tf.image.cropAndResize(images, boxTensor, indices, fine, 'nearest', 0), SUB, SUB, 'valid') as tf.Tensor4D;
    const inside = tf.avgPool(
      tf.image.cropAndResize(tf.onesLike(images), boxTensor, indices, fine, 'nearest', 0),
      SUB,
      SUB,
      'valid',
    ) as tf.Tensor4D;
    const ring = tf.concat(
      [
        images.slice([0, 0, 0, 0], [n, 1, width, channels]).reshape([n, width, channels]),
        images.slice([0, height - 1, 0, 0], [n, 1, width, channels]).reshape([n, width, channels]),
        images.slice([0, 1, 0, 0], [n, height - 2, 1, channels]).reshape([n, height - 2, channels]),
        images.slice([0, 1, width - 1, 0], [n, height - 2, 1, channels]).reshape([n, height - 2, channels]),
      ],
      1,
    );
    const background = ring.mean(1).reshape([n, 1, 1, channels]);
    return picture.add(tf.sub(1, inside).mul(background)) as tf.Tensor4D;
  });
}
