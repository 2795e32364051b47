// The rules of attendance, shared by the volunteer's scan, the organiser's manual check-in, the
// organiser's 'finish' and the automatic close: the time window, who may check in, the geofence,
// writing a check-in or check-out exactly once, and the pending credit record a check-out leaves
// (through the hours module, which rounds it by the org's hour rule; capped at the activity's length).
import { sql } from 'kysely';
import {
  CHECKIN_METHOD_LABELS,
  CHECKIN_OPENS_BEFORE_MIN,
  CHECKOUT_CLOSES_AFTER_MIN,
  checkGeofence,
  type CheckinMethod,
} from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events.ts';
import { AppError, Conflict, Forbidden, Invalid } from '../../platform/errors.ts';
import { creditedHours, recordService, type RecordActor } from '../hours/index.ts';
import { activityMinutes, type ActivityRow } from './activity-store.ts';
import type { CheckinDirection } from './checkin-token.ts';

const MINUTE = 60_000;
/** Beyond this the phone's own estimate of its error is worth telling the volunteer about. */
const POOR_ACCURACY_M = 100;

/** The columns attendance needs. */
export type AttendanceActivity = Pick<
  ActivityRow,
  | 'id'
  | 'org_id'
  | 'org_path'
  | 'title'
  | 'status'
  | 'starts_at'
  | 'ends_at'
  | 'latitude'
  | 'longitude'
  | 'geofence_m'
  | 'audience'
>;
export const ATTENDANCE_COLUMNS = [
  'id',
  'org_id',
  'org_path',
  'title',
  'status',
  'starts_at',
  'ends_at',
  'latitude',
  'longitude',
  'geofence_m',
  'audience',
] as const;

/** "11-24 09:00" in Beijing time. */
export function beijing(d: Date | string): string {
  return new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
}

/** "2026-11-24 09:00" in Beijing time (the Excel sheet). */
export function beijingFull(d: Date | string | null): string {
  return d
    ? new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
    : '';
}

export const at = (d: Date | string) => new Date(d).getTime();

/** Why a check-in or check-out is refused at `now` by the activity's status and times, or null. */
export function attendanceWindowProblem(
  activity: Pick<AttendanceActivity, 'status' | 'starts_at' | 'ends_at'>,
  direction: CheckinDirection,
  now: Date,
): AppError | null {
  if (activity.status === 'cancelled') return new Conflict('活动已取消', 'ACTIVITY_CANCELLED');
  if (activity.status === 'draft') return new Conflict('活动尚未发布', 'ACTIVITY_NOT_PUBLISHED');
  if (direction === 'in') {
    if (!['published', 'in_progress'].includes(activity.status) || now.getTime() >= at(activity.ends_at))
      return new Invalid(`活动已于 ${beijing(activity.ends_at)} 结束，签到已关闭`, 'CHECKIN_CLOSED');
    if (now.getTime() < at(activity.starts_at) - CHECKIN_OPENS_BEFORE_MIN * MINUTE)
      return new Invalid(
        `签到尚未开始：活动 ${beijing(activity.starts_at)} 开始，开始前 ${CHECKIN_OPENS_BEFORE_MIN} 分钟开放签到`,
        'CHECKIN_NOT_OPEN',
      );
    return null;
  }
  if (now.getTime() > at(activity.ends_at) + CHECKOUT_CLOSES_AFTER_MIN * MINUTE)
    return new Invalid(
      `签退已截止：活动结束后 ${CHECKOUT_CLOSES_AFTER_MIN} 分钟内可签退，请联系组织者`,
      'CHECKOUT_CLOSED',
    );
  return null;
}

/** Who may check in: a confirmed sign-up, or anyone at an activity open to the public. */
export function signupProblem(audience: string, signupStatus: string | null, self: boolean): AppError | null {
  if (signupStatus === 'confirmed' || audience === 'public') return null;
  const who = self ? '您' : '该志愿者';
  if (signupStatus === 'waitlisted')
    return new Forbidden(`${who}还在候补名单中，尚未获得参加名额`, 'NOT_CONFIRMED');
  return new Forbidden(`该活动仅限已报名的志愿者参加，${who}没有报名或已取消报名`, 'NOT_SIGNED_UP');
}

interface Position {
  latitude?: number | undefined;
  longitude?: number | undefined;
  accuracy?: number | undefined;
}

/** The position checked against the activity's geofence: the distance, or a 400 saying how far. */
export function checkPosition(activity: AttendanceActivity, position: Position, direction: CheckinDirection) {
  const verb = direction === 'in' ? '签到' : '签退';
  const latitude = position.latitude ?? null;
  const longitude = position.longitude ?? null;
  if (activity.latitude === null || activity.longitude === null)
    return { latitude, longitude, distanceM: null };
  if (latitude === null || longitude === null)
    throw new Invalid(`请允许获取位置后再${verb}，或请组织者为您手动${verb}`, 'POSITION_REQUIRED');
  const fence = checkGeofence(
    { latitude: activity.latitude, longitude: activity.longitude },
    { latitude, longitude },
    activity.geofence_m,
  );
  if (!fence.inside) {
    const hint =
      position.accuracy !== undefined && position.accuracy > POOR_ACCURACY_M
        ? `（当前定位误差约 ${Math.round(position.accuracy)} 米，可打开 GPS 或到室外后重试）`
        : '';
    throw new Invalid(
      `您距活动地点约 ${fence.distanceM} 米，超出${verb}范围（${activity.geofence_m} 米）${hint}。请到达活动现场后再${verb}，或请组织者为您核准${verb}`,
      'OUTSIDE_GEOFENCE',
    );
  }
  return { latitude, longitude, distanceM: fence.distanceM };
}

interface ClosedCheckin {
  volunteer_id: number;
  checked_in_at: Date | string;
  checked_out_at: Date | string | null;
  out_method: string | null;
}

/**
 * The pending credit record of each checked-out volunteer, left by the hours module: the time
 * between check-in and check-out that falls inside the activity, capped at the activity's length.
 * Returns the hours per volunteer whose record this created (an existing record is kept).
 */
async function createCreditRecords(
  tx: Tx,
  activity: Pick<AttendanceActivity, 'id' | 'org_path' | 'starts_at' | 'ends_at'>,
  rows: ClosedCheckin[],
  now: Date,
  by: RecordActor,
  reason?: string | null,
): Promise<Map<number, number>> {
  const credits = await recordService(tx, {
    source: 'activity',
    sourceId: activity.id,
    orgPath: activity.org_path,
    capMinutes: activityMinutes(activity),
    by,
    now,
    served: rows.map((r) => {
      const startedAt = new Date(Math.max(at(r.checked_in_at), at(activity.starts_at)));
      const endedAt = new Date(
        Math.max(startedAt.getTime(), Math.min(at(r.checked_out_at ?? now), at(activity.ends_at))),
      );
      const method = r.out_method as CheckinMethod | null;
      const label = method ? `签退：${CHECKIN_METHOD_LABELS[method]}` : '签退';
      return {
        volunteerId: r.volunteer_id,
        startedAt,
        endedAt,
        reason: reason ? `${label}（${reason}）` : label,
      };
    }),
  });
  return new Map(credits.filter((c) => c.recordId !== null).map((c) => [c.volunteerId, c.hours]));
}

/** The hours of an existing activity record of a volunteer (a retried check-out reports them). */
export function recordHours(tx: Tx, activityId: number, volunteerId: number): Promise<number | undefined> {
  return creditedHours(tx, 'activity', activityId, volunteerId);
}

/**
 * Closes an activity's attendance (the organiser's 'finish', or the automatic close at the end
 * time): everyone still checked in is checked out at the end time (or now, if earlier) with a
 * pending credit record, and confirmed sign-ups that never checked in become no-shows. Runs in the
 * caller's transaction, which holds the activity's lock. Safe to run again: a check-in that
 * committed just after an earlier close is closed too, and its sign-up is no longer a no-show.
 */
export async function closeAttendance(
  tx: Tx,
  activity: ActivityRow,
  now: Date,
  actorUserId: number | null,
  events: EventBus,
): Promise<{ checkedOut: number; records: number; noShows: number }> {
  return closeAttendanceAt(tx, activity, now, now, actorUserId, events);
}

/** closeAttendance, checking out at `closedAt` (or the end time, if earlier) rather than now. */
export async function closeAttendanceAt(
  tx: Tx,
  activity: ActivityRow,
  closedAt: Date,
  now: Date,
  actorUserId: number | null,
  events: EventBus,
): Promise<{ checkedOut: number; records: number; noShows: number }> {
  const closeAt = new Date(Math.min(closedAt.getTime(), at(activity.ends_at)));
  const closed = await tx
    .updateTable('activity_checkins')
    .set({ checked_out_at: sql`GREATEST(checked_in_at, ${closeAt}::timestamptz)`, out_method: 'close' })
    .where('activity_id', '=', activity.id)
    .where('checked_out_at', 'is', null)
    .returning(['volunteer_id', 'checked_in_at', 'checked_out_at', 'out_method'])
    .execute();
  let name = '系统';
  if (actorUserId !== null) {
    const user = await tx
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', actorUserId)
      .executeTakeFirst();
    name = user?.display_name ?? '组织者';
  }
  const records = await createCreditRecords(tx, activity, closed, now, { userId: actorUserId, name });
  const checkedIn = sql<boolean>`EXISTS (SELECT 1 FROM activity_checkins c
    WHERE c.activity_id = activity_signups.activity_id AND c.volunteer_id = activity_signups.volunteer_id)`;
  const noShows = await tx
    .updateTable('activity_signups')
    .set({ status: 'no_show', updated_at: now })
    .where('activity_id', '=', activity.id)
    .where('status', '=', 'confirmed')
    .where(sql<boolean>`NOT ${checkedIn}`)
    .returning('volunteer_id')
    .execute();
  const cameAfterAll = await tx
    .updateTable('activity_signups')
    .set({ status: 'confirmed', updated_at: now })
    .where('activity_id', '=', activity.id)
    .where('status', '=', 'no_show')
    .where(checkedIn)
    .returning('volunteer_id')
    .execute();
  // the modules above (points: the no-show penalty, taken back after a late check-in) react here
  if (noShows.length > 0 || cameAfterAll.length > 0)
    await events.emit(tx, {
      type: 'activity.attendanceClosed',
      activityId: activity.id,
      orgPath: activity.org_path,
      title: activity.title,
      noShowVolunteerIds: noShows.map((s) => s.volunteer_id),
      cameAfterAllVolunteerIds: cameAfterAll.map((s) => s.volunteer_id),
      at: now,
    });
  return { checkedOut: closed.length, records: records.size, noShows: noShows.length };
}

/** Tells the modules above (assessment: 活动开展数) that the activity was held, in the finishing transaction. */
export async function announceFinished(
  tx: Tx,
  activity: ActivityRow,
  now: Date,
  events: EventBus,
): Promise<void> {
  await events.emit(tx, {
    type: 'activity.finished',
    activityId: activity.id,
    orgPath: activity.org_path,
    startsAt: new Date(activity.starts_at),
    festival: activity.festival,
    at: now,
  });
}

export async function checkinOf(tx: Tx, activityId: number, volunteerId: number) {
  return tx
    .selectFrom('activity_checkins')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
}

/** Writes the check-in unless there is one already; returns the one that stands. */
export async function insertCheckin(
  tx: Tx,
  activity: AttendanceActivity,
  volunteerId: number,
  now: Date,
  values: {
    method: CheckinMethod;
    latitude: number | null;
    longitude: number | null;
    distanceM: number | null;
    recordedBy: number | null;
    note: string | null;
  },
) {
  const inserted = await tx
    .insertInto('activity_checkins')
    .values({
      activity_id: activity.id,
      volunteer_id: volunteerId,
      org_path: activity.org_path,
      checked_in_at: now,
      in_method: values.method,
      in_latitude: values.latitude,
      in_longitude: values.longitude,
      in_distance_m: values.distanceM,
      recorded_by: values.recordedBy,
      note: values.note,
    })
    .onConflict((oc) => oc.columns(['activity_id', 'volunteer_id']).doNothing())
    .returning(['checked_in_at', 'in_distance_m', 'in_method'])
    .executeTakeFirst();
  if (inserted) return { row: inserted, alreadyDone: false };
  // a retry (or a concurrent twin that won): the first check-in stands
  const existing = await checkinOf(tx, activity.id, volunteerId);
  if (!existing) throw new Conflict('签到未完成，请重试', 'CHECKIN_RETRY');
  return { row: existing, alreadyDone: true };
}

/** Sets the check-out once (a concurrent twin finds it set) and leaves the pending record. */
export async function writeCheckout(
  tx: Tx,
  activity: AttendanceActivity,
  volunteerId: number,
  now: Date,
  values: { method: CheckinMethod; latitude: number | null; longitude: number | null },
  by: RecordActor,
  reason: string | null,
) {
  const closed = await tx
    .updateTable('activity_checkins')
    .set({
      checked_out_at: sql`GREATEST(checked_in_at, ${now}::timestamptz)`,
      out_method: values.method,
      out_latitude: values.latitude,
      out_longitude: values.longitude,
    })
    .where('activity_id', '=', activity.id)
    .where('volunteer_id', '=', volunteerId)
    .where('checked_out_at', 'is', null)
    .returning(['volunteer_id', 'checked_in_at', 'checked_out_at', 'out_method'])
    .executeTakeFirst();
  if (!closed) {
    const existing = await checkinOf(tx, activity.id, volunteerId);
    return {
      at: existing?.checked_out_at ?? now,
      alreadyDone: true,
      hours: await recordHours(tx, activity.id, volunteerId),
    };
  }
  const hours = await createCreditRecords(tx, activity, [closed], now, by, reason);
  return {
    at: closed.checked_out_at!,
    alreadyDone: false,
    hours: hours.get(volunteerId) ?? (await recordHours(tx, activity.id, volunteerId)),
  };
}
