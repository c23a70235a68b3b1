import { describe, expect, it } from 'vitest';
import { ago, roomView } from '../../../src/client/room-view.ts';
import type { LessonTotals } from '../../../src/client/progress-model.ts';
import type { RoomState } from '../../../src/shipped/workshop-room.d.mts';

const lessons: LessonTotals[] = [
  { slug: 'welcome', title: 'Welcome', cells: 10, exercises: ['predict'], questions: [] },
  { slug: 'training', title: 'Training', cells: 20, exercises: ['lr', 'cnn'], questions: [] },
  { slug: 'unstarted', title: 'Nobody here', cells: 5, exercises: ['x'], questions: [] },
];
const MIN = 60_000;
const now = 100 * MIN;
const progress = (cellsRun: number, updatedAt: number, solved: string[] = [], shown: string[] = [], hints = 0) => ({
  cellsRun,
  exercisesSolved: solved,
  solutionsShown: shown,
  hintsOpened: hints,
  questionsRight: 0,
  updatedAt,
});
const state: RoomState = {
  learners: [
    // seen a minute ago, but training has not moved for 15 minutes: stuck on it
    {
      id: 'a',
      name: 'Zoe',
      lastSeen: now - MIN,
      lessons: { welcome: progress(10, now - 40 * MIN, ['predict']), training: progress(6, now - 15 * MIN, [], ['lr'], 2) },
    },
    // moving: changed 2 minutes ago
    { id: 'b', name: 'Ada', lastSeen: now - 2 * MIN, lessons: { training: progress(25, now - 2 * MIN, ['lr', 'cnn', 'not-an-exercise']) } },
    // gone for an hour: not stuck, just away
    { id: 'c', name: 'Max', lastSeen: now - 60 * MIN, lessons: { welcome: progress(3, now - 60 * MIN), retired: progress(1, now) } },
  ],
};

describe('roomView', () => {
  it('shows the lessons anyone started, each learner’s counts, and who may be stuck', () => {
    const view = roomView(state, lessons, now, { stuckMinutes: 10 });
    expect(view.lessons.map((l) => l.slug)).toEqual(['welcome', 'training']);
    expect(view.rows.map((r) => r.name)).toEqual(['Ada', 'Max', 'Zoe']);
    const zoe = view.rows.find((r) => r.id === 'a')!;
    expect(zoe.cells.training).toEqual({ cells: [6, 20], exercises: [0, 2], solutionsShown: 1, hints: 2, stuck: true, idleMinutes: 15 });
    expect(zoe.cells.welcome!.stuck).toBe(false); // not the lesson Zoe is on
    const ada = view.rows.find((r) => r.id === 'b')!;
    // counts are capped at the lesson's, and only its own exercises count
    expect(ada.cells.training).toMatchObject({ cells: [20, 20], exercises: [2, 2], stuck: false });
    expect(view.rows.find((r) => r.id === 'c')!.cells.welcome!.stuck).toBe(false);
    expect(Object.keys(view.rows.find((r) => r.id === 'c')!.cells)).toEqual(['welcome']);
    expect(view.exercises).toEqual([
      { lesson: 'welcome', title: 'Welcome', exercise: 'predict', solved: 1, solutionShown: 0 },
      { lesson: 'training', title: 'Training', exercise: 'lr', solved: 1, solutionShown: 1 },
      { lesson: 'training', title: 'Training', exercise: 'cnn', solved: 1, solutionShown: 0 },
    ]);
    // a longer window: Zoe is no longer idle long enough to count as stuck
    expect(roomView(state, lessons, now, { stuckMinutes: 20 }).rows.find((r) => r.id === 'a')!.cells.training!.stuck).toBe(false);
  });

  it('sorts by name, last activity or progress', () => {
    expect(roomView(state, lessons, now, { sort: 'active' }).rows.map((r) => r.name)).toEqual(['Zoe', 'Ada', 'Max']);
    expect(roomView(state, lessons, now, { sort: 'progress' }).rows.map((r) => r.name)).toEqual(['Ada', 'Zoe', 'Max']);
  });

  it('says how long ago in words', () => {
    expect([ago(30_000), ago(3 * MIN), ago(125 * MIN)]).toEqual(['just now', '3 min ago', '2 h ago']);
  });
});
