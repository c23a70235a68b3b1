/**
 * What a learner has done, lesson by lesson: kept in this browser and handed in as a small file.
 * Pure data and functions (no DOM, no storage) so the index, the lesson page and the tests share
 * one definition of "solved", "answered" and "complete".
 */
import { cellsOf, type Lesson } from '../notebook/lesson.ts';

export interface ExerciseProgress {
  /** When the exercise's checks first all passed. */
  solved?: string;
  /** The learner pressed "Show solution" (said in the hand-in, honestly). */
  usedSolution?: boolean;
  /** How many hints they opened. */
  hints?: number;
}

export interface QuestionProgress {
  /** Picked choice indices, or the typed text. */
  answer: string | number[];
  /** undefined for open questions. */
  correct?: boolean;
  at: string;
}

export interface LessonProgress {
  /** Last visit. */
  visited?: string;
  /**
   * Cells that have run to the end without an error at least once, by key (`id:NAME`, see
   * storage.ts cellKey). Older records hold positions (numbers); the lesson page migrates them.
   */
  cellsDone?: (string | number)[];
  exercises?: Record<string, ExerciseProgress>;
  questions?: Record<string, QuestionProgress>;
  /** The section (its ## heading) of the cell the learner last ran to the end here. */
  section?: { id: string; title: string };
}

export interface Progress {
  version: 1;
  /** Optional, for the file a learner hands in. */
  learner?: string;
  lessons: Record<string, LessonProgress>;
}

/** What a lesson holds, from the build (the index) or the lesson itself (its page). */
export interface LessonTotals {
  slug: string;
  title: string;
  cells: number;
  exercises: string[];
  /** Question ids with whether the page can judge them (open ones cannot). */
  questions: { id: string; checkable: boolean }[];
}

export const emptyProgress = (): Progress => ({ version: 1, lessons: {} });

/** Accepts what storage or an old version held; anything unreadable becomes empty, never an error. */
export function readProgress(raw: string | null): Progress {
  try {
    const parsed = JSON.parse(raw ?? '') as Partial<Progress>;
    if (parsed && parsed.version === 1 && parsed.lessons && typeof parsed.lessons === 'object') {
      return { version: 1, learner: typeof parsed.learner === 'string' ? parsed.learner : undefined, lessons: parsed.lessons };
    }
  } catch {
    /* fall through */
  }
  return emptyProgress();
}

export interface LessonSummary {
  cells: [done: number, total: number];
  exercises: [solved: number, total: number];
  /** Checkable questions answered right, of the checkable ones. */
  questionsRight: [right: number, total: number];
  /** Open questions with an answer written, of the open ones. */
  questionsWritten: [written: number, total: number];
  started: boolean;
  complete: boolean;
}

export function summarise(lesson: LessonProgress | undefined, totals: LessonTotals): LessonSummary {
  const done = new Set(lesson?.cellsDone ?? []);
  const cells = [Math.min(done.size, totals.cells), totals.cells] as [number, number];
  const solved = totals.exercises.filter((id) => lesson?.exercises?.[id]?.solved).length;
  const checkable = totals.questions.filter((q) => q.checkable);
  const open = totals.questions.filter((q) => !q.checkable);
  const right = checkable.filter((q) => lesson?.questions?.[q.id]?.correct).length;
  const written = open.filter((q) => String(lesson?.questions?.[q.id]?.answer ?? '').trim()).length;
  const summary: LessonSummary = {
    cells,
    exercises: [solved, totals.exercises.length],
    questionsRight: [right, checkable.length],
    questionsWritten: [written, open.length],
    started: Boolean(lesson?.visited || done.size || solved || right || written),
    complete: false,
  };
  summary.complete = cells[0] >= cells[1] && solved === totals.exercises.length && right === checkable.length;
  return summary;
}

export interface ContinuePoint {
  /** Back into the lesson last visited, or on to the one after it (that one is complete). */
  kind: 'continue' | 'next';
  lesson: LessonTotals;
  /** Its place in the course, from 0 (the order of `lessons`). */
  number: number;
  /** Where in it; absent when the learner starts it afresh. */
  section?: { id: string; title: string };
}

/**
 * Where "Continue" leads: the lesson visited last, at the section of the cell last run there;
 * once that lesson is complete, the start of the next one. Nothing before any visit, nor after
 * the last lesson is complete.
 */
export function continuePoint(progress: Progress, lessons: readonly LessonTotals[]): ContinuePoint | undefined {
  let last = -1;
  lessons.forEach((lesson, i) => {
    const visited = progress.lessons[lesson.slug]?.visited;
    if (visited && (last < 0 || visited > progress.lessons[lessons[last]!.slug]!.visited!)) last = i;
  });
  if (last < 0) return undefined;
  const saved = progress.lessons[lessons[last]!.slug];
  if (!summarise(saved, lessons[last]!).complete) {
    // Storage is the learner's to edit: a section that is not two strings is left out.
    const section = typeof saved?.section?.id === 'string' && typeof saved.section.title === 'string' ? saved.section : undefined;
    return { kind: 'continue', lesson: lessons[last]!, number: last, ...(section ? { section } : {}) };
  }
  return last + 1 < lessons.length ? { kind: 'next', lesson: lessons[last + 1]!, number: last + 1 } : undefined;
}

/** "8 of 12 cells run · 1 of 2 exercises solved · 3 of 4 questions right" (parts that exist). */
export function describeSummary(summary: LessonSummary): string {
  const parts = [`${summary.cells[0]} of ${summary.cells[1]} cells run`];
  if (summary.exercises[1])
    parts.push(`${summary.exercises[0]} of ${summary.exercises[1]} exercise${summary.exercises[1] === 1 ? '' : 's'} solved`);
  if (summary.questionsRight[1]) parts.push(`${summary.questionsRight[0]} of ${summary.questionsRight[1]} questions right`);
  if (summary.questionsWritten[1]) parts.push(`${summary.questionsWritten[0]} of ${summary.questionsWritten[1]} open answers written`);
  return parts.join(' · ');
}

/** 0…1, weighing cells, exercises and checkable questions alike (what a progress bar shows). */
export function fractionDone(summary: LessonSummary): number {
  const parts = [summary.cells, summary.exercises, summary.questionsRight].filter(([, total]) => total > 0);
  return parts.length ? parts.reduce((sum, [done, total]) => sum + done / total, 0) / parts.length : 0;
}

/** The file a learner hands in: their progress, with each lesson's title and summary spelt out. */
export function handIn(progress: Progress, lessons: LessonTotals[], now = new Date()): string {
  return JSON.stringify(
    {
      lab: 'Deep Learning Lab',
      exported: now.toISOString(),
      learner: progress.learner ?? '',
      lessons: lessons.map((totals) => {
        const saved = progress.lessons[totals.slug];
        const summary = summarise(saved, totals);
        return {
          slug: totals.slug,
          title: totals.title,
          summary: describeSummary(summary),
          complete: summary.complete,
          exercises: saved?.exercises ?? {},
          questions: saved?.questions ?? {},
        };
      }),
    },
    null,
    2,
  );
}

/**
 * A record's cells from before cells had ids (positions) as keys: a position becomes the key of
 * the cell now there. Keys already there stay; nothing is counted twice.
 */
export function migrateCellsDone(done: readonly (string | number)[], keys: readonly string[]): string[] {
  return [
    ...new Set(done.map((entry) => (typeof entry === 'number' ? keys[entry] : entry)).filter((key): key is string => key !== undefined)),
  ];
}

/** A lesson's totals: the cells Run all runs, its exercises, its questions. */
export function lessonTotals(lesson: Lesson): LessonTotals {
  const cells = cellsOf(lesson);
  return {
    slug: lesson.slug,
    title: lesson.meta.title,
    cells: cells.filter((cell) => cell.options.run).length,
    exercises: cells.filter((cell) => cell.options.exercise).map((cell) => cell.options.id!),
    questions: lesson.questions.map((q) => ({ id: q.id, checkable: q.kind !== 'open' })),
  };
}
