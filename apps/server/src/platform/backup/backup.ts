import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { runningEmbeddedPort } from '../db/embedded.ts';
import { connectOwner } from '../runtime.ts';
import { loadOrCreateSecrets } from '../secrets.ts';
import { BackupError, type Manifest } from './archive.ts';
import { backupEmbeddedCluster, restoreEmbeddedCluster } from './base-backup.ts';
import { backupExternalDatabase, restoreExternalDatabase } from './dump.ts';
import type { Logger, RestoreReport } from './verify.ts';

/**
 * `npm run backup` and `npm run restore FILE` on the configured database: the embedded cluster of
 * DATA_DIR (attached to a running server, or started for the backup) or DATABASE_URL.
 */
export { BackupError };
export type { Manifest, RestoreReport };

export async function backupConfigured(
  config: Config,
  outDir: string,
  logger: Logger & { debug(msg: string): void },
): Promise<{ file: string; manifest: Manifest }> {
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
    throw new BackupError(`数据目录 ${config.dataDir} 中没有数据库（pg/），没有可备份的内容`);
  }
  const owner = await connectOwner(config, logger, { attach: true });
  try {
    return owner.clusterDir
      ? await backupEmbeddedCluster({
          ownerUrl: owner.ownerUrl,
          clusterDir: owner.clusterDir,
          outDir,
          logger,
        })
      : await backupExternalDatabase({ ownerUrl: owner.ownerUrl, outDir, logger });
  } finally {
    await owner.stop();
  }
}

/**
 * The field-encryption key a restore must check the copy with: FIELD_ENCRYPTION_KEY, or the one
 * in DATA_DIR/secrets.json — never a new one (a restore with a made-up key could only fail).
 */
function configuredKey(config: Config): string {
  if (config.fieldEncryptionKey) return config.fieldEncryptionKey;
  if (fs.existsSync(path.join(config.dataDir, 'secrets.json'))) {
    return loadOrCreateSecrets(config.dataDir).fieldEncryptionKey;
  }
  throw new BackupError(
    '没有配置字段加密密钥：备份中不含密钥。请设置 FIELD_ENCRYPTION_KEY，' +
      `或把备份时数据目录中的 secrets.json 放回 ${config.dataDir} 后再恢复。`,
  );
}

export async function restoreConfigured(
  config: Config,
  file: string,
  logger: Logger,
): Promise<RestoreReport> {
  const key = configuredKey(config);
  if (config.databaseUrl) {
    return restoreExternalDatabase({ file, ownerUrl: config.databaseUrl, key, logger });
  }
  if (runningEmbeddedPort(config.dataDir) !== null) {
    throw new BackupError(
      `数据目录 ${config.dataDir} 正被运行中的服务使用：请先停止服务，并恢复到空的数据目录`,
    );
  }
  // the superuser password of the restored cluster becomes this data dir's (made now if it has none)
  const secretsFile = path.join(config.dataDir, 'secrets.json');
  const hadSecrets = fs.existsSync(secretsFile);
  const { embeddedDbPassword } = loadOrCreateSecrets(config.dataDir);
  try {
    return await restoreEmbeddedCluster({
      file: path.resolve(file),
      dataDir: config.dataDir,
      key,
      superuserPassword: embeddedDbPassword,
      logger,
    });
  } catch (error) {
    // a refused restore leaves the data dir as it found it
    if (!hadSecrets) fs.rmSync(secretsFile, { force: true });
    throw error;
  }
}
