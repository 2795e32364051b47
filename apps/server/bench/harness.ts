// The benchmark harness: a real PostgreSQL (a throwaway embedded cluster, or BENCH_DATABASE_URL),
// a fresh database with the migrations and the demo county, and the app built as in production.
// Every workload reports its figure beside a baseline measured in the same run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql, type Transaction } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createEventBus } from '../src/platform/events.ts';
import { createFieldCipher } from '../src/platform/crypto.ts';
import {
  bootstrapDatabase,
  connectDatabases,
  ensureDatabase,
  withDatabase,
} from '../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { seedDemoIfEmpty } from '../src/seed/demo.ts';

export const BENCH_PASSWORD = 'Bench#2026pass';

export interface Bench {
  ctx: AppContext;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startBench(): Promise<Bench> {
  let maintenanceUrl = process.env.BENCH_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!maintenanceUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-bench-'));
    fs.chmodSync(dir, 0o755);
    const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined };
    const embedded = await startEmbeddedPostgres({ dataDir: dir, password: 'bench', logger: quiet });
    maintenanceUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const name = `civic_bench_${crypto.randomBytes(4).toString('hex')}`;
  await ensureDatabase(maintenanceUrl, name);
  const url = withDatabase(maintenanceUrl, name);
  const key = crypto.randomBytes(32).toString('hex');
  const cipher = createFieldCipher(key);
  const appPassword = cipher.derive('database-app-role').toString('hex');
  await bootstrapDatabase(url, appPassword);
  const db = connectDatabases(url, appPassword);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, FIELD_ENCRYPTION_KEY: key });
  const ctx: AppContext = { config, db, cipher, now: () => new Date(), events: createEventBus() };
  await seedDemoIfEmpty(ctx, BENCH_PASSWORD);
  const app = await buildApp(ctx, { webDist: '/nonexistent' });
  await app.ready();
  return {
    ctx,
    app,
    async close() {
      await app.close();
      await db.close();
      if (process.env.BENCH_KEEP_DATABASE && !stopEmbedded) {
        // kept for a look afterwards (EXPLAIN): only on an external server, which outlives the run
        console.log(`  database kept: ${url.replace(/:[^:@/]*@/, ':***@')}`);
        return;
      }
      const admin = new pg.Client({ connectionString: maintenanceUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
      await stopEmbedded?.();
    },
  };
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  upload(url: string, fileName: string, data: Buffer): Promise<LightMyRequestResponse>;
}

export async function logIn(app: FastifyInstance, username: string): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: BENCH_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const headers = { cookie, 'x-csrf-token': res.json().csrfToken as string };
  return {
    get: (url) => app.inject({ method: 'GET', url, headers }),
    post: (url, payload) => app.inject({ method: 'POST', url, headers, payload: payload as object }),
    upload(url, fileName, data) {
      const boundary = `----civic-bench-${crypto.randomBytes(8).toString('hex')}`;
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
            'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    },
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export interface Figure {
  workload: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean;
}

export function printFigures(figures: Figure[]): void {
  console.log(
    '\n文明实践云平台 benchmark —',
    new Date().toISOString(),
    `— ${os.cpus().length} cores, Node ${process.version}`,
  );
  console.table(figures);
}

/**
 * Grows the county to `count` confirmed service records spread over the last year, in bulk, in `tx`
 * (per-row triggers off for the load: the rollups are rebuilt from the facts afterwards). Each
 * record is a manual one of a random active volunteer, in the volunteer's own org.
 */
export async function growServiceRecords(
  tx: Transaction<Database>,
  count: number,
  seed = 0.1507,
): Promise<number> {
  await sql`SELECT setseed(${seed})`.execute(tx);
  await sql`SET LOCAL session_replication_role = replica`.execute(tx);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM service_records`.execute(tx);
  const missing = Math.max(0, count - rows[0]!.n);
  if (missing === 0) return 0;
  await sql`CREATE TEMP TABLE bench_grow_vols ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY id)::int AS k, id, org_path FROM volunteers WHERE status = 'active'`.execute(
    tx,
  );
  await sql`INSERT INTO service_records (volunteer_id, org_path, source, kind, status, started_at, ended_at,
      minutes, hours, reviewed_at, created_at, updated_at)
    SELECT v.id, v.org_path, 'manual', 'manual', 'confirmed', s.at, s.at + interval '2 hours', 120,
      0.5 * (1 + floor(random() * 6)), s.at, s.at, s.at
    FROM (SELECT g, now() - random() * interval '365 days' AS at,
                 1 + floor(random() * (SELECT count(*) FROM bench_grow_vols))::int AS k
            FROM generate_series(1, ${missing}) g) s
    JOIN bench_grow_vols v USING (k)`.execute(tx);
  return missing;
}
