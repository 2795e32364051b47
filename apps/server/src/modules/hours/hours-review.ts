// The steps every review of service records shares, whoever takes them (an admin in the console,
// a team leader on H5): the record's events, its audit entry, its detail with history and
// evidence, and the bulk confirmation with the second-person rule for backfilled and manual hours.
import { sql } from 'kysely';
import { auditAction, type Actor, type AuditTarget } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { EventBus, ServiceRecordFacts } from '../../platform/events.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import {
  needsSecondPerson,
  RECORD_NOT_FOUND,
  recordViewOf,
  selectRecords,
  type RecordRow,
} from './hours-view.ts';
import type { ServiceRecordDetail } from './hours.schema.ts';

export const SAME_PERSON_MESSAGE = '补录/手工录入的时长须由另一位管理员确认';

export type EventAction = 'create' | 'confirm' | 'correct' | 'reject';

/** Whom a bulk confirmation may touch beyond the scope: a leader only their teams' credit hours. */
export interface ConfirmLimits {
  teamIds?: readonly number[];
  /** the leader's own records are confirmed by someone else */
  exceptVolunteerId?: number;
  /** 0-hour records are confirmed only when the caller was told of them and went on (see zeroHoursRefusal) */
  includeZeroHours?: boolean | undefined;
  audit: { type: string; target: AuditTarget };
}

export async function addEvents(
  tx: Tx,
  actor: Actor,
  action: EventAction,
  rows: Array<{ id: number; org_path: string; from: number | null; to: number | null }>,
  reason: string | null,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('service_record_events')
    .values(
      rows.map((r) => ({
        record_id: r.id,
        org_path: r.org_path,
        action,
        from_hours: r.from,
        to_hours: r.to,
        reason,
        actor_user_id: actor.userId,
        actor_name: actor.displayName,
        created_at: now,
      })),
    )
    .execute();
}

const recordTarget = async (tx: Tx, row: Pick<RecordRow, 'id' | 'org_path'>): Promise<AuditTarget> => {
  const org = await tx.selectFrom('orgs').select('id').where('path', '=', row.org_path).executeTakeFirst();
  return { id: row.id, org_id: org?.id ?? null, org_path: row.org_path };
};

export async function auditRecord(
  tx: Tx,
  actor: Actor,
  action: string,
  row: Pick<RecordRow, 'id' | 'org_path' | 'volunteer_id'>,
  summary: Record<string, unknown>,
  now: Date,
) {
  await auditAction(
    tx,
    actor,
    action,
    'service_record',
    await recordTarget(tx, row),
    { volunteerId: row.volunteer_id, ...summary },
    now,
  );
}

export async function recordDetail(tx: Tx, actor: Actor, id: number): Promise<ServiceRecordDetail> {
  const row = await selectRecords(tx).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound(RECORD_NOT_FOUND);
  const events = await tx
    .selectFrom('service_record_events')
    .selectAll()
    .where('record_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...recordViewOf(row, actor.userId),
    evidenceUploadIds: row.evidence_upload_ids,
    events: events.map((e) => ({
      id: e.id,
      action: e.action as EventAction,
      fromHours: e.from_hours === null ? null : Number(e.from_hours),
      toHours: e.to_hours === null ? null : Number(e.to_hours),
      reason: e.reason,
      actorName: e.actor_name,
      createdAt: isoTimestamp(e.created_at),
    })),
  };
}

/**
 * A confirmation never credits 0 hours silently: a record of 0 hours (an activity ended before it
 * began, a stay shorter than the rounding step) is confirmed only when the reviewer was told.
 */
export function zeroHoursRefusal(count: number): Conflict {
  return new Conflict(
    `选中的记录中有 ${count} 条为 0 小时，确认后不增加服务时长。实际服务过的请先更正时长，未服务的请驳回；核对无误仍要确认的，请重新确认并同意包含 0 小时记录`,
    'ZERO_HOURS',
  );
}

/** The pending records among `ids` under `scopePath` (and within `limits`) a confirmation touches. */
function confirmable(tx: Tx, scopePath: string, ids: number[], limits: ConfirmLimits) {
  let query = tx
    .selectFrom('service_records')
    .select(['id', 'kind', 'created_by', 'hours'])
    .where('id', 'in', [...new Set(ids)])
    .where('status', '=', 'pending')
    .where(sql<boolean>`org_path <@ ${scopePath}::ltree`);
  if (limits.teamIds !== undefined) {
    query = query
      .where('source', '=', 'activity')
      .where('kind', '=', 'credit')
      .where(
        'source_id',
        'in',
        tx
          .selectFrom('activities')
          .select('id')
          .where(sql<boolean>`team_id = ANY(${[...limits.teamIds]}::bigint[])`),
      );
  }
  if (limits.exceptVolunteerId !== undefined)
    query = query.where('volunteer_id', '<>', limits.exceptVolunteerId);
  return query;
}

/** How many of the records a confirmation would touch carry 0 hours (a check before several scopes). */
export async function zeroHourCount(
  tx: Tx,
  scopePath: string,
  ids: number[],
  limits: ConfirmLimits,
): Promise<number> {
  const rows = await confirmable(tx, scopePath, ids, limits).execute();
  return rows.filter((r) => Number(r.hours) === 0).length;
}

/**
 * Confirms the pending records among `ids` that lie under `scopePath` (and within `limits`);
 * anything else is left alone. Refused as a whole when one of them needs a second person, or has
 * 0 hours and the caller did not say to include those.
 */
export async function confirmIn(
  tx: Tx,
  actor: Actor,
  scopePath: string,
  ids: number[],
  limits: ConfirmLimits,
  now: Date,
  events: EventBus,
): Promise<number> {
  // one lock order for everyone, so two bulk confirmations cannot deadlock
  const pending = await confirmable(tx, scopePath, ids, limits).orderBy('id').forUpdate().execute();
  if (pending.some((r) => needsSecondPerson(r, actor.userId)))
    throw new Conflict(SAME_PERSON_MESSAGE, 'SAME_PERSON');
  const zero = pending.filter((r) => Number(r.hours) === 0).length;
  if (zero > 0 && !limits.includeZeroHours) throw zeroHoursRefusal(zero);
  if (pending.length === 0) return 0;
  const confirmed = await tx
    .updateTable('service_records')
    .set({ status: 'confirmed', reviewed_by: actor.userId, reviewed_at: now, updated_at: now })
    .where(
      'id',
      'in',
      pending.map((r) => r.id),
    )
    .where('status', '=', 'pending')
    .returning(['id', 'org_path', 'hours', 'volunteer_id', 'source', 'source_id', 'kind', 'started_at'])
    .execute();
  await addEvents(
    tx,
    actor,
    'confirm',
    confirmed.map((r) => ({ id: r.id, org_path: r.org_path, from: Number(r.hours), to: Number(r.hours) })),
    null,
    now,
  );
  await auditAction(
    tx,
    actor,
    'hours.confirm',
    limits.audit.type,
    limits.audit.target,
    {
      recordIds: confirmed.map((r) => r.id),
      hours: Math.round(confirmed.reduce((sum, r) => sum + Number(r.hours), 0) * 10) / 10,
    },
    now,
  );
  // the modules above (points) react in this transaction
  await events.emit(tx, {
    type: 'serviceRecord.confirmed',
    records: confirmed.map(recordFacts),
    actorUserId: actor.userId,
    at: now,
  });
  return confirmed.length;
}

/** What a domain event tells of a service record. */
export function recordFacts(r: {
  id: number;
  volunteer_id: number;
  hours: number | string;
  source: string;
  source_id: number | null;
  kind: string;
  org_path: string;
  started_at: Date | string;
}): ServiceRecordFacts {
  return {
    recordId: r.id,
    volunteerId: r.volunteer_id,
    hours: Number(r.hours),
    source: r.source,
    sourceId: r.source_id,
    kind: r.kind,
    orgPath: r.org_path,
    servedAt: new Date(r.started_at),
  };
}
