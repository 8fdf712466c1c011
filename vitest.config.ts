import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{unit,service,conformance,ffi,wine,packaging,security}/**/*.test.ts'],
          setupFiles: ['test/support/fast-check-replay.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/support/fast-check-replay.ts', 'test/component/setup.ts'],
          // A hang guard, not a speed goal: jsdom with Fluent takes 10-15 s for a long flow on two busy cores.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
