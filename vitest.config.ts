import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time even on two cores: most server and browser tests wait on timers, sockets
    // and Redis far more than they compute.
    maxWorkers: 2,
    projects: [
      { test: { name: 'shared', root: './shared', include: ['test/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['test/**/*.test.ts'],
          // One migrated, seeded store image per run; every test server starts from a copy.
          globalSetup: ['test/support/store-image.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'scripts', root: './scripts', include: ['test/**/*.test.ts'], testTimeout: 120_000 } },
      {
        // The apps' own logic (reducers, wording, timers), without a browser or a build.
        test: {
          name: 'apps',
          include: ['web-widget/test/**/*.test.ts', 'advisor-console/test/**/*.test.ts'],
          exclude: ['**/*.e2e.test.ts', '**/node_modules/**'],
          // Session tests start a real server: from the run's store image, not migrating afresh.
          globalSetup: ['server/test/support/store-image.ts'],
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['web-widget/test/**/*.e2e.test.ts', 'advisor-console/test/**/*.e2e.test.ts'],
          // Both apps are built once per run, not once per suite.
          globalSetup: ['web-widget/test/support/build-apps.ts', 'server/test/support/store-image.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
