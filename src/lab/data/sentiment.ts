/**
 * Sentiment Labelled Sentences (Kotzias et al., KDD 2015; UCI, CC BY 4.0): 1,000 review sentences
 * from each of three sites, half positive and half negative. Three sites with one task make text
 * domain shift measurable: train on one site's sentences, test on another's.
 * Stored as one TSV per site (`datasets/sentiment/SITE.tsv`): a header `label<TAB>text`, then one
 * sentence a line, label 0 (negative) or 1 (positive).
 */
import { readDatasetFile } from './reader.ts';

export const SENTIMENT_SITES = ['amazon', 'imdb', 'yelp'] as const;
/** amazon: product reviews (mostly phones and accessories); imdb: film reviews; yelp: restaurant reviews. */
export type SentimentSite = (typeof SENTIMENT_SITES)[number];

export interface Sentence {
  text: string;
  /** 0: negative, 1: positive. */
  label: 0 | 1;
  site: SentimentSite;
}

export interface SentimentDataset {
  /** All 3,000 sentences, site by site, in the file order. */
  rows: Sentence[];
  sites: SentimentSite[];
  /** Class names by label: ["negative", "positive"]. */
  classes: ['negative', 'positive'];
}

function parseSite(site: SentimentSite, text: string): Sentence[] {
  const file = `datasets/sentiment/${site}.tsv`;
  const lines = text.split('\n').filter((line) => line.length > 0);
  if (lines[0] !== 'label\ttext')
    throw new Error(`dataset "sentiment": ${file} is corrupt (its first line should be the header "label<TAB>text")`);
  return lines.slice(1).map((line, i) => {
    const tab = line.indexOf('\t');
    const label = line.slice(0, tab);
    const sentence = line.slice(tab + 1);
    if (tab < 0 || (label !== '0' && label !== '1') || sentence.length === 0) {
      throw new Error(`dataset "sentiment": ${file} is corrupt at line ${i + 2} (expected "0" or "1", a tab, then the sentence)`);
    }
    return { text: sentence, label: label === '1' ? 1 : 0, site };
  });
}

export async function loadSentiment(): Promise<SentimentDataset> {
  const rows: Sentence[] = [];
  for (const site of SENTIMENT_SITES) {
    const text = new TextDecoder().decode(await readDatasetFile('sentiment', `sentiment/${site}.tsv`));
    rows.push(...parseSite(site, text));
  }
  return { rows, sites: [...SENTIMENT_SITES], classes: ['negative', 'positive'] };
}
