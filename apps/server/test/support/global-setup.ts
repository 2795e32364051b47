import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createFieldCipher } from '../../src/platform/crypto.ts';
import { bootstrapDatabase, ensureDatabase, withDatabase } from '../../src/platform/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/platform/db/embedded.ts';
import { TEST_KEY } from './keys.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    maintenanceUrl: string;
    templateDatabase: string;
  }
}

/**
 * Integration tests run against a real PostgreSQL: the embedded one (a throwaway cluster in a temp
 * folder) or TEST_DATABASE_URL. Migrations run once into a template database; each test file then
 * gets its own database cloned from it (see test/context.ts).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgresHandle | null = null;
  let tempDir: string | null = null;
  let maintenanceUrl = process.env.TEST_DATABASE_URL;
  if (!maintenanceUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-test-'));
    fs.chmodSync(tempDir, 0o755);
    const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined };
    embedded = await startEmbeddedPostgres({ dataDir: tempDir, password: 'test-password', logger: quiet });
    maintenanceUrl = embedded.url;
  }
  const templateDatabase = `civic_test_tpl_${process.pid}`;
  await ensureDatabase(maintenanceUrl, templateDatabase);
  const cipher = createFieldCipher(TEST_KEY);
  await bootstrapDatabase(
    withDatabase(maintenanceUrl, templateDatabase),
    cipher.derive('database-app-role').toString('hex'),
  );
  project.provide('maintenanceUrl', maintenanceUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    if (embedded) {
      await embedded.stop();
      fs.rmSync(tempDir!, { recursive: true, force: true });
    } else {
      // external server: drop what this run created
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: maintenanceUrl });
      await client.connect();
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`civic_test_%_${process.pid}%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
      }
      await client.end();
    }
  };
}
