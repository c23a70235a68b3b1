/**
 * Every exercise teaches something: its starter code runs without throwing and fails its check
 * (headless runs of the lessons, in lessons.test.ts, prove each solution passes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../src/notebook/parse.ts';
import { cellsOf } from '../src/notebook/lesson.ts';
import { runLessonFile } from '../src/cli/run-file.ts';
import { printCell } from '../src/cli/print.ts';

const withExercises = readdirSync('lessons').filter((name) => name.endsWith('.md')).sort()
  .map((name) => parseLesson(readFileSync(`lessons/${name}`, 'utf8'), `lessons/${name}`))
  .filter((lesson) => cellsOf(lesson).some((cell) => cell.options.exercise));

describe('exercises', () => {
  it('lessons have exercises, each with a solution, a check and hints', () => {
    expect(withExercises.length).toBeGreaterThanOrEqual(5);
    for (const lesson of withExercises) {
      const cells = cellsOf(lesson);
      for (const exercise of cells.filter((cell) => cell.options.exercise)) {
        const where = `${lesson.file}:${exercise.line - 1} exercise ${exercise.options.id}`;
        expect(exercise.solution, `${where} has no solution`).toBeDefined();
        expect(exercise.hints?.length ?? 0, `${where} has no hints`).toBeGreaterThan(0);
        expect(cells.some((cell) => cell.options.check && cell.options.for === exercise.options.id), `${where} has no check`).toBe(true);
      }
    }
  });

  it.concurrent.each(withExercises.map((lesson) => [lesson.file, lesson] as const))('%s: every starter runs and fails its check', async (_file, lesson) => {
    const report = await runLessonFile(lesson, { guardMs: 3000, timeoutMs: 60_000, starters: true });
    const cells = cellsOf(lesson);
    for (const exercise of cells.filter((cell) => cell.options.exercise)) {
      const ran = report.cells[exercise.index]!;
      expect(ran.status, `starter of ${exercise.options.id} should run without throwing:\n${printCell(ran)}`).toBe('done');
      for (const check of cells.filter((cell) => cell.options.check && cell.options.for === exercise.options.id)) {
        const checked = report.cells[check.index]!;
        expect(checked.status, `the starter of ${exercise.options.id} passes its check; the exercise teaches nothing:\n${printCell(checked)}`).toBe('error');
        expect(checked.outputs.some((output) => output.kind === 'check' && output.pass === false)).toBe(true);
      }
    }
    // Only exercise checks may fail: a starter must not break the cells up to the last exercise
    // check (the --starters run ends there; lessons.test.ts runs the rest with the solutions).
    const others = report.cells.filter((cell) => cell.status === 'error' && !cells[cell.index]!.options.for);
    expect(others.map((cell) => printCell(cell)).join('')).toBe('');
  });
});
