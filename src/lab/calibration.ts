/**
 * Calibration: does a confidence of 90% mean the model is right 9 times in 10? A reliability
 * table bins items by confidence and compares each bin's mean confidence with its accuracy; the
 * expected calibration error (ECE) is the gap, weighted by how many items each bin holds.
 * Temperature scaling divides the log-probabilities by one number T fitted on held-out data
 * (T > 1 softens an over-confident model); the predicted class never changes, only how sure it is.
 * Fit T on one split and judge it on another: like any fitted number, it flatters its own data.
 */
import * as tf from '@tensorflow/tfjs';
import * as Plot from '@observablehq/plot';
import { plot } from './plot.ts';
import { flatRows, type FlatRows, type ProbabilityRows } from './probability-rows.ts';

export interface ReliabilityBin {
  /** The bin's confidence range, [low, high). The last bin includes 1. */
  low: number;
  high: number;
  /** Items whose confidence falls in the bin. */
  count: number;
  /** Their mean confidence, and the share of them the model gets right (NaN when the bin is empty). */
  confidence: number;
  accuracy: number;
}

export interface Reliability {
  bins: ReliabilityBin[];
  /** Expected calibration error: Σ count/n · |accuracy − confidence| over the bins. */
  ece: number;
  /** Mean confidence and accuracy over all items: over-confident when the first is higher. */
  confidence: number;
  accuracy: number;
  count: number;
}

/** `probabilities` as one flat array, checked against the labels. */
function readRows(probabilities: ProbabilityRows, labels: ArrayLike<number>, caller: string): FlatRows {
  const flat = flatRows(probabilities, caller);
  if (flat.rows !== labels.length) throw new Error(`${caller}: ${flat.rows} rows of probabilities for ${labels.length} labels`);
  if (flat.rows === 0) throw new Error(`${caller}: no items`);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= flat.classes)
      throw new Error(`${caller}: label ${label} of item ${i} is not a class index from 0 to ${flat.classes - 1}`);
  }
  return flat;
}

/** The reliability table and ECE of `probabilities` ([n, classes]) against `labels`, in `bins` equal bins of confidence. */
export function reliability(probabilities: ProbabilityRows, labels: ArrayLike<number>, { bins = 10 }: { bins?: number } = {}): Reliability {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`reliability: bins must be a positive whole number (got ${bins})`);
  const { values, rows, classes } = readRows(probabilities, labels, 'reliability');
  const count = new Array<number>(bins).fill(0);
  const sumConfidence = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (values[r * classes + c]! > values[r * classes + best]!) best = c;
    const confidence = values[r * classes + best]!;
    const bin = Math.min(bins - 1, Math.floor(confidence * bins));
    count[bin]!++;
    sumConfidence[bin]! += confidence;
    if (best === labels[r]) right[bin]!++;
  }
  const table = count.map((n, b) => ({
    low: b / bins,
    high: (b + 1) / bins,
    count: n,
    confidence: n ? sumConfidence[b]! / n : NaN,
    accuracy: n ? right[b]! / n : NaN,
  }));
  const ece = table.reduce((total, bin) => (bin.count ? total + (bin.count / rows) * Math.abs(bin.accuracy - bin.confidence) : total), 0);
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return { bins: table, ece, confidence: total(sumConfidence) / rows, accuracy: total(right) / rows, count: rows };
}

const FLOOR = 1e-7;

/** Mean negative log-likelihood of the labels under softmax(log p / T). */
function meanNll(logs: Float64Array, labels: ArrayLike<number>, classes: number, temperature: number): number {
  let total = 0;
  for (let r = 0; r < labels.length; r++) {
    let top = -Infinity;
    for (let c = 0; c < classes; c++) top = Math.max(top, logs[r * classes + c]! / temperature);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(logs[r * classes + c]! / temperature - top);
    total -= logs[r * classes + labels[r]!]! / temperature - top - Math.log(sum);
  }
  return total / labels.length;
}

export interface TemperatureFit {
  /** The T that gives the labels the highest likelihood: above 1 the model was over-confident. */
  temperature: number;
  /** Mean negative log-likelihood of the labels before (T = 1) and after scaling. */
  nllBefore: number;
  nllAfter: number;
}

/**
 * The temperature that best fits `labels` (held-out items the model did not train on), by a
 * golden-section search of the negative log-likelihood over T from 0.05 to 20 (it has one minimum
 * in log T).
 */
export function fitTemperature(probabilities: ProbabilityRows, labels: ArrayLike<number>): TemperatureFit {
  const { values, classes } = readRows(probabilities, labels, 'fitTemperature');
  const logs = Float64Array.from(values, (p) => Math.log(Math.max(p, FLOOR)));
  const nll = (logT: number) => meanNll(logs, labels, classes, Math.exp(logT));
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [low, high] = [Math.log(0.05), Math.log(20)];
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let [fa, fb] = [nll(a), nll(b)];
  while (high - low > 1e-4) {
    if (fa < fb) {
      [high, b, fb] = [b, a, fa];
      a = high - ratio * (high - low);
      fa = nll(a);
    } else {
      [low, a, fa] = [a, b, fb];
      b = low + ratio * (high - low);
      fb = nll(b);
    }
  }
  const logT = (low + high) / 2;
  return { temperature: Math.exp(logT), nllBefore: nll(0), nllAfter: nll(logT) };
}

/** softmax(log p / T) of every row: the same predicted class, a softer (T > 1) or sharper (T < 1) confidence. */
export function withTemperature(probabilities: tf.Tensor2D, temperature: number): tf.Tensor2D {
  if (!(temperature > 0)) throw new Error(`withTemperature: the temperature must be above 0 (got ${temperature})`);
  return tf.tidy(() => tf.softmax(probabilities.clipByValue(FLOOR, 1).log().div(temperature)) as tf.Tensor2D);
}

/**
 * A reliability diagram: each bin's accuracy against its mean confidence (dot area: how many
 * items), beside the diagonal a calibrated model would sit on. Give one table or `{ name: table }`;
 * each name is shown with its ECE.
 */
export function reliabilityChart(
  tables: Reliability | Record<string, Reliability>,
  options: { title?: string; width?: number; height?: number } = {},
): Element {
  const named: Record<string, Reliability> =
    'bins' in tables && Array.isArray(tables.bins) ? { model: tables as Reliability } : (tables as Record<string, Reliability>);
  const entries = Object.entries(named);
  const label = (name: string, table: Reliability) => `${name} (ECE ${(table.ece * 100).toFixed(1)}%)`;
  const rows = entries.flatMap(([name, table]) =>
    table.bins.filter((bin) => bin.count > 0).map((bin) => ({ ...bin, curve: label(name, table) })),
  );
  return plot({
    title: options.title ?? 'Reliability: accuracy against confidence',
    width: options.width ?? 420,
    height: options.height ?? 380,
    grid: true,
    marginRight: 20,
    x: { domain: [0, 100], label: 'confidence', percent: true },
    y: { domain: [0, 100], label: 'accuracy', percent: true },
    color: { legend: true, domain: entries.map(([name, table]) => label(name, table)) },
    r: { range: [2, 9] },
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { stroke: '#999', strokeDasharray: '4,4' },
      ),
      Plot.line(rows, { x: 'confidence', y: 'accuracy', stroke: 'curve', strokeWidth: 1.5 }),
      Plot.dot(rows, { x: 'confidence', y: 'accuracy', stroke: 'curve', r: 'count', fill: 'curve', fillOpacity: 0.3 }),
    ],
  });
}
