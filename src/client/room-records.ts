/**
 * What a learner who joined a workshop room sends: per lesson, counts and exercise ids taken from
 * their progress, never code, answers or anything they typed. Pure (no DOM, no storage), shared
 * by the pages that send and the tests.
 */
import type { Progress } from './progress-model.ts';
import { isMySlug } from './my-lessons.ts';

export interface RoomLearner {
  /** Made once per browser, so two learners with one name stay apart. */
  id: string;
  name: string;
}

export interface RoomRecord {
  learner: RoomLearner;
  lesson: string;
  cellsRun: number;
  exercisesSolved: string[];
  solutionsShown: string[];
  hintsOpened: number;
  questionsRight: number;
  at: string;
}

/** One record per lesson the learner has started, from their progress. */
export function roomRecords(progress: Progress, learner: RoomLearner, now = new Date()): RoomRecord[] {
  return Object.entries(progress.lessons).flatMap(([lesson, saved]) => {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(lesson) || !saved || typeof saved !== 'object') return [];
    if (isMySlug(lesson)) return []; // the learner's own lessons are theirs, not the workshop's
    const exercises = Object.entries(saved.exercises ?? {}).filter(([id]) => /^[A-Za-z0-9_-]{1,64}$/.test(id));
    return [
      {
        learner,
        lesson,
        cellsRun: Array.isArray(saved.cellsDone) ? saved.cellsDone.length : 0,
        exercisesSolved: exercises.filter(([, e]) => e?.solved).map(([id]) => id),
        solutionsShown: exercises.filter(([, e]) => e?.usedSolution).map(([id]) => id),
        hintsOpened: exercises.reduce((total, [, e]) => total + (Number.isInteger(e?.hints) ? e.hints! : 0), 0),
        questionsRight: Object.values(saved.questions ?? {}).filter((q) => q?.correct === true).length,
        at: now.toISOString(),
      },
    ];
  });
}

/** A record's content without its time: what decides whether it must be sent again. */
export const recordContent = (record: RoomRecord) => JSON.stringify({ ...record, at: undefined });

/**
 * The room's address as typed ("192.168.1.5:4322", "http://teacher.local:4322/"), as an origin, or
 * what is wrong with it. A page served over HTTPS may not post to an http:// address (browsers
 * block it as mixed content), and says so.
 */
export function roomOrigin(typed: string, pageProtocol: string): { origin: string } | { error: string } {
  const text = typed.trim();
  if (!text) return { error: 'Type the room address the teacher gave, like 192.168.1.5:4322' };
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return { error: `"${text}" is not an address: type it like 192.168.1.5:4322` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `"${text}" is not a web address (http:// or https://)` };
  if (pageProtocol === 'https:' && url.protocol === 'http:')
    return {
      error:
        'This lab is served over HTTPS, and browsers do not let it send to an http:// room. Open the lab from the workshop kit on your own computer (node serve.mjs, then http://localhost:4322/) and join from there.',
    };
  return { origin: url.origin };
}
