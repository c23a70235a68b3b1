import { describe, expect, it } from 'vitest';
import { recordContent, roomOrigin, roomRecords } from '../../../src/client/room-records.ts';
import type { Progress } from '../../../src/client/progress-model.ts';

const learner = { id: 'abc123', name: 'Ada' };
const now = new Date('2026-11-30T10:00:00.000Z');

describe('roomRecords', () => {
  it('sends counts and exercise ids per lesson, never answers or code', () => {
    const progress = {
      version: 1,
      learner: 'Ada',
      lessons: {
        training: {
          visited: '2026-11-30T09:00:00.000Z',
          cellsDone: ['id:a', 'id:b', 3],
          exercises: { predict: { solved: '2026-11-30T09:10:00.000Z', hints: 2 }, tune: { usedSolution: true, hints: 1 } },
          questions: {
            q1: { answer: [1], correct: true, at: 'x' },
            q2: { answer: 'my secret essay', at: 'x' },
            q3: { answer: [0], correct: false, at: 'x' },
          },
        },
        'Bad Slug!': { cellsDone: ['id:a'] },
      },
    } as unknown as Progress;
    const records = roomRecords(progress, learner, now);
    expect(records).toEqual([
      {
        learner,
        lesson: 'training',
        cellsRun: 3,
        exercisesSolved: ['predict'],
        solutionsShown: ['tune'],
        hintsOpened: 3,
        questionsRight: 1,
        at: '2026-11-30T10:00:00.000Z',
      },
    ]);
    expect(JSON.stringify(records)).not.toContain('secret');
    expect(recordContent(records[0]!)).toBe(recordContent({ ...records[0]!, at: 'later' }));
    expect(recordContent(records[0]!)).not.toBe(recordContent({ ...records[0]!, cellsRun: 4 }));
  });

  it("keeps the learner's own lessons (mine-ID) out of the room", () => {
    const progress: Progress = { version: 1, lessons: { welcome: { cellsDone: ['id:a'] }, 'mine-abc123': { cellsDone: ['id:a'] } } };
    expect(roomRecords(progress, learner, now).map((r) => r.lesson)).toEqual(['welcome']);
  });

  it('gives nothing for an empty progress, and survives a tampered one', () => {
    expect(roomRecords({ version: 1, lessons: {} }, learner, now)).toEqual([]);
    const odd = { version: 1, lessons: { welcome: { cellsDone: 'lots', exercises: { x: null }, questions: null } } } as unknown as Progress;
    expect(roomRecords(odd, learner, now)[0]).toMatchObject({ cellsRun: 0, exercisesSolved: [], hintsOpened: 0, questionsRight: 0 });
  });
});

describe('roomOrigin', () => {
  it('takes an address as a teacher would say it', () => {
    expect(roomOrigin(' 192.168.1.5:4322 ', 'http:')).toEqual({ origin: 'http://192.168.1.5:4322' });
    expect(roomOrigin('http://teacher.local:4322/room/', 'http:')).toEqual({ origin: 'http://teacher.local:4322' });
  });

  it('says what is wrong: empty, not an address, not the web, or blocked from an HTTPS page', () => {
    expect(roomOrigin('', 'http:')).toEqual({ error: expect.stringContaining('Type the room address') });
    expect(roomOrigin('http://[bad', 'http:')).toEqual({ error: expect.stringContaining('is not an address') });
    expect(roomOrigin('ftp://x', 'http:')).toEqual({ error: expect.stringContaining('not a web address') });
    expect(roomOrigin('192.168.1.5:4322', 'https:')).toEqual({ error: expect.stringContaining('served over HTTPS') });
    expect(roomOrigin('https://room.example', 'https:')).toEqual({ origin: 'https://room.example' });
  });
});
