import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GENERATED_SCHEMA_FILE, generateSchemaTypes } from '../../src/platform/db/codegen.ts';
import { withDatabase } from '../../src/platform/db/database.ts';

/**
 * The Kysely table types are generated from the migrations (npm run db:types); this fails when the
 * committed schema.generated.ts no longer matches what the migrations produce. Introspection runs
 * on a clone of the migrated template (a connection held on the template itself would stop other
 * test files from cloning it meanwhile), so the template is never touched.
 */
describe('schema.generated.ts', () => {
  const maintenanceUrl = inject('maintenanceUrl');
  const name = `civic_test_types_${crypto.randomBytes(4).toString('hex')}_${process.ppid}`;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: maintenanceUrl });
    await admin.connect();
    try {
      const template = admin.escapeIdentifier(inject('templateDatabase'));
      for (let attempt = 0; ; attempt += 1) {
        try {
          await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${template}`);
          break;
        } catch (error) {
          if (attempt > 20) throw error;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
    } finally {
      await admin.end();
    }
  });

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: maintenanceUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  it('matches the migrations', async () => {
    const generated = await generateSchemaTypes(withDatabase(maintenanceUrl, name));
    const committed = fs.readFileSync(GENERATED_SCHEMA_FILE, 'utf8');
    expect(generated, 'schema.generated.ts is stale: run npm run db:types').toBe(committed);
  });
});
