import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { WEB_DIST } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { createEventBus } from '../../src/platform/events.ts';
import { createFieldCipher } from '../../src/platform/crypto.ts';
import {
  bootstrapDatabase,
  connectDatabases,
  ensureDatabase,
  withDatabase,
} from '../../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { seedDemoIfEmpty } from '../../src/seed/demo.ts';
import { createDatabaseFrom } from './databases.ts';
import { DEMO_PASSWORD, TEST_KEY } from './keys.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    maintenanceUrl: string;
    /** Migrated only (createTestContext({ seed: false }) clones this one). */
    templateDatabase: string;
    /** Migrated and the demo county seeded (createTestContext() clones this one). */
    seededTemplateDatabase: string;
    /** This run's copy of the web build (or WEB_DIST itself when there is none). */
    webDist: string;
  }
}

interface TestDatabases {
  maintenanceUrl: string;
  templateDatabase: string;
  seededTemplateDatabase: string;
  webDist: string;
  stop(): Promise<void>;
}

/**
 * Integration and browser tests run against a real PostgreSQL: the embedded one (a throwaway
 * cluster in a temp folder) or TEST_DATABASE_URL. Once per run, migrations go into a template
 * database and the demo county is seeded into a second template cloned from it; each test file
 * then gets its own database cloned from one of them (see context.ts).
 *
 * Both projects that need the database list this setup; vitest runs it once per project in the
 * same process, so the first call prepares the databases and the others share them (the last
 * teardown stops them).
 */
export default async function setup(project: TestProject) {
  const registry = globalThis as { [SHARED]?: { users: number; ready: Promise<TestDatabases> } };
  const shared = (registry[SHARED] ??= { users: 0, ready: prepare() });
  shared.users += 1;
  const databases = await shared.ready;
  project.provide('maintenanceUrl', databases.maintenanceUrl);
  project.provide('templateDatabase', databases.templateDatabase);
  project.provide('seededTemplateDatabase', databases.seededTemplateDatabase);
  project.provide('webDist', databases.webDist);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[SHARED];
    await databases.stop();
  };
}

const SHARED = Symbol.for('civic.test.databases');

async function prepare(): Promise<TestDatabases> {
  const started = Date.now();
  let maintenanceUrl = process.env.TEST_DATABASE_URL;
  let stopServer: () => Promise<void> = async () => {};
  if (!maintenanceUrl) {
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-test-'));
    fs.chmodSync(tempDir, 0o755);
    const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined };
    const embedded = await startEmbeddedPostgres({
      dataDir: tempDir,
      password: 'test-password',
      logger: quiet,
    });
    maintenanceUrl = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      fs.rmSync(tempDir, { recursive: true, force: true });
    };
  }
  const url = maintenanceUrl;
  // every database of this run ends in the runner's pid (test files add theirs from process.ppid)
  const templateDatabase = `civic_test_tpl_${process.pid}`;
  const seededTemplateDatabase = `civic_test_seeded_${process.pid}`;
  const dropOurs = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`civic_test_%_${process.pid}%`],
      );
      for (const { datname } of rows)
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };

  try {
    await ensureDatabase(url, templateDatabase);
    const cipher = createFieldCipher(TEST_KEY);
    const appRolePassword = cipher.derive('database-app-role').toString('hex');
    await bootstrapDatabase(withDatabase(url, templateDatabase), appRolePassword);

    // the demo county, seeded once with the key and password the tests use
    await createDatabaseFrom(url, seededTemplateDatabase, templateDatabase);
    const databaseUrl = withDatabase(url, seededTemplateDatabase);
    const db = connectDatabases(databaseUrl, appRolePassword);
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        FIELD_ENCRYPTION_KEY: TEST_KEY,
      });
      const ctx: AppContext = { config, db, cipher, now: () => new Date(), events: createEventBus() };
      const result = await seedDemoIfEmpty(ctx, DEMO_PASSWORD);
      if (!result.seeded) throw new Error(`the demo county was not seeded into ${seededTemplateDatabase}`);
    } finally {
      await db.close();
    }
    // planner statistics travel with the clones
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('ANALYZE');
    await client.end();
  } catch (error) {
    await dropOurs().catch(() => undefined);
    await stopServer();
    throw error;
  }
  // the browser tests serve a copy of the web build: a rebuild meanwhile (npm start, npm run build)
  // would otherwise swap the hashed chunk files under pages that are open
  let webDist = WEB_DIST;
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-test-web-'));
    fs.cpSync(WEB_DIST, webDist, { recursive: true });
  }
  console.log(
    `[test databases] migrated and seeded templates ready in ${Math.round((Date.now() - started) / 1000)} s`,
  );

  return {
    maintenanceUrl: url,
    templateDatabase,
    seededTemplateDatabase,
    webDist,
    async stop() {
      // an external server keeps running: drop what this run created
      if (process.env.TEST_DATABASE_URL) await dropOurs();
      await stopServer();
      if (webDist !== WEB_DIST) fs.rmSync(webDist, { recursive: true, force: true });
    },
  };
}
