/**
 * Hand-drawn-looking shapes, drawn as a person draws them on the lab's drawing pad: wobbly
 * strokes, corners that miss, circles that overshoot, the pad's own pen, as outlines or coloured in
 * (`filled`), so they are the same kind of image as a learner's drawings. The capstone's default
 * set (coloured in) and its outline test come from here, generated from a seed (the lab's licence).
 */
import { drawingPad } from '../widgets/drawing-pad.ts';
import type { ImageDataset } from './image-dataset.ts';
import { SHAPE_NAMES, type ShapeName } from './shapes.ts';
import { mulberry32 } from '../random.ts';

export interface SketchOptions {
  count?: number;
  classes?: readonly ShapeName[];
  seed?: number;
  /** The shape's half-width as a share of the half-pad, drawn uniformly from this range. */
  scale?: [number, number];
  /** How far the drawing's centre strays from the pad's, as a share of the half-pad. */
  offset?: number;
  /** How far each corner or point strays, as a share of the shape's size. */
  wobble?: number;
  /** Pen width in pad cells (the pad is 64 cells across; its own pen is 5). */
  pen?: [number, number];
  /** Output size: 8, 16, 32 or 64 pixels a side. */
  size?: number;
  /** The most a drawing is turned from upright, in degrees, either way (default 15). */
  turn?: number;
  /** Coloured in, as the pad's own examples are (true), or outlines only (false, the default). */
  filled?: boolean;
}

export interface SketchDataset extends ImageDataset {
  /** Each sketch's scale, for slicing a test set by drawing size. */
  scales: Float32Array;
}

const GRID = 64;

/** Points along the outline of `shape`, centred at 0 with half-width 1, y up; a cross is two strokes. */
function outline(shape: ShapeName, random: () => number, wobble: number): [number, number][][] {
  const jitter = () => (random() * 2 - 1) * wobble;
  switch (shape) {
    case 'circle': {
      const start = random() * Math.PI * 2;
      const sweep = Math.PI * 2 * (1 + random() * 0.15);
      const squash = 1 + jitter();
      const points: [number, number][] = [];
      for (let i = 0; i <= 28; i++) {
        const angle = start + (sweep * i) / 28;
        const radius = 1 + jitter() * 0.5;
        points.push([Math.cos(angle) * radius * squash, Math.sin(angle) * radius]);
      }
      return [points];
    }
    case 'square': {
      const corners: [number, number][] = [
        [-0.8, 0.8],
        [0.8, 0.8],
        [0.8, -0.8],
        [-0.8, -0.8],
      ].map(([x, y]) => [x! + jitter(), y! + jitter()]);
      return [[...corners, [corners[0]![0] + jitter(), corners[0]![1] + jitter()]]];
    }
    case 'triangle': {
      const corners: [number, number][] = [
        [0, 1],
        [0.87, -0.5],
        [-0.87, -0.5],
      ].map(([x, y]) => [x! + jitter(), y! + jitter()]);
      return [[...corners, [corners[0]![0] + jitter(), corners[0]![1] + jitter()]]];
    }
    case 'cross':
      return [
        [
          [jitter(), 1 + jitter()],
          [jitter(), -1 + jitter()],
        ],
        [
          [-1 + jitter(), jitter()],
          [1 + jitter(), jitter()],
        ],
      ];
  }
}

/** Colours in the inside of a closed outline (even-odd rule), cell by cell. */
function fillPolygon(ink: Float32Array, points: readonly (readonly [number, number])[]): void {
  for (let y = 0; y < GRID; y++) {
    for (let x = 0; x < GRID; x++) {
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i]!;
        const [xj, yj] = points[j]!;
        if (yi > y + 0.5 !== yj > y + 0.5 && x + 0.5 < ((xj - xi) * (y + 0.5 - yi)) / (yj - yi) + xi) inside = !inside;
      }
      if (inside) ink[y * GRID + x] = 1;
    }
  }
}

export function sketchShapes(options: SketchOptions = {}): SketchDataset {
  const {
    count = 120,
    classes = ['circle', 'square', 'triangle', 'cross'],
    seed = 1,
    scale = [0.5, 0.8],
    offset = 0.12,
    wobble = 0.12,
    pen = [4, 6],
    size = 16,
    filled = false,
    turn: maxTurn = 15,
  } = options;
  for (const name of classes)
    if (!SHAPE_NAMES.includes(name)) throw new Error(`sketchShapes: unknown class "${name}"; known: ${SHAPE_NAMES.join(', ')}`);
  if (classes.length < 2) throw new Error('sketchShapes: give at least two classes');
  const random = mulberry32(seed);
  const between = ([low, high]: [number, number]) => low + random() * (high - low);
  const pad = drawingPad({ show: false });
  const images = new Float32Array(count * size * size);
  const labels = new Int32Array(count);
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % classes.length;
    const r = between(scale);
    const turn = (((random() * 2 - 1) * maxTurn) / 180) * Math.PI; // a hand-drawn shape is rarely square to the page
    const cx = GRID / 2 + (random() * 2 - 1) * offset * (GRID / 2);
    const cy = GRID / 2 + (random() * 2 - 1) * offset * (GRID / 2);
    const width = between(pen);
    pad.clear();
    for (const stroke of outline(classes[label]!, random, wobble)) {
      const points = stroke.map(([x, y]) => {
        const u = x * Math.cos(turn) - y * Math.sin(turn);
        const v = x * Math.sin(turn) + y * Math.cos(turn);
        return [cx + u * r * (GRID / 2), cy - v * r * (GRID / 2)] as const;
      });
      for (let p = 1; p < points.length; p++) pad.stroke(...points[p - 1]!, ...points[p]!, width);
      if (filled && points.length > 2) fillPolygon(pad.ink, points);
      else if (filled) for (let p = 1; p < points.length; p++) pad.stroke(...points[p - 1]!, ...points[p]!, width * 2.2);
    }
    images.set(pad.image(size), i * size * size);
    labels[i] = label;
    scales[i] = r;
  }
  return { images, labels, classes: [...classes], height: size, width: size, channels: 1, count, scales };
}
