/**
 * The real lessons split into parts of about equal run time, one test file per part
 * (tests/lessons-N.test.ts headless, tests/e2e/real-lessons-N.test.ts in Chromium), so the two
 * cores share them. A lesson no part names runs in the last part: a new lesson is never skipped,
 * only perhaps badly placed (tests/lessons-structure.test.ts says so).
 */
import { readdirSync } from 'node:fs';

/**
 * Seconds each lesson took on this 2-core machine, alone: `--controls` headless, and Run all in
 * Chromium on its software WebGL (with axe and a screenshot). The parts are balanced by them and
 * tests/sequencer.ts starts the longest files first by them; rebalance when a lesson grows.
 */
export const HEADLESS_SECONDS: Record<string, number> = {
  '00-welcome.md': 2,
  '01-drivetrain.md': 7,
  '02-data-preparation.md': 4,
  '03-labelling-and-cleaning.md': 7,
  '04-training.md': 42,
  '05-using-the-model.md': 18,
  '06-when-training-goes-wrong.md': 85,
  '07-when-the-data-lies.md': 44,
  '08-out-of-domain-data.md': 13,
  '09-domain-shift.md': 34,
  '10-deploying-safely.md': 5,
  '11-testing-model-behaviour.md': 20,
};
export const BROWSER_SECONDS: Record<string, number> = {
  '00-welcome.md': 22,
  '01-drivetrain.md': 24,
  '02-data-preparation.md': 16,
  '03-labelling-and-cleaning.md': 18,
  '04-training.md': 27,
  '05-using-the-model.md': 16,
  '06-when-training-goes-wrong.md': 107,
  '07-when-the-data-lies.md': 56,
  '08-out-of-domain-data.md': 20,
  '09-domain-shift.md': 26,
  '10-deploying-safely.md': 16,
  '11-testing-model-behaviour.md': 47,
};

export const HEADLESS_PARTS: string[][] = [
  ['06-when-training-goes-wrong.md', '03-labelling-and-cleaning.md', '01-drivetrain.md', '00-welcome.md'],
  ['07-when-the-data-lies.md', '04-training.md', '10-deploying-safely.md'],
  ['09-domain-shift.md', '11-testing-model-behaviour.md', '05-using-the-model.md', '08-out-of-domain-data.md', '02-data-preparation.md'],
];

export const BROWSER_PARTS: string[][] = [
  ['06-when-training-goes-wrong.md', '05-using-the-model.md', '03-labelling-and-cleaning.md'],
  ['07-when-the-data-lies.md', '11-testing-model-behaviour.md', '01-drivetrain.md', '00-welcome.md'],
  ['04-training.md', '09-domain-shift.md', '08-out-of-domain-data.md', '10-deploying-safely.md', '02-data-preparation.md'],
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
