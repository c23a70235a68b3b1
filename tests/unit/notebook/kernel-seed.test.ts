/** Per-cell seeding: a cell's random numbers come from the lesson's seed and the cell's key alone. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Kernel } from '../../../src/notebook/kernel.ts';
import { kernelOf, texts } from '../../helpers/lesson.ts';

let kernel: Kernel | undefined;
afterEach(() => kernel?.dispose());

const DRAW = 'const drawn = [Math.random(), ...(await tf.randomNormal([2]).data())].map((v) => v.toFixed(6)).join(" ");\ndrawn';

async function drawnBy(cells: (string | [string, string])[], index: number): Promise<string> {
  kernel?.dispose();
  kernel = await kernelOf(cells);
  expect(await kernel.runAll()).toBe(true);
  return texts(kernel, index)[0]!;
}

describe('per-cell seeding', () => {
  it('re-running one cell gives what Run all gave it, whatever ran in between', async () => {
    kernel = await kernelOf(['Math.random(); Math.random();', ['id=draw', DRAW], 'Math.random()']);
    expect(await kernel.runAll()).toBe(true);
    const fromRunAll = texts(kernel, 1)[0];
    await kernel.run(2);
    await kernel.run(0);
    expect(await kernel.run(1)).toBe(true);
    expect(texts(kernel, 1)[0]).toBe(fromRunAll);
  });

  it('a cell keeps its numbers when cells are inserted above it or consume randomness before it', async () => {
    const alone = await drawnBy([['id=draw', DRAW]], 0);
    const moved = await drawnBy(['Math.random()', 'tf.randomUniform([100]).sum()', ['id=draw', DRAW]], 2);
    expect(moved).toBe(alone);
  });

  it('cells with other keys draw other numbers', async () => {
    const cells: (string | [string, string])[] = [
      ['id=one', DRAW],
      ['id=two', DRAW.replace(/drawn/g, 'other')],
    ];
    const numbers = await drawnBy(cells, 0);
    expect(texts(kernel!, 1)[0]).not.toBe(numbers);
    // Without an id a cell is keyed by its position: the first cell still differs from "one".
    expect(await drawnBy([DRAW], 0)).not.toBe(numbers);
  });
});
