/**
 * The real lessons split into parts of about equal run time, one test file per part
 * (tests/lessons-N.test.ts headless, tests/e2e/real-lessons-N.test.ts in Chromium), so the two
 * cores share them. A lesson no part names runs in the last part: a new lesson is never skipped,
 * only perhaps badly placed (tests/lessons-structure.test.ts says so).
 */
import { readdirSync } from 'node:fs';

/**
 * Seconds each lesson takes on this 2-core machine (measured in one npm test, beside the other
 * worker): `--controls` headless, and Run all in Chromium on its software WebGL (with axe
 * and a screenshot). The parts are balanced by them and
 * tests/sequencer.ts starts the longest files first by them; rebalance when a lesson grows.
 */
export const HEADLESS_SECONDS: Record<string, number> = {
  '00-welcome.md': 3,
  '01-drivetrain.md': 8,
  '02-gathering-data.md': 13,
  '03-data-preparation.md': 3,
  '04-labelling-and-cleaning.md': 10,
  '05-training.md': 42,
  '06-using-the-model.md': 20,
  '07-when-training-goes-wrong.md': 69,
  '08-when-the-data-lies.md': 65,
  '09-out-of-domain-data.md': 14,
  '10-domain-shift.md': 53,
  '11-deploying-safely.md': 6,
  '12-testing-model-behaviour.md': 34,
  '13-your-own-project.md': 12,
};
export const BROWSER_SECONDS: Record<string, number> = {
  '00-welcome.md': 5,
  '01-drivetrain.md': 8,
  '02-gathering-data.md': 16,
  '03-data-preparation.md': 15,
  '04-labelling-and-cleaning.md': 13,
  '05-training.md': 25,
  '06-using-the-model.md': 19,
  '07-when-training-goes-wrong.md': 22,
  '08-when-the-data-lies.md': 35,
  '09-out-of-domain-data.md': 14,
  '10-domain-shift.md': 28,
  '11-deploying-safely.md': 11,
  '12-testing-model-behaviour.md': 37,
  '13-your-own-project.md': 17,
};

/**
 * The backend each real lesson runs on in Chromium. The CPU is what the lab itself chooses on this
 * machine (by measuring: 1.3 to 7 times faster than software WebGL), so every lesson it speeds up
 * runs there, which also proves the path learners here get: it caught lesson 10's augmentation
 * loops tripping the loop guard on the CPU, where an await gives the page no turn. Lessons 05 and
 * 06 stay on WebGL (software here), which keeps a GPU-like float path tested on convolutions,
 * saving and loading (06 is also no faster on the CPU). Run all alone, on the CPU (WebGL): 00 1.3 s
 * (7.1), 01 3.2 (9.2), 02 8 (12), 03 1.3 (6.1), 04 5.7 (10.4), 05 11.8 (14.9), 06 12.2 (11.1),
 * 07 15 (45), 08 26 (45), 09 4.0 (9.1), 10 19 (28), 11 4.7 (10.8), 12 27 (31), 13 4.4 (22.7).
 */
export const BROWSER_BACKENDS: Record<string, 'cpu' | 'webgl'> = {
  '00-welcome.md': 'cpu',
  '01-drivetrain.md': 'cpu',
  '02-gathering-data.md': 'cpu',
  '03-data-preparation.md': 'cpu',
  '04-labelling-and-cleaning.md': 'cpu',
  '07-when-training-goes-wrong.md': 'cpu',
  '08-when-the-data-lies.md': 'cpu',
  '09-out-of-domain-data.md': 'cpu',
  '10-domain-shift.md': 'cpu',
  '11-deploying-safely.md': 'cpu',
  '12-testing-model-behaviour.md': 'cpu',
  '13-your-own-project.md': 'cpu',
};

export const HEADLESS_PARTS: string[][] = [
  [
    '07-when-training-goes-wrong.md',
    '09-out-of-domain-data.md',
    '13-your-own-project.md',
    '04-labelling-and-cleaning.md',
    '01-drivetrain.md',
    '00-welcome.md',
  ],
  ['08-when-the-data-lies.md', '05-training.md', '02-gathering-data.md'],
  ['10-domain-shift.md', '12-testing-model-behaviour.md', '06-using-the-model.md', '11-deploying-safely.md', '03-data-preparation.md'],
];

export const BROWSER_PARTS: string[][] = [
  [
    '07-when-training-goes-wrong.md',
    '13-your-own-project.md',
    '02-gathering-data.md',
    '03-data-preparation.md',
    '04-labelling-and-cleaning.md',
    '11-deploying-safely.md',
    '00-welcome.md',
  ],
  ['12-testing-model-behaviour.md', '08-when-the-data-lies.md', '06-using-the-model.md'],
  ['10-domain-shift.md', '05-training.md', '09-out-of-domain-data.md', '01-drivetrain.md'],
];

/** Every lesson file in lessons/ (published or not), sorted. */
export const allLessons = () =>
  readdirSync('lessons')
    .filter((name) => name.endsWith('.md'))
    .sort();

/** The lesson files of part `n` (1-based) that exist, and in the last part every lesson no part names. */
export function lessonsOfPart(parts: string[][], n: number): string[] {
  const all = allLessons();
  const named = new Set(parts.flat());
  const mine = parts[n - 1]!.filter((name) => all.includes(name));
  return n === parts.length ? [...mine, ...all.filter((name) => !named.has(name))] : mine;
}

/** The expected seconds of part `n`, for ordering (a lesson with no weight counts 30 s). */
export const partSeconds = (parts: string[][], seconds: Record<string, number>, n: number) =>
  lessonsOfPart(parts, n).reduce((sum, name) => sum + (seconds[name] ?? 30), 0);
