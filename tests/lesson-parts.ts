/**
 * The real lessons split into parts of about equal run time, one test file per part
 * (tests/lessons-N.test.ts headless, tests/e2e/real-lessons-N.test.ts in Chromium), so the two
 * cores share them. A lesson no part names runs in the last part: a new lesson is never skipped,
 * only perhaps badly placed (tests/lessons-structure.test.ts says so).
 */
import { readdirSync } from 'node:fs';

/**
 * Lesson files by part, balanced by the seconds each took on this machine (in the comments:
 * `--controls` headless; Run all in Chromium on its software WebGL). Rebalance when a lesson
 * grows: the suite's wall time is about that of its longest part.
 */
export const HEADLESS_PARTS: string[][] = [
  ['06-when-training-goes-wrong.md' /* 85 */, '03-labelling-and-cleaning.md' /* 7 */, '01-drivetrain.md' /* 7 */, '00-welcome.md' /* 2 */],
  ['07-when-the-data-lies.md' /* 56 */, '04-training.md' /* 42 */],
  ['09-domain-shift.md' /* 34 */, '11-testing-model-behaviour.md' /* 20 */, '05-using-the-model.md' /* 18 */, '08-out-of-domain-data.md' /* 13 */, '10-deploying-safely.md' /* 5 */, '02-data-preparation.md' /* 4 */],
];

export const BROWSER_PARTS: string[][] = [
  ['06-when-training-goes-wrong.md' /* 73 */, '05-using-the-model.md' /* 10 */, '03-labelling-and-cleaning.md' /* 11 */],
  ['07-when-the-data-lies.md' /* 37 */, '11-testing-model-behaviour.md' /* 33 */, '01-drivetrain.md' /* 13 */, '00-welcome.md' /* 14 */],
  ['04-training.md' /* 26 */, '09-domain-shift.md' /* 26 */, '08-out-of-domain-data.md' /* 19 */, '10-deploying-safely.md' /* 16 */, '02-data-preparation.md' /* 15 */],
];

/** Every lesson file in lessons/ (published or not), sorted. */
export const allLessons = () => readdirSync('lessons').filter((name) => name.endsWith('.md')).sort();

/** The lesson files of part `n` (1-based) that exist, and in the last part every lesson no part names. */
export function lessonsOfPart(parts: string[][], n: number): string[] {
  const all = allLessons();
  const named = new Set(parts.flat());
  const mine = parts[n - 1]!.filter((name) => all.includes(name));
  return n === parts.length ? [...mine, ...all.filter((name) => !named.has(name))] : mine;
}
