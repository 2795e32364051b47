// Totals that must equal their records (npm run hours:verify). A volunteer's lifetime_hours is kept
// by the trigger of 0008 in the same transaction as the record's change; this recomputes every total
// from the records and names the first one that differs, so a fault in any path shows at once.
// Year figures (volunteer_hours_by_year) and the team and org totals of the console are computed
// from the records on every read and store nothing, so lifetime_hours is the one stored total; the
// check also proves that each record's hours are what its own events say they became.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface TotalMismatch {
  volunteerId: number;
  volunteerNo: string;
  stored: number;
  fromRecords: number;
}

export interface RecordMismatch {
  recordId: number;
  volunteerId: number;
  hours: number;
  /** the to_hours of the record's latest create or correct event (null: it has none) */
  fromEvents: number | null;
}

export interface HourTotalsReport {
  volunteers: number;
  records: number;
  /** volunteers whose lifetime_hours differs from the sum of their confirmed records */
  totalMismatches: number;
  firstTotalMismatch: TotalMismatch | null;
  /** records whose hours differ from the value their events last set */
  recordMismatches: number;
  firstRecordMismatch: RecordMismatch | null;
  ok: boolean;
}

/** Recomputes every stored total from the records, with a connection that sees every org. */
export async function verifyHourTotals(db: Db): Promise<HourTotalsReport> {
  const totals = await sql<{
    volunteers: string;
    mismatches: string;
    first_id: string | null;
    first_no: string | null;
    first_stored: string | null;
    first_sum: string | null;
  }>`
    WITH sums AS (
      SELECT v.id, v.volunteer_no, v.lifetime_hours AS stored,
             coalesce((SELECT sum(r.hours) FROM service_records r
                        WHERE r.volunteer_id = v.id AND r.status = 'confirmed'), 0) AS from_records
        FROM volunteers v
    ), wrong AS (SELECT * FROM sums WHERE stored <> from_records)
    SELECT (SELECT count(*) FROM sums) AS volunteers,
           (SELECT count(*) FROM wrong) AS mismatches,
           f.id AS first_id, f.volunteer_no AS first_no, f.stored AS first_stored, f.from_records AS first_sum
      FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM wrong ORDER BY id LIMIT 1) f ON true`.execute(db);
  const records = await sql<{
    records: string;
    mismatches: string;
    first_id: string | null;
    first_volunteer: string | null;
    first_hours: string | null;
    first_events: string | null;
  }>`
    WITH latest AS (
      SELECT r.id, r.volunteer_id, r.hours,
             (SELECT e.to_hours FROM service_record_events e
               WHERE e.record_id = r.id AND e.action IN ('create', 'correct')
               ORDER BY e.id DESC LIMIT 1) AS from_events
        FROM service_records r
    ), wrong AS (SELECT * FROM latest WHERE from_events IS DISTINCT FROM hours)
    SELECT (SELECT count(*) FROM latest) AS records,
           (SELECT count(*) FROM wrong) AS mismatches,
           f.id AS first_id, f.volunteer_id AS first_volunteer, f.hours AS first_hours,
           f.from_events AS first_events
      FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM wrong ORDER BY id LIMIT 1) f ON true`.execute(db);
  const t = totals.rows[0]!;
  const r = records.rows[0]!;
  const totalMismatches = Number(t.mismatches);
  const recordMismatches = Number(r.mismatches);
  return {
    volunteers: Number(t.volunteers),
    records: Number(r.records),
    totalMismatches,
    firstTotalMismatch:
      t.first_id === null
        ? null
        : {
            volunteerId: Number(t.first_id),
            volunteerNo: t.first_no ?? '',
            stored: Number(t.first_stored),
            fromRecords: Number(t.first_sum),
          },
    recordMismatches,
    firstRecordMismatch:
      r.first_id === null
        ? null
        : {
            recordId: Number(r.first_id),
            volunteerId: Number(r.first_volunteer),
            hours: Number(r.first_hours),
            fromEvents: r.first_events === null ? null : Number(r.first_events),
          },
    ok: totalMismatches === 0 && recordMismatches === 0,
  };
}

/** The report in Chinese, one line per check; the first differing total is named. */
export function describeHourTotals(report: HourTotalsReport): string[] {
  const lines: string[] = [];
  const t = report.firstTotalMismatch;
  lines.push(
    t
      ? `累计时长与服务记录不一致：${report.totalMismatches} 名志愿者，首个为志愿者 ${t.volunteerNo}（id ${t.volunteerId}）：累计 ${t.stored} 小时，记录合计 ${t.fromRecords} 小时。`
      : `累计时长与服务记录一致：共校验 ${report.volunteers} 名志愿者。`,
  );
  const r = report.firstRecordMismatch;
  lines.push(
    r
      ? `服务记录与其变更记录不一致：${report.recordMismatches} 条，首条为记录 ${r.recordId}（志愿者 id ${r.volunteerId}）：记录 ${r.hours} 小时，变更记录为 ${r.fromEvents ?? '无'}。`
      : `每条服务记录的时长与其变更记录一致：共校验 ${report.records} 条。`,
  );
  return lines;
}
