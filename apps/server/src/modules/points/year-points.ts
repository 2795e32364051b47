// Points earned per volunteer in a calendar year (China time), for honours (礼遇褒奖): the sum of
// the entries' lifetime_delta, so awards count, reversals take them back and spending at the store
// never lowers a volunteer's standing. Over the entries the caller's scope shows.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

export async function volunteerYearPoints(
  tx: Tx,
  volunteerIds: readonly number[],
  year: number,
): Promise<Map<number, number>> {
  if (volunteerIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('point_entries')
    .select(['holder_id', sql<number>`coalesce(sum(lifetime_delta), 0)::int`.as('points')])
    .where('holder_type', '=', 'volunteer')
    .where(sql<boolean>`holder_id = ANY(${[...volunteerIds]}::bigint[])`)
    .where('occurred_at', '>=', new Date(`${year}-01-01T00:00:00+08:00`))
    .where('occurred_at', '<', new Date(`${year + 1}-01-01T00:00:00+08:00`))
    .groupBy('holder_id')
    .execute();
  return new Map(rows.map((r) => [r.holder_id, r.points]));
}

/**
 * The points each household earned in the year (China time): the sum of the year's lifetime changes
 * of its ledger — awards, less the reversals of voided awards; spending at the store does not count.
 */
export async function householdYearPoints(
  tx: Tx,
  householdIds: readonly number[],
  year: number,
): Promise<Map<number, number>> {
  if (householdIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('point_entries')
    .select(['holder_id', sql<number>`coalesce(sum(lifetime_delta), 0)::int`.as('points')])
    .where('holder_type', '=', 'household')
    .where(sql<boolean>`holder_id = ANY(${[...householdIds]}::bigint[])`)
    .where('occurred_at', '>=', new Date(`${year}-01-01T00:00:00+08:00`))
    .where('occurred_at', '<', new Date(`${year + 1}-01-01T00:00:00+08:00`))
    .groupBy('holder_id')
    .execute();
  return new Map(rows.map((r) => [r.holder_id, r.points]));
}
