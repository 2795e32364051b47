// Workload: 实践排行 — GET /api/assessment/rankings/volunteers (by hours) and /teams (by hours) for
// the centre and a sample of institutes, for last month, this calendar year and a custom range (the
// twelve whole months to last month; the volunteers' figure for it reported apart), in a
// county grown as the dispatch workload grows it (BENCH_DISPATCH_VOLUNTEERS, default 140,000
// volunteers, unless that workload already ran) and BENCH_RANKING_RECORDS confirmed service records
// (default 5,000,000, DESIGN §6), read from the volunteers' per-unit month/quarter/year rollup and
// summed from the teams' monthly rollup.
// Baseline, in the same run and interleaved: the naive query — the same board (sum per volunteer or
// team, rank(), first page) computed by scanning the subtree's service records of the period — on the
// owner connection. Also reported: the rebuild of both rollups from the facts.
import os from 'node:os';
import { sql } from 'kysely';
import { replaceRankingRollups } from '../src/modules/assessment/index.ts';
import { growCounty } from './dispatch.bench.ts';
import { logIn, timed, type Bench, type Figure } from './harness.ts';

const RECORDS = Number(process.env.BENCH_RANKING_RECORDS ?? 5_000_000);
const ROUNDS = Number(process.env.BENCH_RANKING_ROUNDS ?? 5);
const TARGET_P95_MS = 50;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The first page of a volunteer board by hours, scanning the records as a request would without the rollup. */
function naiveVolunteers(path: string, from: string, to: string) {
  return sql`SELECT volunteer_id, h, rank() OVER (ORDER BY h DESC) FROM (
      SELECT volunteer_id, sum(hours) AS h FROM service_records
       WHERE org_path <@ ${path}::ltree AND status = 'confirmed' AND kind <> 'opening'
         AND (started_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date
       GROUP BY volunteer_id) s
    ORDER BY h DESC, volunteer_id LIMIT 20`;
}

/** The first page of a team board by hours: the records of the teams' activities and orders. */
function naiveTeams(path: string, from: string, to: string) {
  return sql`SELECT team_id, h, rank() OVER (ORDER BY h DESC) FROM (
      SELECT coalesce(a.team_id, o.dispatched_team_id) AS team_id, sum(r.hours) AS h
        FROM service_records r
        LEFT JOIN activities a ON r.source = 'activity' AND a.id = r.source_id
        LEFT JOIN orders o ON r.source = 'order' AND o.id = r.source_id
       WHERE r.org_path <@ ${path}::ltree AND r.status = 'confirmed' AND r.kind <> 'opening'
         AND (r.started_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date
         AND coalesce(a.team_id, o.dispatched_team_id) IS NOT NULL
       GROUP BY 1) s
    ORDER BY h DESC, team_id LIMIT 20`;
}

export async function rankingsWorkload(bench: Bench): Promise<Figure[]> {
  const db = bench.ctx.db.system;
  const grownBefore = await db
    .selectFrom('volunteers')
    .select('id')
    .where('id_number_index', 'like', 'bench-%')
    .limit(1)
    .executeTakeFirst();
  if (!grownBefore) await db.transaction().execute((tx) => growCounty(tx));
  // ---- confirmed service of the last year, in bulk (per-row triggers off for the load); a third of
  // it at the teams' activities, so the team board has real rows
  const grown = await timed(() =>
    db.transaction().execute(async (tx) => {
      await sql`SELECT setseed(0.1508)`.execute(tx);
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM service_records`.execute(tx);
      const missing = Math.max(0, RECORDS - rows[0]!.n);
      await sql`CREATE TEMP TABLE bench_rank_vols ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY id)::int AS k, id, org_path FROM volunteers WHERE status = 'active'`.execute(
        tx,
      );
      await sql`CREATE TEMP TABLE bench_rank_acts ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY id)::int AS k, id, org_path FROM activities WHERE team_id IS NOT NULL`.execute(
        tx,
      );
      await sql`INSERT INTO service_records (volunteer_id, org_path, source, source_id, kind, status, started_at,
          ended_at, minutes, hours, reviewed_at, created_at, updated_at)
        SELECT v.id, coalesce(a.org_path, v.org_path), CASE WHEN a.id IS NULL THEN 'manual' ELSE 'activity' END,
          a.id, CASE WHEN a.id IS NULL THEN 'manual' ELSE 'credit' END, 'confirmed', s.at,
          s.at + interval '2 hours', 120, 0.5 * (1 + floor(random() * 6)), s.at, s.at, s.at
        FROM (SELECT g, now() - random() * interval '365 days' AS at,
                     1 + floor(random() * (SELECT count(*) FROM bench_rank_vols))::int AS k,
                     CASE WHEN random() < 0.33 THEN 1 + floor(random() * (SELECT count(*) FROM bench_rank_acts))::int END AS ak
                FROM generate_series(1, ${missing}) g) s
        JOIN bench_rank_vols v USING (k)
        LEFT JOIN bench_rank_acts a ON a.k = s.ak
        ON CONFLICT (source, source_id, volunteer_id) DO NOTHING`.execute(tx);
    }),
  );
  const rebuilt = await timed(() => db.transaction().execute((tx) => replaceRankingRollups(tx)));
  await sql`VACUUM (ANALYZE) service_records, volunteer_month_facts, volunteer_ranking_facts, volunteer_ranking_sizes,
    team_month_facts, activities, orders`.execute(db);
  const { rows: scale } = await sql<{
    records: number;
    volunteers: number;
    vrows: number;
    urows: number;
    trows: number;
  }>`
    SELECT (SELECT count(*) FROM service_records)::int AS records, (SELECT count(*) FROM volunteers)::int AS volunteers,
      (SELECT count(*) FROM volunteer_month_facts)::int AS vrows, (SELECT count(*) FROM volunteer_ranking_facts)::int AS urows,
      (SELECT count(*) FROM team_month_facts)::int AS trows`.execute(db);
  const s = scale[0]!;
  console.log(
    `  county: ${s.volunteers} volunteers, ${s.records} service records (grown in ${(grown.ms / 1000).toFixed(1)} s); ` +
      `rollups rebuilt from the facts in ${(rebuilt.ms / 1000).toFixed(1)} s: ${s.vrows} volunteer-month rows, ` +
      `${s.urows} volunteer-unit month/quarter/year rows, ${s.trows} team-month rows`,
  );

  const client = await logIn(bench.app, 'demo-center');
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'kind'])
    .where('kind', 'in', ['center', 'institute'])
    .orderBy('id')
    .execute();
  const today = new Date(Date.now() + 8 * 3_600_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const monthStart = (back: number) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
  const lastMonth = { from: iso(monthStart(1)), to: iso(new Date(monthStart(0).getTime() - 86_400_000)) };
  // the periods the period picker offers (月 / 季 / 年, one bucket of the volunteers' per-unit rollup),
  // and a custom range: the twelve whole months to last month (a year's boundary inside, except when
  // last month was December)
  const year = { from: `${today.getUTCFullYear()}-01-01`, to: `${today.getUTCFullYear()}-12-31` };
  const twelve = { from: iso(monthStart(12)), to: lastMonth.to };
  // the year boards are asked for the centre and a few institutes; the month board for all of them
  const cases = orgs.flatMap((o, i) => [
    { org: o, period: lastMonth, label: 'month' },
    ...(o.kind === 'center' || i % 5 === 1
      ? [
          { org: o, period: year, label: 'year' },
          { org: o, period: twelve, label: 'custom' },
        ]
      : []),
  ]);
  console.log(
    `  periods: month ${lastMonth.from}…${lastMonth.to}, year ${year.from}…${year.to}, custom ${twelve.from}…${twelve.to}`,
  );
  console.log(
    `  load average (1 min) before timing: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`,
  );
  type Series = { api: number[]; naive: number[]; centreYear: number[] };
  const empty = (): Series => ({ api: [], naive: [], centreYear: [] });
  // volunteers: the picker's periods and the custom range apart (the custom range sums several buckets)
  const series = { volunteers: empty(), volunteersCustom: empty(), teams: empty() };
  let i = 0;
  for (let round = 0; round < ROUNDS + 1; round += 1) {
    for (const c of cases) {
      for (const board of ['volunteers', 'teams'] as const) {
        const url = `/api/assessment/rankings/${board}?orgId=${c.org.id}&from=${c.period.from}&to=${c.period.to}&metric=hours`;
        const api = async () => {
          const r = await timed(() => client.get(url));
          if (r.value.statusCode !== 200) throw new Error(`${url}: ${r.value.statusCode} ${r.value.body}`);
          return r.ms;
        };
        const naive = board === 'volunteers' ? naiveVolunteers : naiveTeams;
        const base = async () =>
          (await timed(() => naive(c.org.path, c.period.from, c.period.to).execute(db))).ms;
        const first = i++ % 2 === 0;
        const b1 = first ? await base() : null;
        const a = await api();
        const b = b1 ?? (await base());
        if (round === 0) continue; // warm-up
        const into =
          board === 'teams'
            ? series.teams
            : c.label === 'custom'
              ? series.volunteersCustom
              : series.volunteers;
        into.api.push(a);
        into.naive.push(b);
        if (c.org.kind === 'center' && c.label !== 'month') into.centreYear.push(a);
      }
    }
  }
  console.log(`  load average (1 min) after timing: ${os.loadavg()[0]!.toFixed(2)}`);
  const shapes = {
    volunteers: {
      name: '志愿者',
      path: 'volunteers',
      periods: 'month and calendar year',
      centre: "centre's year",
    },
    volunteersCustom: {
      name: '志愿者 (custom range)',
      path: 'volunteers',
      periods: `the twelve months ${twelve.from}…${twelve.to}`,
      centre: "centre's",
    },
    teams: {
      name: '团队',
      path: 'teams',
      periods: 'month, calendar year and the twelve months to last month',
      centre: "centre's year and twelve months",
    },
  };
  return (['volunteers', 'volunteersCustom', 'teams'] as const).map((key) => {
    const { api, naive, centreYear } = series[key];
    const shape = shapes[key];
    api.sort((a, b) => a - b);
    naive.sort((a, b) => a - b);
    centreYear.sort((a, b) => a - b);
    const p95 = percentile(api, 0.95);
    const baseP95 = percentile(naive, 0.95);
    return {
      workload: `实践排行 ${shape.name} by hours over ${s.records} records, ${s.volunteers} volunteers (GET /api/assessment/rankings/${shape.path} ×${api.length}; centre and institutes, ${shape.periods}; ${shape.centre} p50 ${ms(percentile(centreYear, 0.5))})`,
      measured: `p50 ${ms(percentile(api, 0.5))}, p95 ${ms(p95)}`,
      baseline: `p50 ${ms(percentile(naive, 0.5))}, p95 ${ms(baseP95)} naive scan of the service records (SQL only)`,
      ratio: `${(baseP95 / p95).toFixed(1)}× faster (p95)`,
      target: `p95 < ${TARGET_P95_MS} ms`,
      met: p95 < TARGET_P95_MS,
    };
  });
}
