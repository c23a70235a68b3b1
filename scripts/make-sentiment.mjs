/**
 * Rebuilds datasets/sentiment/{amazon,imdb,yelp}.tsv from the copy of the UCI "Sentiment
 * Labelled Sentences" data set inside the npm package `sentiment` (5.0.2, test/fixtures/):
 *   cd /tmp && npm pack sentiment@5.0.2 && tar xzf sentiment-5.0.2.tgz
 *   node scripts/make-sentiment.mjs /tmp/package/test/fixtures
 * Cleaning: the package's trailing empty record (class null) is dropped, whitespace at the ends of
 * a sentence is trimmed, and the Windows-1252 characters the IMDB file carries as C1 control codes
 * (0x85, 0x96, 0x97) become "…", "–" and "—". Nothing else changes; order is kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
if (!folder) throw new Error('usage: node scripts/make-sentiment.mjs PATH/TO/sentiment/test/fixtures');
const C1 = { '\x85': '…', '\x96': '–', '\x97': '—' };
for (const site of ['amazon', 'imdb', 'yelp']) {
  const records = JSON.parse(readFileSync(join(folder, `${site}.json`), 'utf8')).filter((r) => r.class === 0 || r.class === 1);
  const lines = records.map((r) => {
    const text = r.text.replace(/[\x85\x96\x97]/g, (c) => C1[c]).trim();
    if (/[\t\n\r\x80-\x9f]/.test(text))
      throw new Error(`${site}: a sentence still holds a tab, newline or control code: ${JSON.stringify(text)}`);
    return `${r.class}\t${text}`;
  });
  if (lines.length !== 1000) throw new Error(`${site}: expected 1000 sentences, got ${lines.length}`);
  writeFileSync(`datasets/sentiment/${site}.tsv`, `${['label\ttext', ...lines].join('\n')}\n`);
  console.log(`wrote datasets/sentiment/${site}.tsv: ${lines.length} sentences`);
}
