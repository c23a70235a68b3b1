import { defineConfig } from 'vitest/config';

/**
 * Unit tests only (`npm run test:unit`): no site build, so a change to a helper is checked in
 * seconds. `npm test` runs these too, with everything else.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    fileParallelism: false,
  },
});
