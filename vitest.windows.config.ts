/**
 * `npm run test:windows`: the conformance suite against the real IP Helper API
 * (test/windows/real-api.test.ts). Opt-in and elevated; see that file.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    include: ['test/windows/**/*.test.ts'],
    // One machine: never let two files change it at once.
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
