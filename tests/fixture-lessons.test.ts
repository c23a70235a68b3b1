/**
 * Lessons written the way an outside author would (plain TypeScript, tf, Plot, display), run by
 * the real headless path. The printed outputs are compared with tests/fixtures/lessons/output/,
 * so a change in scope handling, display or seeding shows up as a diff to review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../src/notebook/parse.ts';
import { runLessonFile } from '../src/node/run-file.ts';
import { printCell } from '../src/node/print.ts';

const dir = 'tests/fixtures/lessons';
const inputs = readdirSync(`${dir}/input`)
  .filter((name) => name.endsWith('.md'))
  .sort();

describe('fixture lessons', () => {
  it.each(inputs)('%s runs headless and prints what it printed before', async (name) => {
    const file = `${dir}/input/${name}`;
    const report = await runLessonFile(parseLesson(readFileSync(file, 'utf8'), file), { guardMs: 3000, timeoutMs: 60_000 });
    const printed = report.cells.map((cell) => printCell(cell, { timings: false })).join('');
    // Numbers rounded to 3 significant digits: the snapshot pins behaviour, not float noise.
    const text = printed.replace(/-?\d+\.\d{3,}(e[+-]?\d+)?/g, (number) => String(Number(Number(number).toPrecision(3))));
    expect(report.ok, text).toBe(true);
    await expect(text).toMatchFileSnapshot(`fixtures/lessons/output/${name.replace(/\.md$/, '.txt')}`);
  });
});
