// npm run db:types — regenerates src/platform/db/schema.generated.ts from the migrations.
// A fresh database is migrated and introspected with kysely-codegen, then dropped. The server is
// TEST_DATABASE_URL or DATABASE_URL when set (the role given there must be able to create databases),
// else a throwaway embedded PostgreSQL. `npm run db:types -- --check` only reports whether the
// committed file is up to date (exit status 1 when not).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { GENERATED_SCHEMA_FILE, generateSchemaTypes } from '../platform/db/codegen.ts';
import { APP_ROLE, bootstrapDatabase, ensureDatabase, withDatabase } from '../platform/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../platform/db/embedded.ts';
import { migrate } from '../platform/db/migrate.ts';

const check = process.argv.includes('--check');
const relative = path.relative(process.cwd(), GENERATED_SCHEMA_FILE);

let embedded: EmbeddedPostgresHandle | null = null;
let tempDir: string | null = null;
let serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!serverUrl) {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-db-types-'));
  fs.chmodSync(tempDir, 0o755);
  const quiet = { info: () => undefined, warn: (m: string) => console.warn(m), debug: () => undefined };
  embedded = await startEmbeddedPostgres({ dataDir: tempDir, password: 'db-types', logger: quiet });
  serverUrl = embedded.url;
}

const name = `civic_db_types_${crypto.randomBytes(4).toString('hex')}`;
try {
  await ensureDatabase(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  if (embedded || !(await roleExists(serverUrl))) {
    await bootstrapDatabase(url, crypto.randomBytes(24).toString('hex'));
  } else {
    // the server already has the application role: don't reset its password (bootstrapDatabase
    // would), only migrate; the migrations' grants need nothing more
    await migrate(url);
  }
  const generated = await generateSchemaTypes(url);
  const committed = fs.existsSync(GENERATED_SCHEMA_FILE)
    ? fs.readFileSync(GENERATED_SCHEMA_FILE, 'utf8')
    : '';
  if (generated === committed) {
    console.log(`${relative} 已是最新。`);
  } else if (check) {
    console.error(`${relative} 与迁移不一致：请运行 npm run db:types 并提交结果。`);
    process.exitCode = 1;
  } else {
    fs.writeFileSync(GENERATED_SCHEMA_FILE, generated);
    console.log(`已根据迁移重新生成 ${relative}。`);
  }
} finally {
  if (embedded) {
    await embedded.stop();
    fs.rmSync(tempDir!, { recursive: true, force: true });
  } else {
    await dropDatabase(serverUrl, name);
  }
}

async function roleExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    return !!rowCount;
  } finally {
    await client.end();
  }
}

async function dropDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
