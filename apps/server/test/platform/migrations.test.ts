// The migration runner against real, freshly created databases: idempotence, checksum protection,
// atomic failure, and two servers starting at once.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../src/platform/db/database.ts';
import { migrate, MigrationError, readMigrations, type Migration } from '../../src/platform/db/migrate.ts';

const maintenanceUrl = inject('maintenanceUrl');
const created: string[] = [];

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database of its own (the civic_app role already exists cluster-wide). */
async function freshDatabase(): Promise<string> {
  const name = `civic_test_mig_${crypto.randomBytes(4).toString('hex')}_${process.ppid}`;
  await withClient(maintenanceUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  created.push(name);
  return withDatabase(maintenanceUrl, name);
}

const appliedRows = (url: string) =>
  withClient(
    url,
    async (c) =>
      (
        await c.query<{ version: number; name: string; checksum: string }>(
          'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
        )
      ).rows,
  );
const tableExists = (url: string, table: string) =>
  withClient(
    url,
    async (c) =>
      (await c.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`public.${table}`])).rows[0]!
        .t !== null,
  );

function migration(version: number, name: string, sqlText: string): Migration {
  return {
    version,
    name: `${String(version).padStart(4, '0')}_${name}`,
    sql: sqlText,
    checksum: crypto.createHash('sha256').update(sqlText).digest('hex'),
  };
}

afterAll(async () => {
  await withClient(maintenanceUrl, async (c) => {
    for (const name of created)
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
  });
});

describe('migrate()', () => {
  const migrations = readMigrations();

  it('reads the shipped migrations in version order with their SHA-256', () => {
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations[0]!.version).toBe(1);
    expect(migrations.map((m) => m.version)).toEqual(
      [...migrations.map((m) => m.version)].sort((a, b) => a - b),
    );
    for (const m of migrations)
      expect(m.checksum).toBe(crypto.createHash('sha256').update(m.sql).digest('hex'));
  });

  it('applies every migration once and nothing the second time', async () => {
    const url = await freshDatabase();
    const first = await migrate(url, migrations);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const second = await migrate(url, migrations);
    expect(second.applied).toEqual([]);
    const rows = await appliedRows(url);
    expect(rows.map((r) => [r.version, r.name, r.checksum])).toEqual(
      migrations.map((m) => [m.version, m.name, m.checksum]),
    );
    expect(await tableExists(url, 'orgs')).toBe(true);
  });

  it('refuses an applied migration whose content changed, applying nothing after it', async () => {
    const url = await freshDatabase();
    await migrate(url, migrations);
    const before = await appliedRows(url);
    const [first, ...rest] = migrations;
    const editedSql = `${first!.sql}\n-- edited after it was applied\n`;
    const edited = {
      ...first!,
      sql: editedSql,
      checksum: crypto.createHash('sha256').update(editedSql).digest('hex'),
    };
    const next = migration(9001, 'after_edit', 'CREATE TABLE migration_probe (id int);');
    const attempt = migrate(url, [edited, ...rest, next]);
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(/校验和/);
    expect(await appliedRows(url)).toEqual(before);
    expect(await tableExists(url, 'migration_probe')).toBe(false);
  });

  it('rolls a failing migration back completely and does not record it', async () => {
    const url = await freshDatabase();
    await migrate(url, migrations);
    const broken = migration(9002, 'broken', 'CREATE TABLE half_done (id int); SELECT 1 / 0;');
    await expect(migrate(url, [...migrations, broken])).rejects.toThrow(/执行失败/);
    expect(await tableExists(url, 'half_done')).toBe(false);
    expect((await appliedRows(url)).map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    // the runner released its lock: a later, correct run still works
    const fixed = migration(9002, 'broken', 'CREATE TABLE half_done (id int);');
    expect((await migrate(url, [...migrations, fixed])).applied).toEqual([fixed.name]);
  });

  it('refuses a database that has migrations this version does not know', async () => {
    const url = await freshDatabase();
    const newer = migration(9003, 'from_the_future', 'SELECT 1;');
    await migrate(url, [...migrations, newer]);
    await expect(migrate(url, migrations)).rejects.toThrow(/不认识的迁移/);
  });

  it('lets two servers start at once: both resolve and each migration is applied once', async () => {
    const url = await freshDatabase();
    const results = await Promise.all([migrate(url, migrations), migrate(url, migrations)]);
    const all = results.flatMap((r) => r.applied);
    expect(all.sort()).toEqual(migrations.map((m) => m.name).sort());
    const counts = await withClient(
      url,
      async (c) =>
        (
          await c.query<{ n: number; versions: number }>(
            'SELECT count(*)::int AS n, count(DISTINCT version)::int AS versions FROM schema_migrations',
          )
        ).rows[0]!,
    );
    expect(counts).toEqual({ n: migrations.length, versions: migrations.length });
    expect(await tableExists(url, 'audit_log')).toBe(true);
  });
});
