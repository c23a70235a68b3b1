import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Lesson runs train real (small) models on the CPU; the machines are shared and slow.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: files in parallel would only make each slower and timing-sensitive tests flaky.
    fileParallelism: false,
  },
});
