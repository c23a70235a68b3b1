/**
 * A datasheet for a dataset (after Gebru et al., "Datasheets for Datasets"): why it was collected,
 * what is in it, how it was gathered, what it is for. The composition is counted from the data
 * itself, by class and by source, and every class that a source supplies far less of than it
 * supplies overall is named: the gap a reader most needs to know about, and the one nobody writes
 * down by hand.
 */
import { bullets, markdownTable, percent, section } from './markdown.ts';

export interface DatasheetOptions {
  title: string;
  /** Why the data was collected, by whom, for what task. */
  motivation: string;
  /** How it was gathered: sources, sampling, who labelled it. */
  collection: string;
  classes: readonly string[];
  /** Each item's class index and the source it came from. */
  labels: ArrayLike<number>;
  sources: ArrayLike<string>;
  preprocessing?: string;
  uses?: string;
  notFor?: string;
  /** Gaps the author knows of, in words (the thin sources are added from the counts). */
  gaps?: string[];
  licence: string;
  /**
   * A class and source pair is thin when the source's share of the class is under this fraction of
   * the source's share of all items (default 0.5: under half its usual share).
   */
  thinBelow?: number;
}

export interface ThinSource {
  class: string;
  source: string;
  count: number;
  /** Its share of the class's items. */
  share: number;
  /** The source's share of all items, which `share` is held against. */
  sourceShare: number;
}

export interface Datasheet {
  /** The datasheet as Markdown. */
  text: string;
  /** Per class and source, how many items. */
  counts: Record<string, Record<string, number>>;
  /** Class and source pairs whose share of the class is under `thinBelow` of the source's overall share. */
  thin: ThinSource[];
}

export function datasheet(options: DatasheetOptions): Datasheet {
  const { classes, labels, sources, thinBelow = 0.5 } = options;
  if (labels.length !== sources.length)
    throw new Error(`datasheet: ${labels.length} labels and ${sources.length} sources; give one source per item`);
  const sourceNames = [...new Set(Array.from(sources))];
  const counts: Record<string, Record<string, number>> = {};
  for (const name of classes) counts[name] = Object.fromEntries(sourceNames.map((source) => [source, 0]));
  for (let i = 0; i < labels.length; i++) {
    const name = classes[labels[i]!];
    if (name === undefined)
      throw new Error(`datasheet: item ${i} has label ${labels[i]}, not a class index from 0 to ${classes.length - 1}`);
    counts[name]![sources[i]!]!++;
  }
  const classTotal = (name: string) => Object.values(counts[name]!).reduce((a, b) => a + b, 0);
  const sourceShare = (source: string) => Array.from(sources).filter((s) => s === source).length / Math.max(1, labels.length);
  const thin = classes.flatMap((name) =>
    sourceNames
      .map((source) => {
        const count = counts[name]![source]!;
        return { class: name, source, count, share: classTotal(name) ? count / classTotal(name) : 0, sourceShare: sourceShare(source) };
      })
      .filter((entry) => sourceNames.length > 1 && classTotal(entry.class) > 0 && entry.share < thinBelow * entry.sourceShare),
  );
  const table = markdownTable(
    ['class', ...sourceNames, 'all'],
    classes.map((name) => [
      name,
      ...sourceNames.map((source) => `${counts[name]![source]} (${percent(counts[name]![source]! / Math.max(1, classTotal(name)))})`),
      classTotal(name),
    ]),
  );
  const thinLines = thin.map(
    (entry) =>
      `${entry.class} from ${entry.source}: ${entry.count} items, ${percent(entry.share)} of the ${entry.class} items, where ${entry.source} supplies ${percent(entry.sourceShare)} of all items (counted)`,
  );
  const text = [
    `# Datasheet: ${options.title}`,
    section('Motivation', options.motivation),
    section(
      'Composition',
      `${labels.length} items, ${classes.length} classes, ${sourceNames.length} sources. Items per class and source (share of the class):`,
      table,
    ),
    section('Collection process', options.collection),
    section('Preprocessing and labelling', options.preprocessing),
    section('Uses', options.uses, options.notFor ? `Not for: ${options.notFor}` : undefined),
    section('Known gaps', bullets([...thinLines, ...(options.gaps ?? [])]) ?? 'None known.'),
    section('Distribution', `Licence: ${options.licence}`),
  ]
    .filter(Boolean)
    .join('\n\n');
  return { text: `${text}\n`, counts, thin };
}
