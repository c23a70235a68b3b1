/** The lesson as the page embeds it (parsed at build time), read once by the page script. */
import type { Lesson, CellBlock } from '../notebook/lesson.ts';
import { cellsOf } from '../notebook/lesson.ts';

export function readLesson(): Lesson {
  const element = document.getElementById('lesson-data');
  if (!element?.textContent) throw new Error('this page has no lesson data (#lesson-data)');
  return JSON.parse(element.textContent) as Lesson;
}

export const cellBlocks = (lesson: Lesson): CellBlock[] => cellsOf(lesson);
