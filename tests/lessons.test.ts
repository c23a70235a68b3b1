/** Every lesson in lessons/ runs headless, as `npm run lesson` would: no lesson lands broken. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../src/notebook/parse.ts';
import { runLessonFile } from '../src/cli/run-file.ts';
import { printCell } from '../src/cli/print.ts';

const lessons = readdirSync('lessons').filter((name) => name.endsWith('.md')).sort();

describe('lessons', () => {
  it('there is at least one lesson', () => expect(lessons.length).toBeGreaterThan(0));

  it.concurrent.each(lessons)('lessons/%s passes headless', async (name) => {
    const file = `lessons/${name}`;
    const report = await runLessonFile(parseLesson(readFileSync(file, 'utf8'), file), { guardMs: 3000, timeoutMs: 60_000 });
    const failed = report.cells.filter((cell) => cell.status === 'error').map((cell) => printCell(cell)).join('');
    expect(report.ok, failed || report.error).toBe(true);
    expect(report.cells.every((cell) => cell.status === 'done' || cell.status === 'skipped')).toBe(true);
  });
});
