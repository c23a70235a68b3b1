/**
 * A slice report: accuracy per group of items (a source, a condition, a class and source), each
 * with its Wilson interval, so a weak slice that one overall number hides shows, and a slice too
 * small to judge says so by its width.
 */
import { wilsonInterval } from './intervals.ts';

export interface SliceRow {
  slice: string;
  count: number;
  right: number;
  /** right / count. */
  accuracy: number;
  /** The Wilson interval of `accuracy` at `confidence` (e.g. 0.95). */
  low: number;
  high: number;
  confidence: number;
}

/**
 * Accuracy of `predicted` against `labels` for each value of `groups` (one name per item), in the
 * order the groups first appear; items whose group is empty or undefined are left out.
 */
export function sliceReport(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  groups: ArrayLike<string | undefined>,
  confidence = 0.95,
): SliceRow[] {
  if (predicted.length !== labels.length || groups.length !== labels.length)
    throw new Error(`sliceReport: ${predicted.length} predictions and ${groups.length} groups for ${labels.length} labels`);
  const tally = new Map<string, { count: number; right: number }>();
  for (let i = 0; i < labels.length; i++) {
    const group = groups[i];
    if (!group) continue;
    const entry = tally.get(group) ?? { count: 0, right: 0 };
    entry.count++;
    if (predicted[i] === labels[i]) entry.right++;
    tally.set(group, entry);
  }
  return [...tally].map(([slice, { count, right }]) => {
    const { low, high } = wilsonInterval(right, count, confidence);
    return { slice, count, right, accuracy: right / count, low, high, confidence };
  });
}
