/**
 * Pictures of data, as Plot charts (so they work in the page and, headless, as SVG):
 * a grid of images with captions, and the count of each class.
 */
import * as Plot from '@observablehq/plot';
import { imageAt, type ImageDataset } from './data/image-dataset.ts';
import { plot } from './plot.ts';

export interface GridOptions {
  /** Which items (default the first `count`). */
  indices?: readonly number[];
  count?: number;
  columns?: number;
  /** One caption per shown item (default the class name). */
  captions?: readonly string[];
  /** Pixel size on screen (default so that the grid is about 560 px wide). */
  cell?: number;
}

/** One pixel of a picture grid: its cell in an image, the image's place (fx, fy) and colour. */
export interface GridPixel {
  x: number;
  y: number;
  fx: number;
  fy: number;
  fill: string;
}
export interface GridCaption {
  fx: number;
  fy: number;
  text: string;
}

/** Screen size of one pixel: the grid about 560 px wide, and wide enough for the captions
 * (about 6.5 px a character at 11 px) so neighbours do not overlap. */
export function gridCellSize(columns: number, width: number, longestCaption: number, cell?: number): number {
  return cell ?? Math.max(2, Math.floor(560 / columns / width), Math.ceil((longestCaption * 6.5) / width));
}

/** The CSS colour of the pixel starting at `at` in an image of 1 (grey) or 3 channels in [0, 1]. */
export function pixelColour(image: ArrayLike<number>, at: number, channels: number): string {
  const [r, g, b] = channels === 3 ? [image[at]!, image[at + 1]!, image[at + 2]!] : [image[at]!, image[at]!, image[at]!];
  return `rgb(${Math.round(r * 255)},${Math.round(g * 255)},${Math.round(b * 255)})`;
}

/** Pixels drawn as square Plot cells, one facet per image, a caption above each. */
export function pixelGrid(
  pixels: GridPixel[],
  captions: GridCaption[],
  { width, height, columns, cell, rowPadding }: { width: number; height: number; columns: number; cell: number; rowPadding: number },
): Element {
  return plot({
    width: columns * (width * cell + 8),
    // Square pixels: the height follows from the width and the two band scales.
    aspectRatio: 1,
    marginTop: 16,
    marginLeft: 0,
    marginRight: 0,
    marginBottom: 0,
    x: { axis: null, padding: 0, domain: Array.from({ length: width }, (_, i) => i) },
    y: { axis: null, padding: 0, domain: Array.from({ length: height }, (_, i) => i) },
    fx: { axis: null, padding: 0.05 },
    fy: { axis: null, padding: rowPadding },
    color: { type: 'identity' },
    marks: [
      Plot.cell(pixels, { x: 'x', y: 'y', fx: 'fx', fy: 'fy', fill: 'fill', inset: 0 }),
      // Each tile's edge, mid grey: a white (blank) tile shows on a white page, a black one on a dark.
      Plot.frame({ stroke: '#8c8c8c', strokeWidth: 1 }),
      Plot.text(captions, { fx: 'fx', fy: 'fy', text: 'text', frameAnchor: 'top', dy: -12, fontSize: 11 }),
    ],
  }) as Element;
}

export function imageGrid(data: ImageDataset, options: GridOptions = {}): Element {
  const indices = options.indices ?? Array.from({ length: Math.min(options.count ?? 16, data.count) }, (_, i) => i);
  const columns = options.columns ?? Math.min(8, indices.length);
  const longest = Math.max(...indices.map((index, i) => (options.captions?.[i] ?? data.classes[data.labels[index]!] ?? '').length));
  const cell = gridCellSize(columns, data.width, longest, options.cell);
  const pixels: GridPixel[] = [];
  const captions: GridCaption[] = [];
  indices.forEach((index, position) => {
    const image = imageAt(data, index);
    const fx = position % columns;
    const fy = Math.floor(position / columns);
    for (let y = 0; y < data.height; y++) {
      for (let x = 0; x < data.width; x++) {
        pixels.push({ x, y, fx, fy, fill: pixelColour(image, (y * data.width + x) * data.channels, data.channels) });
      }
    }
    captions.push({ fx, fy, text: options.captions?.[position] ?? data.classes[data.labels[index]!] ?? '' });
  });
  const figure = pixelGrid(pixels, captions, { width: data.width, height: data.height, columns, cell, rowPadding: 0.3 });
  figure.setAttribute('aria-label', `${indices.length} images: ${captions.map((c) => c.text).join(', ')}`);
  return figure;
}

/** A bar per class: how many items carry each label. */
export function classBalance(labels: ArrayLike<number>, classes: readonly string[]): Element {
  const counts = classes.map((name, i) => ({ class: name, count: Array.prototype.filter.call(labels, (l: number) => l === i).length }));
  return plot({
    height: 220,
    marginLeft: 50,
    x: { label: null, domain: classes },
    y: { label: 'items', grid: true },
    marks: [Plot.barY(counts, { x: 'class', y: 'count', fill: '#1f5fbf' }), Plot.ruleY([0])],
  });
}
