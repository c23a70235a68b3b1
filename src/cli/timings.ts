/**
 * `npm run timings`: runs every lesson headless once (one at a time, so they do not slow each
 * other), records each cell's time and the part of it spent training convolutional models, probes
 * this machine's training rates (work-probe.ts) and writes lessons/timings.json. The site reads
 * that file for time budgets; it never runs lessons itself.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { slugOf } from '../notebook/lesson.ts';
import { parseLesson } from '../notebook/parse.ts';
import type { Timings } from '../notebook/timings.ts';
import { measureRates } from '../notebook/work-probe.ts';
import { readCommand } from '../node/command.ts';
import { runLessonFile } from '../node/run-file.ts';

readCommand({
  name: 'timings',
  usage: 'usage: npm run timings',
  about:
    "Runs every lesson headless once and writes lessons/timings.json: each cell's time and its convolutional part, and this machine's training rates.",
  options: {},
  positionals: { max: 0 },
});

const OUT = 'lessons/timings.json';
tf.enableProdMode();
await tf.setBackend('cpu');
await tf.ready();
// The same probe the page runs, on the backend the lessons ran on here.
const referenceRates = await measureRates(tf, 1000);
const timings: Timings = { measuredOn: 'headless Node, TF.js cpu backend (npm run timings)', referenceRates, lessons: {} };

for (const name of readdirSync('lessons')
  .filter((f) => /^\d+-.*\.md$/.test(f))
  .sort()) {
  const file = `lessons/${name}`;
  const lesson = parseLesson(readFileSync(file, 'utf8'), file);
  const report = await runLessonFile(lesson, { guardMs: 3000, timeoutMs: 120_000 });
  if (!report.ok) {
    process.stderr.write(`${file}: did not run green (${report.error ?? 'a cell failed'}); its timings are not written\n`);
    process.exitCode = 1;
    continue;
  }
  const cells: Record<string, [number, number]> = {};
  for (const cell of report.cells) if (cell.id) cells[cell.id] = [cell.ms, cell.convMs];
  const ms = report.cells.reduce((sum, cell) => sum + cell.ms, 0);
  const convMs = report.cells.reduce((sum, cell) => sum + cell.convMs, 0);
  timings.lessons[slugOf(file)] = { ms, convMs, cells };
  process.stdout.write(`${file}: ${(ms / 1000).toFixed(1)} s, ${Math.round((100 * convMs) / Math.max(ms, 1))}% convolutional training\n`);
}
timings.referenceRates = { dense: Math.round(referenceRates.dense), conv: Math.round(referenceRates.conv) };
// One line per cell ([ms, convMs]), so a change in the file reads as the cells whose time changed.
writeFileSync(OUT, `${JSON.stringify(timings, null, 2).replace(/\[\s+(\d+),\s+(\d+)\s+\]/g, '[$1, $2]')}\n`);
process.stdout.write(
  `rates here: dense ${Math.round(referenceRates.dense)} samples/s, conv ${Math.round(referenceRates.conv)}; wrote ${OUT}\n`,
);
