import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: '.',
  test: {
    include: ['test/e2e/**/*.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A page waits on the server and React; vitest's default of one second per poll failed CI on
    // a loaded machine (a heading that came a moment later). A real failure still fails, later.
    expect: { poll: { timeout: 15_000 } },
  },
});
