import { defineConfig } from 'vitest/config';

/**
 * The tests that need no site build (`npm run test:unit`): units and the model server, checked in
 * seconds while working on them. `npm test` runs these too, with everything else.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/serve/**/*.test.ts', 'tests/fork/**/*.test.ts'],
    fileParallelism: false,
  },
});
