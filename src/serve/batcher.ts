/**
 * Micro-batching: requests that arrive within a few milliseconds of each other share one
 * `model.predict` call. On TF.js's CPU backend one call on 16 inputs costs far less than 16 calls
 * on one (the per-call overhead dominates small models), so a burst is answered sooner batched.
 */
export interface BatcherOptions {
  /** Most items in one batch. */
  maxBatch: number;
  /** How long the first item of a batch waits for company, in ms. */
  maxWaitMs: number;
}

export interface BatchStats {
  batches: number;
  items: number;
  largest: number;
}

export interface Batcher<I, O> {
  /** Resolves with this item's result and the size of the batch it ran in. */
  submit(item: I): Promise<{ result: O; batchSize: number }>;
  stats(): BatchStats;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: { result: O; batchSize: number }): void;
  reject(error: unknown): void;
}

export function createBatcher<I, O>(run: (items: I[]) => Promise<O[]>, { maxBatch, maxWaitMs }: BatcherOptions): Batcher<I, O> {
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`maxBatch must be a whole number of at least 1 (got ${maxBatch})`);
  if (!(maxWaitMs >= 0)) throw new Error(`maxWaitMs must be 0 or more (got ${maxWaitMs})`);
  let queue: Waiting<I, O>[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stats: BatchStats = { batches: 0, items: 0, largest: 0 };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(maxBatch);
    if (queue.length > 0) timer = setTimeout(flush, 0);
    if (batch.length === 0) return;
    stats.batches++;
    stats.items += batch.length;
    stats.largest = Math.max(stats.largest, batch.length);
    // Through a promise, so that even a run that throws synchronously settles every item.
    Promise.resolve()
      .then(() => run(batch.map((w) => w.item)))
      .then((results) => {
        if (results.length !== batch.length) throw new Error(`the model answered ${results.length} of ${batch.length} inputs`);
        batch.forEach((w, i) => w.resolve({ result: results[i]!, batchSize: batch.length }));
      })
      .catch((error: unknown) => batch.forEach((w) => w.reject(error)));
  };

  return {
    submit(item) {
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= maxBatch) flush();
        else timer ??= setTimeout(flush, maxWaitMs);
      });
    },
    stats: () => ({ ...stats }),
  };
}
