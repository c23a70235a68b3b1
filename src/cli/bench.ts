/**
 * `npm run bench`: builds the site and measures it in headless Chromium (bench/measure.ts). Prints
 * the figures and writes bench-results/bench.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../../bench/measure.ts';
import { readCommand } from '../node/command.ts';

const { values } = readCommand({
  name: 'bench',
  usage: 'usage: npm run bench [-- --lessons]',
  about:
    "Builds the site and measures it in headless Chromium: JavaScript loaded, time to the first output, training throughput per backend and against a bare TF.js page, and the lab's backend choice against the fastest. Writes bench-results/bench.json.",
  options: { lessons: { type: 'boolean', help: "also time each real lesson's Run all on the backend the lab chooses (minutes)" } },
  positionals: { max: 0 },
});

const OUT = 'bench-results';
const results = await measure(OUT, { lessons: values.lessons ?? false });
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
