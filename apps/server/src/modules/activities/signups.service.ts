// Sign-ups (报名): a volunteer signs up on H5, or a leader/admin adds volunteers directly. Every
// change takes the activity's row lock first, so the capacity holds however many sign up at once:
// the first `capacity` are confirmed, the rest wait in order, and when a confirmed volunteer
// cancels, the longest-waiting one is promoted (and told).
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditAction } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import {
  activityTarget,
  lockActivity,
  promoteFromWaitlist,
  type ActivityRow,
  managedActivity,
} from './activity-store.ts';
import { activityView, activityViewOf, selectActivityViews } from './activities.service.ts';
import type { SignupView } from './activities.schema.ts';
import { inTeams, ledTeamIds } from '../teams/index.ts';

type Source = 'self' | 'leader' | 'admin';

/** Whether sign-up is open now, or why not (a Chinese reason for a 409). */
export function signupClosedReason(row: ActivityRow, now: Date): string | null {
  if (row.status !== 'published') {
    return row.status === 'cancelled'
      ? '活动已取消'
      : row.status === 'draft'
        ? '活动尚未发布'
        : '活动已开始或已结束，报名已截止';
  }
  if (row.signup_opens_at && now.getTime() < new Date(row.signup_opens_at).getTime()) return '报名尚未开始';
  const closes = row.signup_closes_at ?? row.starts_at;
  if (now.getTime() >= new Date(closes).getTime()) return '报名已截止';
  return null;
}

/** Sign-ups of an activity with names, waitlist positions and check-in times. */
export async function signupsOf(tx: Tx, activityId: number, volunteerId?: number): Promise<SignupView[]> {
  let q = tx
    .selectFrom('activity_signups as s')
    .innerJoin('volunteers as v', 'v.id', 's.volunteer_id')
    .leftJoin('activity_checkins as c', (j) =>
      j.onRef('c.activity_id', '=', 's.activity_id').onRef('c.volunteer_id', '=', 's.volunteer_id'),
    )
    .select([
      's.id',
      's.activity_id',
      's.volunteer_id',
      'v.name',
      'v.volunteer_no',
      's.status',
      's.source',
      's.attendance_confirmed_at',
      's.reminded_at',
      's.created_at',
      'c.checked_in_at',
      'c.checked_out_at',
      sql<number | null>`CASE WHEN s.status = 'waitlisted' THEN (SELECT count(*) FROM activity_signups w
        WHERE w.activity_id = s.activity_id AND w.status = 'waitlisted' AND w.id <= s.id)::int END`.as(
        'position',
      ),
    ])
    .where('s.activity_id', '=', activityId);
  if (volunteerId !== undefined) q = q.where('s.volunteer_id', '=', volunteerId);
  const rows = await q.orderBy('s.id').execute();
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activity_id,
    volunteerId: r.volunteer_id,
    volunteerName: r.name,
    volunteerNo: r.volunteer_no,
    status: r.status as SignupView['status'],
    source: r.source,
    waitlistPosition: r.position,
    remindedAt: isoTimestamp(r.reminded_at),
    attendanceConfirmedAt: isoTimestamp(r.attendance_confirmed_at),
    checkedInAt: isoTimestamp(r.checked_in_at),
    checkedOutAt: isoTimestamp(r.checked_out_at),
    createdAt: isoTimestamp(r.created_at),
  }));
}

/**
 * Signs one volunteer up under the activity's lock (held by the caller): confirmed while there is
 * room, else waitlisted. A cancelled sign-up is renewed; an active one is a 409.
 */
async function enrol(tx: Tx, row: ActivityRow, volunteerId: number, source: Source, now: Date) {
  const existing = await tx
    .selectFrom('activity_signups')
    .select(['id', 'status'])
    .where('activity_id', '=', row.id)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
  if (existing && (existing.status === 'confirmed' || existing.status === 'waitlisted'))
    throw new Conflict(
      existing.status === 'confirmed' ? '已经报名了该活动' : '已在候补名单中',
      'ALREADY_SIGNED_UP',
    );
  const status = row.confirmed_count < row.capacity ? 'confirmed' : 'waitlisted';
  if (existing) {
    await tx
      .updateTable('activity_signups')
      .set({ status, source, updated_at: now, cancelled_at: null, created_at: now })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await tx
      .insertInto('activity_signups')
      .values({
        activity_id: row.id,
        volunteer_id: volunteerId,
        org_path: row.org_path,
        status,
        source,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await tx
    .updateTable('activities')
    .set(
      status === 'confirmed'
        ? { confirmed_count: sql`confirmed_count + 1` }
        : { waitlist_count: sql`waitlist_count + 1` },
    )
    .where('id', '=', row.id)
    .execute();
  // the next enrolment in the same transaction sees the new counts
  if (status === 'confirmed') row.confirmed_count += 1;
  else row.waitlist_count += 1;
  return status;
}

/**
 * Withdraws one sign-up under the activity's lock; a freed place goes to the longest-waiting
 * volunteer, who is told. Returns the promoted volunteer's id, if any.
 */
async function withdraw(tx: Tx, row: ActivityRow, volunteerId: number, now: Date): Promise<number | null> {
  const mine = await tx
    .selectFrom('activity_signups')
    .select(['id', 'status'])
    .where('activity_id', '=', row.id)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
  if (!mine || (mine.status !== 'confirmed' && mine.status !== 'waitlisted'))
    throw new NotFound('没有该报名记录', 'NOT_SIGNED_UP');
  await tx
    .updateTable('activity_signups')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('id', '=', mine.id)
    .execute();
  if (mine.status === 'waitlisted') {
    await tx
      .updateTable('activities')
      .set({ waitlist_count: sql`waitlist_count - 1` })
      .where('id', '=', row.id)
      .execute();
    return null;
  }
  await tx
    .updateTable('activities')
    .set({ confirmed_count: sql`confirmed_count - 1` })
    .where('id', '=', row.id)
    .execute();
  return promoteFromWaitlist(tx, row, now);
}

export function createSignupsService(ctx: AppContext) {
  return {
    // ---------------------------------------------------------------- staff
    async list(actor: Actor, activityId: number) {
      return inScope(ctx.db.app, actor, async (tx) => {
        await activityView(tx, activityId, actor);
        return signupsOf(tx, activityId);
      });
    },

    /** A leader or admin adds volunteers directly (also outside the sign-up window; capacity holds). */
    async add(actor: Actor, activityId: number, volunteerIds: number[]) {
      return inScope(ctx.db.app, actor, async (tx) => {
        const row = await managedActivity(tx, actor, activityId, { lock: true });
        if (!['published', 'in_progress'].includes(row.status))
          throw new Conflict('活动未发布、已结束或已取消，不能添加报名', 'SIGNUP_CLOSED');
        const ids = [...new Set(volunteerIds)];
        // a team leader signs up their own team's members only
        const teams = await ledTeamIds(tx, actor);
        let volunteers = tx
          .selectFrom('volunteers as v')
          .select(['v.id', 'v.status'])
          .where('v.id', 'in', ids);
        if (teams)
          volunteers = volunteers.where(
            sql<boolean>`EXISTS (SELECT 1 FROM team_members m WHERE m.volunteer_id = v.id
              AND m.status = 'active' AND ${inTeams('m.team_id', teams)})`,
          );
        const found = await volunteers.execute();
        if (found.length !== ids.length || found.some((v) => v.status !== 'active'))
          throw new Invalid('部分志愿者不存在、不在您的数据范围内或已暂停', 'VOLUNTEER_UNAVAILABLE');
        const now = ctx.now();
        const result = { confirmed: 0, waitlisted: 0, skipped: 0 };
        for (const id of ids) {
          try {
            const status = await enrol(tx, row, id, actor.role === 'team_leader' ? 'leader' : 'admin', now);
            result[status] += 1;
          } catch (error) {
            if (error instanceof Conflict) result.skipped += 1;
            else throw error;
          }
        }
        await auditAction(
          tx,
          actor,
          'activity.signup.add',
          'activity',
          activityTarget(row),
          { volunteerIds: ids, ...result },
          now,
        );
        return result;
      });
    },

    async remove(actor: Actor, activityId: number, volunteerId: number) {
      return inScope(ctx.db.app, actor, async (tx) => {
        const row = await managedActivity(tx, actor, activityId, { lock: true });
        if (!['published', 'in_progress'].includes(row.status))
          throw new Conflict('活动已结束或已取消，不能再调整报名', 'SIGNUP_CLOSED');
        const promoted = await withdraw(tx, row, volunteerId, ctx.now());
        await auditAction(
          tx,
          actor,
          'activity.signup.remove',
          'activity',
          activityTarget(row),
          { volunteerId, promoted },
          ctx.now(),
        );
        return { ok: true as const, promotedVolunteerId: promoted };
      });
    },

    // ---------------------------------------------------------------- the volunteer on H5
    /** Activities I can sign up for (my org's and those above), upcoming first, with my sign-up. */
    async available(actor: Actor, query: { page: number; pageSize: number; mine?: boolean }) {
      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const now = ctx.now();
        let q = selectActivityViews(tx)
          .leftJoin('activity_signups as s', (j) =>
            j.onRef('s.activity_id', '=', 'a.id').on('s.volunteer_id', '=', me.id),
          )
          .select(['s.status as my_status']);
        if (query.mine) {
          q = q.where('s.status', 'in', ['confirmed', 'waitlisted', 'no_show']);
        } else {
          q = q.where('a.status', 'in', ['published', 'in_progress']).where('a.ends_at', '>', now);
        }
        const total = await q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        const rows = await q
          .orderBy('a.starts_at', query.mine ? 'desc' : 'asc')
          .orderBy('a.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute();
        return {
          items: rows.map((r) => ({ ...activityViewOf(r, false), myStatus: r.my_status })),
          total: Number(total.n),
        };
      });
    },

    async mine(actor: Actor, activityId: number) {
      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const activity = await activityView(tx, activityId);
        const [signup] = await signupsOf(tx, activityId, me.id);
        return { activity, signup: signup ?? null };
      });
    },

    async signUp(actor: Actor, activityId: number) {
      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const row = await lockActivity(tx, activityId);
        const now = ctx.now();
        const closed = signupClosedReason(row, now);
        if (closed) throw new Conflict(closed, 'SIGNUP_CLOSED');
        await enrol(tx, row, me.id, 'self', now);
        const [signup] = await signupsOf(tx, activityId, me.id);
        return { activity: await activityView(tx, activityId), signup: signup ?? null };
      });
    },

    async cancel(actor: Actor, activityId: number) {
      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const row = await lockActivity(tx, activityId);
        const now = ctx.now();
        if (row.status !== 'published' || now.getTime() >= new Date(row.starts_at).getTime())
          throw new Conflict('活动已开始或已结束，不能再取消报名，请联系组织者', 'TOO_LATE_TO_CANCEL');
        await withdraw(tx, row, me.id, now);
        const [signup] = await signupsOf(tx, activityId, me.id);
        return { activity: await activityView(tx, activityId), signup: signup ?? null };
      });
    },
  };
}
