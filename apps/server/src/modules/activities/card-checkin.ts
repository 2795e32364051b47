// Check-in by the volunteer card (志愿者电子证): an organiser at the activity scans a volunteer's
// card QR code (or types the volunteer number, when the card is worn or the scanner fails) and the
// volunteer is checked in or out — the same rules and records as the volunteer's own QR scan: the
// time window and the sign-up rule hold, a second scan returns the first check-in. The geofence
// does not apply (the organiser is there); the check-in records the method 'card' and who did it
// (recorded_by, out_recorded_by), and every card check-in is audited.
import type { CheckinMethod } from '@civic/contracts';
import { auditAction, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { cardKey, volunteerByCard } from '../volunteers/index.ts';
import { activityTarget, managedActivity } from './activity-store.ts';
import {
  attendanceWindowProblem,
  checkinOf,
  insertCheckin,
  recordHours,
  signupProblem,
  writeCheckout,
} from './attendance.ts';
import type { CardCheckinInput, CardCheckinResult } from './checkin.schema.ts';

export function createCardCheckin(ctx: AppContext) {
  const key = cardKey(ctx);

  return {
    async checkin(actor: Actor, activityId: number, input: CardCheckinInput): Promise<CardCheckinResult> {
      return inScope(ctx.db.app, actor, async (tx) => {
        const activity = await managedActivity(tx, actor, activityId);
        const now = ctx.now();
        const volunteer = await volunteerByCard(tx, key, input.code);
        if (volunteer.status === 'withdrawn')
          throw new NotFound('志愿者不存在或不在您的数据范围内', 'VOLUNTEER_NOT_FOUND');
        if (volunteer.status === 'suspended')
          throw new Conflict(`志愿者 ${volunteer.name} 已被暂停，不能签到`, 'VOLUNTEER_SUSPENDED');
        const base = {
          direction: input.direction,
          volunteerId: volunteer.id,
          volunteerName: volunteer.name,
          volunteerNo: volunteer.volunteerNo,
        };
        const audit = (summary: Record<string, unknown>) =>
          auditAction(
            tx,
            actor,
            'activity.checkin.card',
            'activity',
            activityTarget(activity),
            { volunteerId: volunteer.id, direction: input.direction, ...summary },
            now,
          );

        if (input.direction === 'in') {
          const signup = await tx
            .selectFrom('activity_signups')
            .select('status')
            .where('activity_id', '=', activity.id)
            .where('volunteer_id', '=', volunteer.id)
            .executeTakeFirst();
          // the rules of the QR scan, in its order: the window, then who may take part
          const refused =
            attendanceWindowProblem(activity, 'in', now) ??
            signupProblem(activity.audience, signup?.status ?? null, false);
          if (refused) throw refused;
          const { row, alreadyDone } = await insertCheckin(tx, activity, volunteer.id, now, {
            method: 'card',
            latitude: null,
            longitude: null,
            distanceM: null,
            recordedBy: actor.userId,
            note: null,
          });
          if (!alreadyDone) await audit({});
          return {
            ...base,
            at: isoTimestamp(row.checked_in_at),
            method: row.in_method as CheckinMethod,
            alreadyDone,
          };
        }

        if (['draft', 'cancelled'].includes(activity.status))
          throw new Conflict('活动未开展，不能签退', 'CHECKIN_NOT_AVAILABLE');
        const checkin = await checkinOf(tx, activity.id, volunteer.id);
        if (!checkin) throw new Invalid(`${volunteer.name} 还没有签到，不能签退`, 'NOT_CHECKED_IN');
        if (checkin.checked_out_at) {
          const hours = await recordHours(tx, activity.id, volunteer.id);
          return {
            ...base,
            at: isoTimestamp(checkin.checked_out_at),
            method: (checkin.out_method ?? 'card') as CheckinMethod,
            alreadyDone: true,
            ...(hours !== undefined ? { hours } : {}),
          };
        }
        const refused = attendanceWindowProblem(activity, 'out', now);
        if (refused) throw refused;
        const out = await writeCheckout(
          tx,
          activity,
          volunteer.id,
          now,
          { method: 'card', latitude: null, longitude: null },
          { userId: actor.userId, name: actor.displayName },
          null,
        );
        if (!out.alreadyDone) {
          await tx
            .updateTable('activity_checkins')
            .set({ out_recorded_by: actor.userId })
            .where('activity_id', '=', activity.id)
            .where('volunteer_id', '=', volunteer.id)
            .execute();
          await audit({ hours: out.hours });
        }
        return {
          ...base,
          at: isoTimestamp(out.at),
          method: 'card' as const,
          alreadyDone: out.alreadyDone,
          ...(out.hours !== undefined ? { hours: out.hours } : {}),
        };
      });
    },
  };
}
