/**
 * The teacher's view of a room, computed from the room's state and the course's lessons: one row
 * per learner, a cell per lesson anyone started, who may be stuck, and how each exercise went.
 * Pure (no DOM), so the page and the tests share it.
 */
import type { RoomState } from '../shipped/workshop-room.d.mts';
import type { LessonTotals } from './progress-model.ts';

export interface RoomCell {
  cells: [run: number, total: number];
  exercises: [solved: number, total: number];
  solutionsShown: number;
  hints: number;
  /** Seen within the stuck window, but no change to this lesson's progress for longer. */
  stuck: boolean;
  /** Minutes since this lesson's progress last changed. */
  idleMinutes: number;
}

export interface RoomRow {
  id: string;
  name: string;
  lastSeen: number;
  /** Share of every started lesson's cells and exercises done, for sorting. */
  done: number;
  cells: Record<string, RoomCell>;
}

export interface ExerciseRow {
  lesson: string;
  title: string;
  exercise: string;
  solved: number;
  solutionShown: number;
}

export type RoomSort = 'name' | 'active' | 'progress';

/**
 * Rows for the grid. A learner is stuck on a lesson when it is the lesson they changed most
 * recently, they were seen within the last `stuckMinutes`, and it has not changed for
 * `stuckMinutes`: still there, and not moving.
 */
export function roomView(
  state: RoomState,
  lessons: readonly LessonTotals[],
  now: number,
  { stuckMinutes = 10, sort = 'name' as RoomSort } = {},
) {
  const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
  const started = lessons.filter((lesson) => state.learners.some((learner) => learner.lessons[lesson.slug]));
  const windowMs = stuckMinutes * 60_000;
  const rows: RoomRow[] = state.learners.map((learner) => {
    const entries = Object.entries(learner.lessons).filter(([slug]) => bySlug.has(slug));
    const latest = entries.reduce<string | undefined>(
      (best, [slug, p]) => (!best || p.updatedAt > learner.lessons[best]!.updatedAt ? slug : best),
      undefined,
    );
    const cells: Record<string, RoomCell> = {};
    let doneParts = 0;
    let allParts = 0;
    for (const [slug, progress] of entries) {
      const totals = bySlug.get(slug)!;
      const solved = progress.exercisesSolved.filter((id) => totals.exercises.includes(id)).length;
      const idle = now - progress.updatedAt;
      cells[slug] = {
        cells: [Math.min(progress.cellsRun, totals.cells), totals.cells],
        exercises: [solved, totals.exercises.length],
        solutionsShown: progress.solutionsShown.length,
        hints: progress.hintsOpened,
        stuck: slug === latest && now - learner.lastSeen <= windowMs && idle >= windowMs,
        idleMinutes: Math.max(0, Math.floor(idle / 60_000)),
      };
      doneParts += Math.min(progress.cellsRun, totals.cells) + solved;
      allParts += totals.cells + totals.exercises.length;
    }
    return { id: learner.id, name: learner.name, lastSeen: learner.lastSeen, done: allParts ? doneParts / allParts : 0, cells };
  });
  const order: Record<RoomSort, (a: RoomRow, b: RoomRow) => number> = {
    name: (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    active: (a, b) => b.lastSeen - a.lastSeen,
    progress: (a, b) => b.done - a.done,
  };
  rows.sort(order[sort]);
  const exercises: ExerciseRow[] = started.flatMap((lesson) =>
    lesson.exercises.map((exercise) => ({
      lesson: lesson.slug,
      title: lesson.title,
      exercise,
      solved: state.learners.filter((learner) => learner.lessons[lesson.slug]?.exercisesSolved.includes(exercise)).length,
      solutionShown: state.learners.filter((learner) => learner.lessons[lesson.slug]?.solutionsShown.includes(exercise)).length,
    })),
  );
  return { lessons: started, rows, exercises };
}

/** "just now", "3 min ago", "2 h ago". */
export function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}
