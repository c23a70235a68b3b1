import { defineConfig } from 'vitest/config';

/**
 * `npm run test:release`: what needs the npm registry, kept out of `npm test` (which must prove
 * the same on every run, offline from the registry's moods). CI runs it after `npm test`.
 */
export default defineConfig({
  test: {
    include: ['tests/fork/fork-install.test.ts'],
    testTimeout: 900_000,
  },
});
