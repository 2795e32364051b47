// Yearly totals of service records per volunteer (for honours, 礼遇褒奖): confirmed hours of the
// calendar year in China time (historical 'opening' totals belong to no year and are left out), the
// number of confirmed records, and the records of the year still pending or rejected (a claim in
// dispute). Counted over the records the caller's scope shows (row-level security).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

export interface VolunteerYearHours {
  volunteerId: number;
  hours: number;
  records: number;
  pending: number;
  rejected: number;
}

export async function volunteerYearHours(
  tx: Tx,
  volunteerIds: readonly number[],
  year: number,
): Promise<Map<number, VolunteerYearHours>> {
  if (volunteerIds.length === 0) return new Map();
  const from = `${year}-01-01T00:00:00+08:00`;
  const to = `${year + 1}-01-01T00:00:00+08:00`;
  const rows = await tx
    .selectFrom('service_records')
    .select([
      'volunteer_id',
      sql<string>`coalesce(sum(hours) FILTER (WHERE status = 'confirmed'), 0)`.as('hours'),
      sql<number>`count(*) FILTER (WHERE status = 'confirmed')::int`.as('records'),
      sql<number>`count(*) FILTER (WHERE status = 'pending')::int`.as('pending'),
      sql<number>`count(*) FILTER (WHERE status = 'rejected')::int`.as('rejected'),
    ])
    .where(sql<boolean>`volunteer_id = ANY(${[...volunteerIds]}::bigint[])`)
    .where('kind', '<>', 'opening')
    .where('ended_at', '>=', new Date(from))
    .where('ended_at', '<', new Date(to))
    .groupBy('volunteer_id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.volunteer_id,
      {
        volunteerId: r.volunteer_id,
        hours: Number(r.hours),
        records: r.records,
        pending: r.pending,
        rejected: r.rejected,
      },
    ]),
  );
}
