/**
 * Whether a lesson's Markdown is one the lab can open, and if not, where it is wrong: the parser's
 * own message (see notebook/errors.ts) split into its line and its words, for an editor to mark.
 */
import { parseLesson } from '../notebook/parse.ts';
import type { Lesson } from '../notebook/lesson.ts';
import { LessonError, formatLocation } from '../notebook/errors.ts';

export type SourceCheck = { ok: true; lesson: Lesson } | { ok: false; line: number; column?: number; message: string };

export function checkLessonSource(text: string, file: string): SourceCheck {
  try {
    return { ok: true, lesson: parseLesson(text, file, { staleControls: 'drop' }) };
  } catch (error) {
    if (error instanceof LessonError) {
      const where = `${formatLocation(error.location)}: `;
      const message = error.message.startsWith(where) ? error.message.slice(where.length) : error.message;
      return { ok: false, line: error.location.line, column: error.location.column, message };
    }
    return { ok: false, line: 1, message: (error as Error).message };
  }
}
