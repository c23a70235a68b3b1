/**
 * The `shapes` generator: seeded images of simple objects whose every nuisance is a parameter.
 * Domain shift, label noise and shortcut learning become measurable: train on one setting, test on
 * another, and the difference is a number, not a story.
 */
import { mulberry32 } from '../random.ts';
import type { ImageDataset } from './image-dataset.ts';

export const SHAPE_NAMES = ['circle', 'square', 'triangle', 'cross'] as const;
export type ShapeName = (typeof SHAPE_NAMES)[number];

export interface ShapesOptions {
  /** Number of images (default 600). */
  count?: number;
  /** Image side in pixels (default 16). */
  size?: number;
  /** Which shapes, in class order (default circle, square, triangle). */
  classes?: ShapeName[];
  /** Same seed, same images (default 1). */
  seed?: number;
  /** Object radius as a fraction of half the image side, drawn uniformly (default [0.45, 0.75]). */
  scale?: [number, number];
  /** Rotation in degrees, drawn uniformly (default [0, 0]). */
  rotation?: [number, number];
  /** Largest shift of the object's centre, as a fraction of the image side (default 0.1). */
  offset?: number;
  /** Object intensity, drawn uniformly (default [0.8, 1]). */
  brightness?: [number, number];
  /** Multiplies every pixel's distance from mid grey (default 1; below 1 washes out). */
  contrast?: number;
  /** Background intensity, or drawn per image in [0, 0.4] with "random" (default 0.1). */
  background?: number | 'random';
  /** Standard deviation of Gaussian pixel noise (default 0.03). */
  noise?: number;
  /** Box-blur radius in pixels (default 0). */
  blur?: number;
  /** Fraction of labels replaced by another class (default 0): label noise. */
  labelNoise?: number;
  /**
   * Probability that the background colour matches the class (needs channels 3; default 0, the
   * colour is random). With `spuriousShift` k the colour is the one of class (label + k).
   */
  spurious?: number;
  spuriousShift?: number;
  /** 1: grey; 3: colour backgrounds (default 1, or 3 when `spurious` is set). */
  channels?: 1 | 3;
}

export interface ShapesDataset extends ImageDataset {
  /** Labels before label noise: what the image really shows. */
  trueLabels: Int32Array;
  /** Per item: was its label replaced? */
  flipped: Uint8Array;
  /** Per item: the values drawn for it, for slicing results by condition. */
  meta: { scale: Float32Array; rotation: Float32Array; brightness: Float32Array; background: Float32Array; tint: Int32Array };
}

/** Background tints, one per class position (RGB multipliers). */
const TINTS: [number, number, number][] = [
  [1, 0.35, 0.35],
  [0.35, 1, 0.35],
  [0.35, 0.45, 1],
  [1, 0.9, 0.3],
];

/** Whether point (x, y), in units of the half-image, lies inside `shape` of radius r at the origin. */
export function insideShape(shape: ShapeName, x: number, y: number, r: number): boolean {
  switch (shape) {
    case 'circle':
      return x * x + y * y < r * r;
    case 'square':
      return Math.abs(x) < r * 0.8 && Math.abs(y) < r * 0.8;
    case 'triangle':
      return y >= -r / 2 && y <= r - Math.sqrt(3) * Math.abs(x);
    case 'cross':
      return (Math.abs(x) < r * 0.3 && Math.abs(y) < r) || (Math.abs(y) < r * 0.3 && Math.abs(x) < r);
  }
}

function boxBlur(pixels: Float32Array, size: number, channels: number, radius: number): void {
  const copy = Float32Array.from(pixels);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        let n = 0;
        for (let dy = -radius; dy <= radius; dy++) {
          for (let dx = -radius; dx <= radius; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy < 0 || yy >= size || xx < 0 || xx >= size) continue;
            sum += copy[(yy * size + xx) * channels + c]!;
            n++;
          }
        }
        pixels[(y * size + x) * channels + c] = sum / n;
      }
    }
  }
}

export function generateShapes(options: ShapesOptions = {}): ShapesDataset {
  const {
    count = 600,
    size = 16,
    classes = ['circle', 'square', 'triangle'],
    seed = 1,
    scale = [0.45, 0.75],
    rotation = [0, 0],
    offset = 0.1,
    brightness = [0.8, 1],
    contrast = 1,
    background = 0.1,
    noise = 0.03,
    blur = 0,
    labelNoise = 0,
    spurious = 0,
    spuriousShift = 0,
  } = options;
  const channels = options.channels ?? (spurious > 0 ? 3 : 1);
  if (classes.length < 2) throw new Error('shapes: give at least two classes');
  for (const name of classes)
    if (!SHAPE_NAMES.includes(name)) throw new Error(`shapes: unknown shape "${name}"; known: ${SHAPE_NAMES.join(', ')}`);
  if (spurious > 0 && channels !== 3) throw new Error('shapes: a spurious background colour needs channels: 3');
  const random = mulberry32(seed);
  const between = ([low, high]: [number, number]) => low + (high - low) * random();
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const k = classes.length;
  const pixelsEach = size * size * channels;
  const data: ShapesDataset = {
    images: new Float32Array(count * pixelsEach),
    labels: new Int32Array(count),
    trueLabels: new Int32Array(count),
    flipped: new Uint8Array(count),
    classes: [...classes],
    height: size,
    width: size,
    channels,
    count,
    meta: {
      scale: new Float32Array(count),
      rotation: new Float32Array(count),
      brightness: new Float32Array(count),
      background: new Float32Array(count),
      tint: new Int32Array(count),
    },
  };
  const samples = [0.25, 0.75];
  for (let i = 0; i < count; i++) {
    const label = i % k; // balanced classes
    const shape = classes[label]!;
    const r = between(scale);
    const angle = (between(rotation) * Math.PI) / 180;
    const cx = (random() * 2 - 1) * offset * 2;
    const cy = (random() * 2 - 1) * offset * 2;
    const objectLevel = between(brightness);
    const backgroundLevel = background === 'random' ? random() * 0.4 : background;
    const tint = channels === 3 ? (random() < spurious ? (label + spuriousShift) % k : Math.floor(random() * k)) : -1;
    const colour = tint >= 0 ? TINTS[tint % TINTS.length]! : [1, 1, 1];
    const pixels = data.images.subarray(i * pixelsEach, (i + 1) * pixelsEach);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let covered = 0;
        for (const sy of samples) {
          for (const sx of samples) {
            const u = ((x + sx) / size) * 2 - 1 - cx;
            const v = 1 - ((y + sy) / size) * 2 - cy;
            if (insideShape(shape, cos * u + sin * v, -sin * u + cos * v, r)) covered++;
          }
        }
        const coverage = covered / 4;
        for (let c = 0; c < channels; c++) {
          const back = backgroundLevel * (channels === 3 ? colour[c]! * 1.6 : 1);
          const value = back * (1 - coverage) + objectLevel * coverage;
          pixels[(y * size + x) * channels + c] = 0.5 + (value - 0.5) * contrast;
        }
      }
    }
    if (blur > 0) boxBlur(pixels, size, channels, Math.round(blur));
    for (let p = 0; p < pixels.length; p++) pixels[p] = Math.min(1, Math.max(0, pixels[p]! + noise * gaussian()));
    const flip = random() < labelNoise;
    data.trueLabels[i] = label;
    data.labels[i] = flip ? (label + 1 + Math.floor(random() * (k - 1))) % k : label;
    data.flipped[i] = flip ? 1 : 0;
    data.meta.scale[i] = r;
    data.meta.rotation[i] = (angle * 180) / Math.PI;
    data.meta.brightness[i] = objectLevel;
    data.meta.background[i] = backgroundLevel;
    data.meta.tint[i] = tint;
  }
  return data;
}
