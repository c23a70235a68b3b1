/**
 * How fast a model answers: the median time of repeated predictions, per batch size and per
 * backend. One timing says little (the first call compiles kernels, a garbage collection or another
 * tab can stall any call), so each batch size is warmed up and then timed many times, and the median
 * is kept. Timings depend on the machine and on what else it is doing: show them, never check them.
 */
import * as tf from '@tensorflow/tfjs';

export interface LatencyOptions {
  /** Images per call (default [1, 8, 64, 256]); the images given are repeated to fill a batch. */
  batchSizes?: number[];
  /** Timed calls per batch size (default 25), fewer when `maxMsPerSize` runs out first. */
  runs?: number;
  /** Untimed calls before timing each batch size (default 2): kernels compile, weights move. */
  warmup?: number;
  /** Stop timing a batch size after this many milliseconds, once `minRuns` are done (default 500). */
  maxMsPerSize?: number;
  /** Timed calls made whatever the time (default 3). */
  minRuns?: number;
  /**
   * Backends to time (default: every backend registered here, e.g. webgpu, webgl and cpu in a page,
   * cpu headless). One that does not start here is left out. The current backend is restored.
   */
  backends?: string[];
}

export interface LatencyRow {
  backend: string;
  batchSize: number;
  /** Timed calls. */
  runs: number;
  /** Median milliseconds of one call: predict, then read the answers back. */
  msPerCall: number;
  /** `msPerCall / batchSize`. */
  msPerImage: number;
  /** Slowest timed call, milliseconds. */
  slowestMs: number;
}

interface Predictor {
  predict(x: tf.Tensor): tf.Tensor | tf.Tensor[];
  /** A TF.js LayersModel has both: its weights are then copied to each backend through the CPU. */
  getWeights?(): tf.Tensor[];
  setWeights?(weights: tf.Tensor[]): void;
}

interface Values {
  data: tf.TypedArray;
  shape: number[];
  dtype: tf.DataType;
}

const readValues = async (t: tf.Tensor): Promise<Values> => ({ data: (await t.data()) as tf.TypedArray, shape: t.shape, dtype: t.dtype });
const tensorOf = (v: Values) => tf.tensor(v.data, v.shape, v.dtype);

/**
 * Gives the model its weights on the current backend, made from values read back earlier. TF.js
 * would otherwise move each weight on first use with a synchronous read from the backend that
 * holds it, which WebGPU does badly (it can cost WebGL its context).
 */
function placeWeights(model: Predictor, weights: Values[]): void {
  if (!model.setWeights) return;
  const tensors = weights.map(tensorOf);
  model.setWeights(tensors);
  for (const t of tensors) t.dispose();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** One call as a client sees it: predict, and wait until the answers are readable. */
async function timeOneCall(model: Predictor, batch: tf.Tensor): Promise<number> {
  const started = performance.now();
  const out = model.predict(batch);
  const outputs = Array.isArray(out) ? out : [out];
  await Promise.all(outputs.map((t) => t.data()));
  const ms = performance.now() - started;
  for (const t of outputs) t.dispose();
  return ms;
}

/**
 * Times `model.predict` on batches of `images` (a batch tensor, [n, ...]) for each batch size and
 * backend: a row per (backend, batch size), in that order. Leaves no tensors behind and puts the
 * backend back as it was, even when a prediction fails.
 */
export async function predictionLatency(model: Predictor, images: tf.Tensor, options: LatencyOptions = {}): Promise<LatencyRow[]> {
  const { batchSizes = [1, 8, 64, 256], runs = 25, warmup = 2, maxMsPerSize = 500, minRuns = 3 } = options;
  if (batchSizes.length === 0 || batchSizes.some((b) => !Number.isInteger(b) || b < 1)) {
    throw new RangeError(`predictionLatency: batchSizes must be whole numbers of at least 1 (got [${batchSizes.join(', ')}])`);
  }
  if (!Number.isInteger(runs) || runs < 1)
    throw new RangeError(`predictionLatency: runs must be a whole number of at least 1 (got ${runs})`);
  if (images.shape.length < 1 || images.shape[0]! < 1)
    throw new RangeError(`predictionLatency: images must be a batch of at least one item (got shape [${images.shape.join(', ')}])`);
  const original = tf.getBackend();
  const wanted = options.backends ?? Object.keys(tf.engine().registryFactory);
  // Read once, asynchronously, so that no tensor has to be moved between backends by a synchronous read.
  const pixels = await readValues(images);
  const weights = await Promise.all((model.getWeights?.() ?? []).map(readValues));
  const repeat = (batchSize: number) => Array.from({ length: batchSize }, (_, i) => i % images.shape[0]!);
  const rows: LatencyRow[] = [];
  let weightsOn = original;
  try {
    for (const backend of wanted) {
      if (!(await tf.setBackend(backend).catch(() => false)) || tf.getBackend() !== backend) continue;
      if (backend !== weightsOn) {
        placeWeights(model, weights);
        weightsOn = backend;
      }
      for (const batchSize of batchSizes) {
        const batch = tf.tidy(() => tf.gather(tensorOf(pixels), repeat(batchSize)));
        try {
          for (let i = 0; i < warmup; i++) await timeOneCall(model, batch);
          const times: number[] = [];
          const started = performance.now();
          while (times.length < runs && (times.length < Math.min(minRuns, runs) || performance.now() - started < maxMsPerSize)) {
            times.push(await timeOneCall(model, batch));
          }
          const msPerCall = median(times);
          rows.push({
            backend,
            batchSize,
            runs: times.length,
            msPerCall,
            msPerImage: msPerCall / batchSize,
            slowestMs: Math.max(...times),
          });
        } finally {
          batch.dispose();
        }
      }
    }
  } finally {
    if (tf.getBackend() !== original) await tf.setBackend(original);
    if (weightsOn !== original) placeWeights(model, weights);
  }
  if (rows.length === 0) throw new Error(`predictionLatency: none of the backends [${wanted.join(', ')}] starts here`);
  return rows;
}
