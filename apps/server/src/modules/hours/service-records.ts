// The one way served work becomes a service record (服务记录): an activity's check-out or close and
// an order's finish call recordService inside their own transaction, and it leaves one pending
// credit record per volunteer — rounded by the org's hour rule, capped at the source's length and
// at 24 h — with its 'create' event. The lifetime-hours trigger of 0006 follows the records once
// they are confirmed. Nothing outside this module writes service_records or its events.
import { sql } from 'kysely';
import {
  DEFAULT_HOUR_RULE,
  minutesBetween,
  roundServiceHours,
  type HourRounding,
  type HourRule,
  type HourStep,
} from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';

/** Rows per multi-row insert: a large public activity must stay under 65,535 bind parameters. */
const INSERT_SLICE = 1000;

/** Who leaves the records: a user, or the system (the automatic close) with a name to show. */
export interface RecordActor {
  userId: number | null;
  name: string | null;
}

/** One volunteer's stretch of work, already clamped by the caller to what may count. */
export interface ServedWork {
  volunteerId: number;
  startedAt: Date;
  endedAt: Date;
  /** the reason on the record's 'create' event (签退：扫码签退, 完成服务：D2026…) */
  reason: string;
}

export interface ServiceInput {
  source: 'activity' | 'order';
  sourceId: number;
  /** the org of the activity or order: its hour rule applies and the records live under it */
  orgPath: string;
  /** the source's length in minutes: no record of it is credited more */
  capMinutes?: number | undefined;
  by: RecordActor;
  now: Date;
  served: readonly ServedWork[];
}

export interface Credit {
  volunteerId: number;
  minutes: number;
  hours: number;
  /** null when the volunteer already had a record of this source: that one is kept as it is */
  recordId: number | null;
}

/** The hour rule of the nearest org at or above `orgPath` that set one; else round down to 0.5 h. */
export async function hourRuleFor(tx: Tx, orgPath: string): Promise<HourRule> {
  const row = await tx
    .selectFrom('hour_rules')
    .select(['step_minutes', 'rounding'])
    .where(sql<boolean>`org_path @> ${orgPath}::ltree`)
    .orderBy(sql`nlevel(org_path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? { stepMinutes: row.step_minutes as HourStep, rounding: row.rounding as HourRounding }
    : DEFAULT_HOUR_RULE;
}

/**
 * Leaves a pending credit record (and its 'create' event) for each volunteer who served, in the
 * caller's transaction. A volunteer who already has a record of this source keeps it untouched, so
 * a retried check-out or a second close changes nothing.
 */
export async function recordService(tx: Tx, input: ServiceInput): Promise<Credit[]> {
  if (input.served.length === 0) return [];
  const rule = await hourRuleFor(tx, input.orgPath);
  const credits = new Map<number, Credit>();
  const values = input.served.map((work) => {
    const minutes = minutesBetween(work.startedAt, work.endedAt);
    const hours = roundServiceHours(minutes, rule, input.capMinutes);
    credits.set(work.volunteerId, { volunteerId: work.volunteerId, minutes, hours, recordId: null });
    return {
      volunteer_id: work.volunteerId,
      org_path: input.orgPath,
      source: input.source,
      source_id: input.sourceId,
      kind: 'credit',
      started_at: work.startedAt,
      ended_at: work.endedAt,
      minutes,
      hours,
      created_by: input.by.userId,
      created_at: input.now,
      updated_at: input.now,
    };
  });
  const reasonOf = new Map(input.served.map((work) => [work.volunteerId, work.reason]));
  for (let i = 0; i < values.length; i += INSERT_SLICE) {
    const inserted = await tx
      .insertInto('service_records')
      .values(values.slice(i, i + INSERT_SLICE))
      .onConflict((oc) => oc.columns(['source', 'source_id', 'volunteer_id']).doNothing())
      .returning(['id', 'volunteer_id', 'hours'])
      .execute();
    if (inserted.length === 0) continue;
    for (const r of inserted) {
      const credit = credits.get(r.volunteer_id)!;
      credit.recordId = r.id;
      credit.hours = Number(r.hours);
    }
    await tx
      .insertInto('service_record_events')
      .values(
        inserted.map((r) => ({
          record_id: r.id,
          org_path: input.orgPath,
          action: 'create',
          from_hours: null,
          to_hours: Number(r.hours),
          reason: reasonOf.get(r.volunteer_id) ?? null,
          actor_user_id: input.by.userId,
          actor_name: input.by.name,
          created_at: input.now,
        })),
      )
      .execute();
  }
  return [...credits.values()];
}

/** The hours of a volunteer's record of a source, if there is one (a retried check-out reports them). */
export async function creditedHours(
  tx: Tx,
  source: 'activity' | 'order',
  sourceId: number,
  volunteerId: number,
): Promise<number | undefined> {
  const row = await tx
    .selectFrom('service_records')
    .select('hours')
    .where('source', '=', source)
    .where('source_id', '=', sourceId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
  return row ? Number(row.hours) : undefined;
}
