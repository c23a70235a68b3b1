import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { zoomOutImages } from '../../../src/lab/zoom.ts';
import { generateShapes } from '../../../src/lab/data/shapes.ts';
import { nodeHost } from '../../helpers/lesson.ts';

beforeAll(() => nodeHost());

/** Pixels brighter than half way between background and object: the object's area. */
const objectArea = (images: tf.Tensor4D) => tf.tidy(() => images.greater(0.5).sum([1, 2, 3]).arraySync() as number[]);

describe('zoomOutImages', () => {
  const data = generateShapes({ count: 12, scale: [0.6, 0.7], background: 0.2, noise: 0, offset: 0 });
  const images = () => tf.tensor4d(data.images, [12, 16, 16, 1]);

  it('is the identity at scale 1', () => {
    const x = images();
    const out = zoomOutImages(x, { scale: [1, 1] });
    expect(out.sub(x).abs().max().dataSync()[0]).toBeLessThan(0.02);
    tf.dispose([x, out]);
  });

  it("shrinks objects by the factor squared in area, on the image's own background", () => {
    const x = images();
    const out = zoomOutImages(x, { scale: [0.5, 0.5], seed: 3 });
    const before = objectArea(x);
    const after = objectArea(out);
    after.forEach((area, i) => expect(area / before[i]!).toBeGreaterThan(0.15));
    after.forEach((area, i) => expect(area / before[i]!).toBeLessThan(0.4));
    // The corners are new canvas: the background's 0.2, not black.
    const corners = out.slice([0, 0, 0, 0], [12, 2, 2, 1]);
    expect(corners.sub(0.2).abs().max().dataSync()[0]).toBeLessThan(1e-5);
    expect(out.min().dataSync()[0]).toBeGreaterThanOrEqual(0);
    expect(out.max().dataSync()[0]).toBeLessThanOrEqual(1);
    tf.dispose([x, out, corners]);
  });

  it('repeats for a seed, differs across seeds, keeps the shrunk image on the canvas, leaks no tensors', () => {
    const x = images();
    const options = { scale: [0.3, 0.9] as [number, number], offset: 0.3, seed: 5 };
    const a = zoomOutImages(x, options);
    const b = zoomOutImages(x, options);
    const c = zoomOutImages(x, { ...options, seed: 6 });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(a.sub(c).abs().max().dataSync()[0]).toBeGreaterThan(0.1);
    // Every object survives: a shift never pushes it off the canvas.
    const sums = objectArea(a);
    sums.forEach((area) => expect(area).toBeGreaterThan(0));
    const before = tf.memory().numTensors;
    zoomOutImages(x, options).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, a, b, c]);
  });

  it('refuses a factor that would zoom in', () => {
    const x = images();
    expect(() => zoomOutImages(x, { scale: [0.5, 1.5] })).toThrow(/scale must be/);
    expect(() => zoomOutImages(x, { scale: [0, 0.5] })).toThrow(/scale must be/);
    x.dispose();
  });
});
