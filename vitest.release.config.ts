import { defineConfig } from 'vitest/config';

/**
 * `npm run test:release`: what needs the npm registry, and attacks too heavy for every run (a memory
 * bomb, image bombs against the model API), kept out of `npm test`. CI runs it after `npm test`.
 */
export default defineConfig({
  test: {
    include: ['tests/fork/fork-install.test.ts', 'tests/release/**/*.test.ts'],
    testTimeout: 900_000,
  },
});
