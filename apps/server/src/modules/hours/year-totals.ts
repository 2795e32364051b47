// Yearly totals of service records per volunteer (for honours, 礼遇褒奖): confirmed hours of the
// calendar year in China time (historical 'opening' totals belong to no year and are left out), the
// number of confirmed records, and the records of the year still pending or rejected (a claim in
// dispute). Like the lifetime hours, every record of the volunteer counts, whichever org organised
// the service; only volunteers in the caller's scope are counted (volunteer_year_service, 0022).
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
  const { rows } = await sql<{
    volunteer_id: string | number;
    hours: string;
    records: number;
    pending: number;
    rejected: number;
  }>`SELECT * FROM volunteer_year_service(${[...volunteerIds]}::bigint[], ${year}::int)`.execute(tx);
  return new Map(
    rows.map((r) => [
      Number(r.volunteer_id),
      {
        volunteerId: Number(r.volunteer_id),
        hours: Number(r.hours),
        records: r.records,
        pending: r.pending,
        rejected: r.rejected,
      },
    ]),
  );
}
