// The server survives its database going away (issue 17). The real server runs as its own process
// (node + tsx, as npm start runs it) under a small write load — residents' public orders — while
// the database is killed: the embedded PostgreSQL's postmaster with kill -9, or an "external"
// PostgreSQL (started here with pg_ctl) restarted with `pg_ctl restart -m immediate`. The process
// stays up, health goes degraded and back to ok within 30 s, writes in the gap get 503 with
// Retry-After (never 500), and every acknowledged write is there exactly once. A fatal start-up
// error exits non-zero.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterOwner, embeddedBinDir } from '../../src/platform/db/embedded.ts';
import { TEST_KEY } from '../support/keys.ts';

const SERVER_ROOT = path.resolve(import.meta.dirname, '../..');
const LONG = 240_000;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A folder the postgres system user can use when the tests run as root. */
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  const owner = clusterOwner();
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Server {
  process: ChildProcess;
  port: number;
  output: () => string;
  exited: () => boolean;
}

/** The real server in its own process, API only, in production mode (no demo county). */
async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      REQUIRE_2FA: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let gone = false;
  child.on('exit', () => (gone = true));
  cleanups.push(async () => {
    if (gone) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      child.once('exit', resolve);
      setTimeout(resolve, 20_000).unref();
    });
  });
  const server = { process: child, port, output: () => output, exited: () => gone };
  await until(
    async () => (await health(server)) === 200,
    120_000,
    () => `server did not start:\n${output}`,
  );
  return server;
}

async function health(server: Server): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${server.port}/api/health`)).status;
  } catch {
    return 0;
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number, why: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(why());
}

/** A county of one village station to order from, written straight into the database. */
async function aVillage(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`
      WITH c AS (INSERT INTO orgs (id, path, code, name, short_name, kind) OVERRIDING SYSTEM VALUE
                 VALUES (900001, '900001', 'T-C', '测试县中心', '测试县', 'center') RETURNING id)
      INSERT INTO orgs (id, parent_id, path, code, name, short_name, kind) OVERRIDING SYSTEM VALUE
      SELECT 900002, c.id, '900001.900002', 'T-S', '测试村实践站', '测试村', 'station' FROM c RETURNING id`);
    return Number(rows[0]!.id);
  } finally {
    await client.end();
  }
}

interface Load {
  acknowledged: string[];
  statuses: Map<number, number>;
  retryAfterOn503: boolean;
  stop: () => Promise<void>;
}

/** Two clients placing public orders back to back, each from its own address, until stopped. */
function writeLoad(server: Server, stationId: number): Load {
  const load: Load = {
    acknowledged: [],
    statuses: new Map(),
    retryAfterOn503: true,
    stop: async () => undefined,
  };
  let running = true;
  let n = 0;
  const client = async () => {
    while (running) {
      n += 1;
      const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      try {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/public/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({
            stationId,
            serviceCategory: 'law',
            description: `咨询 ${n}`,
            address: '测试村村委会',
            contactName: '刘先生',
            contactPhone: '13700137000',
          }),
        });
        load.statuses.set(res.status, (load.statuses.get(res.status) ?? 0) + 1);
        if (res.status === 200) load.acknowledged.push(((await res.json()) as { orderNo: string }).orderNo);
        else {
          if (res.status === 503 && !res.headers.get('retry-after')) load.retryAfterOn503 = false;
          await res.arrayBuffer();
          await new Promise((r) => setTimeout(r, 50));
        }
      } catch {
        load.statuses.set(0, (load.statuses.get(0) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const clients = [client(), client()];
  load.stop = async () => {
    running = false;
    await Promise.all(clients);
  };
  return load;
}

/** Kills the database, then checks what the issue asks of the server through the outage. */
async function survive(server: Server, ownerUrl: string, stationId: number, kill: () => void): Promise<void> {
  const load = writeLoad(server, stationId);
  await until(
    async () => load.acknowledged.length >= 20,
    60_000,
    () => 'no writes before the outage',
  );
  const before = load.acknowledged.length;
  kill();
  const killedAt = Date.now();
  await until(
    async () => (await health(server)) === 503,
    30_000,
    () => `health never degraded:\n${server.output()}`,
  );
  await until(
    async () => (await health(server)) === 200,
    30_000,
    () => `not back within 30 s:\n${server.output()}`,
  );
  expect(Date.now() - killedAt).toBeLessThan(45_000);
  const back = load.acknowledged.length;
  await until(
    async () => load.acknowledged.length >= back + 20,
    60_000,
    () => 'no writes after the outage',
  );
  await load.stop();

  expect(server.exited()).toBe(false);
  expect(load.acknowledged.length).toBeGreaterThan(before);
  // nothing but successes and "temporarily unavailable" (no connection refused: the server stayed up)
  expect([...load.statuses.keys()].sort()).toEqual(load.statuses.has(503) ? [200, 503] : [200]);
  expect(load.retryAfterOn503).toBe(true);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ order_no: string; n: string }>(
      'SELECT order_no, count(*) AS n FROM orders WHERE order_no = ANY($1) GROUP BY order_no',
      [load.acknowledged],
    );
    expect(rows).toHaveLength(new Set(load.acknowledged).size);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
  } finally {
    await client.end();
  }
}

describe('the database going away', () => {
  it(
    'embedded: the postmaster killed with -9 is restarted and the server carries on',
    { timeout: LONG },
    async () => {
      const dataDir = tempDir('civic-restart-');
      const server = await startServer({ DATA_DIR: dataDir });
      const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
      const port = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[3]);
      const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as {
        embeddedDbPassword: string;
      };
      const ownerUrl = `postgres://postgres:${encodeURIComponent(secrets.embeddedDbPassword)}@127.0.0.1:${port}/civic`;
      const stationId = await aVillage(ownerUrl);
      await survive(server, ownerUrl, stationId, () => {
        const postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
        process.kill(postmaster, 'SIGKILL');
      });
      expect(server.output()).toContain('内置 PostgreSQL 已重启');
      // and stopping does not hang on it
      const stoppedAt = Date.now();
      server.process.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => server.process.once('exit', resolve));
      expect(code).toBe(0);
      expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    },
  );

  it(
    'external: a PostgreSQL restarted with pg_ctl -m immediate is reconnected to',
    { timeout: LONG },
    async () => {
      const bin = embeddedBinDir();
      const cluster = path.join(tempDir('civic-external-'), 'pg');
      const owner = clusterOwner();
      // pg_ctl and initdb refuse root: run them as the postgres user then
      const asOwner = (program: string, args: string[]) =>
        owner
          ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args], {
              stdio: 'pipe',
            })
          : execFileSync(path.join(bin, program), args, { stdio: 'pipe' });
      asOwner('initdb', [
        '-D',
        cluster,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--no-instructions',
      ]);
      const port = await freePort();
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
      asOwner('pg_ctl', ['-D', cluster, '-o', options, '-l', path.join(cluster, 'log'), '-w', 'start']);
      cleanups.push(() => {
        try {
          asOwner('pg_ctl', ['-D', cluster, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already stopped
        }
      });
      const maintenance = new pg.Client({
        connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
      });
      await maintenance.connect();
      await maintenance.query('CREATE DATABASE civic_external');
      await maintenance.end();
      const url = `postgres://postgres@127.0.0.1:${port}/civic_external`;
      const server = await startServer({ DATABASE_URL: url, FIELD_ENCRYPTION_KEY: TEST_KEY });
      const stationId = await aVillage(url);
      await survive(server, url, stationId, () => {
        // pg_ctl returns once the new postmaster is up: give the server a visible gap anyway
        asOwner('pg_ctl', ['-D', cluster, '-m', 'immediate', '-w', 'stop']);
        setTimeout(
          () =>
            asOwner('pg_ctl', ['-D', cluster, '-o', options, '-l', path.join(cluster, 'log'), '-w', 'start']),
          3_000,
        );
      });
    },
  );

  it('a fatal start-up error exits non-zero', { timeout: LONG }, async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(await freePort()),
        DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/nowhere`,
        FIELD_ENCRYPTION_KEY: TEST_KEY,
      },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
  });
});
