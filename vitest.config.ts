import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/sequencer.ts';

/**
 * `npm test` is this one `vitest run`: its Duration covers the whole suite, the type check and
 * the site build included (tests/global-setup.ts starts them in the background, beside the tests
 * that need neither). Two workers keep both cores busy; tests/sequencer.ts starts the longest
 * files first. The projects:
 *
 * - unit: units, fixture lessons, the runner's CLI, the model server, forks (no site, no browser);
 * - timing: tests that measure time (Stop, the loop guard, request batching), alone at the end;
 * - lessons: every real lesson headless with its controls and starters, in parts;
 * - site: the type check, the built site, and Chromium (fixture lessons, and each real lesson once).
 *
 * `npm run test:unit` runs unit and timing; `npm run test:release` (its own config) installs a
 * fork from the npm registry.
 */
const TIMING = ['tests/unit/notebook/kernel-stop.test.ts', 'tests/unit/serve/batcher.test.ts', 'tests/serve/serve-model.test.ts'];
/**
 * Files run at once, for every project of the main group (Vitest requires one value per group; a
 * project that sets none gets the core count minus one, which is one here: everything in a row).
 * Two for the 2-core machines this project targets; LAB_TEST_WORKERS=N for another machine.
 */
const WORKERS = Number(process.env.LAB_TEST_WORKERS) || 2;

export default defineConfig({
  test: {
    maxWorkers: WORKERS,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: false,
        test: {
          name: 'unit',
          maxWorkers: WORKERS,
          include: [
            'tests/unit/**/*.test.ts',
            'tests/serve/**/*.test.ts',
            'tests/fork/fork.test.ts',
            'tests/cli.test.ts',
            'tests/fixture-lessons.test.ts',
            'tests/lessons-structure.test.ts',
          ],
          exclude: TIMING,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: false,
        test: {
          name: 'timing',
          include: TIMING,
          // Alone, after everything else: these measure time, which other work would distort.
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
        },
      },
      {
        extends: false,
        test: {
          name: 'lessons',
          maxWorkers: WORKERS,
          include: ['tests/lessons-[0-9].test.ts'],
          // Real (small) models trained on the CPU, with a branch per control: minutes per part.
          testTimeout: 600_000,
        },
      },
      {
        extends: false,
        test: {
          name: 'site',
          maxWorkers: WORKERS,
          include: ['tests/e2e/**/*.test.ts', 'tests/site.test.ts', 'tests/typecheck.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          // A page on a machine busy with the other worker may take seconds to answer.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
