// What a certificate (志愿服务记录证明, modules/certificates) may certify of a volunteer's service: their
// confirmed records that ended within a period (China dates), optionally only those whose org lies
// in one subtree — the issuing org's, since only the org that organised a service or one above it
// may certify it. Runs in the caller's transaction and under its row-level security.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { selectRecords, sourceTitleOf } from './hours-view.ts';

export interface CertifiableRecord {
  id: number;
  /** The org that organised the service (the record's org), by id and path. */
  orgId: number;
  orgPath: string;
  /** Its full name, even when the org is above the caller's scope. */
  orgName: string;
  /** The activity's title, the order's number, the manual record's note or the opening's origin. */
  title: string;
  source: string;
  startedAt: string;
  endedAt: string;
  hours: number;
}

/** Midnight in China (UTC+8, no daylight saving) of a YYYY-MM-DD date, as an instant. */
function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A volunteer's confirmed service records that ended between `from` and `to` (inclusive China
 * dates), oldest first; with `withinPath`, only those of that org or below it.
 */
export async function confirmedRecordsInPeriod(
  tx: Tx,
  query: { volunteerId: number; from: string; to: string; withinPath?: string },
): Promise<CertifiableRecord[]> {
  let q = selectRecords(tx)
    .select(sql<number>`subpath(r.org_path, -1)::text::bigint`.as('org_id'))
    .select(sql<string>`org_name(subpath(r.org_path, -1)::text::bigint)`.as('org_name'))
    .where('r.volunteer_id', '=', query.volunteerId)
    .where('r.status', '=', 'confirmed')
    .where('r.ended_at', '>=', chinaMidnight(query.from))
    .where('r.ended_at', '<', chinaMidnight(nextDay(query.to)));
  if (query.withinPath) q = q.where(sql<boolean>`r.org_path <@ ${query.withinPath}::ltree`);
  const rows = await q.orderBy('r.ended_at').orderBy('r.id').execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: Number(r.org_id),
    orgPath: r.org_path,
    orgName: r.org_name ?? '',
    title: sourceTitleOf(r),
    source: r.source,
    startedAt: isoTimestamp(r.started_at),
    endedAt: isoTimestamp(r.ended_at),
    hours: Number(r.hours),
  }));
}
