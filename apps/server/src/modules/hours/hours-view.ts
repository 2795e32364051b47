// How service records are read and shown: one query with the volunteer, the source (activity title,
// order number, manual description) and who entered and reviewed it, and the view that may leave
// the server. Names of the people come from the record's own events first (they carry the name at
// the time, and are visible wherever the record is), the users table second.
import { sql } from 'kysely';
import {
  MAX_OPENING_HOURS,
  MAX_RECORD_HOURS,
  OPENING_ORIGIN_LABELS,
  type OpeningOrigin,
  type ServiceRecordKind,
  type ServiceRecordSource,
  type ServiceRecordStatus,
} from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';
import { isoTimestamp } from '../../platform/time.ts';
import type { ServiceRecordView } from './hours.schema.ts';
import { maxCreditHours, spanMinutes } from './service-sources.ts';

export const RECORD_NOT_FOUND = '服务记录不存在或不在您的数据范围内';

export function selectRecords(tx: Tx) {
  return tx
    .selectFrom('service_records as r')
    .leftJoin('volunteers as v', 'v.id', 'r.volunteer_id')
    .leftJoin('activities as a', (join) =>
      join.onRef('a.id', '=', 'r.source_id').on('r.source', '=', 'activity'),
    )
    .leftJoin('orders as o', (join) => join.onRef('o.id', '=', 'r.source_id').on('r.source', '=', 'order'))
    .leftJoin('users as cu', 'cu.id', 'r.created_by')
    .leftJoin('users as ru', 'ru.id', 'r.reviewed_by')
    .select([
      'r.id',
      'r.volunteer_id',
      'r.org_path',
      'r.source',
      'r.source_id',
      'r.kind',
      'r.status',
      'r.hours',
      'r.minutes',
      'r.started_at',
      'r.ended_at',
      'r.note',
      'r.reject_reason',
      'r.origin',
      'r.origin_name',
      'r.place',
      'r.evidence_upload_ids',
      'r.created_at',
      'r.created_by',
      'r.reviewed_at',
      'v.name as volunteer_name',
      'v.volunteer_no',
      'a.title as activity_title',
      'a.starts_at as activity_starts_at',
      'a.ends_at as activity_ends_at',
      'o.order_no',
    ])
    .select(
      sql<string | null>`coalesce((SELECT e.actor_name FROM service_record_events e
        WHERE e.record_id = r.id AND e.action = 'create' ORDER BY e.id LIMIT 1), cu.display_name)`.as(
        'created_by_name',
      ),
    )
    .select(
      sql<string | null>`CASE WHEN r.reviewed_by IS NULL THEN NULL ELSE coalesce((SELECT e.actor_name
        FROM service_record_events e WHERE e.record_id = r.id AND e.action IN ('confirm', 'reject')
        ORDER BY e.id DESC LIMIT 1), ru.display_name) END`.as('reviewed_by_name'),
    );
}

export type RecordRow = Awaited<ReturnType<ReturnType<typeof selectRecords>['executeTakeFirstOrThrow']>>;

/**
 * The most a record may be credited: its activity's length (when known), never over 24 h; an
 * opening record sums years of service before the platform.
 */
export function maxHoursOf(
  row: Pick<RecordRow, 'source' | 'activity_starts_at' | 'activity_ends_at' | 'started_at' | 'ended_at'>,
): number {
  if (row.source === 'opening') return MAX_OPENING_HOURS;
  // a self-logged record: the time the volunteer said they served
  if (row.source === 'self') return maxCreditHours(spanMinutes(row.started_at, row.ended_at));
  if (row.source === 'activity' && row.activity_starts_at && row.activity_ends_at) {
    return maxCreditHours(spanMinutes(row.activity_starts_at, row.activity_ends_at));
  }
  return MAX_RECORD_HOURS;
}

export function sourceTitleOf(
  row: Pick<RecordRow, 'source' | 'activity_title' | 'order_no' | 'note' | 'origin' | 'origin_name'>,
): string {
  if (row.source === 'activity') return row.activity_title ?? '活动';
  if (row.source === 'order') return row.order_no ?? '点单服务';
  if (row.source === 'opening')
    return `${row.origin_name ?? ''}（${OPENING_ORIGIN_LABELS[row.origin as OpeningOrigin] ?? '历史记录'}）`;
  return row.note ?? '其他服务';
}

/** Backfilled, manual and opening hours need a second person: whoever entered them cannot confirm them. */
export function needsSecondPerson(row: Pick<RecordRow, 'kind' | 'created_by'>, userId: number): boolean {
  return row.kind !== 'credit' && row.created_by === userId;
}

export function recordViewOf(row: RecordRow, userId: number): ServiceRecordView {
  return {
    id: row.id,
    volunteerId: row.volunteer_id,
    volunteerName: row.volunteer_name ?? '（其他单位志愿者）',
    volunteerNo: row.volunteer_no ?? '',
    source: row.source as ServiceRecordSource,
    sourceId: row.source_id,
    sourceTitle: sourceTitleOf(row),
    kind: row.kind as ServiceRecordKind,
    status: row.status as ServiceRecordStatus,
    hours: Number(row.hours),
    minutes: row.minutes,
    startedAt: isoTimestamp(row.started_at),
    endedAt: isoTimestamp(row.ended_at),
    note: row.note,
    origin: row.origin as OpeningOrigin | null,
    originName: row.origin_name,
    place: row.place,
    rejectReason: row.reject_reason,
    createdAt: isoTimestamp(row.created_at),
    createdByName: row.created_by_name,
    reviewedAt: isoTimestamp(row.reviewed_at),
    reviewedByName: row.reviewed_by_name,
    maxHours: maxHoursOf(row),
    confirmable: row.status === 'pending' && !needsSecondPerson(row, userId),
  };
}
