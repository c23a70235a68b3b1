/**
 * The lesson page's side of progress: it records visits, cells that ran, exercises whose checks
 * all passed and solutions shown, and keeps the progress line under the title and the "solved"
 * tags on exercises up to date.
 */
import type { CellState } from '../notebook/kernel.ts';
import { headingBefore, sectionHeadings } from './sections.ts';
import { cellsOf, type Lesson } from '../notebook/lesson.ts';
import { describeSummary, fractionDone, lessonTotals, migrateCellsDone, summarise } from './progress-model.ts';
import { cellKey } from './storage.ts';
import { loadProgress, onProgress, updateLesson } from './progress-store.ts';
import { announce } from './announce.ts';

export interface LessonProgressView {
  /** Called with every cell state the page renders, and all the kernel's cells. */
  onCell(cell: CellState, all: readonly CellState[]): void;
  /** The learner asked for an exercise's solution. */
  usedSolution(exerciseId: string): void;
  /** The learner reset an exercise: it no longer counts as solved (a solution once shown stays on record). */
  clearSolved(exerciseId: string): void;
  refresh(): void;
}

export function lessonProgress(lesson: Lesson, cellElements: HTMLElement[]): LessonProgressView {
  const totals = lessonTotals(lesson);
  const cells = cellsOf(lesson);
  const bar = document.querySelector<HTMLProgressElement>('.lesson-progress progress');
  const text = document.querySelector<HTMLElement>('.lesson-progress-text');
  const exerciseCell = new Map(cells.filter((c) => c.options.exercise).map((c) => [c.options.id!, c.index]));
  const keys = cells.map((cell) => cellKey(cell.index, cell.options.id));
  const now = () => new Date().toISOString();
  const statusSeen: string[] = cells.map(() => 'idle');
  // The section each cell sits in: the last ## heading before it on the page.
  const headings = sectionHeadings();
  const sectionOf = (element: HTMLElement | undefined) => {
    const heading = element && headingBefore(headings, element);
    return heading ? { id: heading.id, title: heading.textContent?.trim() ?? '' } : undefined;
  };

  const refresh = () => {
    const saved = loadProgress().lessons[lesson.slug];
    const summary = summarise(saved, totals);
    if (bar) bar.value = fractionDone(summary);
    if (text) text.textContent = summary.complete ? `Lesson complete: ${describeSummary(summary)}` : describeSummary(summary);
    for (const [id, index] of exerciseCell) {
      const tag = cellElements[index]?.querySelector<HTMLElement>('.solved-tag');
      if (!tag) continue;
      const exercise = saved?.exercises?.[id];
      tag.hidden = !exercise?.solved;
      tag.textContent = exercise?.usedSolution ? 'solved (solution shown)' : 'solved';
    }
  };

  updateLesson(lesson.slug, (saved) => {
    saved.visited = now();
    // Cells run were once recorded by position; keys follow a cell when cells move.
    if (saved.cellsDone?.some((entry) => typeof entry === 'number')) saved.cellsDone = migrateCellsDone(saved.cellsDone, keys);
  });
  onProgress(refresh);
  refresh();

  return {
    refresh,
    onCell(cell, all) {
      const was = statusSeen[cell.index];
      statusSeen[cell.index] = cell.status;
      if (cell.status !== 'done') return;
      const justRan = was === 'running' || was === 'stopping';
      const block = cells[cell.index]!;
      const saved = loadProgress().lessons[lesson.slug];
      const key = keys[cell.index]!;
      // Only a cell that has just finished moves "Continue": a redraw of an old result does not.
      const section = justRan ? sectionOf(cellElements[cell.index]) : undefined;
      if (section && saved?.section?.id !== section.id) {
        updateLesson(lesson.slug, (l) => {
          l.section = section;
        });
      }
      if (block.options.run && !saved?.cellsDone?.includes(key)) {
        updateLesson(lesson.slug, (l) => {
          l.cellsDone = migrateCellsDone([...(l.cellsDone ?? []), key], keys);
        });
      }
      const forId = block.options.check ? block.options.for : undefined;
      if (!forId || saved?.exercises?.[forId]?.solved) return;
      // Solved when every check cell of the exercise has run and all their checks pass.
      const checkCells = cells.filter((c) => c.options.check && c.options.for === forId).map((c) => all[c.index]!);
      const passed = checkCells.every((state) => {
        const checks = state.outputs.filter((o) => o.kind === 'check');
        return state.status === 'done' && checks.length > 0 && checks.every((o) => o.kind === 'check' && o.pass);
      });
      if (!passed) return;
      updateLesson(lesson.slug, (l) => {
        ((l.exercises ??= {})[forId] ??= {}).solved = now();
      });
      announce(`Exercise ${forId} solved: every check passes.`);
    },
    usedSolution(id) {
      updateLesson(lesson.slug, (l) => {
        ((l.exercises ??= {})[id] ??= {}).usedSolution = true;
      });
    },
    clearSolved(id) {
      updateLesson(lesson.slug, (l) => {
        const exercise = l.exercises?.[id];
        if (exercise) delete exercise.solved;
      });
    },
  };
}
