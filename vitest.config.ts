import { configDefaults, defineConfig } from 'vitest/config';

// Three tiers (STYLE.md, "Tests"), each its own project: `npm run test:unit|integration|browser`
// runs one, `npm test` all three. Only the integration and browser tiers start PostgreSQL.
const DATABASE_SETUP = ['apps/server/test/support/global-setup.ts'];
const BROWSER_TESTS = 'apps/server/test/browser/**/*.test.ts';

export default defineConfig({
  test: {
    pool: 'forks',
    // two cores: more workers only queue on the database
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // pure functions: no database, no web build
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          testTimeout: 30_000,
          // no mocks, stubs or shared state: one module cache per worker saves re-importing the app
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // services and routes through app.inject() on a real PostgreSQL, one database per file
          include: ['apps/server/test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, BROWSER_TESTS],
          globalSetup: DATABASE_SETUP,
          // each file builds its own app on its own database; sharing the module cache in a worker
          // only saves importing the server again (no mocks: a test that fakes timers restores them)
          isolate: false,
          // generous: only a hang should reach it, not a busy machine
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // Debian's Chromium against the built app (npm test builds it first)
          include: [BROWSER_TESTS],
          globalSetup: DATABASE_SETUP,
          // as in integration: each file builds its own app, database and browser; one module cache
          // per worker saves importing the server again for every file
          isolate: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
