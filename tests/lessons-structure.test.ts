/**
 * What every real lesson must have, read without running it: an id on every cell, an id on every
 * check, controls (never fewer than the floor below), exercises with a solution, a check and
 * hints, and a place in the parts the lesson tests are split into.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../src/notebook/parse.ts';
import { cellsOf } from '../src/notebook/lesson.ts';
import { checkIdsIn } from '../src/notebook/check.ts';
import { compileCell } from '../src/notebook/compile.ts';
import { allLessons, BROWSER_PARTS, HEADLESS_PARTS } from './lesson-parts.ts';

/** The 79 controls of the old table, moved into the lessons; the count must not go down. */
const CONTROLS_FLOOR = 79;

const lessons = allLessons().map((name) => parseLesson(readFileSync(`lessons/${name}`, 'utf8'), `lessons/${name}`));

describe('every lesson', () => {
  it('there are lessons', () => expect(lessons.length).toBeGreaterThan(0));

  it('gives every cell an id, so edits, progress and seeds follow it', () => {
    const missing = lessons.flatMap((lesson) =>
      cellsOf(lesson)
        .filter((cell) => !cell.options.id)
        .map((cell) => `${lesson.file}:${cell.line - 1}`),
    );
    expect(missing).toEqual([]);
  });

  it('leaves no cell stale after Run all: no later cell declares a name an earlier one reads', () => {
    // In the page, a cell that declares a name marks every cell that ran before it and reads that
    // name stale ("out of date"): a second import of a helper, or a reused variable name, leaves
    // Run all with a stale cell. Headless runs cannot show it; this finds it without running.
    const stale = lessons.flatMap((lesson) => {
      const cells = cellsOf(lesson)
        .filter((cell) => cell.options.run)
        .map((cell) => ({
          cell,
          ...compileCell(cell.source, {
            file: lesson.file,
            line: cell.line,
            modules: ['@tensorflow/tfjs', '@observablehq/plot', 'lab'],
            sourceURL: 'x',
          }),
        }));
      return cells.flatMap((reader, i) =>
        cells
          .slice(i + 1)
          .flatMap((later) =>
            later.declarations
              .filter((name) => reader.references.includes(name))
              .map((name) => `${lesson.file}:${later.cell.line - 1} declares "${name}" again, read above at line ${reader.cell.line - 1}`),
          ),
      );
    });
    expect(stale).toEqual([]);
  });

  it('cites other lessons as links whose number the build fills in, never as a typed number', () => {
    const slugs = new Set(lessons.map((lesson) => lesson.slug));
    const problems = lessons.flatMap((lesson) =>
      lesson.blocks.flatMap((block) => {
        if (block.kind !== 'prose') return [];
        const text = block.markdown.replace(/`[^`\n]*`/g, '');
        const broken = [...text.matchAll(/\]\(\.\.\/([^/)#]+)\/?[^)]*\)/g)]
          .filter((m) => !slugs.has(m[1]!))
          .map((m) => `${lesson.file}: a link to lesson "${m[1]}", which does not exist`);
        const typed = [...text.replace(/\[[^\]]*\]\([^)]*\)/g, '').matchAll(/\blessons? \d+/gi)].map(
          (m) => `${lesson.file}: "${m[0]}" typed by hand; write [lesson](../slug/) and the build numbers it`,
        );
        return [...broken, ...typed];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('gives every check call an id (the object form), so a control can name it', () => {
    const missing = lessons.flatMap((lesson) =>
      cellsOf(lesson).flatMap((cell) => {
        const calls = cell.source.match(/(?<![\w$.])check\s*\(/g)?.length ?? 0;
        return calls === checkIdsIn(cell.source).length
          ? []
          : [`${lesson.file}:${cell.line - 1}: ${calls - checkIdsIn(cell.source).length} of ${calls} check calls have no id`];
      }),
    );
    expect(missing).toEqual([]);
  });

  it('labels log axes with plain numbers (tickFormat), not Plot\'s SI "20m" for 0.02', () => {
    const unformatted = lessons.flatMap((lesson) =>
      cellsOf(lesson).flatMap((cell) =>
        cell.source
          .split('\n')
          .flatMap((line, i) =>
            /type:\s*"log"/.test(line) && !/tickFormat/.test(line) ? [`${lesson.file}:${cell.line + i}: ${line.trim()}`] : [],
          ),
      ),
    );
    expect(unformatted).toEqual([]);
  });

  it(`holds at least ${CONTROLS_FLOOR} controls in all`, () => {
    expect(lessons.reduce((sum, lesson) => sum + lesson.controls.length, 0)).toBeGreaterThanOrEqual(CONTROLS_FLOOR);
  });

  it('gives every exercise a solution, a check and hints', () => {
    const withExercises = lessons.filter((lesson) => cellsOf(lesson).some((cell) => cell.options.exercise));
    expect(withExercises.length).toBeGreaterThanOrEqual(5);
    for (const lesson of withExercises) {
      const cells = cellsOf(lesson);
      for (const exercise of cells.filter((cell) => cell.options.exercise)) {
        const where = `${lesson.file}:${exercise.line - 1} exercise ${exercise.options.id}`;
        expect(exercise.solution, `${where} has no solution`).toBeDefined();
        expect(exercise.hints?.length ?? 0, `${where} has no hints`).toBeGreaterThan(0);
        expect(
          cells.some((cell) => cell.options.check && cell.options.for === exercise.options.id),
          `${where} has no check`,
        ).toBe(true);
      }
    }
  });

  it('is named in one part of the headless tests and, when published, of the browser tests', () => {
    const files = allLessons();
    const count = (parts: string[][], name: string) => parts.flat().filter((n) => n === name).length;
    expect(
      files.filter((name) => count(HEADLESS_PARTS, name) !== 1),
      'add it to HEADLESS_PARTS in tests/lesson-parts.ts',
    ).toEqual([]);
    expect(
      files.filter((name) => /^\d+-/.test(name) && count(BROWSER_PARTS, name) !== 1),
      'add it to BROWSER_PARTS in tests/lesson-parts.ts',
    ).toEqual([]);
  });
});
