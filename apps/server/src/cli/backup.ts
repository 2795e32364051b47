// npm run backup [DIR] — a consistent, dated backup of the configured database while the server
// runs: the embedded cluster of DATA_DIR (a base backup with pg_backup_start/pg_backup_stop) or
// DATABASE_URL's database (pg_dump), written to DIR, BACKUP_DIR or ./backups. The field-encryption
// key is never in it: keep FIELD_ENCRYPTION_KEY or DATA_DIR/secrets.json elsewhere.
import path from 'node:path';
import { BackupError, backupConfigured } from '../platform/backup/backup.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';

const logger = {
  info: (m: string) => console.log(m),
  warn: (m: string) => console.warn(m),
  debug: () => undefined,
};

try {
  const config = loadConfig();
  const outDir = path.resolve(process.argv[2] ?? process.env.BACKUP_DIR ?? 'backups');
  const started = Date.now();
  const { file, manifest } = await backupConfigured(config, outDir, logger);
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `备份完成：${file}\n  ${manifest.method}，PostgreSQL ${manifest.postgres.version}，` +
      `${Object.keys(manifest.tables).length} 张表 ${rows} 行，用时 ${((Date.now() - started) / 1000).toFixed(1)} s。\n` +
      '  备份中不含字段加密密钥：恢复时需要 FIELD_ENCRYPTION_KEY 或当时的 secrets.json，请另处保管。',
  );
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError) {
    console.error(`备份失败：${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
