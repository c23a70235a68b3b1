/** The one definition of "solved", "answered" and "complete" the index, the page and the hand-in share. */
import { describe, expect, it } from 'vitest';
import {
  continuePoint,
  describeSummary,
  fractionDone,
  handIn,
  readProgress,
  summarise,
  type LessonTotals,
} from '../../../src/client/progress-model.ts';

const totals: LessonTotals = {
  slug: 'training',
  title: 'Training',
  cells: 4,
  exercises: ['fit', 'plot'],
  questions: [
    { id: 'why', checkable: true },
    { id: 'how', checkable: true },
    { id: 'open', checkable: false },
  ],
};

describe('the progress model', () => {
  it('reads anything storage held without failing: unreadable or foreign records become empty', () => {
    for (const raw of [null, '', 'not json', '{"version":2,"lessons":{}}', '[]', '{"version":1}']) {
      expect(readProgress(raw)).toEqual({ version: 1, lessons: {} });
    }
    expect(readProgress('{"version":1,"learner":7,"lessons":{"a":{}}}')).toEqual({ version: 1, learner: undefined, lessons: { a: {} } });
  });

  it('summarises a lesson: nothing done is not started, and complete needs every part', () => {
    const none = summarise(undefined, totals);
    expect(none).toMatchObject({ started: false, complete: false, cells: [0, 4], exercises: [0, 2], questionsRight: [0, 2] });
    expect(fractionDone(none)).toBe(0);
    const most = summarise(
      {
        cellsDone: ['id:a', 'id:b', 'id:c', 'id:d'],
        exercises: { fit: { solved: 'x' }, plot: {} },
        questions: {
          why: { answer: [1], correct: true, at: 'x' },
          how: { answer: [0], correct: false, at: 'x' },
          open: { answer: ' ', at: 'x' },
        },
      },
      totals,
    );
    expect(most).toMatchObject({ started: true, complete: false, exercises: [1, 2], questionsRight: [1, 2], questionsWritten: [0, 1] });
    expect(fractionDone(most)).toBeCloseTo((1 + 0.5 + 0.5) / 3, 12);
    expect(describeSummary(most)).toBe('4 of 4 cells run · 1 of 2 exercises solved · 1 of 2 questions right · 0 of 1 open answers written');
    const all = summarise(
      {
        cellsDone: ['id:a', 'id:b', 'id:c', 'id:d', 'id:e'],
        exercises: { fit: { solved: 'x' }, plot: { solved: 'y', usedSolution: true } },
        questions: { why: { answer: [1], correct: true, at: 'x' }, how: { answer: [2], correct: true, at: 'x' } },
      },
      totals,
    );
    // Open questions never block "complete": nobody can judge them here. Extra cells do not count twice.
    expect(all).toMatchObject({ complete: true, cells: [4, 4] });
    expect(fractionDone(all)).toBe(1);
  });

  it('hands in each lesson with its title, summary and what was used, honestly', () => {
    const file = JSON.parse(
      handIn(
        { version: 1, learner: 'Ada', lessons: { training: { exercises: { plot: { solved: 'y', usedSolution: true } } } } },
        [totals],
        new Date('2026-11-29T00:00:00Z'),
      ),
    );
    expect(file).toMatchObject({ learner: 'Ada', exported: '2026-11-29T00:00:00.000Z' });
    expect(file.lessons[0]).toMatchObject({ slug: 'training', complete: false, exercises: { plot: { usedSolution: true } } });
    expect(file.lessons[0].summary).toContain('1 of 2 exercises solved');
  });

  it('continues in the lesson visited last, at its section, and moves on once it is complete', () => {
    const tiny: LessonTotals = { slug: 'tiny', title: 'Tiny', cells: 1, exercises: [], questions: [] };
    const course = [tiny, totals, { ...tiny, slug: 'last', title: 'Last' }];
    expect(continuePoint({ version: 1, lessons: {} }, course)).toBeUndefined();
    const section = { id: 'a-chart', title: 'A chart' };
    const progress = {
      version: 1 as const,
      lessons: { tiny: { visited: '2026-11-29T10:00:00Z', section }, training: { visited: '2026-11-28T10:00:00Z' } },
    };
    expect(continuePoint(progress, course)).toEqual({ kind: 'continue', lesson: tiny, number: 0, section });
    // Done with tiny: on to the lesson after it, from its top.
    const done = { ...progress, lessons: { ...progress.lessons, tiny: { ...progress.lessons.tiny, cellsDone: ['id:x'] } } };
    expect(continuePoint(done, course)).toEqual({ kind: 'next', lesson: totals, number: 1 });
    // The last lesson complete: nowhere further to go.
    expect(continuePoint({ version: 1, lessons: { last: { visited: 'x', cellsDone: ['id:y'] } } }, course)).toBeUndefined();
    // A section edited into something else in storage is left out, not shown.
    const odd = { version: 1 as const, lessons: { tiny: { visited: 'x', section: { id: 7 } as never } } };
    expect(continuePoint(odd, course)).toEqual({ kind: 'continue', lesson: tiny, number: 0 });
  });
});
