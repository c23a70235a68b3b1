/**
 * A DOM document for Plot in Node: linkedom for elements, @napi-rs/canvas behind
 * `document.createElement("canvas")` (Plot draws colour ramps and rasters on a canvas and reads
 * them back with toDataURL). No global `window` is set: TF.js would then think it runs in a browser.
 */
import { createCanvas } from '@napi-rs/canvas';
import { parseHTML } from 'linkedom';

type Canvas = import('@napi-rs/canvas').Canvas;

function canvasElement(element: Record<string, unknown>): void {
  let canvas: Canvas = createCanvas(300, 150) as Canvas;
  const resize = (width: number, height: number) => {
    canvas = createCanvas(Math.max(1, width | 0), Math.max(1, height | 0)) as Canvas;
  };
  Object.defineProperties(element, {
    width: { get: () => canvas.width, set: (w: number) => resize(w, canvas.height) },
    height: { get: () => canvas.height, set: (h: number) => resize(canvas.width, h) },
    getContext: { value: (type: string) => (type === '2d' ? canvas.getContext('2d') : null) },
    toDataURL: { value: (mime?: string) => canvas.toDataURL((mime ?? 'image/png') as 'image/png') },
  });
}

export function createNodeDocument(): Document {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const createElement = document.createElement.bind(document);
  document.createElement = ((name: string, options?: ElementCreationOptions) => {
    const element = createElement(name, options);
    if (name.toLowerCase() === 'canvas') canvasElement(element as unknown as Record<string, unknown>);
    return element;
  }) as typeof document.createElement;
  return document as unknown as Document;
}
