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
    // Lesson runs (headless lessons, negative controls) are marked concurrent: each runs in a worker
    // thread, so two at a time keep both cores busy and halve the suite's wall time.
    maxConcurrency: 2,
  },
});
