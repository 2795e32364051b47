// Workload: public reads — what residents' phones ask without an account: the menu of their
// village, the activities around it, the plans, the residence list, Open311's services (issue 13:
// ≥ 5,000 req/s with p99 < 50 ms, per-client limits a village behind one NAT never hits, server
// RSS < 512 MB).
//
// Measured over real sockets: the server runs as its own process (src/main.ts, NODE_ENV=production,
// on the bench's database), and wrk (Debian's, a separate process) sends 64 connections from one
// address — 127.0.0.1, one village's NAT — over 127.0.0.1, each route's requests cycling through
// every village. Nothing may be refused (no 429, no error). Baselines in the same run, from wrk
// against a process of their own (bare-server.ts): a bare Fastify route, and a bare primary-key
// SELECT on the same PostgreSQL. The server's RSS is sampled from /proc/<pid>/status during the
// load, and its CPU per request from /proc/<pid>/stat.
//
// Informative (BENCH_PUBLIC_UNCACHED=0 skips it): the same reads with the cache off
// (PUBLIC_CACHE_SECONDS=0), every one going to PostgreSQL, from 65,536 client addresses (the
// per-address limits count database reads; one address would be refused after 120 a minute).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Bench, Figure } from './harness.ts';
import { processStats, runWrk, startServer, type Server } from './http-load.ts';

const SECONDS = Number(process.env.BENCH_PUBLIC_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_PUBLIC_CONNECTIONS ?? 64);
const TARGET_RATE = 5_000;
const TARGET_P99_MS = 50;
const TARGET_RSS_MB = 512;

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-server.ts', import.meta.url));

interface Load {
  label: string;
  rate: number;
  p50: number;
  p99: number;
  requests: number;
  refused: number;
  errors: number;
  rssMaxMb: number;
  cpuUsPerRequest: number;
}

/**
 * wrk against `server` for SECONDS, its connections cycling through `paths`; `spread` gives each
 * request a client address of its own (X-Forwarded-For, for a server that trusts its proxy).
 */
async function load(
  label: string,
  server: Server,
  paths: readonly string[],
  options: { seconds?: number; spread?: boolean } = {},
): Promise<Load> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-wrk-'));
  const script = path.join(dir, 'paths.lua');
  fs.writeFileSync(
    script,
    [
      `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }`,
      'local i = math.random(#paths)',
      'request = function()',
      '  i = i % #paths + 1',
      options.spread
        ? '  return wrk.format("GET", paths[i], { ["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. ".1" })'
        : '  return wrk.format("GET", paths[i])',
      'end',
    ].join('\n'),
  );
  const run = await runWrk(server, script, {
    seconds: options.seconds ?? SECONDS,
    connections: CONNECTIONS,
    timeoutSeconds: 5,
  }).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    label,
    rate: run.rate,
    p50: run.p50,
    p99: run.p99,
    requests: run.requests,
    refused: run.non2xx3xx,
    errors: run.socketErrors,
    rssMaxMb: run.rssMaxMb,
    cpuUsPerRequest: run.cpuUsPerRequest,
  };
}

/** Every path answers 200 before it is measured (and the server's caches and JIT are warm). */
async function checkPaths(server: Server, paths: readonly string[]): Promise<void> {
  for (const p of paths) {
    const res = await fetch(server.base + p);
    if (res.status !== 200) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
}

const n = (v: number) => Math.round(v).toLocaleString('en');
const fmt = (l: Load) => `${n(l.rate)} req/s, p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms`;

export async function publicReadsWorkload(bench: Bench): Promise<Figure[]> {
  const { ctx } = bench;
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM orgs WHERE kind = 'station' AND status = 'active' ORDER BY id`.execute(ctx.db.system);
  const villages = rows.map((r) => Number(r.id));
  const routes: Array<{ label: string; paths: string[] }> = [
    { label: 'GET /api/public/menu?orgId=…', paths: villages.map((v) => `/api/public/menu?orgId=${v}`) },
    {
      label: 'GET /api/public/activities?orgId=…',
      paths: villages.map((v) => `/api/public/activities?orgId=${v}`),
    },
    { label: 'GET /api/public/plans?orgId=…', paths: villages.map((v) => `/api/public/plans?orgId=${v}`) },
    { label: 'GET /api/public/residence-orgs', paths: ['/api/public/residence-orgs'] },
    { label: 'GET /open311/v2/services.json', paths: ['/open311/v2/services.json'] },
  ];
  const serverEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: ctx.config.databaseUrl!,
    FIELD_ENCRYPTION_KEY: ctx.config.fieldEncryptionKey!,
    HOST: '127.0.0.1',
    PORT: '0',
    // request logging off (as for the bare baseline): at info pino writes two lines a request
    LOG_LEVEL: 'warn',
  };
  const started = /已启动：http:\/\/[^/]+:(\d+)\//;
  console.log(
    `  ${villages.length} villages; wrk -t2 -c${CONNECTIONS} -d${SECONDS}s from 127.0.0.1 (one address) per route`,
  );

  // ---- baselines, in a process of their own
  const bare = await startServer(BARE, { BARE_DATABASE_URL: ctx.config.databaseUrl! }, /port (\d+)/);
  let bareRoute: Load;
  let bareSelect: Load;
  try {
    const selects = villages.map((v) => `/bare/org?id=${v}`);
    await checkPaths(bare, ['/bare', ...selects]);
    await load('warm-up', bare, ['/bare', ...selects], { seconds: 2 });
    bareRoute = await load('bare Fastify route', bare, ['/bare']);
    bareSelect = await load('bare primary-key SELECT', bare, selects);
  } finally {
    await bare.stop();
  }

  // ---- the server, as npm start runs it
  const server = await startServer(MAIN, serverEnv, started);
  const idleRss = processStats(server.pid).rssMb;
  const measured: Load[] = [];
  try {
    const all = routes.flatMap((r) => r.paths);
    await checkPaths(server, all);
    await load('warm-up', server, all, { seconds: 3 });
    for (const route of routes) {
      // each route warmed on its own first (JIT, its keys filled), then measured
      await load('warm-up', server, route.paths, { seconds: 2 });
      measured.push(await load(route.label, server, route.paths));
    }
  } finally {
    await server.stop();
  }

  // ---- informative: the cache off, every read to PostgreSQL
  let uncached: Load | null = null;
  if (process.env.BENCH_PUBLIC_UNCACHED !== '0') {
    const off = await startServer(
      MAIN,
      { ...serverEnv, PUBLIC_CACHE_SECONDS: '0', TRUST_PROXY: 'true' },
      started,
    );
    try {
      const mixed = routes.flatMap((r) => r.paths.slice(0, 40));
      await load('warm-up', off, mixed, { seconds: 2, spread: true });
      uncached = await load('uncached mix', off, mixed, { spread: true });
    } finally {
      await off.stop();
    }
  }

  const line = (l: Load, extra = '') =>
    `  ${l.label}: ${fmt(l)}, ${n(l.requests)} requests, ${l.refused} refused, ${l.errors} socket errors; ` +
    `server CPU ${Math.round(l.cpuUsPerRequest)} µs/request, RSS max ${l.rssMaxMb.toFixed(0)} MB${extra}`;
  console.log(
    [
      line(bareRoute),
      line(bareSelect),
      ...measured.map((l) => line(l)),
      ...(uncached
        ? [line(uncached, ' (PUBLIC_CACHE_SECONDS=0, 65,536 client addresses, the five routes mixed)')]
        : []),
      `  server RSS: ${idleRss.toFixed(0)} MB started, ${Math.max(...measured.map((l) => l.rssMaxMb)).toFixed(0)} MB max under load`,
    ].join('\n'),
  );

  const baseline = `bare route ${fmt(bareRoute)}; bare PK SELECT ${fmt(bareSelect)}`;
  const figures: Figure[] = measured.map((l) => ({
    workload: `public read ${l.label}, ${CONNECTIONS} connections from one address`,
    measured: `${fmt(l)}; ${l.refused} refused, ${l.errors} errors`,
    baseline,
    ratio: `${(l.rate / bareRoute.rate).toFixed(2)}× bare route, ${(l.rate / bareSelect.rate).toFixed(2)}× PK SELECT`,
    target: `≥ ${n(TARGET_RATE)} req/s, p99 < ${TARGET_P99_MS} ms, none refused`,
    met: l.rate >= TARGET_RATE && l.p99 < TARGET_P99_MS && l.refused === 0 && l.errors === 0,
  }));
  const rssMax = Math.max(...measured.map((l) => l.rssMaxMb));
  const bareRss = Math.max(bareRoute.rssMaxMb, bareSelect.rssMaxMb);
  figures.push({
    workload: 'server RSS under the public reads (/proc/<pid>/status)',
    measured: `max ${rssMax.toFixed(0)} MB (${idleRss.toFixed(0)} MB at start)`,
    baseline: `bare Fastify process max ${bareRss.toFixed(0)} MB`,
    ratio: `${(rssMax / bareRss).toFixed(1)}×`,
    target: `< ${TARGET_RSS_MB} MB`,
    met: rssMax < TARGET_RSS_MB,
  });
  return figures;
}
