/**
 * Small DOM helpers for the lab's widgets. Widgets build DOM only where a document exists (the
 * page); headless, the same widget objects work through their methods alone.
 */
import { imageAt, type ImageDataset } from '../data/image-dataset.ts';

/** What a lab widget dispatches (bubbling) when the learner changed its value: app view re-runs the app cells after it. */
export const WIDGET_INPUT_EVENT = 'lab-input';

export const hasDom = () =>
  typeof document !== 'undefined' && typeof document.createElement === 'function' && typeof window !== 'undefined';

/** An element with attributes and children (text goes in as text, never as markup). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** One image of a dataset on a canvas, `scale` screen pixels per image pixel, crisp. */
export function imageCanvas(data: ImageDataset, index: number, scale: number, label: string): HTMLCanvasElement {
  const canvas = el('canvas', { width: String(data.width), height: String(data.height), role: 'img', 'aria-label': label });
  canvas.style.width = `${data.width * scale}px`;
  canvas.style.height = `${data.height * scale}px`;
  canvas.style.imageRendering = 'pixelated';
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(data.width, data.height);
  const image = imageAt(data, index);
  for (let p = 0; p < data.width * data.height; p++) {
    for (let c = 0; c < 3; c++) pixels.data[p * 4 + c] = Math.round(image[p * data.channels + (data.channels === 3 ? c : 0)]! * 255);
    pixels.data[p * 4 + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return canvas;
}

export { download } from './download.ts';
