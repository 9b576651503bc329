import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the real server in-process, driven by a system Chromium via playwright-core.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // Each e2e file owns a server, a database and a browser; run them one at a time.
    maxWorkers: 1,
  },
});
