/** Micro-batching: items that arrive together share a run, and every item settles exactly once. */
import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../../src/serve/batcher.ts';

describe('createBatcher', () => {
  it('runs items that arrive together in one batch, and splits at maxBatch', async () => {
    const sizes: number[] = [];
    const batcher = createBatcher(
      async (items: number[]) => {
        sizes.push(items.length);
        return items.map((x) => x * 2);
      },
      { maxBatch: 4, maxWaitMs: 5 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((x) => batcher.submit(x)));
    expect(results.map((r) => r.result)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(sizes).toEqual([4, 2]);
    expect(batcher.stats()).toEqual({ batches: 2, items: 6, largest: 4 });
  });

  it('rejects every item of a batch whose run throws, even synchronously, or answers too few', async () => {
    const throwing = createBatcher<number, number>(
      () => {
        throw new Error('model broke');
      },
      { maxBatch: 8, maxWaitMs: 1 },
    );
    const settled = await Promise.allSettled([1, 2, 3].map((x) => throwing.submit(x)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const short = createBatcher(async (items: number[]) => items.slice(1), { maxBatch: 8, maxWaitMs: 1 });
    await expect(Promise.all([short.submit(1), short.submit(2)])).rejects.toThrow('the model answered 1 of 2 inputs');
  });

  it('refuses settings that would never run a batch', () => {
    expect(() => createBatcher(async (x: number[]) => x, { maxBatch: 0, maxWaitMs: 1 })).toThrow(
      'maxBatch must be a whole number of at least 1',
    );
    expect(() => createBatcher(async (x: number[]) => x, { maxBatch: 2, maxWaitMs: Number.NaN })).toThrow('maxWaitMs must be 0 or more');
  });
});
