// Workload: 数据大屏 — GET /api/assessment/screen for the centre and every institute, in a county at
// the reference scale of DESIGN §6 (140,000 volunteers, 200,000 orders, 5,000,000 service records,
// BENCH_SCREEN_ACTIVITIES held activities over the last year). Run after the dispatch and assessment
// workloads it finds the county grown; alone (BENCH_ONLY=screen) it grows what is missing.
// DESIGN §6: "any dashboard/ranking/bulletin query for any org subtree: p95 < 50 ms".
// Baseline, in the same run and interleaved: the naive queries — the same totals, 12-month trend and
// this month's station and institute boards summed by scanning the subtree's service records,
// activities and orders instead of the rollup, and the feed sorted without its index — on the owner
// connection, SQL only (no HTTP, no RLS).
import os from 'node:os';
import { sql } from 'kysely';
import { replaceRollup } from '../src/modules/assessment/index.ts';
import type { Db } from '../src/platform/db/database.ts';
import { growCounty } from './dispatch.bench.ts';
import { growServiceRecords, logIn, timed, type Bench, type Figure } from './harness.ts';

const VOLUNTEERS = Number(process.env.BENCH_DISPATCH_VOLUNTEERS ?? 140_000);
const ORDERS = Number(process.env.BENCH_DISPATCH_ORDERS ?? 200_000);
const RECORDS = Number(process.env.BENCH_ASSESSMENT_RECORDS ?? 5_000_000);
const ACTIVITIES = Number(process.env.BENCH_SCREEN_ACTIVITIES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_SCREEN_ROUNDS ?? 5);
const TARGET_P95_MS = 50;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Grows the county to the reference scale where it falls short; true when anything was added. */
async function growToScale(db: Db): Promise<boolean> {
  const count = async (table: string, where = 'true') =>
    (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.raw(where)}`.execute(db)
    ).rows[0]!.n;
  let grew = false;
  if ((await count('volunteers')) < VOLUNTEERS || (await count('orders')) < ORDERS) {
    await db.transaction().execute((tx) => growCounty(tx));
    grew = true;
  }
  const activitiesMissing = ACTIVITIES - (await count('activities', "activity_no LIKE 'BENCH-SC-%'"));
  const recordsMissing = RECORDS - (await count('service_records'));
  if (activitiesMissing <= 0 && recordsMissing <= 0) return grew;
  await db.transaction().execute(async (tx) => {
    await sql`SELECT setseed(0.1508)`.execute(tx);
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    if (activitiesMissing > 0) {
      // held activities over the last year, in the stations, on the five platforms and seven forms
      await sql`CREATE TEMP TABLE bench_sc_stations ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY id)::int AS k, id, path FROM orgs
         WHERE kind = 'station' AND status = 'active'`.execute(tx);
      await sql`INSERT INTO activities (activity_no, org_id, org_path, title, form, platform, place,
          starts_at, ends_at, finished_at, capacity, status, published_at, created_at, updated_at)
        SELECT 'BENCH-SC-' || g, s.id, s.path, '压测活动 ' || g,
          (ARRAY['jiang','ping','bang','le','qing','shu','xing'])[1 + floor(random() * 7)::int],
          (ARRAY['theory','education_sports','culture_arts','science','health',NULL])[1 + floor(random() * 6)::int],
          '压测现场', t.at, t.at + interval '2 hours', t.at + interval '2 hours', 50, 'finished', t.at, t.at, t.at
        FROM generate_series(1, ${activitiesMissing}) g
          CROSS JOIN LATERAL (SELECT now() - random() * interval '365 days' AS at,
                                     1 + floor(random() * (SELECT count(*) FROM bench_sc_stations))::int AS k
                              WHERE g > 0) t
          JOIN bench_sc_stations s ON s.k = t.k`.execute(tx);
    }
    // a year of confirmed service, as the assessment workload grows it
    if (recordsMissing > 0) await growServiceRecords(tx, RECORDS, 0.1508);
  });
  return true;
}

/**
 * The naive screen of a subtree: the figures the rollup gives, summed from the facts themselves —
 * every statement a scan of the subtree's records, activities or orders.
 */
async function naiveScreen(db: Db, path: string, firstMonth: string, thisMonth: string): Promise<void> {
  const day = (c: string) => sql.raw(`(${c} AT TIME ZONE 'Asia/Shanghai')`);
  const month = (c: string) => sql.raw(`date_trunc('month', ${c} AT TIME ZONE 'Asia/Shanghai')::date`);
  await sql`SELECT
      (SELECT count(*) FROM orgs WHERE path <@ ${path}::ltree AND status = 'active') AS units,
      (SELECT count(*) FROM teams WHERE org_path <@ ${path}::ltree AND status = 'active') AS teams,
      (SELECT count(*) FROM volunteers WHERE org_path <@ ${path}::ltree AND status = 'active') AS volunteers,
      (SELECT coalesce(sum(hours), 0) FROM service_records WHERE org_path <@ ${path}::ltree
          AND status = 'confirmed' AND kind <> 'opening') AS hours,
      (SELECT count(*) FROM activities WHERE org_path <@ ${path}::ltree AND status IN ('finished', 'archived')) AS held,
      (SELECT count(*) FROM orders WHERE org_path <@ ${path}::ltree) AS received,
      (SELECT count(*) FROM orders WHERE org_path <@ ${path}::ltree AND status = 'closed') AS closed`.execute(
    db,
  );
  // the 12-month trend
  await sql`SELECT m, sum(h) FROM (
      SELECT ${month('started_at')} AS m, hours AS h FROM service_records
       WHERE org_path <@ ${path}::ltree AND status = 'confirmed' AND kind <> 'opening'
         AND ${day('started_at')} >= ${firstMonth}::date
      UNION ALL
      SELECT ${month('starts_at')}, 0 FROM activities
       WHERE org_path <@ ${path}::ltree AND status IN ('finished', 'archived') AND ${day('starts_at')} >= ${firstMonth}::date
      UNION ALL
      SELECT ${month('created_at')}, 0 FROM orders
       WHERE org_path <@ ${path}::ltree AND ${day('created_at')} >= ${firstMonth}::date) f GROUP BY m`.execute(
    db,
  );
  // this month's boards: every station and institute of the subtree over its records of the month
  await sql`SELECT u.id, sum(r.hours) AS hours FROM orgs u
      JOIN service_records r ON r.org_path <@ u.path AND r.status = 'confirmed' AND r.kind <> 'opening'
       AND ${day('r.started_at')} >= ${thisMonth}::date
     WHERE u.path <@ ${path}::ltree AND u.kind IN ('station', 'institute')
     GROUP BY u.id ORDER BY hours DESC LIMIT 10`.execute(db);
  // the feed without its index, and the activity spread
  await sql`SELECT id FROM orders WHERE org_path <@ ${path}::ltree AND status <> 'merged'
     ORDER BY created_at + interval '0 s' DESC LIMIT 15`.execute(db);
  await sql`SELECT platform, form, count(*) FROM activities WHERE org_path <@ ${path}::ltree
      AND status IN ('finished', 'archived') AND ${day('starts_at')} >= ${firstMonth}::date GROUP BY 1, 2`.execute(
    db,
  );
}

export async function screenWorkload(bench: Bench): Promise<Figure[]> {
  const db = bench.ctx.db.system;
  const grown = await timed(() => growToScale(db));
  let rebuilt = { ms: 0, value: 0 };
  if (grown.value) rebuilt = await timed(() => db.transaction().execute((tx) => replaceRollup(tx)));
  await sql`VACUUM (ANALYZE) service_records, org_day_facts, org_month_facts, orders, activities, volunteers, teams`.execute(
    db,
  );
  const { rows: scale } = await sql<{
    records: number;
    volunteers: number;
    orders: number;
    activities: number;
    institutes: number;
    stations: number;
  }>`
    SELECT (SELECT count(*) FROM service_records)::int AS records, (SELECT count(*) FROM volunteers)::int AS volunteers,
      (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM activities)::int AS activities,
      (SELECT count(*) FROM orgs WHERE kind = 'institute')::int AS institutes,
      (SELECT count(*) FROM orgs WHERE kind = 'station')::int AS stations`.execute(db);
  const s = scale[0]!;
  console.log(
    `  county: ${s.records} service records, ${s.volunteers} volunteers, ${s.orders} orders, ${s.activities} activities, ` +
      `${s.institutes} institutes, ${s.stations} stations (grown in ${(grown.ms / 1000).toFixed(1)} s` +
      `${grown.value ? `, rollup rebuilt in ${(rebuilt.ms / 1000).toFixed(1)} s` : ''})`,
  );

  const client = await logIn(bench.app, 'demo-center');
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('kind', 'in', ['center', 'institute'])
    .orderBy('id')
    .execute();
  const today = new Date(Date.now() + 8 * 3_600_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const thisMonth = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)));
  const firstMonth = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)));
  console.log(
    `  load average (1 min) before timing: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`,
  );
  const apiMs: number[] = [];
  const naiveMs: number[] = [];
  let i = 0;
  for (let round = 0; round < ROUNDS + 1; round += 1) {
    for (const org of orgs) {
      const url = `/api/assessment/screen?orgId=${org.id}`;
      const api = async () => {
        const r = await timed(() => client.get(url));
        if (r.value.statusCode !== 200) throw new Error(`${url}: ${r.value.statusCode} ${r.value.body}`);
        return r.ms;
      };
      const base = async () => (await timed(() => naiveScreen(db, org.path, firstMonth, thisMonth))).ms;
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
  console.log(`  load average (1 min) after timing: ${os.loadavg()[0]!.toFixed(2)}`);
  apiMs.sort((a, b) => a - b);
  naiveMs.sort((a, b) => a - b);
  const p95 = percentile(apiMs, 0.95);
  const baseP95 = percentile(naiveMs, 0.95);
  return [
    {
      workload: `数据大屏 over ${s.records} service records, ${s.orders} orders, ${s.volunteers} volunteers (GET /api/assessment/screen ×${apiMs.length}, centre and institutes)`,
      measured: `p50 ${ms(percentile(apiMs, 0.5))}, p95 ${ms(p95)}`,
      baseline: `p50 ${ms(percentile(naiveMs, 0.5))}, p95 ${ms(baseP95)} naive scan of the facts (SQL only)`,
      ratio: `${(baseP95 / p95).toFixed(1)}× faster (p95)`,
      target: `p95 < ${TARGET_P95_MS} ms`,
      met: p95 < TARGET_P95_MS,
    },
  ];
}
