/**
 * The kernel's record of how much of a cell's time went to training convolutional models, which
 * lessons/timings.json keeps so a device can scale a lesson's time (npm run timings).
 */
import { afterEach, expect, it } from 'vitest';
import type { Kernel } from '../../../src/notebook/kernel.ts';
import { kernelOf } from '../../helpers/lesson.ts';

let kernel: Kernel | undefined;
afterEach(() => kernel?.dispose());

const fitCell = (layers: string, shape: string) =>
  `const m = tf.sequential({ layers: [${layers}] });\nm.compile({ optimizer: "sgd", loss: "meanSquaredError" });\nawait m.fit(tf.zeros(${shape}), tf.zeros([64, 1]), { epochs: 3, verbose: 0 });\nm.dispose();`;

it('counts the time of convolutional fits only, once (Sequential.fit calls an inner fit)', async () => {
  kernel = await kernelOf([
    fitCell(
      'tf.layers.conv2d({ filters: 2, kernelSize: 3, inputShape: [8, 8, 1] }), tf.layers.flatten(), tf.layers.dense({ units: 1 })',
      '[64, 8, 8, 1]',
    ),
    fitCell('tf.layers.dense({ units: 1, inputShape: [4] })', '[64, 4]'),
  ]);
  expect(await kernel.run(0)).toBe(true);
  expect(await kernel.run(1)).toBe(true);
  const [conv, dense] = kernel.cells;
  expect(conv!.convMs).toBeGreaterThan(0);
  expect(conv!.convMs).toBeLessThanOrEqual(conv!.ms!);
  expect(dense!.convMs).toBe(0);
});
