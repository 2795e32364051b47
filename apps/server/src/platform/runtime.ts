import path from 'node:path';
import type { Config } from './config.ts';
import { createFieldCipher } from './crypto.ts';
import type { AppContext } from './context.ts';
import { bootstrapDatabase, connectDatabases, ensureDatabase, withDatabase } from './db/database.ts';
import { runningEmbeddedPort, startEmbeddedPostgres } from './db/embedded.ts';
import { createEventBus } from './events.ts';
import { loadOrCreateSecrets } from './secrets.ts';

interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  debug(msg: string): void;
}

export const APP_DATABASE = 'civic';

/** The owner (superuser) connection to the platform's database, for the server and its tools. */
export interface OwnerConnection {
  /** Owner URL of the application database (DATABASE_URL, or the embedded cluster's `civic`). */
  ownerUrl: string;
  /** The embedded cluster's folder (`DATA_DIR/pg`), null on an external PostgreSQL. */
  clusterDir: string | null;
  /** Stops the embedded PostgreSQL when this call started it. */
  stop(): Promise<void>;
}

/**
 * DATABASE_URL, or the embedded PostgreSQL of DATA_DIR: with `attach`, a tool run beside a running
 * server connects to that server's embedded PostgreSQL instead of starting a second postmaster.
 */
export async function connectOwner(
  config: Config,
  logger: Logger,
  options: { attach?: boolean } = {},
): Promise<OwnerConnection> {
  if (config.databaseUrl) return { ownerUrl: config.databaseUrl, clusterDir: null, async stop() {} };
  const secrets = loadOrCreateSecrets(config.dataDir);
  const clusterDir = path.join(config.dataDir, 'pg');
  const runningPort = options.attach ? runningEmbeddedPort(config.dataDir) : null;
  if (runningPort !== null) {
    logger.info(`连接正在运行的服务的内置 PostgreSQL（端口 ${runningPort}）`);
    const maintenance = `postgres://postgres:${encodeURIComponent(secrets.embeddedDbPassword)}@127.0.0.1:${runningPort}/postgres`;
    return { ownerUrl: withDatabase(maintenance, APP_DATABASE), clusterDir, async stop() {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    password: secrets.embeddedDbPassword,
    logger,
  });
  try {
    await ensureDatabase(embedded.url, APP_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { ownerUrl: withDatabase(embedded.url, APP_DATABASE), clusterDir, stop: () => embedded.stop() };
}

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
  const owner = await connectOwner(config, logger, options);
  try {
    const cipher = createFieldCipher(
      config.fieldEncryptionKey ?? loadOrCreateSecrets(config.dataDir).fieldEncryptionKey,
    );
    const appRolePassword = cipher.derive('database-app-role').toString('hex');
    const applied = await bootstrapDatabase(owner.ownerUrl, appRolePassword);
    if (applied.length) logger.info(`已执行数据库迁移：${applied.join(', ')}`);
    const db = connectDatabases(owner.ownerUrl, appRolePassword);
    const ctx: AppContext = { config, db, cipher, now: () => new Date(), events: createEventBus() };
    return {
      ctx,
      async stop() {
        await db.close();
        await owner.stop();
      },
    };
  } catch (error) {
    await owner.stop();
    throw error;
  }
}
