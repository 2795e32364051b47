// The rebuild of the rankings' rollups (volunteer_month_facts, team_month_facts, and the per-unit
// volunteer_ranking_facts and volunteer_ranking_sizes derived from the first, migration 0032): every
// row recomputed from the recorded facts — service records, orders and their assignees, activities,
// the points ledger — by the rules rankings.facts.ts and the two triggers follow, compared with the
// stored rows, and (with --fix) the tables replaced. `npm run assessment:rebuild` runs it beside the
// org rollup's check; tests use it to check the rollups after any mix of writes.
import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { TEAM_COUNTERS, VOLUNTEER_COUNTERS } from './rankings.facts.ts';

/**
 * The counters whose volunteers volunteer_ranking_sizes counts: those a volunteer board ranks by,
 * and service_records (the assessment's active volunteers).
 */
const RANKED_COUNTERS = ['service_records', 'service_hours', 'orders_served', 'points'] as const;

const month = (column: string) => `date_trunc('month', (${column} AT TIME ZONE 'Asia/Shanghai'))::date`;
const sums = (counters: readonly string[]) => counters.map((c) => `sum(${c})::numeric AS ${c}`).join(', ');

/** volunteer_id, org_id, month and the counters in VOLUNTEER_COUNTERS order, from the facts. */
const volunteerFactsQuery = () => sql.raw(volunteerFactsSql());
function volunteerFactsSql() {
  return `
    SELECT volunteer_id, org_id, month, ${sums(VOLUNTEER_COUNTERS)} FROM (
      SELECT r.volunteer_id, o.id AS org_id, ${month('r.started_at')} AS month, 1 AS service_records,
             r.hours AS service_hours, (r.source = 'order')::int AS orders_served, 0 AS rating_sum,
             0 AS rating_count, 0 AS points
        FROM service_records r JOIN orgs o ON o.path = r.org_path
       WHERE r.status = 'confirmed' AND r.kind <> 'opening'
      UNION ALL
      SELECT a.volunteer_id, o.org_id, ${month('o.rated_at')}, 0, 0, 0, o.rating, 1, 0
        FROM orders o JOIN order_assignees a ON a.order_id = o.id AND a.status = 'served'
       WHERE o.rating IS NOT NULL AND o.rated_at IS NOT NULL
      UNION ALL
      SELECT p.holder_id, g.id, ${month('p.occurred_at')}, 0, 0, 0, 0, 0, p.lifetime_delta
        FROM point_entries p JOIN orgs g ON g.path = p.org_path
       WHERE p.holder_type = 'volunteer' AND p.lifetime_delta <> 0
    ) f
    GROUP BY volunteer_id, org_id, month`;
}

/** team_id, month and the counters in TEAM_COUNTERS order, from the facts. */
function teamFactsQuery() {
  return sql.raw(`
    SELECT team_id, month, ${sums(TEAM_COUNTERS)} FROM (
      SELECT a.team_id, ${month('a.starts_at')} AS month, 1 AS activities_held, 0 AS service_records,
             0::numeric AS service_hours, 0 AS orders_closed
        FROM activities a WHERE a.status IN ('finished', 'archived') AND a.team_id IS NOT NULL
      UNION ALL
      SELECT a.team_id, ${month('r.started_at')}, 0, 1, r.hours, 0
        FROM service_records r JOIN activities a ON r.source = 'activity' AND a.id = r.source_id
       WHERE r.status = 'confirmed' AND r.kind <> 'opening' AND a.team_id IS NOT NULL
      UNION ALL
      SELECT o.dispatched_team_id, ${month('r.started_at')}, 0, 1, r.hours, 0
        FROM service_records r JOIN orders o ON r.source = 'order' AND o.id = r.source_id
       WHERE r.status = 'confirmed' AND r.kind <> 'opening' AND o.dispatched_team_id IS NOT NULL
      UNION ALL
      SELECT o.dispatched_team_id, ${month('o.closed_at')}, 0, 0, 0, 1
        FROM orders o
       WHERE o.status = 'closed' AND o.closed_at IS NOT NULL AND o.dispatched_team_id IS NOT NULL
    ) f
    GROUP BY team_id, month`);
}

/**
 * volunteer_ranking_facts' rows from month facts (a query with volunteer_id, org_path, month and the
 * counters): each summed into every unit above or at its org — the labels of its path are the org ids
 * — and into its calendar month, quarter and year (1, 3 or 12 months from `starts`).
 */
function unitRowsQuery(monthFacts: string) {
  return `
    SELECT ltree2text(subpath(f.org_path, l.n - 1, 1))::bigint AS org_id, subpath(f.org_path, 0, l.n) AS org_path,
           f.volunteer_id, b.months, b.starts, ${VOLUNTEER_COUNTERS.map((c) => `sum(f.${c}) AS ${c}`).join(', ')}
      FROM (${monthFacts}) f
      CROSS JOIN LATERAL generate_series(1, nlevel(f.org_path)) AS l(n)
      CROSS JOIN LATERAL ranking_buckets(f.month) AS b
     GROUP BY 1, 2, 3, 4, 5
    HAVING ${VOLUNTEER_COUNTERS.map((c) => `sum(f.${c}) <> 0`).join(' OR ')}`;
}

/** volunteer_ranking_sizes' rows from volunteer_ranking_facts' (a query): the volunteers listed per counter. */
function sizesQuery(unitRows: string) {
  return `
    SELECT org_id, org_path, months, starts,
           ${RANKED_COUNTERS.map((c) => `count(*) FILTER (WHERE ${c} <> 0)::int AS ${c}`).join(', ')}
      FROM (${unitRows}) r
     GROUP BY org_id, org_path, months, starts`;
}

const BUCKET_NAMES: Record<number, string> = { 1: 'month', 3: 'quarter', 12: 'year' };

/**
 * The differences between a stored table and its recomputed rows, counter by counter, in SQL (the
 * county's unit rows run to millions: only the differing ones come back).
 */
async function unitDifferences(
  db: Executor,
  table: 'volunteer_ranking_facts' | 'volunteer_ranking_sizes',
  facts: string,
  keyCols: string[],
  counters: readonly string[],
): Promise<RankingDifference[]> {
  const keys = [...keyCols, 'months', 'starts'];
  const { rows: raw } = await sql<{
    key: string;
    months: number;
    starts: string;
    counter: string;
    rollup: string;
    facts: string;
  }>`
    SELECT concat_ws(':', ${sql.raw(keyCols.map((c) => `k.${c}`).join(', '))}) AS key, k.months,
           to_char(k.starts, 'YYYY-MM-DD') AS starts, c.counter, c.rollup, c.facts
      FROM (SELECT ${sql.raw(keys.map((c) => `coalesce(s.${c}, f.${c}) AS ${c}`).join(', '))},
                   ${sql.raw(counters.map((c) => `coalesce(s.${c}, 0) AS s_${c}, coalesce(f.${c}, 0) AS f_${c}`).join(', '))}
              FROM ${sql.table(table)} s
              FULL JOIN (${sql.raw(facts)}) f USING (${sql.raw(keys.join(', '))})) k
      CROSS JOIN LATERAL (VALUES ${sql.raw(
        counters.map((c) => `('${c}', k.s_${c}::numeric, k.f_${c}::numeric)`).join(', '),
      )}) AS c(counter, rollup, facts)
     WHERE c.rollup <> c.facts
     ORDER BY 1, 2, 3, 4`.execute(db);
  return raw.map((d) => ({
    table,
    key: d.key,
    month: d.starts,
    counter: `${BUCKET_NAMES[Number(d.months)] ?? d.months}.${d.counter}`,
    rollup: Number(d.rollup),
    facts: Number(d.facts),
  }));
}

export interface RankingDifference {
  table: 'volunteer_month_facts' | 'team_month_facts' | 'volunteer_ranking_facts' | 'volunteer_ranking_sizes';
  /** volunteer:org or team; org:volunteer (volunteer_ranking_facts) or org (volunteer_ranking_sizes) */
  key: string;
  /** the month, or the first day of the bucket (volunteer_ranking_facts and _sizes) */
  month: string;
  /** the counter; the bucket and the counter (year.service_hours) in volunteer_ranking_facts and _sizes */
  counter: string;
  rollup: number;
  facts: number;
}

export interface RankingRebuildReport {
  volunteerRows: number;
  teamRows: number;
  /** volunteer_ranking_facts' rows */
  unitRows: number;
  differences: RankingDifference[];
  ok: boolean;
}

type Row = { key: string; month: string; values: Record<string, number> };

async function rows(
  db: Executor,
  query: ReturnType<typeof sql.raw>,
  keyCols: string[],
  counters: readonly string[],
) {
  const { rows: raw } = await sql<Record<string, string | number>>`SELECT ${sql.raw(
    keyCols.join(', '),
  )}, to_char(month, 'YYYY-MM-DD') AS month_text, ${sql.raw(counters.join(', '))} FROM (${query}) q`.execute(
    db,
  );
  return raw.map((r): Row => ({
    key: keyCols.map((c) => String(r[c])).join(':'),
    month: String(r.month_text),
    values: Object.fromEntries(counters.map((c) => [c, Number(r[c] ?? 0)])),
  }));
}

function compare(
  table: RankingDifference['table'],
  stored: Row[],
  facts: Row[],
  counters: readonly string[],
) {
  const id = (r: Row) => `${r.key}|${r.month}`;
  const a = new Map(stored.map((r) => [id(r), r]));
  const b = new Map(facts.map((r) => [id(r), r]));
  const out: RankingDifference[] = [];
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const s = a.get(k);
    const f = b.get(k);
    const { key, month: m } = (s ?? f)!;
    for (const counter of counters) {
      const rollup = s?.values[counter] ?? 0;
      const fromFacts = f?.values[counter] ?? 0;
      if (Math.abs(rollup - fromFacts) > 1e-9)
        out.push({ table, key, month: m, counter, rollup, facts: fromFacts });
    }
  }
  return out;
}

/** Recomputes both rollups from the facts and lists every difference from the stored rows. */
export async function checkRankingRollups(db: Executor): Promise<RankingRebuildReport> {
  const vKeys = ['volunteer_id', 'org_id'];
  const [vStored, vFacts, tStored, tFacts] = await Promise.all([
    rows(db, sql.raw('SELECT * FROM volunteer_month_facts'), vKeys, VOLUNTEER_COUNTERS),
    rows(db, volunteerFactsQuery(), vKeys, VOLUNTEER_COUNTERS),
    rows(db, sql.raw('SELECT * FROM team_month_facts'), ['team_id'], TEAM_COUNTERS),
    rows(db, teamFactsQuery(), ['team_id'], TEAM_COUNTERS),
  ]);
  // the per-unit rows from the facts, not from the stored month rows: a wrong month row shows in both
  const unitFacts = unitRowsQuery(
    `SELECT q.*, o.path AS org_path FROM (${volunteerFactsSql()}) q JOIN orgs o ON o.id = q.org_id`,
  );
  const uDiff = await unitDifferences(
    db,
    'volunteer_ranking_facts',
    unitFacts,
    ['org_id', 'volunteer_id'],
    VOLUNTEER_COUNTERS,
  );
  const zDiff = await unitDifferences(
    db,
    'volunteer_ranking_sizes',
    sizesQuery(unitFacts),
    ['org_id'],
    RANKED_COUNTERS,
  );
  const { rows: count } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM volunteer_ranking_facts`.execute(db);
  const differences = [
    ...compare('volunteer_month_facts', vStored, vFacts, VOLUNTEER_COUNTERS),
    ...compare('team_month_facts', tStored, tFacts, TEAM_COUNTERS),
    ...uDiff,
    ...zDiff,
  ];
  return {
    volunteerRows: vStored.length,
    teamRows: tStored.length,
    unitRows: count[0]!.n,
    differences,
    ok: differences.length === 0,
  };
}

/**
 * For a bulk load that ends with replaceRankingRollups in the same transaction (the demo seed): the
 * rollups' triggers — the ledger's on point_entries and the per-unit one on volunteer_month_facts —
 * stop following each row, since replaceRankingRollups recomputes every rollup from the facts and
 * turns them back on. (The seed's ledger entries each fired both: 36 of the seed's 62 s.)
 * ALTER TABLE is transactional: a load that fails rolls the triggers back on with everything else.
 */
export async function suspendRankingTriggers(tx: Tx): Promise<void> {
  await sql`ALTER TABLE point_entries DISABLE TRIGGER point_entries_volunteer_month`.execute(tx);
  await sql`ALTER TABLE volunteer_month_facts DISABLE TRIGGER volunteer_month_facts_ranking`.execute(tx);
}

/**
 * Replaces the rollups by the rows the facts give, in the caller's (owner's) transaction, the
 * tables locked against the handlers' writes first. volunteer_month_facts is replaced with its
 * trigger off (its rows would each be added to the per-unit rows), which are then summed from it;
 * both rollup triggers are on again afterwards (also after suspendRankingTriggers).
 */
export async function replaceRankingRollups(tx: Tx): Promise<number> {
  await sql`LOCK TABLE volunteer_month_facts, volunteer_ranking_facts, volunteer_ranking_sizes, team_month_facts
    IN EXCLUSIVE MODE`.execute(tx);
  await sql`ALTER TABLE volunteer_month_facts DISABLE TRIGGER volunteer_month_facts_ranking`.execute(tx);
  await sql`ALTER TABLE point_entries ENABLE TRIGGER point_entries_volunteer_month`.execute(tx);
  await sql`DELETE FROM volunteer_month_facts`.execute(tx);
  const v = await sql`INSERT INTO volunteer_month_facts (volunteer_id, org_id, org_path, month, ${sql.raw(
    VOLUNTEER_COUNTERS.join(', '),
  )})
    SELECT q.volunteer_id, q.org_id, o.path, q.month, ${sql.raw(VOLUNTEER_COUNTERS.map((c) => `q.${c}`).join(', '))}
      FROM (${volunteerFactsQuery()}) q JOIN orgs o ON o.id = q.org_id`.execute(tx);
  await sql`ALTER TABLE volunteer_month_facts ENABLE TRIGGER volunteer_month_facts_ranking`.execute(tx);
  await sql`DELETE FROM volunteer_ranking_facts`.execute(tx);
  // in steps (months from the month rows, quarters from the months, years from the quarters): the
  // same sums as unitRowsQuery, each step grouping a few million rows at most
  await sql`SET LOCAL work_mem = '256MB'`.execute(tx);
  const cols = sql.raw(VOLUNTEER_COUNTERS.join(', '));
  const sums = sql.raw(VOLUNTEER_COUNTERS.map((c) => `sum(${c})`).join(', '));
  const nonZero = sql.raw(VOLUNTEER_COUNTERS.map((c) => `sum(${c}) <> 0`).join(' OR '));
  await sql`INSERT INTO volunteer_ranking_facts (org_id, org_path, volunteer_id, months, starts, ${cols})
    SELECT ltree2text(subpath(f.org_path, l.n - 1, 1))::bigint, subpath(f.org_path, 0, l.n), f.volunteer_id, 1,
           f.month, ${sums}
      FROM volunteer_month_facts f CROSS JOIN LATERAL generate_series(1, nlevel(f.org_path)) AS l(n)
     GROUP BY 1, 2, 3, 5 HAVING ${nonZero}
     ORDER BY 1, 5, 3`.execute(tx);
  for (const [months, from, trunc] of [
    [3, 1, 'quarter'],
    [12, 3, 'year'],
  ] as const)
    await sql`INSERT INTO volunteer_ranking_facts (org_id, org_path, volunteer_id, months, starts, ${cols})
      SELECT org_id, org_path, volunteer_id, ${months}, date_trunc(${trunc}, starts::timestamp)::date, ${sums}
        FROM volunteer_ranking_facts WHERE months = ${from}
       GROUP BY 1, 2, 3, 5 HAVING ${nonZero}
       ORDER BY 1, 5, 3`.execute(tx);
  await sql`DELETE FROM volunteer_ranking_sizes`.execute(tx);
  await sql`INSERT INTO volunteer_ranking_sizes (org_id, org_path, months, starts, ${sql.raw(
    RANKED_COUNTERS.join(', '),
  )}) ${sql.raw(sizesQuery('SELECT * FROM volunteer_ranking_facts'))}`.execute(tx);
  await sql`DELETE FROM team_month_facts`.execute(tx);
  const t =
    await sql`INSERT INTO team_month_facts (team_id, org_path, month, ${sql.raw(TEAM_COUNTERS.join(', '))})
    SELECT q.team_id, tm.org_path, q.month, ${sql.raw(TEAM_COUNTERS.map((c) => `q.${c}`).join(', '))}
      FROM (${teamFactsQuery()}) q JOIN teams tm ON tm.id = q.team_id`.execute(tx);
  return Number(v.numAffectedRows ?? 0) + Number(t.numAffectedRows ?? 0);
}

/** The report's lines: a summary, then every difference (for the CLI). */
export function describeRankingRebuild(report: RankingRebuildReport, limit = 200): string[] {
  const lines = [
    `排行汇总表：志愿者 ${report.volunteerRows} 行、按单位 ${report.unitRows} 行、队伍 ${report.teamRows} 行，` +
      (report.ok ? '与业务记录重算一致。' : `与业务记录重算有 ${report.differences.length} 处不一致。`),
  ];
  for (const d of report.differences.slice(0, limit))
    lines.push(`  ${d.table} ${d.key} ${d.month} ${d.counter}: 汇总 ${d.rollup}，业务记录 ${d.facts}`);
  if (report.differences.length > limit) lines.push(`  …… 另有 ${report.differences.length - limit} 处`);
  return lines;
}
