/**
 * Rebuilds datasets/digits/digits.bin from scikit-learn's copy of the UCI digits:
 *   apt-get download python3-sklearn && dpkg -x python3-sklearn_*.deb sk
 *   node scripts/make-digits.ts sk/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz
 * Layout: "DIGITS01", then 1,797 × 64 pixel bytes (0–16, row-major 8×8), then 1,797 label bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const source = process.argv[2];
if (!source) throw new Error('usage: node scripts/make-digits.ts PATH/TO/digits.csv.gz');
const rows = gunzipSync(readFileSync(source))
  .toString('utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(',').map(Number));
if (rows.length !== 1797 || rows.some((row) => row.length !== 65)) throw new Error(`expected 1797 rows of 65 values, got ${rows.length}`);
const header = Buffer.from('DIGITS01');
const pixels = Buffer.from(rows.flatMap((row) => row.slice(0, 64)));
const labels = Buffer.from(rows.map((row) => row[64]!));
writeFileSync('datasets/digits/digits.bin', Buffer.concat([header, pixels, labels]));
console.log(`wrote datasets/digits/digits.bin: ${rows.length} images`);
