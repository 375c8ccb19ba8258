import { defineConfig } from 'vitest/config';

// `npm run test:faults`: processes killed with SIGKILL, PostgreSQL restarted under load, 1,000
// offline changes in Chromium across a service-worker stop and a browser restart. Kept out of
// `npm test` (each scenario starts its own PostgreSQL and server processes; minutes, not seconds).
export default defineConfig({
  test: {
    name: 'faults',
    include: ['test/faults/**/*.test.ts'],
    // The offline scenario drives the production extension build in Chromium.
    globalSetup: ['test/setup/build-chrome-extension.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
