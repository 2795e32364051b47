import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createFieldCipher } from '../crypto.ts';
import { withDatabase } from '../db/database.ts';
import { clusterOwner, embeddedPostgresMajor, startEmbeddedPostgres } from '../db/embedded.ts';
import { BackupError, readArchive, writeArchive, type Manifest } from './archive.ts';
import { appliedMigrations, tableStats } from './checks.ts';
import { verifyRestored, type Logger, type RestoreReport } from './verify.ts';

/**
 * The embedded cluster is backed up the way PostgreSQL documents for a running server without
 * pg_dump ("Making a Base Backup Using the Low Level API"): pg_backup_start, a copy of the cluster
 * folder, pg_backup_stop — whose backup_label goes into the copy — and the WAL written from start
 * to stop, so that starting the copy replays that WAL to a consistent state. A temporary
 * replication slot made before the start keeps that WAL from being recycled meanwhile.
 */

/** The restore's temporary hba_file, inside the restored cluster while it runs. */
const RESTORE_HBA_FILE = 'civic_restore_hba.conf';

/** Top-level entries left out of the copy, as the documentation (and pg_basebackup) lists them. */
const SKIPPED_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'backup_label.old',
  'tablespace_map',
  'tablespace_map.old',
  'backup_manifest',
  'current_logfiles',
  'postgresql.auto.conf.tmp',
  RESTORE_HBA_FILE,
]);
/** Top-level folders copied empty: rebuilt at start-up, or (pg_wal) filled with the backup's WAL. */
const EMPTIED_DIRS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

async function copyCluster(source: string, target: string, rel = ''): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(path.join(source, rel), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // dropped meanwhile
    throw error;
  }
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('pgsql_tmp') || name.startsWith('pg_internal.init')) continue;
    const child = rel ? `${rel}/${name}` : name;
    if (!rel && SKIPPED_FILES.has(name)) continue;
    const from = path.join(source, child);
    const to = path.join(target, child);
    if (entry.isDirectory() || (!rel && name === 'pg_wal' && entry.isSymbolicLink())) {
      fs.mkdirSync(to, { mode: 0o700 });
      if (!rel && EMPTIED_DIRS.has(name)) continue;
      await copyCluster(source, target, child);
    } else if (entry.isFile()) {
      try {
        await fs.promises.copyFile(from, to);
      } catch (error) {
        // a file removed while we copy (a dropped table, a finished temp file) is not needed
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    } else if (entry.isSymbolicLink()) {
      throw new BackupError(`数据目录中有符号链接 ${child}（表空间？），内置数据库备份不支持`);
    }
  }
}

export async function backupEmbeddedCluster(options: {
  ownerUrl: string;
  clusterDir: string;
  outDir: string;
  logger: Logger;
}): Promise<{ file: string; manifest: Manifest }> {
  const { logger } = options;
  fs.mkdirSync(options.outDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(options.outDir, '.civic-backup-'));
  const client = new pg.Client({ connectionString: options.ownerUrl });
  await client.connect();
  try {
    const info = await client.query<{ dir: string; version: string; num: number; spaces: string }>(`
      SELECT current_setting('data_directory') AS dir, current_setting('server_version') AS version,
        current_setting('server_version_num')::int AS num,
        (SELECT count(*) FROM pg_tablespace WHERE spcname NOT IN ('pg_default', 'pg_global'))::text AS spaces`);
    const server = info.rows[0]!;
    if (fs.realpathSync(server.dir) !== fs.realpathSync(options.clusterDir)) {
      throw new BackupError(`连接到的数据库使用 ${server.dir}，不是 ${options.clusterDir}`);
    }
    if (server.spaces !== '0') throw new BackupError('数据库使用了额外的表空间，内置数据库备份不支持');

    const slot = `civic_backup_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [slot]);
    const createdAt = new Date();
    await client.query('SELECT pg_backup_start($1, fast => true)', [`civic ${createdAt.toISOString()}`]);
    logger.info('已开始基础备份（pg_backup_start），正在复制数据目录…');
    const pgDir = path.join(staging, 'pg');
    fs.mkdirSync(pgDir, { mode: 0o700 });
    await copyCluster(options.clusterDir, pgDir);
    const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string; stop_wal: string }>(
      `SELECT s.lsn::text AS lsn, s.labelfile, s.spcmapfile, pg_walfile_name(s.lsn) AS stop_wal
       FROM pg_backup_stop(wait_for_archive => false) s`,
    );
    const { lsn: stopLsn, labelfile, spcmapfile, stop_wal: stopWal } = stop.rows[0]!;
    fs.writeFileSync(path.join(pgDir, 'backup_label'), labelfile, { mode: 0o600 });
    if (spcmapfile) fs.writeFileSync(path.join(pgDir, 'tablespace_map'), spcmapfile, { mode: 0o600 });

    // the WAL from the start checkpoint's segment to the one holding the end-of-backup record
    const start = /START WAL LOCATION: (\S+) \(file ([0-9A-F]{24})\)/.exec(labelfile);
    if (!start) throw new BackupError('pg_backup_stop 返回的 backup_label 无法识别');
    const [, startLsn, startWal] = start as unknown as [string, string, string];
    const walSource = path.join(options.clusterDir, 'pg_wal');
    const walFiles = fs
      .readdirSync(walSource)
      .filter(
        (f) => (WAL_SEGMENT.test(f) && f >= startWal && f <= stopWal) || /^[0-9A-F]{8}\.history$/.test(f),
      )
      .sort();
    if (!walFiles.includes(startWal) || !walFiles.includes(stopWal)) {
      throw new BackupError(`备份所需的 WAL 段不全（${startWal} … ${stopWal}）`);
    }
    for (const f of walFiles)
      await fs.promises.copyFile(path.join(walSource, f), path.join(pgDir, 'pg_wal', f));
    for (const dir of ['archive_status', 'summaries'])
      fs.mkdirSync(path.join(pgDir, 'pg_wal', dir), { recursive: true, mode: 0o700 });

    const tables = await tableStats(client);
    const migrations = await appliedMigrations(client);
    await client.query('SELECT pg_drop_replication_slot($1)', [slot]);
    const manifest = {
      kind: 'embedded-base-backup' as const,
      createdAt: createdAt.toISOString(),
      method: 'pg_backup_start/pg_backup_stop',
      tool: { name: 'postgres', major: Math.floor(server.num / 10_000) },
      postgres: { version: server.version, major: Math.floor(server.num / 10_000) },
      database: new URL(options.ownerUrl).pathname.slice(1),
      migrations,
      tables,
      wal: { startLsn, stopLsn, files: walFiles },
    };
    logger.info(`基础备份完成（WAL ${startWal} … ${stopWal}），正在打包…`);
    return await writeArchive(staging, manifest, options.outDir);
  } finally {
    // ending the session also ends a backup still in progress and drops the temporary slot
    await client.end().catch(() => undefined);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function chownTree(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, uid, gid);
    else fs.lchownSync(p, uid, gid);
  }
}

/**
 * Restores an embedded backup into `dataDir/pg`, which must be empty: unpacks and checks the
 * archive, starts PostgreSQL on it (recovery replays the backup's WAL from its backup_label),
 * checks the copy with the configured key, and sets the superuser password to this data dir's.
 * Until then the restored cluster admits only its superuser from 127.0.0.1 without a password
 * (its own password is the one of the data dir it was copied from). On any refusal the restored
 * folder is removed again.
 */
export async function restoreEmbeddedCluster(options: {
  file: string;
  dataDir: string;
  key: string;
  superuserPassword: string;
  logger: Logger;
  databaseName?: string;
}): Promise<RestoreReport> {
  const { logger } = options;
  const clusterDir = path.join(options.dataDir, 'pg');
  if (fs.existsSync(clusterDir) && fs.readdirSync(clusterDir).length) {
    throw new BackupError(
      `数据目录 ${clusterDir} 不是空的：恢复只写入空的数据目录（先移走或换一个 DATA_DIR）`,
    );
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(options.dataDir, '.civic-restore-'));
  let manifest: Manifest;
  try {
    manifest = await readArchive(options.file, staging);
    if (manifest.kind !== 'embedded-base-backup') {
      throw new BackupError(
        '这是外部 PostgreSQL 的备份（pg_dump）：请设置 DATABASE_URL 指向一个空数据库后再恢复',
      );
    }
    const major = embeddedPostgresMajor();
    if (manifest.postgres.major !== major) {
      throw new BackupError(
        `备份来自 PostgreSQL ${manifest.postgres.major}，内置的是 PostgreSQL ${major}：数据文件不通用，请用同一大版本恢复`,
      );
    }
    fs.rmSync(clusterDir, { recursive: true, force: true });
    fs.renameSync(path.join(staging, 'pg'), clusterDir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  logger.info(`已校验并解开备份（${manifest.createdAt}），正在启动数据库并回放 WAL…`);

  const hbaFile = path.join(clusterDir, RESTORE_HBA_FILE);
  fs.writeFileSync(hbaFile, 'host all postgres 127.0.0.1/32 trust\n', { mode: 0o600 });
  fs.chmodSync(clusterDir, 0o700);
  const owner = clusterOwner();
  if (owner) chownTree(clusterDir, owner.uid, owner.gid);

  const log: string[] = [];
  const capture = {
    info: logger.info,
    warn: (m: string) => log.push(m),
    debug: (m: string) => log.push(m),
  };
  let succeeded = false;
  try {
    let server;
    try {
      server = await startEmbeddedPostgres({
        dataDir: options.dataDir,
        password: options.superuserPassword,
        logger: capture,
        postgresFlags: ['-c', `hba_file=${hbaFile}`],
      });
    } catch (error) {
      // the start claimed the data dir for this process; a failed one leaves no claim behind
      const ownerFile = path.join(options.dataDir, 'server.pid');
      if (fs.existsSync(ownerFile) && fs.readFileSync(ownerFile, 'utf8') === String(process.pid))
        fs.rmSync(ownerFile);
      const tail = log.join('\n').split('\n').slice(-8).join('\n');
      throw new BackupError(`恢复的数据库无法启动（${(error as Error)?.message ?? '进程退出'}）：\n${tail}`);
    }
    try {
      const url = withDatabase(server.url, options.databaseName ?? manifest.database);
      const report = await verifyRestored(url, manifest, createFieldCipher(options.key), { exact: false });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(options.superuserPassword)}`);
      } finally {
        await client.end();
      }
      succeeded = true;
      return report;
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(hbaFile, { force: true });
    if (!succeeded) fs.rmSync(clusterDir, { recursive: true, force: true });
  }
}
