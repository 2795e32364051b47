import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createFieldCipher } from '../crypto.ts';
import { ensureAppRole } from '../db/database.ts';
import { BackupError, readArchive, writeArchive, type Manifest } from './archive.ts';
import { appliedMigrations, tableStats } from './checks.ts';
import { verifyRestored, type Logger, type RestoreReport } from './verify.ts';

/**
 * An external PostgreSQL (DATABASE_URL) is backed up with its own pg_dump (custom format), in a
 * snapshot the manifest's row counts and checksums are read in too, and restored with pg_restore
 * into an empty database.
 */
const run = promisify(execFile);
const DUMP_FILE = 'database.dump';

interface PgTool {
  path: string;
  major: number;
  version: string;
}

async function toolVersion(bin: string): Promise<PgTool | null> {
  try {
    const { stdout } = await run(bin, ['--version']);
    const match = /\(PostgreSQL\)\s+((\d+)[^\s]*)/.exec(stdout);
    return match ? { path: bin, major: Number(match[2]), version: match[1]! } : null;
  } catch {
    return null;
  }
}

/**
 * The client tool to use with a server of major version `serverMajor`: Debian's versioned one
 * for that server when installed, else the one in PATH — never one older than the server, which
 * pg_dump itself refuses.
 */
export async function findPgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): Promise<PgTool> {
  const candidates = [`/usr/lib/postgresql/${serverMajor}/bin/${name}`, name];
  const found: PgTool[] = [];
  for (const bin of candidates) {
    if (bin.includes('/') && !fs.existsSync(bin)) continue;
    const tool = await toolVersion(bin);
    if (tool && tool.major >= serverMajor) return tool;
    if (tool) found.push(tool);
  }
  throw new BackupError(
    found.length
      ? `数据库服务器是 PostgreSQL ${serverMajor}，本机的 ${name} 是 ${found[0]!.version}：${name} 不能处理比自己新的服务器。` +
          `请安装 PostgreSQL ${serverMajor} 或更新的客户端（Debian/Ubuntu：postgresql-client-${serverMajor}）。`
      : `找不到 ${name}：请安装 PostgreSQL ${serverMajor} 或更新的客户端（Debian/Ubuntu：postgresql-client-${serverMajor}）。`,
  );
}

/** The URL without its password (which goes to the tool in PGPASSWORD, not on its command line). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function serverVersion(client: pg.ClientBase): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ version: string; num: number }>(
    "SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num",
  );
  return { version: rows[0]!.version, major: Math.floor(rows[0]!.num / 10_000) };
}

export async function backupExternalDatabase(options: {
  ownerUrl: string;
  outDir: string;
  logger: Logger;
}): Promise<{ file: string; manifest: Manifest }> {
  fs.mkdirSync(options.outDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(options.outDir, '.civic-backup-'));
  const client = new pg.Client({ connectionString: options.ownerUrl });
  await client.connect();
  try {
    const server = await serverVersion(client);
    const pgDump = await findPgTool('pg_dump', server.major);
    // one snapshot for the dump and for the manifest's counts, so the two agree exactly
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const createdAt = new Date();
    const target = splitPassword(options.ownerUrl);
    options.logger.info(`正在用 ${pgDump.path}（${pgDump.version}）导出数据库…`);
    const dump = run(
      pgDump.path,
      [
        '--format=custom',
        `--snapshot=${rows[0]!.snapshot}`,
        `--file=${path.join(staging, DUMP_FILE)}`,
        `--dbname=${target.url}`,
      ],
      { env: target.env, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stderr?: string; message: string }) => {
      throw new BackupError(`pg_dump 失败：${(error.stderr || error.message).trim()}`);
    });
    const stats = (async () => ({
      tables: await tableStats(client),
      migrations: await appliedMigrations(client),
    }))();
    const [{ tables, migrations }] = await Promise.all([stats, dump]);
    await client.query('COMMIT');
    const manifest = {
      kind: 'pg-dump' as const,
      createdAt: createdAt.toISOString(),
      method: `pg_dump ${pgDump.version}`,
      tool: { name: 'pg_dump', major: pgDump.major },
      postgres: server,
      database: new URL(options.ownerUrl).pathname.slice(1),
      migrations,
      tables,
    };
    return await writeArchive(staging, manifest, options.outDir);
  } finally {
    await client.end().catch(() => undefined);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** What a restore may find in its target: nothing but the empty public schema and plpgsql. */
async function isEmptyDatabase(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ objects: string }>(`
    SELECT ((SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%')
         + (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'))::text AS objects`);
  return rows[0]!.objects === '0';
}

/** Empties the database again after a refused restore (it was empty before). */
async function emptyDatabase(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT quote_ident(nspname) AS name FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public')
      AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'`);
  await client.query('BEGIN');
  for (const { name } of rows) await client.query(`DROP SCHEMA ${name} CASCADE`);
  await client.query('DROP SCHEMA public CASCADE');
  await client.query('CREATE SCHEMA public');
  await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
  for (const { extname } of (
    await client.query<{ extname: string }>(
      "SELECT quote_ident(extname) AS extname FROM pg_extension WHERE extname <> 'plpgsql'",
    )
  ).rows)
    await client.query(`DROP EXTENSION ${extname} CASCADE`);
  await client.query('COMMIT');
}

export async function restoreExternalDatabase(options: {
  file: string;
  ownerUrl: string;
  key: string;
  logger: Logger;
}): Promise<RestoreReport> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-restore-'));
  const client = new pg.Client({ connectionString: options.ownerUrl });
  await client.connect();
  try {
    const manifest = await readArchive(options.file, staging);
    if (manifest.kind !== 'pg-dump') {
      throw new BackupError('这是内置数据库的备份：请不设置 DATABASE_URL，恢复到一个空的 DATA_DIR');
    }
    if (!(await isEmptyDatabase(client))) {
      throw new BackupError(
        `目标数据库 ${new URL(options.ownerUrl).pathname.slice(1)} 不是空的：恢复只写入新建的空数据库`,
      );
    }
    const server = await serverVersion(client);
    const pgRestore = await findPgTool('pg_restore', Math.max(server.major, manifest.tool.major));
    const cipher = createFieldCipher(options.key);
    // the data grants to the application role; create it when this cluster has none (an existing
    // one keeps its password: the next server start sets it from the key)
    await ensureAppRole(options.ownerUrl, cipher.derive('database-app-role').toString('hex'), {
      keepPassword: true,
    });
    options.logger.info(`正在用 ${pgRestore.path}（${pgRestore.version}）恢复数据库…`);
    const target = splitPassword(options.ownerUrl);
    let restored = false;
    try {
      await run(
        pgRestore.path,
        [
          '--no-owner',
          '--exit-on-error',
          '--single-transaction',
          `--dbname=${target.url}`,
          path.join(staging, DUMP_FILE),
        ],
        { env: target.env, maxBuffer: 16 * 1024 * 1024 },
      ).catch((error: { stderr?: string; message: string }) => {
        throw new BackupError(`pg_restore 失败（数据库未改动）：${(error.stderr || error.message).trim()}`);
      });
      restored = true;
      const report = await verifyRestored(options.ownerUrl, manifest, cipher, { exact: true });
      return report;
    } catch (error) {
      if (restored) {
        await emptyDatabase(client).catch((cleanup: Error) =>
          options.logger.warn(`清空未完成的恢复失败（请删除并重建该数据库）：${cleanup.message}`),
        );
      }
      throw error;
    }
  } finally {
    await client.end().catch(() => undefined);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
