// The rebuild of the rankings' rollups (volunteer_month_facts, team_month_facts): every row
// recomputed from the recorded facts — service records, orders and their assignees, activities, the
// points ledger — by the rules rankings.facts.ts and the ledger trigger follow, compared with the
// stored rows, and (with --fix) the tables replaced. `npm run assessment:rebuild` runs it beside the
// org rollup's check; tests use it to check the rollups after any mix of writes.
import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { TEAM_COUNTERS, VOLUNTEER_COUNTERS } from './rankings.facts.ts';

const month = (column: string) => `date_trunc('month', (${column} AT TIME ZONE 'Asia/Shanghai'))::date`;
const sums = (counters: readonly string[]) => counters.map((c) => `sum(${c})::numeric AS ${c}`).join(', ');

/** volunteer_id, org_id, month and the counters in VOLUNTEER_COUNTERS order, from the facts. */
function volunteerFactsQuery() {
  return sql.raw(`
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
    GROUP BY volunteer_id, org_id, month`);
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

export interface RankingDifference {
  table: 'volunteer_month_facts' | 'team_month_facts';
  /** volunteer:org or team */
  key: string;
  month: string;
  counter: string;
  rollup: number;
  facts: number;
}

export interface RankingRebuildReport {
  volunteerRows: number;
  teamRows: number;
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
  const differences = [
    ...compare('volunteer_month_facts', vStored, vFacts, VOLUNTEER_COUNTERS),
    ...compare('team_month_facts', tStored, tFacts, TEAM_COUNTERS),
  ];
  return {
    volunteerRows: vStored.length,
    teamRows: tStored.length,
    differences,
    ok: differences.length === 0,
  };
}

/**
 * Replaces both rollups by the rows the facts give, in the caller's (owner's) transaction, the
 * tables locked against the handlers' writes first.
 */
export async function replaceRankingRollups(tx: Tx): Promise<number> {
  await sql`LOCK TABLE volunteer_month_facts, team_month_facts IN EXCLUSIVE MODE`.execute(tx);
  await sql`DELETE FROM volunteer_month_facts`.execute(tx);
  const v = await sql`INSERT INTO volunteer_month_facts (volunteer_id, org_id, org_path, month, ${sql.raw(
    VOLUNTEER_COUNTERS.join(', '),
  )})
    SELECT q.volunteer_id, q.org_id, o.path, q.month, ${sql.raw(VOLUNTEER_COUNTERS.map((c) => `q.${c}`).join(', '))}
      FROM (${volunteerFactsQuery()}) q JOIN orgs o ON o.id = q.org_id`.execute(tx);
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
    `排行汇总表：志愿者 ${report.volunteerRows} 行、队伍 ${report.teamRows} 行，` +
      (report.ok ? '与业务记录重算一致。' : `与业务记录重算有 ${report.differences.length} 处不一致。`),
  ];
  for (const d of report.differences.slice(0, limit))
    lines.push(`  ${d.table} ${d.key} ${d.month} ${d.counter}: 汇总 ${d.rollup}，业务记录 ${d.facts}`);
  if (report.differences.length > limit) lines.push(`  …… 另有 ${report.differences.length - limit} 处`);
  return lines;
}
