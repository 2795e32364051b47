// Owns check-in and check-out (签到 / 签退): the rotating QR code an organiser's screen shows, the
// volunteer's scan on H5 (token, time window, sign-up, geofence), the organiser's manual check-in
// for volunteers without a phone (and the audited override when the fence or the window says no),
// the sign-in sheet and its Excel export, and the volunteer's answer to the reminder. Check-out
// leaves a pending credit record per volunteer for the hours module to confirm; the rules live in
// attendance.ts, with closeAttendance (the organiser's 'finish' and the automatic close).
//
// A QR check-in is one statement in one round trip (qr-checkin.ts: the volunteer's scope, the
// lookup, the rules and the insert); it never locks the activity row (thousands check in at once)
// and writes no audit entry (the check-in row is the record); the unique key on (activity,
// volunteer) makes a retried check-in return the first one instead of writing a second.
import { QR_PERIOD_SECONDS, type CheckinMethod } from '@civic/contracts';
import { auditAction, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { AppError, Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { inOwnVolunteerScope, ownVolunteer } from '../../platform/auth/volunteer-scope.ts';
import { activityTarget, findActivity, managedActivity } from './activity-store.ts';
import {
  at,
  ATTENDANCE_COLUMNS,
  attendanceWindowProblem,
  checkinOf,
  checkPosition,
  insertCheckin,
  recordHours,
  signupProblem,
  writeCheckout,
} from './attendance.ts';
import {
  CHECKIN_QR_KEY_PURPOSE,
  signCheckinToken,
  verifyCheckinToken,
  type CheckinDirection,
} from './checkin-token.ts';
import type { ManualInput, ScanInput, ScanResult, SignInSheet } from './checkin.schema.ts';
import { checkInByQr } from './qr-checkin.ts';
import { sheetOf, sheetWorkbook } from './sign-in-sheet.ts';

// the lead's activities service calls it from its 'finish' action
export { closeAttendance } from './attendance.ts';

export function createCheckinService(ctx: AppContext) {
  const key = ctx.cipher.derive(CHECKIN_QR_KEY_PURPOSE);
  const staff = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  const managed = (tx: Tx, actor: Actor, id: number) => managedActivity(tx, actor, id);

  return {
    /** The code the organiser's screen shows now (it asks again at refreshAt). */
    async code(actor: Actor, activityId: number, direction: CheckinDirection) {
      return staff(actor, async (tx) => {
        const activity = await managed(tx, actor, activityId);
        if (!['published', 'in_progress'].includes(activity.status))
          throw new Conflict('只有已发布或进行中的活动可以签到签退', 'CHECKIN_NOT_AVAILABLE');
        const signed = signCheckinToken(key, activity.id, direction, ctx.now());
        return {
          token: signed.token,
          url: `/h5/checkin?t=${encodeURIComponent(signed.token)}`,
          direction,
          expiresAt: signed.expiresAt.toISOString(),
          refreshAt: signed.refreshAt.toISOString(),
          periodSeconds: QR_PERIOD_SECONDS,
        };
      });
    },

    /** The volunteer scanned a code on H5: check in or out, once. */
    async scan(actor: Actor, input: ScanInput): Promise<ScanResult> {
      const now = ctx.now();
      const claim = verifyCheckinToken(key, input.token, now);
      const notFound = () => new NotFound('活动不存在，或不是您可以参加的活动', 'ACTIVITY_NOT_FOUND');

      if (claim.direction === 'in') {
        // one round trip: the statement checks in when the rules allow (row-level security: the
        // activity is there only if the volunteer may take part in it)
        const me = await ownVolunteer(ctx, actor);
        const done = await checkInByQr(ctx.db.app, me, claim.activityId, now, input);
        if (!done) throw notFound();
        const base = { direction: claim.direction, activityId: done.id, activityTitle: done.title };
        // the rules, on the facts the statement saw: they explain a refusal, and a retry is refused
        // like a first scan. The window and sign-up come before the position: no point asking for it
        const refused =
          attendanceWindowProblem(done, 'in', now) ?? signupProblem(done.audience, done.signup_status, true);
        if (refused) throw refused;
        const place = checkPosition(done, input, 'in');
        if (done.checked_in_at)
          return {
            ...base,
            at: isoTimestamp(done.checked_in_at),
            distanceM: done.in_distance_m,
            alreadyDone: !done.inserted,
          };
        // allowed, but not written: at the fence's very edge, or a concurrent twin's check-in that
        // committed after the statement began — decided again in a transaction
        return inOwnVolunteerScope(ctx, actor, async (tx) => {
          const { row, alreadyDone } = await insertCheckin(tx, done, me.id, now, {
            method: 'qr',
            latitude: place.latitude,
            longitude: place.longitude,
            distanceM: place.distanceM,
            recordedBy: null,
            note: null,
          });
          return { ...base, at: isoTimestamp(row.checked_in_at), distanceM: row.in_distance_m, alreadyDone };
        });
      }

      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const activity = await tx
          .selectFrom('activities as a')
          .leftJoin('activity_signups as s', (j) =>
            j.onRef('s.activity_id', '=', 'a.id').on('s.volunteer_id', '=', me.id),
          )
          .select(ATTENDANCE_COLUMNS.map((c) => `a.${c}` as const))
          .select('s.status as signup_status')
          .where('a.id', '=', claim.activityId)
          .executeTakeFirst();
        if (!activity) throw notFound();
        const base = { direction: claim.direction, activityId: activity.id, activityTitle: activity.title };

        const checkin = await checkinOf(tx, activity.id, me.id);
        if (!checkin)
          throw new Invalid(
            '您还没有签到，不能签退。请先扫描签到二维码，或请组织者为您签到',
            'NOT_CHECKED_IN',
          );
        if (checkin.checked_out_at) {
          return {
            ...base,
            at: isoTimestamp(checkin.checked_out_at),
            distanceM: null,
            alreadyDone: true,
            hours: await recordHours(tx, activity.id, me.id),
          };
        }
        const refused = attendanceWindowProblem(activity, 'out', now);
        if (refused) throw refused;
        const place = checkPosition(activity, input, 'out');
        const out = await writeCheckout(
          tx,
          activity,
          me.id,
          now,
          { method: 'qr', latitude: place.latitude, longitude: place.longitude },
          { userId: actor.userId, name: actor.displayName },
          null,
        );
        return {
          ...base,
          at: isoTimestamp(out.at),
          distanceM: place.distanceM,
          alreadyDone: out.alreadyDone,
          ...(out.hours !== undefined ? { hours: out.hours } : {}),
        };
      });
    },

    /**
     * The organiser checks a volunteer in or out by hand (no phone). The window and sign-up rules
     * hold unless `override` is set with a reason: then the organiser vouches for it, and the
     * override is audited.
     */
    async manual(actor: Actor, activityId: number, input: ManualInput) {
      const reason = input.reason?.trim() || null;
      if (input.override && (!reason || reason.length < 2))
        throw new Invalid('核准签到（超出范围或时间）须填写原因', 'REASON_REQUIRED');
      return staff(actor, async (tx) => {
        const activity = await managed(tx, actor, activityId);
        const now = ctx.now();
        const volunteer = await tx
          .selectFrom('volunteers')
          .select(['id', 'name', 'status'])
          .where('id', '=', input.volunteerId)
          .executeTakeFirst();
        if (!volunteer || volunteer.status === 'withdrawn')
          throw new NotFound('志愿者不存在或不在您的数据范围内', 'VOLUNTEER_NOT_FOUND');
        const method: CheckinMethod = input.override ? 'override' : 'manual';
        const hint = '。如确已到场，请选择“核准签到”并填写原因';
        const refuse = (problem: AppError | null) => {
          if (problem && !input.override) throw new Invalid(problem.message + hint, problem.code);
        };
        const audit = (summary: Record<string, unknown>) =>
          auditAction(
            tx,
            actor,
            input.override ? 'activity.checkin.override' : 'activity.checkin.manual',
            'activity',
            activityTarget(activity),
            { volunteerId: volunteer.id, direction: input.direction, reason, ...summary },
            now,
          );

        if (input.direction === 'in') {
          if (!['published', 'in_progress'].includes(activity.status))
            throw new Conflict('只有已发布或进行中的活动可以签到', 'CHECKIN_NOT_AVAILABLE');
          const existing = await checkinOf(tx, activity.id, volunteer.id);
          if (existing)
            return {
              direction: input.direction,
              volunteerId: volunteer.id,
              at: isoTimestamp(existing.checked_in_at),
              method: existing.in_method as CheckinMethod,
              alreadyDone: true,
            };
          const signup = await tx
            .selectFrom('activity_signups')
            .select('status')
            .where('activity_id', '=', activity.id)
            .where('volunteer_id', '=', volunteer.id)
            .executeTakeFirst();
          const problems = [
            signupProblem(activity.audience, signup?.status ?? null, false),
            attendanceWindowProblem(activity, 'in', now),
          ].filter((p): p is AppError => p !== null);
          problems.forEach(refuse);
          const { row, alreadyDone } = await insertCheckin(tx, activity, volunteer.id, now, {
            method,
            latitude: null,
            longitude: null,
            distanceM: null,
            recordedBy: actor.userId,
            note: reason,
          });
          if (!alreadyDone) await audit({ overridden: problems.map((p) => p.code) });
          return {
            direction: input.direction,
            volunteerId: volunteer.id,
            at: isoTimestamp(row.checked_in_at),
            method: row.in_method as CheckinMethod,
            alreadyDone,
          };
        }

        if (['draft', 'cancelled'].includes(activity.status))
          throw new Conflict('活动未开展，不能签退', 'CHECKIN_NOT_AVAILABLE');
        const checkin = await checkinOf(tx, activity.id, volunteer.id);
        if (!checkin) throw new Invalid('该志愿者还没有签到，请先为其签到', 'NOT_CHECKED_IN');
        if (checkin.checked_out_at) {
          const hours = await recordHours(tx, activity.id, volunteer.id);
          return {
            direction: input.direction,
            volunteerId: volunteer.id,
            at: isoTimestamp(checkin.checked_out_at),
            method: (checkin.out_method ?? 'manual') as CheckinMethod,
            alreadyDone: true,
            ...(hours !== undefined ? { hours } : {}),
          };
        }
        const problem = attendanceWindowProblem(activity, 'out', now);
        refuse(problem);
        const out = await writeCheckout(
          tx,
          activity,
          volunteer.id,
          now,
          { method, latitude: null, longitude: null },
          { userId: actor.userId, name: actor.displayName },
          reason,
        );
        if (!out.alreadyDone) await audit({ overridden: problem ? [problem.code] : [], hours: out.hours });
        return {
          direction: input.direction,
          volunteerId: volunteer.id,
          at: isoTimestamp(out.at),
          method,
          alreadyDone: out.alreadyDone,
          ...(out.hours !== undefined ? { hours: out.hours } : {}),
        };
      });
    },

    /** The sign-in sheet: everyone signed up (confirmed or no-show) or checked in, by check-in time. */
    async sheet(actor: Actor, activityId: number): Promise<SignInSheet> {
      return staff(actor, (tx) => sheetOf(tx, actor, activityId));
    },

    /** The sign-in sheet as Excel (names and volunteer numbers only: no phone, no ID), audited. */
    async sheetXlsx(actor: Actor, activityId: number): Promise<{ fileName: string; buffer: Buffer }> {
      return staff(actor, async (tx) => {
        const sheet = await sheetOf(tx, actor, activityId);
        const buffer = await sheetWorkbook(sheet);
        const activity = await findActivity(tx, activityId);
        await auditAction(
          tx,
          actor,
          'activity.checkins.export',
          'activity',
          activityTarget(activity),
          { rows: sheet.items.length },
          ctx.now(),
        );
        return { fileName: `签到表-${sheet.activity.activityNo}.xlsx`, buffer };
      });
    },

    /** The volunteer answers the reminder: "I will be there". */
    async confirmAttendance(actor: Actor, activityId: number) {
      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const now = ctx.now();
        const activity = await tx
          .selectFrom('activities')
          .select(['id', 'org_id', 'org_path', 'status', 'ends_at'])
          .where('id', '=', activityId)
          .executeTakeFirst();
        if (!activity) throw new NotFound('活动不存在，或不是您可以参加的活动', 'ACTIVITY_NOT_FOUND');
        if (!['published', 'in_progress'].includes(activity.status) || at(activity.ends_at) <= now.getTime())
          throw new Conflict('活动已结束或已取消，无需确认', 'ACTIVITY_NOT_OPEN');
        const signup = await tx
          .selectFrom('activity_signups')
          .select(['id', 'status', 'attendance_confirmed_at'])
          .where('activity_id', '=', activityId)
          .where('volunteer_id', '=', me.id)
          .executeTakeFirst();
        if (!signup || signup.status !== 'confirmed')
          throw new Conflict(
            signup?.status === 'waitlisted' ? '您还在候补名单中，递补后再确认参加' : '您没有报名该活动',
            'NOT_SIGNED_UP',
          );
        if (signup.attendance_confirmed_at)
          return { ok: true as const, attendanceConfirmedAt: isoTimestamp(signup.attendance_confirmed_at) };
        await tx
          .updateTable('activity_signups')
          .set({ attendance_confirmed_at: now, updated_at: now })
          .where('id', '=', signup.id)
          .execute();
        await auditAction(
          tx,
          actor,
          'activity.attendance.confirm',
          'activity',
          activityTarget(activity),
          { volunteerId: me.id },
          now,
        );
        return { ok: true as const, attendanceConfirmedAt: now.toISOString() };
      });
    },
  };
}
