// Workload: audited writes (issue 13: "audited writes must not queue on one row … show audited
// writes with 64 in flight at ≥ 0.5× the same writes without audit").
//
// Over real sockets: audit-writes-server.ts runs as its own process on the product's pools, and wrk
// (a separate process) sends 64 connections' worth of writes, each one volunteer's row in its org's
// scope. The same writes three ways, in the same run: without audit (the baseline), with the
// product's audit append (one INSERT, sealed in batches within seconds by the sealer the server
// runs), and — for comparison, informative — with an append as before migration 0013 (the chain
// head's row lock, which every audited write of every server queued on). The runs alternate
// (plain, audited, plain, audited …) so drifting machine load hurts both alike. Afterwards every
// entry is sealed and the log verified.
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { sealAudit, verifyAuditChain } from '../src/platform/audit/audit.ts';
import type { Bench, Figure } from './harness.ts';
import {
  fmtLoad,
  loadRequests,
  refusals,
  startServer,
  type LoadResult,
  type PreparedRequest,
} from './http-load.ts';

const SECONDS = Number(process.env.BENCH_AUDIT_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_AUDIT_ROUNDS ?? 2);
const CONNECTIONS = 64;
const WRITERS = 10_000;
const TARGET_RATIO = 0.5;
const SERVER = fileURLToPath(new URL('./audit-writes-server.ts', import.meta.url));

type Mode = 'plain' | 'audited' | 'locked';

/** Several runs of one mode taken together: requests over seconds, the worst p99. */
function combined(label: string, runs: LoadResult[]): LoadResult {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    label,
    rate: runs.reduce((n, r) => n + r.rate, 0) / runs.length,
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    requests,
    statuses,
    fresh: 0,
    socketErrors: runs.reduce((n, r) => n + r.socketErrors, 0),
    exhausted: runs.some((r) => r.exhausted),
    rssMaxMb: Math.max(...runs.map((r) => r.rssMaxMb)),
    cpuUsPerRequest: runs.reduce((n, r) => n + r.cpuUsPerRequest * r.requests, 0) / requests,
  };
}

export async function auditWritesWorkload(bench: Bench): Promise<Figure> {
  const { ctx } = bench;
  const db = ctx.db.system;
  const writers = (
    await sql<{ id: number; org_path: string }>`
      SELECT id, org_path::text AS org_path FROM volunteers WHERE status = 'active'
      ORDER BY md5(id::text) LIMIT ${WRITERS}`.execute(db)
  ).rows;
  // the old design's head row, readable and lockable by the application like audit_chain_head was
  await sql`CREATE TABLE bench_audit_head (id integer PRIMARY KEY, seq bigint NOT NULL)`.execute(db);
  await sql`INSERT INTO bench_audit_head VALUES (1, 0)`.execute(db);
  await sql`GRANT SELECT, UPDATE ON bench_audit_head TO civic_app`.execute(db);
  const entriesBefore = Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(db)).rows[0]!.n,
  );
  console.log(
    `  ${writers.length} volunteers written by turns, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per way`,
  );

  // enough requests that no run runs out: each volunteer again after all the others
  const requestsFor = (mode: Mode, round: number): PreparedRequest[] =>
    Array.from({ length: writers.length * 6 }, (_, k) => {
      const w = writers[(k + round * 997) % writers.length]!;
      return {
        method: 'POST',
        path: `/write/${mode}`,
        body: { volunteerId: Number(w.id), orgPath: w.org_path, note: `压测修改 ${mode} ${round}-${k}` },
      };
    });
  const server = await startServer(
    SERVER,
    { DATABASE_URL: ctx.config.databaseUrl!, FIELD_ENCRYPTION_KEY: ctx.config.fieldEncryptionKey! },
    /port (\d+)/,
  );
  const runs: Record<Mode, LoadResult[]> = { plain: [], audited: [], locked: [] };
  try {
    for (const mode of ['plain', 'audited', 'locked'] as const)
      await loadRequests('warm-up', server, requestsFor(mode, 9), { seconds: 2, connections: CONNECTIONS });
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of ['plain', 'audited'] as const)
        runs[mode].push(
          await loadRequests(mode, server, requestsFor(mode, round), {
            seconds: SECONDS,
            connections: CONNECTIONS,
          }),
        );
    }
    runs.locked.push(
      await loadRequests('locked', server, requestsFor('locked', 0), {
        seconds: SECONDS,
        connections: CONNECTIONS,
      }),
    );
  } finally {
    await server.stop();
  }
  const plain = combined('writes without audit', runs.plain);
  const audited = combined('the same writes, audited (sequence + sealed batches)', runs.audited);
  const locked = combined('the same writes, audited as before 0013 (chain head row lock)', runs.locked);

  // every entry there and sealed, the log intact
  for (let i = 0; i < 20; i += 1) {
    const sealed = await db.transaction().execute((tx) => sealAudit(tx));
    if (sealed.batchNo === null && i > 1) break;
  }
  const verified = await verifyAuditChain(db);
  const entries =
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(db)).rows[0]!.n) -
    entriesBefore;
  await sql`DROP TABLE bench_audit_head`.execute(db);

  const line = (l: LoadResult) =>
    `  ${l.label}: ${fmtLoad(l)}, ${l.requests.toLocaleString('en')} requests, ${refusals(l) || 'all 2xx'}, ` +
    `${l.socketErrors} socket errors; server CPU ${Math.round(l.cpuUsPerRequest)} µs/request, RSS max ${l.rssMaxMb.toFixed(0)} MB`;
  console.log(
    [
      line(plain),
      line(audited),
      line(locked),
      `  audit log: ${entries.toLocaleString('en')} entries written (warm-up included), ` +
        `verified ${verified.ok ? 'intact' : `BROKEN at ${verified.firstBrokenSeq}: ${verified.reason}`}, ` +
        `${verified.sealed.toLocaleString('en')} sealed, ${verified.unsealed} not yet`,
    ].join('\n'),
  );
  const clean = (l: LoadResult) => refusals(l) === '' && l.socketErrors === 0 && !l.exhausted;
  const correct = clean(plain) && clean(audited) && clean(locked) && verified.ok && verified.unsealed === 0;
  const ratio = audited.rate / plain.rate;
  return {
    workload: `audited writes: UPDATE a volunteer + audit append, wrk ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s`,
    measured:
      `${fmtLoad(audited)}; as before 0013 (head row lock) ${Math.round(locked.rate).toLocaleString('en')} req/s ` +
      `(${(locked.rate / plain.rate).toFixed(2)}×); ${correct ? 'all 2xx, every entry sealed, log verified' : 'ERRORS OR LOG NOT VERIFIED'}`,
    baseline: `${fmtLoad(plain)} the same writes without audit`,
    ratio: `${ratio.toFixed(2)}× without audit`,
    target: `≥ ${TARGET_RATIO}× the writes without audit, log verified`,
    met: correct && ratio >= TARGET_RATIO,
  };
}
