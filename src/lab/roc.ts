/**
 * The ROC curve of a detector: for every threshold on its score, the share of positives it
 * catches (true-positive rate) against the share of negatives it raises a false alarm on
 * (false-positive rate). The area under it (AUC) is the chance that a random positive scores
 * higher than a random negative: 1 is perfect, 0.5 is a coin. It judges the score itself, before
 * anyone picks a threshold.
 */
import * as Plot from '@observablehq/plot';
import { plot } from './plot.ts';

export interface RocPoint {
  /** Items scoring at least this are flagged. */
  threshold: number;
  /** Share of negatives flagged (false alarms). */
  fpr: number;
  /** Share of positives flagged (caught). */
  tpr: number;
}

export interface Roc {
  /** From (0, 0) (threshold +Infinity: nothing flagged) to (1, 1), one point per distinct score. */
  points: RocPoint[];
  /** Area under the curve; tied scores count half, as the diagonal step between them does. */
  auc: number;
  positives: number;
  negatives: number;
}

/**
 * ROC curve and AUC. `scores`: higher means "more likely positive". `labels`: 1 or true for a
 * positive (for an out-of-domain detector: the out-of-domain inputs), 0 or false for a negative.
 */
export function roc(scores: ArrayLike<number>, labels: ArrayLike<number | boolean>): Roc {
  if (scores.length !== labels.length) throw new Error(`roc: ${scores.length} scores for ${labels.length} labels`);
  const order = Array.from({ length: scores.length }, (_, i) => i);
  for (const i of order) if (Number.isNaN(scores[i])) throw new Error(`roc: score ${i} is NaN`);
  order.sort((a, b) => scores[b]! - scores[a]!);
  const positive = (i: number) => labels[i] === true || labels[i] === 1;
  const positives = order.filter(positive).length;
  const negatives = order.length - positives;
  if (!positives || !negatives) throw new Error(`roc: needs both positives and negatives (got ${positives} and ${negatives})`);
  const points: RocPoint[] = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  let auc = 0;
  for (let k = 0; k < order.length; ) {
    const threshold = scores[order[k]!]!;
    // All items with the same score are flagged together: one step, possibly diagonal.
    for (; k < order.length && scores[order[k]!] === threshold; k++) positive(order[k]!) ? tp++ : fp++;
    const previous = points.at(-1)!;
    const point = { threshold, fpr: fp / negatives, tpr: tp / positives };
    auc += ((point.fpr - previous.fpr) * (point.tpr + previous.tpr)) / 2;
    points.push(point);
  }
  return { points, auc, positives, negatives };
}

/** The best true-positive rate with at most `maxFpr` false alarms, and the threshold giving it. */
export function tprAtFpr(curve: Roc, maxFpr: number): RocPoint {
  return curve.points.filter((p) => p.fpr <= maxFpr + 1e-12).reduce((a, b) => (b.tpr > a.tpr ? b : a));
}

export interface RocChartOptions {
  title?: string;
  width?: number;
  height?: number;
}

/**
 * ROC curves on one chart, with the diagonal of a detector that guesses. Give one curve or
 * `{ name: curve }`; each name is shown with its AUC.
 */
export function rocChart(curves: Roc | Record<string, Roc>, options: RocChartOptions = {}): Element {
  const named: Record<string, Roc> =
    'points' in curves && Array.isArray(curves.points) ? { detector: curves as Roc } : (curves as Record<string, Roc>);
  const entries = Object.entries(named);
  const label = (name: string, curve: Roc) =>
    entries.length === 1 ? `AUC ${curve.auc.toFixed(2)}` : `${name} (AUC ${curve.auc.toFixed(2)})`;
  const rows = entries.flatMap(([name, curve]) => curve.points.map((p) => ({ ...p, curve: label(name, curve) })));
  const title = options.title ?? (entries.length === 1 ? `ROC curve, ${label(entries[0]![0], entries[0]![1])}` : 'ROC curves');
  return plot({
    title,
    width: options.width ?? 420,
    height: options.height ?? 380,
    grid: true,
    marginRight: 20,
    x: { domain: [0, 100], label: 'false alarms (share of negatives flagged)', percent: true },
    y: { domain: [0, 100], label: 'caught (share of positives flagged)', percent: true },
    color: { legend: entries.length > 1, domain: entries.map(([name, curve]) => label(name, curve)) },
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { stroke: '#999', strokeDasharray: '4,4' },
      ),
      Plot.line(rows, { x: 'fpr', y: 'tpr', stroke: 'curve', strokeWidth: 2, curve: 'linear' }),
    ],
  });
}
