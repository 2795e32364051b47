import type { Config } from './config.ts';
import { createFieldCipher } from './crypto.ts';
import type { AppContext } from './context.ts';
import { bootstrapDatabase, connectDatabases, ensureDatabase, withDatabase } from './db/database.ts';
import { runningEmbeddedPort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from './db/embedded.ts';
import { loadOrCreateSecrets } from './secrets.ts';

interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  debug(msg: string): void;
}

export const APP_DATABASE = 'civic';

/**
 * Brings up the database side of the server: the embedded PostgreSQL when DATABASE_URL is unset,
 * the application role, the migrations, and both connection pools. With `attach`, a tool run
 * beside a running server connects to that server's embedded PostgreSQL instead of starting one.
 */
export async function startRuntime(
  config: Config,
  logger: Logger,
  options: { attach?: boolean } = {},
): Promise<{ ctx: AppContext; stop(): Promise<void> }> {
  const secrets =
    !config.databaseUrl || !config.fieldEncryptionKey ? loadOrCreateSecrets(config.dataDir) : null;
  let embedded: EmbeddedPostgresHandle | null = null;
  let ownerUrl: string;
  const runningPort = !config.databaseUrl && options.attach ? runningEmbeddedPort(config.dataDir) : null;
  if (config.databaseUrl) {
    ownerUrl = config.databaseUrl;
  } else if (runningPort !== null) {
    logger.info(`连接正在运行的服务的内置 PostgreSQL（端口 ${runningPort}）`);
    const maintenance = `postgres://postgres:${encodeURIComponent(secrets!.embeddedDbPassword)}@127.0.0.1:${runningPort}/postgres`;
    ownerUrl = withDatabase(maintenance, APP_DATABASE);
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      password: secrets!.embeddedDbPassword,
      logger,
    });
    await ensureDatabase(embedded.url, APP_DATABASE);
    ownerUrl = withDatabase(embedded.url, APP_DATABASE);
  }
  try {
    const cipher = createFieldCipher(config.fieldEncryptionKey ?? secrets!.fieldEncryptionKey);
    const appRolePassword = cipher.derive('database-app-role').toString('hex');
    const applied = await bootstrapDatabase(ownerUrl, appRolePassword);
    if (applied.length) logger.info(`已执行数据库迁移：${applied.join(', ')}`);
    const db = connectDatabases(ownerUrl, appRolePassword);
    const ctx: AppContext = { config, db, cipher, now: () => new Date() };
    return {
      ctx,
      async stop() {
        await db.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
