/**
 * The real lessons split into parts of about equal run time, one test file per part
 * (tests/lessons-N.test.ts headless, tests/e2e/real-lessons-N.test.ts in Chromium), so the two
 * cores share them. A lesson no part names runs in the last part: a new lesson is never skipped,
 * only perhaps badly placed (tests/lessons-structure.test.ts says so).
 */
import { readdirSync } from 'node:fs';

/**
 * Seconds each lesson takes on this 2-core machine (measured under load in one npm test, scaled to
 * an idle machine): `--controls` headless, and Run all in Chromium on its software WebGL (with axe
 * and a screenshot). The parts are balanced by them and
 * tests/sequencer.ts starts the longest files first by them; rebalance when a lesson grows.
 */
export const HEADLESS_SECONDS: Record<string, number> = {
  '00-welcome.md': 2,
  '01-drivetrain.md': 7,
  '02-data-preparation.md': 3,
  '03-labelling-and-cleaning.md': 8,
  '04-training.md': 41,
  '05-using-the-model.md': 17,
  '06-when-training-goes-wrong.md': 85,
  '07-when-the-data-lies.md': 58,
  '08-out-of-domain-data.md': 15,
  '09-domain-shift.md': 41,
  '10-deploying-safely.md': 5,
  '11-testing-model-behaviour.md': 29,
};
export const BROWSER_SECONDS: Record<string, number> = {
  '00-welcome.md': 25,
  '01-drivetrain.md': 25,
  '02-data-preparation.md': 25,
  '03-labelling-and-cleaning.md': 26,
  '04-training.md': 45,
  '05-using-the-model.md': 27,
  '06-when-training-goes-wrong.md': 99,
  '07-when-the-data-lies.md': 58,
  '08-out-of-domain-data.md': 27,
  '09-domain-shift.md': 67,
  '10-deploying-safely.md': 24,
  '11-testing-model-behaviour.md': 79,
};

export const HEADLESS_PARTS: string[][] = [
  ['06-when-training-goes-wrong.md', '03-labelling-and-cleaning.md', '01-drivetrain.md', '00-welcome.md'],
  ['07-when-the-data-lies.md', '04-training.md', '10-deploying-safely.md'],
  ['09-domain-shift.md', '11-testing-model-behaviour.md', '05-using-the-model.md', '08-out-of-domain-data.md', '02-data-preparation.md'],
];

export const BROWSER_PARTS: string[][] = [
  ['06-when-training-goes-wrong.md', '05-using-the-model.md', '03-labelling-and-cleaning.md', '02-data-preparation.md'],
  ['11-testing-model-behaviour.md', '07-when-the-data-lies.md', '01-drivetrain.md', '00-welcome.md'],
  ['09-domain-shift.md', '04-training.md', '08-out-of-domain-data.md', '10-deploying-safely.md'],
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
