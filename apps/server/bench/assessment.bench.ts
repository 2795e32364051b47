// Workload: 单位指标 — GET /api/assessment/units for the centre and every institute, for a month and
// for a year, in a county grown to BENCH_ASSESSMENT_RECORDS confirmed service records (default
// 5,000,000, DESIGN §6) spread over the last year, summed from the per-org per-day rollup
// (org_day_facts). DESIGN §6: "any dashboard/ranking/bulletin query for any org subtree: p95 < 50 ms".
// Baseline, in the same run and interleaved: the naive query — the same figures summed by scanning
// the subtree's service records, activities and orders of the period — on the owner connection.
// Also reported: the rebuild of the whole rollup from the facts (npm run assessment:rebuild --fix);
// the live report (考核报表: every indicator of every unit of a subtree for last month) beside the
// naive scan; and the time to publish a full monthly bulletin of the county (target < 2 s).
import os from 'node:os';
import { sql } from 'kysely';
import { replaceRankingRollups, replaceRollup } from '../src/modules/assessment/index.ts';
import { growServiceRecords, logIn, timed, type Bench, type Figure } from './harness.ts';

const RECORDS = Number(process.env.BENCH_ASSESSMENT_RECORDS ?? 5_000_000);
const ROUNDS = Number(process.env.BENCH_ASSESSMENT_ROUNDS ?? 10);
const TARGET_P95_MS = 50;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The naive figures of a subtree and period: every fact scanned, as a request would without the rollup. */
function naive(path: string, from: string, to: string) {
  const day = (c: string) => sql.raw(`(${c} AT TIME ZONE 'Asia/Shanghai')::date`);
  return sql`SELECT
      (SELECT count(*) FROM activities a WHERE a.org_path <@ ${path}::ltree AND a.status IN ('finished', 'archived')
         AND ${day('a.starts_at')} BETWEEN ${from}::date AND ${to}::date) AS activities,
      (SELECT count(*) || ':' || coalesce(sum(r.hours), 0) FROM service_records r
        WHERE r.org_path <@ ${path}::ltree AND r.status = 'confirmed' AND r.kind <> 'opening'
          AND ${day('r.started_at')} BETWEEN ${from}::date AND ${to}::date) AS records,
      (SELECT count(*) FROM orders o WHERE o.org_path <@ ${path}::ltree
          AND ${day('o.created_at')} BETWEEN ${from}::date AND ${to}::date) AS received,
      (SELECT count(*) FROM orders o WHERE o.org_path <@ ${path}::ltree AND o.status = 'closed'
          AND ${day('o.closed_at')} BETWEEN ${from}::date AND ${to}::date) AS closed,
      (SELECT coalesce(sum(o.rating), 0) FROM orders o WHERE o.org_path <@ ${path}::ltree AND o.rating IS NOT NULL
          AND ${day('o.rated_at')} BETWEEN ${from}::date AND ${to}::date) AS ratings`;
}

export async function assessmentWorkload(bench: Bench): Promise<Figure[]> {
  const db = bench.ctx.db.system;
  // ---- a year of confirmed service, in bulk (the per-row lifetime-hours trigger is off for the load)
  const grown = await timed(() => db.transaction().execute((tx) => growServiceRecords(tx, RECORDS)));
  // both rollups the report reads: per org and day, and per volunteer and month (active volunteers)
  const rebuilt = await timed(() =>
    db.transaction().execute(async (tx) => {
      const rows = await replaceRollup(tx);
      await replaceRankingRollups(tx);
      return rows;
    }),
  );
  await sql`VACUUM (ANALYZE) service_records, org_day_facts, org_month_facts, volunteer_month_facts, orders, activities`.execute(
    db,
  );
  const { rows: scale } = await sql<{ records: number; rows: number; institutes: number; stations: number }>`
    SELECT (SELECT count(*) FROM service_records)::int AS records, (SELECT count(*) FROM org_day_facts)::int AS rows,
      (SELECT count(*) FROM orgs WHERE kind = 'institute')::int AS institutes,
      (SELECT count(*) FROM orgs WHERE kind = 'station')::int AS stations`.execute(db);
  const s = scale[0]!;
  console.log(
    `  county: ${s.records} service records (grown in ${(grown.ms / 1000).toFixed(1)} s), ${s.institutes} institutes, ` +
      `${s.stations} stations; rollup rebuilt from the facts in ${(rebuilt.ms / 1000).toFixed(1)} s: ${rebuilt.value} rows`,
  );

  const client = await logIn(bench.app, 'demo-center');
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('kind', 'in', ['center', 'institute'])
    .orderBy('id')
    .execute();
  const today = new Date(Date.now() + 8 * 3_600_000);
  const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const monthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const periods = [
    { from: iso(lastMonth), to: iso(monthEnd) },
    { from: iso(new Date(today.getTime() - 364 * 86_400_000)), to: iso(today) },
  ];
  console.log(
    `  load average (1 min) before timing: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`,
  );
  const apiMs: number[] = [];
  const naiveMs: number[] = [];
  let i = 0;
  for (let round = 0; round < ROUNDS + 1; round += 1) {
    for (const org of orgs) {
      for (const p of periods) {
        const url = `/api/assessment/units?orgId=${org.id}&from=${p.from}&to=${p.to}`;
        const api = async () => {
          const r = await timed(() => client.get(url));
          if (r.value.statusCode !== 200) throw new Error(`${url}: ${r.value.statusCode} ${r.value.body}`);
          return r.ms;
        };
        const base = async () => (await timed(() => naive(org.path, p.from, p.to).execute(db))).ms;
        // interleaved, in alternating order, so both see the same caches and the same machine
        const first = i++ % 2 === 0;
        const b1 = first ? await base() : null;
        const a = await api();
        const b = b1 ?? (await base());
        if (round === 0) continue; // warm-up
        apiMs.push(a);
        naiveMs.push(b);
      }
    }
  }
  // the live report (every indicator of every unit, as a bulletin computes it) of the centre and of
  // each institute for last month, beside the naive scan of the same subtree's facts
  const monthKey = iso(lastMonth).slice(0, 7);
  const reportMs: number[] = [];
  const reportNaiveMs: number[] = [];
  for (let round = 0; round < Math.max(3, Math.ceil(ROUNDS / 2)) + 1; round += 1)
    for (const org of orgs) {
      const url = `/api/assessment/report?orgId=${org.id}&periodKind=month&period=${monthKey}`;
      const r = await timed(() => client.get(url));
      if (r.value.statusCode !== 200) throw new Error(`${url}: ${r.value.statusCode} ${r.value.body}`);
      const b = await timed(() => naive(org.path, periods[0]!.from, periods[0]!.to).execute(db));
      if (round === 0) continue;
      reportMs.push(r.ms);
      reportNaiveMs.push(b.ms);
    }
  // a whole monthly bulletin of the county, published: every unit, every indicator, and the month
  // before for the change (a month three months back, so the demo's own bulletins do not collide)
  const back = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 3, 1));
  const bulletin = await timed(() =>
    client.post('/api/assessment/bulletins', { periodKind: 'month', period: iso(back).slice(0, 7) }),
  );
  if (bulletin.value.statusCode !== 200 && bulletin.value.statusCode !== 409)
    throw new Error(`bulletin: ${bulletin.value.statusCode} ${bulletin.value.body}`);
  const units =
    bulletin.value.statusCode === 200
      ? (bulletin.value.json() as { report: { rows: unknown[] } }).report.rows.length
      : 0;
  console.log(`  load average (1 min) after timing: ${os.loadavg()[0]!.toFixed(2)}`);
  apiMs.sort((a, b) => a - b);
  naiveMs.sort((a, b) => a - b);
  const p95 = percentile(apiMs, 0.95);
  const baseP95 = percentile(naiveMs, 0.95);
  return [
    {
      workload: `单位指标 over ${s.records} service records (GET /api/assessment/units ×${apiMs.length}, month and year, centre and institutes)`,
      measured: `p50 ${ms(percentile(apiMs, 0.5))}, p95 ${ms(p95)}`,
      baseline: `p50 ${ms(percentile(naiveMs, 0.5))}, p95 ${ms(baseP95)} naive scan of the facts (SQL only)`,
      ratio: `${(baseP95 / p95).toFixed(1)}× faster (p95)`,
      target: `p95 < ${TARGET_P95_MS} ms`,
      met: p95 < TARGET_P95_MS,
    },
    {
      workload: `考核报表 of last month (GET /api/assessment/report ×${reportMs.length}: centre and each institute, every unit and indicator, with the month before)`,
      measured: `p50 ${ms(
        percentile(
          reportMs.sort((a, b) => a - b),
          0.5,
        ),
      )}, p95 ${ms(percentile(reportMs, 0.95))}`,
      baseline: `p95 ${ms(
        percentile(
          reportNaiveMs.sort((a, b) => a - b),
          0.95,
        ),
      )} naive scan of the subtree's facts (SQL only, fewer figures)`,
      ratio: `${(percentile(reportNaiveMs, 0.95) / percentile(reportMs, 0.95)).toFixed(1)}× (p95)`,
      target: `p95 < ${TARGET_P95_MS} ms`,
      met: percentile(reportMs, 0.95) < TARGET_P95_MS,
    },
    {
      workload: `a full monthly bulletin of the county published (POST /api/assessment/bulletins: ${units} units, every indicator)`,
      measured: ms(bulletin.ms),
      baseline: `rollup rebuild from the facts ${(rebuilt.ms / 1000).toFixed(1)} s`,
      ratio: '—',
      target: '< 2 s',
      met: bulletin.ms < 2000 && units > 0,
    },
  ];
}
