// The rebuild of the rollup (`npm run assessment:rebuild`): every org_day_facts row recomputed from
// the recorded facts — activities, service records, orders and their events — by the same rules the
// event handlers of facts.ts follow, compared with the stored rows (every difference: org, day,
// counter, rollup vs facts), and with --fix the table replaced by the recomputed rows. Tests use
// the same functions to check the rollup after any mix of writes.
import { sql } from 'kysely';
import { OUR_FESTIVALS } from '@civic/contracts';
import type { Db, Executor, Tx } from '../../platform/db/database.ts';
import { FACT_COUNTERS, type FactCounter } from './facts.ts';

export type FactRow = { orgId: number; day: string } & Record<FactCounter, number>;

export interface FactDifference {
  orgId: number;
  orgName: string;
  day: string;
  /** a counter of a day row, or `month.<counter>` of a month row */
  counter: FactCounter | `month.${FactCounter}`;
  rollup: number;
  facts: number;
}

export interface RebuildReport {
  rollupRows: number;
  factRows: number;
  differences: FactDifference[];
  ok: boolean;
}

const SUMS = FACT_COUNTERS.map((c) => `sum(${c})::numeric AS ${c}`).join(', ');

/**
 * The rows the recorded facts give, as SQL (one row per org and China day with any fact). Each
 * branch gives the counters in FACT_COUNTERS order: activities_held, festival_activities_held,
 * service_records, service_hours, orders_received, orders_closed, orders_closed_on_time,
 * rating_sum, rating_count.
 */
function factsQuery() {
  const day = (column: string) => `(${column} AT TIME ZONE 'Asia/Shanghai')::date`;
  const festivals = `ARRAY[${OUR_FESTIVALS.map((f) => `'${f}'`).join(', ')}]::text[]`;
  return sql.raw(`
    SELECT org_id, day, ${SUMS} FROM (
      SELECT a.org_id, ${day('a.starts_at')} AS day, 1 AS activities_held,
             (a.festival IS NOT NULL AND a.festival = ANY (${festivals}))::int AS festival_activities_held,
             0 AS service_records, 0::numeric AS service_hours, 0 AS orders_received, 0 AS orders_closed,
             0 AS orders_closed_on_time, 0 AS rating_sum, 0 AS rating_count
        FROM activities a WHERE a.status IN ('finished', 'archived')
      UNION ALL
      SELECT o.id, ${day('r.started_at')}, 0, 0, 1, r.hours, 0, 0, 0, 0, 0
        FROM service_records r JOIN orgs o ON o.path = r.org_path
       WHERE r.status = 'confirmed' AND r.kind <> 'opening'
      UNION ALL
      SELECT o.org_id, ${day('o.created_at')}, 0, 0, 0, 0, 1, 0, 0, 0, 0
        FROM orders o
      UNION ALL
      SELECT o.org_id, ${day('o.closed_at')}, 0, 0, 0, 0, 0, 1,
             (NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.action = 'escalate'))::int,
             0, 0
        FROM orders o WHERE o.status = 'closed' AND o.closed_at IS NOT NULL
      UNION ALL
      SELECT o.org_id, ${day('o.rated_at')}, 0, 0, 0, 0, 0, 0, 0, o.rating, 1
        FROM orders o WHERE o.rating IS NOT NULL AND o.rated_at IS NOT NULL
    ) f
    GROUP BY org_id, day`);
}

interface RawRow {
  org_id: string | number;
  day: string;
  [counter: string]: string | number;
}

const toRow = (r: RawRow): FactRow =>
  ({
    orgId: Number(r.org_id),
    day: String(r.day),
    ...Object.fromEntries(FACT_COUNTERS.map((c) => [c, Number(r[c] ?? 0)])),
  }) as FactRow;

/** Every row the recorded facts give, in org and day order. */
export async function recomputeFacts(db: Executor): Promise<FactRow[]> {
  const { rows } = await sql<RawRow>`SELECT org_id, to_char(day, 'YYYY-MM-DD') AS day, ${sql.raw(
    FACT_COUNTERS.join(', '),
  )} FROM (${factsQuery()}) q ORDER BY org_id, day`.execute(db);
  return rows.map(toRow);
}

/** Every stored rollup row, in org and day order. */
export async function storedFacts(db: Executor): Promise<FactRow[]> {
  const { rows } = await sql<RawRow>`SELECT org_id, to_char(day, 'YYYY-MM-DD') AS day, ${sql.raw(
    FACT_COUNTERS.join(', '),
  )} FROM org_day_facts ORDER BY org_id, day`.execute(db);
  return rows.map(toRow);
}

/** Every counter of every org and day where the rollup and the facts differ (a missing row is zeros). */
export function compareFacts(
  stored: FactRow[],
  facts: FactRow[],
): Array<Omit<FactDifference, 'orgName' | 'counter'> & { counter: FactCounter }> {
  const key = (r: FactRow) => `${r.orgId}|${r.day}`;
  const a = new Map(stored.map((r) => [key(r), r]));
  const b = new Map(facts.map((r) => [key(r), r]));
  const out: Array<Omit<FactDifference, 'orgName' | 'counter'> & { counter: FactCounter }> = [];
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const s = a.get(k);
    const f = b.get(k);
    const [orgId, day] = [(s ?? f)!.orgId, (s ?? f)!.day];
    for (const counter of FACT_COUNTERS) {
      const rollup = s?.[counter] ?? 0;
      const fromFacts = f?.[counter] ?? 0;
      if (Math.abs(rollup - fromFacts) > 1e-9) out.push({ orgId, day, counter, rollup, facts: fromFacts });
    }
  }
  return out;
}

/** The stored month rows, and the month rows the stored day rows sum to (day = the month's first day). */
async function monthRows(db: Executor): Promise<{ stored: FactRow[]; fromDays: FactRow[] }> {
  const cols = sql.raw(FACT_COUNTERS.join(', '));
  const [stored, fromDays] = await Promise.all([
    sql<RawRow>`SELECT org_id, to_char(month, 'YYYY-MM-DD') AS day, ${cols} FROM org_month_facts`.execute(db),
    sql<RawRow>`SELECT org_id, to_char(date_trunc('month', day), 'YYYY-MM-DD') AS day, ${sql.raw(SUMS)}
      FROM org_day_facts GROUP BY org_id, date_trunc('month', day)`.execute(db),
  ]);
  return { stored: stored.rows.map(toRow), fromDays: fromDays.rows.map(toRow) };
}

/**
 * Recomputes the rollup from the facts and lists every difference from the stored day rows, then
 * every month row that is not the sum of its day rows (its day is the month's first, its counter
 * prefixed `month.`).
 */
export async function checkRollup(db: Executor): Promise<RebuildReport> {
  const [stored, facts, months] = await Promise.all([storedFacts(db), recomputeFacts(db), monthRows(db)]);
  const raw = [
    ...compareFacts(stored, facts),
    ...compareFacts(months.stored, months.fromDays).map((d) => ({
      ...d,
      counter: `month.${d.counter}` as const,
    })),
  ];
  const ids = [...new Set(raw.map((d) => d.orgId))];
  const names = new Map<number, string>();
  if (ids.length > 0) {
    const orgs = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute();
    for (const o of orgs) names.set(o.id, o.name);
  }
  const differences = raw.map((d) => ({ ...d, orgName: names.get(d.orgId) ?? `#${d.orgId}` }));
  return { rollupRows: stored.length, factRows: facts.length, differences, ok: differences.length === 0 };
}

/**
 * Replaces the rollup by the rows the facts give, in the caller's transaction (the owner's: the
 * seed's, or rebuildRollup's). The table is locked against the event handlers' writes first, so a
 * fact committed meanwhile is either in the recompute or added after it, never lost or counted twice.
 */
export async function replaceRollup(tx: Tx): Promise<number> {
  // both tables, in the order add_org_day_facts() writes them
  await sql`LOCK TABLE org_day_facts, org_month_facts IN EXCLUSIVE MODE`.execute(tx);
  await sql`DELETE FROM org_day_facts`.execute(tx);
  const cols = FACT_COUNTERS.join(', ');
  const result = await sql`INSERT INTO org_day_facts (org_id, org_path, day, ${sql.raw(cols)})
    SELECT q.org_id, o.path, q.day, ${sql.raw(FACT_COUNTERS.map((c) => `q.${c}`).join(', '))}
      FROM (${factsQuery()}) q JOIN orgs o ON o.id = q.org_id`.execute(tx);
  await sql`DELETE FROM org_month_facts`.execute(tx);
  await sql`INSERT INTO org_month_facts (org_id, org_path, month, ${sql.raw(cols)})
    SELECT org_id, org_path, date_trunc('month', day)::date, ${sql.raw(SUMS)}
      FROM org_day_facts GROUP BY org_id, org_path, date_trunc('month', day)`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/** replaceRollup in a transaction of its own on the owner connection (`--fix`). */
export async function rebuildRollup(system: Db): Promise<number> {
  return system.transaction().execute((tx) => replaceRollup(tx));
}

/** The report's lines: a summary, then every difference (for the CLI). */
export function describeRebuild(report: RebuildReport, limit = 200): string[] {
  const lines = [
    `汇总表 ${report.rollupRows} 行，按业务记录重算 ${report.factRows} 行：` +
      (report.ok ? '一致。' : `${report.differences.length} 处不一致。`),
  ];
  for (const d of report.differences.slice(0, limit))
    lines.push(`  ${d.orgName}（#${d.orgId}） ${d.day} ${d.counter}: 汇总 ${d.rollup}，业务记录 ${d.facts}`);
  if (report.differences.length > limit) lines.push(`  …… 另有 ${report.differences.length - limit} 处`);
  return lines;
}
