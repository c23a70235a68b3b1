/**
 * A model card (after Mitchell et al., "Model Cards for Model Reporting"): what the model is, what
 * it is for and not for, and how well it does, overall and per slice, written from the metadata
 * saved with the model and from measurements, never from memory. A slice whose whole interval lies
 * below the overall accuracy is named under the caveats.
 */
import type { LabModelInfo } from '../model-io/info.ts';
import type { Reliability } from '../calibration.ts';
import type { SliceRow } from '../slices.ts';
import { wilsonInterval } from '../intervals.ts';
import { bullets, markdownTable, percent, section } from './markdown.ts';

export interface OutOfDomainResult {
  /** What the inputs were, e.g. "crosses (a shape it never learned)". */
  inputs: string;
  count: number;
  /** Share of them answered with a confidence of at least `threshold`. */
  confidentShare: number;
  threshold: number;
}

export interface ModelCardOptions {
  name: string;
  /** The lab metadata saved with the model (what `saveModel` returns and `loadModel` reads). */
  info: LabModelInfo;
  intendedUse: string;
  notFor?: string;
  /** The data the numbers below were measured on. */
  evaluation: string;
  /** Items right and items in all, on that data. */
  overall: { right: number; count: number };
  /** A slice report on the same data (`sliceReport`). */
  slices?: readonly SliceRow[];
  calibration?: Reliability;
  outOfDomain?: readonly OutOfDomainResult[];
  caveats?: string[];
}

export interface ModelCard {
  /** The card as Markdown. */
  text: string;
  /** Slices whose whole interval (at the slice report's confidence) is below the overall accuracy. */
  weakSlices: SliceRow[];
}

const interval = (low: number, high: number) => `${percent(low)}–${percent(high)}`;

export function modelCard(options: ModelCardOptions): ModelCard {
  const { info, overall, slices = [] } = options;
  if (!(overall.count > 0)) throw new Error('modelCard: overall.count must be above 0: the card reports measured accuracy');
  const total = wilsonInterval(overall.right, overall.count);
  const weakSlices = slices.filter((slice) => slice.high < total.rate);
  const details = markdownTable(
    ['field', 'value'],
    [
      ['classes', info.classes.join(', ')],
      ['input shape', `[${info.inputShape.join(', ')}]`],
      ...(info.pixelRange ? [['pixel range', `${info.pixelRange[0]} to ${info.pixelRange[1]}`]] : []),
      ...(info.dataset ? [['training data', info.dataset]] : []),
      ...(info.seed !== undefined ? [['seed', String(info.seed)]] : []),
      ['trained on backend', info.backend],
      ['versions', `TF.js ${info.versions.tfjs}, lab ${info.versions.lab}`],
      ['saved', info.createdAt],
      ...(info.description ? [['description', info.description]] : []),
    ],
  );
  const sliceTable = slices.length
    ? markdownTable(
        ['slice', 'items', 'accuracy', 'interval'],
        slices.map((slice) => [
          slice.slice,
          slice.count,
          percent(slice.accuracy),
          `${interval(slice.low, slice.high)} (${percent(slice.confidence)})`,
        ]),
      )
    : undefined;
  const calibration = options.calibration
    ? `Mean confidence ${percent(options.calibration.confidence)} for an accuracy of ${percent(options.calibration.accuracy)}; expected calibration error ${(options.calibration.ece * 100).toFixed(1)}% over ${options.calibration.count} items.`
    : undefined;
  const outOfDomain = options.outOfDomain?.length
    ? markdownTable(
        ['inputs', 'items', 'answered with confidence ≥ threshold'],
        options.outOfDomain.map((row) => [row.inputs, row.count, `${percent(row.confidentShare)} (≥ ${percent(row.threshold)})`]),
      )
    : undefined;
  const weakLines = weakSlices.map(
    (slice) =>
      `Weak slice: ${slice.slice}, ${percent(slice.accuracy)} (95% interval ${interval(slice.low, slice.high)}) against ${percent(total.rate)} overall (measured)`,
  );
  const text = [
    `# Model card: ${options.name}`,
    section('Model details', details),
    section('Intended use', options.intendedUse, options.notFor ? `Not for: ${options.notFor}` : undefined),
    section(
      'Evaluation',
      options.evaluation,
      `Accuracy ${percent(total.rate)} (95% interval ${interval(total.low, total.high)}) on ${overall.count} items.`,
      sliceTable ? `Per slice:\n\n${sliceTable}` : undefined,
    ),
    section('Calibration', calibration),
    section('Out-of-domain inputs', outOfDomain),
    section('Caveats', bullets([...weakLines, ...(options.caveats ?? [])]) ?? 'None measured.'),
  ]
    .filter(Boolean)
    .join('\n\n');
  return { text: `${text}\n`, weakSlices };
}
