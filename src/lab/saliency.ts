/**
 * What a model looks at: saliency maps. A high accuracy does not say *why* the model is right; a map
 * of which pixels its answer depends on does. Two ways to make one:
 *
 * - `gradient`: how much the class's probability changes when each pixel changes a little
 *   (the gradient of the probability with respect to the input, taken with `tf.grad`). One pass.
 * - `occlusion`: cover a patch of the image with a plain value and measure how much the class's
 *   probability falls; slide the patch over the image. Slower, but needs no gradients and reads
 *   literally: "without these pixels the model is less sure".
 *
 * Each map has one value per pixel (channels combined), is non-negative and sums to 1, so maps of
 * different models compare directly: the share of a map on a region is the share of the model's
 * attention there. `saliencyGrid` draws the inputs above their maps, in the page and headless.
 */
import * as tf from '@tensorflow/tfjs';
import { imageAt, pixelsPerImage, type ImageDataset } from './data/image-dataset.ts';
import { gridCellSize, pixelColour, pixelGrid, type GridCaption, type GridPixel } from './show.ts';

export interface SaliencyOptions {
  /** "gradient" (default) or "occlusion". */
  method?: 'gradient' | 'occlusion';
  /** Which items (default all). */
  indices?: readonly number[];
  /** The model takes [n, pixels] rather than [n, height, width, channels] (default false). */
  flat?: boolean;
  /** Whose probability to explain: each item's label (default) or the model's prediction. */
  target?: 'label' | 'predicted';
  /** Occlusion: side of the square patch in pixels (default a quarter of the image side). */
  patch?: number;
  /** Occlusion: step between patch positions in pixels (default half the patch). */
  stride?: number;
  /** Occlusion: the value the patch is painted with (default 0, black: a plain dark background). */
  fill?: number;
}

export interface SaliencyMaps {
  /** One map per item: height × width values, row-major, non-negative, summing to 1. */
  maps: Float32Array[];
  /** The items explained, positions in the dataset. */
  indices: number[];
  /** The class each map explains. */
  targets: number[];
  height: number;
  width: number;
  method: 'gradient' | 'occlusion';
}

function normalised(map: Float32Array): Float32Array {
  let sum = 0;
  for (const v of map) sum += v;
  if (sum > 0) for (let i = 0; i < map.length; i++) map[i]! /= sum;
  else map.fill(1 / map.length);
  return map;
}

/** The images of `indices` as the model's input tensor. */
function inputOf(data: ImageDataset, indices: readonly number[], flat: boolean): tf.Tensor {
  const size = pixelsPerImage(data);
  const values = new Float32Array(indices.length * size);
  indices.forEach((index, i) => values.set(imageAt(data, index), i * size));
  return tf.tensor(values, flat ? [indices.length, size] : [indices.length, data.height, data.width, data.channels]);
}

async function targetsOf(
  model: tf.LayersModel,
  data: ImageDataset,
  indices: readonly number[],
  flat: boolean,
  target: 'label' | 'predicted',
): Promise<number[]> {
  if (target === 'label') return indices.map((index) => data.labels[index]!);
  const xs = inputOf(data, indices, flat);
  const best = tf.tidy(() => (model.predict(xs) as tf.Tensor2D).argMax(1));
  const values = Array.from(await best.data());
  tf.dispose([xs, best]);
  return values;
}

async function gradientMaps(
  model: tf.LayersModel,
  data: ImageDataset,
  indices: readonly number[],
  targets: number[],
  flat: boolean,
): Promise<Float32Array[]> {
  const xs = inputOf(data, indices, flat);
  const mask = tf.tidy(() => tf.oneHot(tf.tensor1d(targets, 'int32'), data.classes.length).toFloat());
  // Items do not interact in the forward pass, so the gradient of the sum of each item's target
  // probability gives every item its own gradient in one pass.
  const score = (x: tf.Tensor) => (model.predict(x) as tf.Tensor2D).mul(mask).sum();
  const grads = tf.tidy(() =>
    tf
      .grad(score)(xs)
      .abs()
      .reshape([indices.length, data.height * data.width, data.channels])
      .sum(2),
  );
  const values = await grads.data();
  tf.dispose([xs, mask, grads]);
  const pixels = data.height * data.width;
  return indices.map((_, i) => normalised(Float32Array.from(values.subarray(i * pixels, (i + 1) * pixels))));
}

async function occlusionMaps(
  model: tf.LayersModel,
  data: ImageDataset,
  indices: readonly number[],
  targets: number[],
  flat: boolean,
  options: SaliencyOptions,
): Promise<Float32Array[]> {
  const { height, width, channels } = data;
  const patch = Math.max(1, Math.round(options.patch ?? Math.min(height, width) / 4));
  const stride = Math.max(1, Math.round(options.stride ?? patch / 2));
  const fill = options.fill ?? 0;
  const starts = (side: number) => {
    const out: number[] = [];
    for (let s = 0; s + patch < side; s += stride) out.push(s);
    out.push(side - patch); // the last patch reaches the edge
    return [...new Set(out)];
  };
  const positions = starts(height).flatMap((y) => starts(width).map((x) => ({ x, y })));
  const size = pixelsPerImage(data);
  const maps: Float32Array[] = [];
  for (let i = 0; i < indices.length; i++) {
    const image = imageAt(data, indices[i]!);
    // Row 0: the image itself; then one row per patch position, the patch covered.
    const batch = new Float32Array((positions.length + 1) * size);
    batch.set(image, 0);
    positions.forEach(({ x, y }, p) => {
      const copy = batch.subarray((p + 1) * size, (p + 2) * size);
      copy.set(image);
      for (let yy = y; yy < y + patch; yy++)
        for (let xx = x; xx < x + patch; xx++) for (let c = 0; c < channels; c++) copy[(yy * width + xx) * channels + c] = fill;
    });
    const xs = tf.tensor(batch, flat ? [positions.length + 1, size] : [positions.length + 1, height, width, channels]);
    const probabilities = tf.tidy(() => (model.predict(xs) as tf.Tensor2D).slice([0, targets[i]!], [-1, 1]).reshape([-1]));
    const values = await probabilities.data();
    tf.dispose([xs, probabilities]);
    const drop = new Float32Array(height * width);
    const covered = new Float32Array(height * width);
    positions.forEach(({ x, y }, p) => {
      // Only a fall in probability counts: a patch that makes the model surer is not "looked at".
      const fall = Math.max(0, values[0]! - values[p + 1]!);
      for (let yy = y; yy < y + patch; yy++)
        for (let xx = x; xx < x + patch; xx++) {
          drop[yy * width + xx]! += fall;
          covered[yy * width + xx]! += 1;
        }
    });
    for (let k = 0; k < drop.length; k++) if (covered[k]! > 0) drop[k]! /= covered[k]!;
    maps.push(normalised(drop));
  }
  return maps;
}

/** Saliency maps of `model` for the items of `data`: which pixels its probability for each item's class depends on. */
export async function saliencyMaps(model: tf.LayersModel, data: ImageDataset, options: SaliencyOptions = {}): Promise<SaliencyMaps> {
  const { method = 'gradient', flat = false, target = 'label' } = options;
  const indices = [...(options.indices ?? Array.from({ length: data.count }, (_, i) => i))];
  for (const index of indices)
    if (!(index >= 0 && index < data.count)) throw new Error(`saliencyMaps: item ${index} is not in the dataset (${data.count} items)`);
  const targets = await targetsOf(model, data, indices, flat, target);
  const maps =
    method === 'gradient'
      ? await gradientMaps(model, data, indices, targets, flat)
      : await occlusionMaps(model, data, indices, targets, flat, options);
  return { maps, indices, targets, height: data.height, width: data.width, method };
}

/** The share of a map's mass on the pixels where `mask` is true (a map sums to 1, so this is in [0, 1]). */
export function shareOn(map: ArrayLike<number>, mask: ArrayLike<boolean | number>): number {
  if (map.length !== mask.length) throw new Error(`shareOn: a map of ${map.length} pixels and a mask of ${mask.length}`);
  let inside = 0;
  let total = 0;
  for (let i = 0; i < map.length; i++) {
    total += map[i]!;
    if (mask[i]) inside += map[i]!;
  }
  return total > 0 ? inside / total : 0;
}

/** Black → red → yellow → white: a "hot" colour for a value in [0, 1]. */
function hot(value: number): string {
  const v = Math.min(1, Math.max(0, value));
  const channel = (t: number) => Math.round(Math.min(1, Math.max(0, t)) * 255);
  return `rgb(${channel(3 * v)},${channel(3 * v - 1)},${channel(3 * v - 2)})`;
}

export interface SaliencyGridOptions {
  /** How many items a row holds (default up to 8). */
  columns?: number;
  /** One caption per item (default the class the map explains). */
  captions?: readonly string[];
  /** Pixel size on screen (default so that the grid is about 560 px wide). */
  cell?: number;
}

/** Each input image with its saliency map below it (bright = the model's answer depends on it). */
export function saliencyGrid(data: ImageDataset, saliency: SaliencyMaps, options: SaliencyGridOptions = {}): Element {
  const { height, width, channels } = data;
  if (saliency.height !== height || saliency.width !== width)
    throw new Error(`saliencyGrid: maps of ${saliency.height}×${saliency.width} for images of ${height}×${width}`);
  const count = saliency.indices.length;
  const columns = options.columns ?? Math.min(8, count);
  const captionOf = (i: number) => options.captions?.[i] ?? data.classes[saliency.targets[i]!] ?? '';
  const longest = Math.max(0, ...saliency.indices.map((_, i) => captionOf(i).length));
  const cell = gridCellSize(columns, width, longest, options.cell);
  const pixels: GridPixel[] = [];
  const captions: GridCaption[] = [];
  saliency.indices.forEach((index, i) => {
    const image = imageAt(data, index);
    const map = saliency.maps[i]!;
    const peak = Math.max(...map) || 1; // each map scaled to its own peak, so weak maps stay visible
    const fx = i % columns;
    const row = Math.floor(i / columns);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        pixels.push({ x, y, fx, fy: 2 * row, fill: pixelColour(image, (y * width + x) * channels, channels) });
        pixels.push({ x, y, fx, fy: 2 * row + 1, fill: hot(map[y * width + x]! / peak) });
      }
    }
    captions.push({ fx, fy: 2 * row, text: captionOf(i) });
  });
  const figure = pixelGrid(pixels, captions, { width, height, columns, cell, rowPadding: 0.15 });
  figure.setAttribute('aria-label', `${count} images, each above its ${saliency.method} saliency map`);
  return figure;
}
