/**
 * Hints of an exercise, revealed one at a time: each click on "Show hint" uncovers the next of the
 * ```hint for=X blocks the author wrote after the exercise and moves the focus to it, so a
 * screen-reader user hears it. How many were opened is kept with the learner's progress.
 */
import type { CellBlock } from '../notebook/lesson.ts';
import { loadProgress, updateLesson } from './progress-store.ts';

export function wireHints(slug: string, cell: CellBlock, cellElement: HTMLElement): void {
  const id = cell.options.id;
  const button = cellElement.querySelector<HTMLButtonElement>('[data-action="hint"]');
  if (!id || !button) return;
  const hints = [...document.querySelectorAll<HTMLElement>(`.hint[data-hint-for="${CSS.escape(id)}"]`)];
  const label = () => {
    const shown = hints.filter((hint) => !hint.hidden).length;
    button.disabled = shown === hints.length;
    button.textContent = shown === hints.length ? `All ${hints.length} hints shown` : `Show hint ${shown + 1} of ${hints.length}`;
    return shown;
  };
  const opened = loadProgress().lessons[slug]?.exercises?.[id]?.hints ?? 0;
  hints.slice(0, opened).forEach((hint) => {
    hint.hidden = false;
  });
  label();
  button.addEventListener('click', () => {
    const next = hints.find((hint) => hint.hidden);
    if (!next) return;
    next.hidden = false;
    next.focus();
    const shown = label();
    updateLesson(slug, (lesson) => {
      const exercise = ((lesson.exercises ??= {})[id] ??= {});
      exercise.hints = Math.max(exercise.hints ?? 0, shown);
    });
  });
}
