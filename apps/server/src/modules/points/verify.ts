// npm run points:verify: every stored balance must equal the sum of its holder's entries and every
// lifetime total the sum of what the entries added to it (an award's points, a positive
// adjustment's, minus an award taken back); each entry's resulting balance must follow from the
// one before. post_points keeps them so in one transaction; this recomputes them all from the
// ledger and names the first holder that differs.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface HolderMismatch {
  holderType: string;
  holderId: number;
  /** the volunteer's number, when the holder is a volunteer */
  label: string | null;
  balance: number;
  fromEntries: number;
  lifetime: number;
  lifetimeFromEntries: number;
}

export interface PointsReport {
  holders: number;
  entries: number;
  mismatches: number;
  first: HolderMismatch | null;
  ok: boolean;
}

export async function verifyPoints(db: Db): Promise<PointsReport> {
  const { rows } = await sql<{
    holders: string;
    entries: string;
    mismatches: string;
    holder_type: string | null;
    holder_id: string | null;
    label: string | null;
    balance: number | null;
    from_entries: number | null;
    lifetime: number | null;
    lifetime_from_entries: number | null;
  }>`
    WITH sums AS (
      SELECT holder_type, holder_id, sum(delta)::int AS from_entries,
             sum(lifetime_delta)::int AS lifetime_from_entries,
             -- each entry's resulting balance is the running sum up to it
             bool_and(running = balance_after AND running_life = lifetime_after) AS chained
        FROM (SELECT *, sum(delta) OVER w AS running, sum(lifetime_delta) OVER w AS running_life
                FROM point_entries
              WINDOW w AS (PARTITION BY holder_type, holder_id ORDER BY id)) e
       GROUP BY holder_type, holder_id
    ), joined AS (
      SELECT coalesce(b.holder_type, s.holder_type) AS holder_type,
             coalesce(b.holder_id, s.holder_id) AS holder_id,
             coalesce(b.balance, 0) AS balance, coalesce(s.from_entries, 0) AS from_entries,
             coalesce(b.lifetime, 0) AS lifetime, coalesce(s.lifetime_from_entries, 0) AS lifetime_from_entries,
             coalesce(s.chained, true) AS chained
        FROM point_balances b
        FULL JOIN sums s ON s.holder_type = b.holder_type AND s.holder_id = b.holder_id
    ), wrong AS (
      SELECT * FROM joined
       WHERE balance <> from_entries OR lifetime <> lifetime_from_entries OR NOT chained
    )
    SELECT (SELECT count(*) FROM joined) AS holders,
           (SELECT count(*) FROM point_entries) AS entries,
           (SELECT count(*) FROM wrong) AS mismatches,
           f.holder_type, f.holder_id, f.balance, f.from_entries, f.lifetime, f.lifetime_from_entries,
           (SELECT v.volunteer_no FROM volunteers v
             WHERE f.holder_type = 'volunteer' AND v.id = f.holder_id) AS label
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (SELECT * FROM wrong ORDER BY holder_type DESC, holder_id LIMIT 1) f ON true`.execute(
    db,
  );
  const r = rows[0]!;
  const mismatches = Number(r.mismatches);
  return {
    holders: Number(r.holders),
    entries: Number(r.entries),
    mismatches,
    first:
      r.holder_id === null
        ? null
        : {
            holderType: r.holder_type!,
            holderId: Number(r.holder_id),
            label: r.label,
            balance: r.balance!,
            fromEntries: r.from_entries!,
            lifetime: r.lifetime!,
            lifetimeFromEntries: r.lifetime_from_entries!,
          },
    ok: mismatches === 0,
  };
}

export function describePoints(report: PointsReport): string[] {
  if (report.ok) return [`积分余额与积分流水一致：${report.holders} 个积分账户，${report.entries} 条流水。`];
  const f = report.first!;
  const who =
    f.holderType === 'volunteer'
      ? `志愿者 ${f.label ?? `#${f.holderId}`}（编号 ${f.holderId}）`
      : `户 #${f.holderId}`;
  return [
    `积分余额与积分流水不一致：${report.mismatches} 个积分账户（共 ${report.holders} 个）。`,
    `第一个：${who}，可用积分 ${f.balance}，流水合计 ${f.fromEntries}；终身积分 ${f.lifetime}，流水合计 ${f.lifetimeFromEntries}。`,
  ];
}
