/**
 * A drawing pad for trying a model on your own input: draw with the mouse, finger or pen, upload
 * a picture, or (keyboard, and headless) press "Draw a circle" and friends. The ink lives in a
 * 64 × 64 grid, so the pad works without a page; `image(size)` averages it down to the model's
 * input, bright ink on a dark background like the training images.
 */
import * as tf from '@tensorflow/tfjs';
import { activeSink } from '../../notebook/current.ts';
import { insideShape, SHAPE_NAMES, type ShapeName } from '../data/shapes.ts';
import { el, hasDom, WIDGET_INPUT_EVENT } from './dom.ts';

const GRID = 64;
const SCREEN = 256;

export interface DrawingPad {
  /** Ink per grid cell, 0–1, row-major GRID × GRID. */
  readonly ink: Float32Array;
  clear(): void;
  /** A stroke from (x0, y0) to (x1, y1) in grid units, `width` cells wide. */
  stroke(x0: number, y0: number, x1: number, y1: number, width?: number): void;
  /** A filled shape, as a person colouring it in would draw it. */
  drawShape(shape: ShapeName, scale?: number): void;
  /** The drawing averaged to size × size pixels in [0, 1]. */
  image(size: number): Float32Array;
  /** The drawing as a model input [1, size, size, 1]. */
  tensor(size: number): tf.Tensor4D;
  readonly element?: HTMLElement;
}

/** `show: false` makes a pad without a widget, to draw test inputs from code. */
export function drawingPad({ show = true } = {}): DrawingPad {
  const ink = new Float32Array(GRID * GRID);
  const sink = show ? activeSink() : undefined;
  let render = () => {};
  const dab = (cx: number, cy: number, radius: number) => {
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
        if (x < 0 || y < 0 || x >= GRID || y >= GRID) continue;
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius * radius) ink[y * GRID + x] = 1;
      }
    }
  };
  const pad: DrawingPad = {
    ink,
    clear() {
      ink.fill(0);
      render();
    },
    stroke(x0, y0, x1, y1, width = 5) {
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
      for (let s = 0; s <= steps; s++) dab(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, width / 2);
      render();
    },
    drawShape(shape, scale = 0.65) {
      if (!SHAPE_NAMES.includes(shape)) throw new Error(`drawShape: unknown shape "${shape}"; known: ${SHAPE_NAMES.join(', ')}`);
      for (let y = 0; y < GRID; y++) {
        for (let x = 0; x < GRID; x++) {
          const u = ((x + 0.5) / GRID) * 2 - 1;
          const v = 1 - ((y + 0.5) / GRID) * 2;
          if (insideShape(shape, u, v, scale)) ink[y * GRID + x] = 1;
        }
      }
      render();
    },
    image(size) {
      if (GRID % size !== 0) throw new Error(`drawing pad: size must divide ${GRID} (8, 16, 32 or 64), not ${size}`);
      const block = GRID / size;
      const out = new Float32Array(size * size);
      for (let y = 0; y < GRID; y++)
        for (let x = 0; x < GRID; x++) out[Math.floor(y / block) * size + Math.floor(x / block)]! += ink[y * GRID + x]! / (block * block);
      return out;
    },
    tensor(size) {
      return tf.tensor4d(pad.image(size), [1, size, size, 1]);
    },
  };

  if (show && hasDom()) {
    const root = el('div', { class: 'lab-drawing-pad' });
    const canvas = el('canvas', {
      width: String(GRID),
      height: String(GRID),
      role: 'img',
      'aria-label': 'Drawing pad: draw with the mouse, a finger or a pen',
    });
    canvas.style.width = canvas.style.height = `${SCREEN}px`;
    canvas.style.imageRendering = 'pixelated';
    canvas.style.touchAction = 'none';
    const context = canvas.getContext('2d')!;
    let last: [number, number] | undefined;
    const at = (event: PointerEvent): [number, number] => {
      const box = canvas.getBoundingClientRect();
      return [((event.clientX - box.left) / box.width) * GRID, ((event.clientY - box.top) / box.height) * GRID];
    };
    canvas.addEventListener('pointerdown', (event) => {
      canvas.setPointerCapture(event.pointerId);
      last = at(event);
      pad.stroke(...last, ...last);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!last) return;
      const next = at(event);
      pad.stroke(...last, ...next);
      last = next;
    });
    // The learner changed the drawing: app view runs the cells after the pad again (app-view.ts).
    const changed = () => root.dispatchEvent(new Event(WIDGET_INPUT_EVENT, { bubbles: true }));
    canvas.addEventListener('pointerup', () => {
      if (last) changed();
      last = undefined;
    });
    const buttons = el('div', { class: 'pad-buttons' });
    const clear = el('button', { type: 'button' }, 'Clear');
    clear.addEventListener('click', () => {
      pad.clear();
      changed();
    });
    buttons.append(clear);
    for (const shape of ['circle', 'square', 'triangle'] as const) {
      const button = el('button', { type: 'button' }, `Draw a ${shape}`);
      button.addEventListener('click', () => {
        pad.clear();
        pad.drawShape(shape);
        changed();
      });
      buttons.append(button);
    }
    const upload = el('input', { type: 'file', accept: 'image/*', 'aria-label': 'Upload an image' });
    upload.addEventListener('change', async () => {
      const file = upload.files?.[0];
      if (!file) return;
      const bitmap = await createImageBitmap(file);
      const scratch = el('canvas', { width: String(GRID), height: String(GRID) }).getContext('2d')!;
      scratch.drawImage(bitmap, 0, 0, GRID, GRID);
      const pixels = scratch.getImageData(0, 0, GRID, GRID).data;
      const light = Array.from({ length: GRID * GRID }, (_, p) => (pixels[p * 4]! + pixels[p * 4 + 1]! + pixels[p * 4 + 2]!) / (3 * 255));
      // The model saw bright shapes on dark backgrounds: a photo of dark ink on paper is inverted.
      const invert = light.reduce((a, b) => a + b, 0) / light.length > 0.5;
      light.forEach((value, p) => (ink[p] = invert ? 1 - value : value));
      render();
      changed();
    });
    const uploadLabel = el('label', { class: 'pad-upload' }, 'Upload an image ');
    uploadLabel.append(upload);
    root.append(canvas, buttons, uploadLabel);
    render = () => {
      const image = context.createImageData(GRID, GRID);
      ink.forEach((value, p) => {
        image.data.fill(Math.round(value * 255), p * 4, p * 4 + 3);
        image.data[p * 4 + 3] = 255;
      });
      context.putImageData(image, 0, 0);
      sink?.changed();
    };
    (pad as { element?: HTMLElement }).element = root;
    render();
  }
  sink?.push(
    pad.element
      ? { kind: 'html', node: pad.element, text: 'drawing pad' }
      : { kind: 'text', stream: 'log', text: 'drawing pad (no page here: draw through its methods)' },
  );
  return pad;
}
