/**
 * Each real lesson headless, as `npm run lesson -- FILE --controls` runs it: one trunk run whose
 * cells must all pass (every solution included), with a branch per control (its check must fail)
 * and per exercise starter (it must run and fail its check). One file per part of the lessons
 * (tests/lesson-parts.ts); lessons within a part run one after the other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/notebook/parse.ts';
import { runLessonControls } from '../../src/node/run-controls.ts';
import { printBranch, printCell } from '../../src/node/print.ts';
import { HEADLESS_PARTS, lessonsOfPart } from '../lesson-parts.ts';

export function headlessLessonTests(part: number): void {
  describe(`lessons, part ${part}, headless with their controls`, () => {
    it.each(lessonsOfPart(HEADLESS_PARTS, part))('lessons/%s: trunk green, every control and starter fails its check', async (name) => {
      const file = `lessons/${name}`;
      const report = await runLessonControls(parseLesson(readFileSync(file, 'utf8'), file), { guardMs: 3000, timeoutMs: 60_000 });
      // A restart is not a failure (the runner judged every branch on a clean trunk), but it
      // costs a second run of the lesson: say so, so the leaking branch gets fixed.
      for (const why of report.notes) console.warn(`${file}: ${why}`);
      const failedCells = report.cells
        .filter((cell) => cell.status === 'error')
        .map((cell) => printCell(cell))
        .join('');
      expect(failedCells || report.error || '', 'the trunk (every cell, solutions in place of starters)').toBe('');
      expect(report.cells.every((cell) => cell.status === 'done' || cell.status === 'skipped')).toBe(true);
      const heldNot = report.controls
        .filter((c) => !c.failed)
        .map((c) => printBranch(file, c))
        .join('');
      expect(heldNot, 'controls whose check did not fail').toBe('');
      const startersNot = report.starters
        .filter((s) => !s.failed)
        .map((s) => printBranch(file, s))
        .join('');
      expect(startersNot, 'exercise starters that did not fail their check').toBe('');
      expect(report.ok).toBe(true);
    });
  });
}
