// Backup and restore round trips on real PostgreSQL: an external database with pg_dump (the demo
// county, table by table), and the embedded cluster with a base backup taken while it is written
// to. A restore with the wrong key is refused and leaves its target empty.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendAudit } from '../../src/platform/audit/audit.ts';
import { BackupError } from '../../src/platform/backup/archive.ts';
import { backupEmbeddedCluster, restoreEmbeddedCluster } from '../../src/platform/backup/base-backup.ts';
import { auditChainAt, tableStats } from '../../src/platform/backup/checks.ts';
import {
  backupExternalDatabase,
  findPgTool,
  restoreExternalDatabase,
} from '../../src/platform/backup/dump.ts';
import { createFieldCipher } from '../../src/platform/crypto.ts';
import { bootstrapDatabase, ensureDatabase, withDatabase } from '../../src/platform/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/platform/db/embedded.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { createTestContext, type TestContext } from '../support/context.ts';
import { TEST_KEY } from '../support/keys.ts';

const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined };
const OTHER_KEY = crypto.randomBytes(32).toString('hex');

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // a connection the server ends (a database dropped WITH (FORCE)) fails its query, never the process
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const statsOf = (url: string) => withClient(url, (c) => tableStats(c));
const userTables = (url: string) =>
  withClient(url, async (c) =>
    Number(
      (
        await c.query<{ n: string }>(
          "SELECT count(*)::text AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
        )
      ).rows[0]!.n,
    ),
  );

describe('backup and restore of an external PostgreSQL (pg_dump)', () => {
  const maintenanceUrl = inject('maintenanceUrl');
  const created: string[] = [];
  let outDir: string;
  let t: TestContext;
  let serverMajor: number;
  let dumpUsable: boolean;

  /** A new empty database on the test cluster (dropped by the test run like every civic_test_ one). */
  async function emptyDatabase(): Promise<string> {
    const name = `civic_test_restore_${crypto.randomBytes(4).toString('hex')}_${process.ppid}`;
    await withClient(maintenanceUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
    created.push(name);
    return withDatabase(maintenanceUrl, name);
  }

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-backup-test-'));
    t = await createTestContext();
    serverMajor = await withClient(t.databaseUrl, async (c) =>
      Math.floor(
        Number(
          (await c.query<{ n: string }>("SELECT current_setting('server_version_num') AS n")).rows[0]!.n,
        ) / 10_000,
      ),
    );
    dumpUsable = await findPgTool('pg_dump', serverMajor).then(
      () => true,
      () => false,
    );
  });

  afterAll(async () => {
    await t?.close();
    await withClient(maintenanceUrl, async (c) => {
      for (const name of created)
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
    });
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('round-trips the demo county: every table has the same rows and checksum, and the audit chain verifies', async (test) => {
    if (!dumpUsable)
      test.skip(`no pg_dump for PostgreSQL ${serverMajor} on this machine (see the next test)`);
    const source = await statsOf(t.databaseUrl);
    const { file, manifest } = await backupExternalDatabase({
      ownerUrl: t.databaseUrl,
      outDir,
      logger: quiet,
    });
    expect(path.basename(file)).toMatch(/^civic-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/);
    expect(manifest.tables).toEqual(source);
    // the demo county, not an empty shell
    expect(source['public.volunteers']!.rows).toBeGreaterThan(1000);
    expect(source['public.audit_log']!.rows).toBeGreaterThan(0);

    const target = await emptyDatabase();
    const report = await restoreExternalDatabase({ file, ownerUrl: target, key: TEST_KEY, logger: quiet });
    expect(report.differences).toEqual([]);
    expect(report.keyCheck.checked).toBeGreaterThan(0);
    expect(report.keyCheck.failed).toBe(0);
    expect(report.keyCheck.columns.map((c) => c.column)).toContain('volunteers.id_number_enc');

    const restored = await statsOf(target);
    expect(Object.keys(restored).length).toBeGreaterThan(20);
    for (const table of Object.keys(source)) expect(restored[table], table).toEqual(source[table]);
    expect(Object.keys(restored).sort()).toEqual(Object.keys(source).sort());
    const chain = await auditChainAt(target);
    expect(chain).toMatchObject({ ok: true, checked: source['public.audit_log']!.rows });
  });

  it('refuses to finish with a key that cannot decrypt the encrypted fields, and leaves the database empty', async (test) => {
    if (!dumpUsable) test.skip(`no pg_dump for PostgreSQL ${serverMajor} on this machine`);
    const { file } = await backupExternalDatabase({ ownerUrl: t.databaseUrl, outDir, logger: quiet });
    const target = await emptyDatabase();
    const refused = restoreExternalDatabase({ file, ownerUrl: target, key: OTHER_KEY, logger: quiet });
    await expect(refused).rejects.toBeInstanceOf(BackupError);
    await expect(refused).rejects.toThrow(/密钥无法解密.*volunteers\.id_number_enc/);
    expect(await userTables(target)).toBe(0);
    // the same backup then restores with the right key
    await restoreExternalDatabase({ file, ownerUrl: target, key: TEST_KEY, logger: quiet });
    expect(await userTables(target)).toBeGreaterThan(20);
  });

  it('restores only into an empty database', async (test) => {
    if (!dumpUsable) test.skip(`no pg_dump for PostgreSQL ${serverMajor} on this machine`);
    const { file } = await backupExternalDatabase({ ownerUrl: t.databaseUrl, outDir, logger: quiet });
    const before = await statsOf(t.databaseUrl);
    await expect(
      restoreExternalDatabase({ file, ownerUrl: t.databaseUrl, key: TEST_KEY, logger: quiet }),
    ).rejects.toThrow(/不是空的/);
    expect(await statsOf(t.databaseUrl)).toEqual(before);
  });

  it('names the version problem when the only pg_dump is older than the server', async (test) => {
    if (dumpUsable) test.skip(`pg_dump for PostgreSQL ${serverMajor} is installed`);
    await expect(backupExternalDatabase({ ownerUrl: t.databaseUrl, outDir, logger: quiet })).rejects.toThrow(
      new RegExp(`PostgreSQL ${serverMajor}.*pg_dump`),
    );
    expect(fs.readdirSync(outDir)).toEqual([]);
  });
});

// Starting, backing up and restoring whole clusters takes a while on a busy 2-core machine: its
// own, larger timeout.
describe(
  'backup and restore of the embedded PostgreSQL (base backup while written to)',
  { timeout: 240_000 },
  () => {
    let root: string;
    const cipher = createFieldCipher(TEST_KEY);
    const servers: EmbeddedPostgresHandle[] = [];
    let ownerUrl: string;
    let db: Kysely<Database>;

    /** One committed write: a sealed note, and every tenth time an audit entry, in one transaction. */
    async function write(id: number): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await sql`INSERT INTO backup_probe (id, note, note_enc) VALUES (${id}, ${`note ${id}`}, ${cipher.encrypt(`secret ${id}`)})`.execute(
          tx,
        );
        if (id % 10 === 0) {
          await appendAudit(tx, {
            actor: null,
            action: 'probe.write',
            resourceType: 'backup_probe',
            resourceId: id,
          });
        }
      });
    }

    beforeAll(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-base-backup-'));
      // laid out as npm start leaves it: the cluster in pg/, the key beside it in secrets.json
      fs.mkdirSync(path.join(root, 'source'));
      fs.writeFileSync(
        path.join(root, 'source', 'secrets.json'),
        JSON.stringify({ fieldEncryptionKey: TEST_KEY }),
      );
      const source = await startEmbeddedPostgres({
        dataDir: path.join(root, 'source'),
        password: 'source-pw',
        logger: quiet,
      });
      servers.push(source);
      await ensureDatabase(source.url, 'civic');
      ownerUrl = withDatabase(source.url, 'civic');
      await bootstrapDatabase(ownerUrl, cipher.derive('database-app-role').toString('hex'));
      await withClient(ownerUrl, (c) =>
        c.query(
          'CREATE TABLE backup_probe (id integer PRIMARY KEY, note text NOT NULL, note_enc text NOT NULL)',
        ),
      );
      const pool = new pg.Pool({ connectionString: ownerUrl, max: 2 });
      pool.on('error', () => undefined); // an idle connection the server ends is dropped, not thrown
      db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      for (let id = 1; id <= 200; id += 1) await write(id);
    }, 180_000);

    afterAll(async () => {
      await db?.destroy();
      for (const server of servers) await server.stop().catch(() => undefined);
      if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    it('restores a consistent copy: every write committed before the backup ended, in order, nothing torn', async () => {
      const committedBeforeBackup = 200;
      // a writer appends while the backup runs
      let next = committedBeforeBackup + 1;
      let writing = true;
      const writer = (async () => {
        while (writing) {
          await write(next++);
          await new Promise((resolve) => setTimeout(resolve, 5)); // steady, not a CPU hog on 2 cores
        }
      })();
      // a failed write fails this test where the writer is awaited, not as an unhandled rejection
      // while the backup is still running
      writer.catch(() => undefined);
      // and one write is committed (synchronously, from another process) right after pg_backup_start
      const duringBackup = 1_000_000;
      const logger = {
        info: (message: string) => {
          if (message.includes('pg_backup_start')) {
            execFileSync(
              process.execPath,
              [
                '--input-type=module',
                '-e',
                `import pg from 'pg'; const c = new pg.Client({ connectionString: process.env.URL }); await c.connect();
             await c.query("INSERT INTO backup_probe VALUES (${duringBackup}, 'during', $1)", [process.env.SEALED]); await c.end();`,
              ],
              {
                env: { ...process.env, URL: ownerUrl, SEALED: cipher.encrypt('during') },
                cwd: process.cwd(),
              },
            );
          }
        },
        warn: () => undefined,
      };
      const started = Date.now();
      const { file, manifest } = await backupEmbeddedCluster({
        ownerUrl,
        clusterDir: path.join(root, 'source', 'pg'),
        outDir: path.join(root, 'out'),
        logger,
      });
      const backupSeconds = (Date.now() - started) / 1000;
      writing = false;
      await writer;
      const writtenByTheEnd = next - 1;
      expect(writtenByTheEnd).toBeGreaterThan(committedBeforeBackup); // the backup really ran under writes
      expect(manifest.wal!.files.length).toBeGreaterThan(0);
      // never the key: only the cluster folder, not the data dir's secrets.json beside it
      expect(Object.keys(manifest.files).every((f) => f.startsWith('pg/'))).toBe(true);
      expect(zlib.gunzipSync(fs.readFileSync(file)).includes(TEST_KEY)).toBe(false);

      const sourceRows = await withClient(
        ownerUrl,
        async (c) =>
          (
            await c.query<{ id: number; note: string; note_enc: string }>(
              'SELECT * FROM backup_probe ORDER BY id',
            )
          ).rows,
      );
      const sourceStats = await statsOf(ownerUrl);
      const sourceAudit = await withClient(
        ownerUrl,
        async (c) =>
          (await c.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq')).rows,
      );

      const restoredDir = path.join(root, 'restored');
      const restoreStarted = Date.now();
      const report = await restoreEmbeddedCluster({
        file,
        dataDir: restoredDir,
        key: TEST_KEY,
        superuserPassword: 'restored-pw',
        logger: quiet,
      });
      const restoreSeconds = (Date.now() - restoreStarted) / 1000;
      console.log(
        `[backup test] embedded base backup ${backupSeconds.toFixed(1)} s, restore ${restoreSeconds.toFixed(1)} s`,
      );
      expect(report.keyCheck).toMatchObject({ failed: 0 });
      expect(report.keyCheck.checked).toBeGreaterThan(0);
      expect(report.audit.ok).toBe(true);

      // the restored cluster starts as `npm start` would, with this data dir's superuser password
      const restored = await startEmbeddedPostgres({
        dataDir: restoredDir,
        password: 'restored-pw',
        logger: quiet,
      });
      servers.push(restored);
      const restoredUrl = withDatabase(restored.url, 'civic');
      const rows = await withClient(
        restoredUrl,
        async (c) =>
          (
            await c.query<{ id: number; note: string; note_enc: string }>(
              'SELECT * FROM backup_probe ORDER BY id',
            )
          ).rows,
      );
      // every write committed before the backup started, and the one committed during it
      const ids = new Set(rows.map((r) => r.id));
      for (let id = 1; id <= committedBeforeBackup; id += 1) expect(ids.has(id), `row ${id}`).toBe(true);
      expect(ids.has(duringBackup)).toBe(true);
      // the writer's rows form a prefix of what it wrote (no gaps: transactions are whole), byte for byte
      const written = rows.filter((r) => r.id < duringBackup);
      expect(written.map((r) => r.id)).toEqual(written.map((_, i) => i + 1));
      const byId = new Map(sourceRows.map((r) => [r.id, r]));
      for (const row of rows) expect(row).toEqual(byId.get(row.id));
      expect(cipher.decrypt(rows.at(-1)!.note_enc)).toMatch(/^(secret \d+|during)$/);
      // tables nobody wrote to are identical; the audit log is a prefix of the source's
      const restoredStats = await statsOf(restoredUrl);
      for (const [table, stats] of Object.entries(sourceStats)) {
        if (['public.backup_probe', 'public.audit_log', 'public.audit_chain_head'].includes(table)) continue;
        expect(restoredStats[table], table).toEqual(stats);
      }
      const restoredAudit = await withClient(
        restoredUrl,
        async (c) =>
          (await c.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq')).rows,
      );
      expect(restoredAudit.length).toBeGreaterThanOrEqual(committedBeforeBackup / 10 - 1);
      expect(restoredAudit).toEqual(sourceAudit.slice(0, restoredAudit.length));
      expect(await auditChainAt(restoredUrl)).toMatchObject({ ok: true, checked: restoredAudit.length });

      // the wrong key: refused, and the data dir is left without a cluster
      const refusedDir = path.join(root, 'refused');
      await expect(
        restoreEmbeddedCluster({
          file,
          dataDir: refusedDir,
          key: OTHER_KEY,
          superuserPassword: 'x',
          logger: quiet,
        }),
      ).rejects.toThrow(/密钥无法解密.*backup_probe\.note_enc/);
      expect(fs.existsSync(path.join(refusedDir, 'pg'))).toBe(false);
      // and a cluster is never restored over one that exists
      await expect(
        restoreEmbeddedCluster({
          file,
          dataDir: restoredDir,
          key: TEST_KEY,
          superuserPassword: 'x',
          logger: quiet,
        }),
      ).rejects.toThrow(/不是空的/);
    });
  },
);
