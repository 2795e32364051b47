// Activities move on by the clock: a published activity whose start has come is in progress; one
// whose end has passed is finished, with everyone still checked in checked out, their pending
// hours recorded and the no-shows marked; and the day before, every confirmed volunteer is
// reminded (in-app, and through the outbound webhook for SMS/WeChat) and asked to confirm or
// withdraw. Each job runs under its advisory lock (runJobOnce) and takes rows with SKIP LOCKED, so
// several servers and an organiser acting at the same moment never do the same work twice.
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { invalidatePublicReads } from '../../platform/http/public-cache.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';
import { notifyVolunteers, queueOutboundMessage } from '../notifications/index.ts';
import type { ActivityRow } from './activity-store.ts';
import { announceFinished, closeAttendance, closeAttendanceAt } from './attendance.ts';

const BATCH = 200;
const HOUR = 3_600_000;
/** Finished activities this recent are swept for a check-in that slipped in as they closed. */
const SWEEP_DAYS = 3;

async function auditSystem(
  tx: Tx,
  action: string,
  row: ActivityRow,
  summary: Record<string, unknown>,
  now: Date,
) {
  await appendAudit(
    tx,
    {
      actor: null,
      action,
      resourceType: 'activity',
      resourceId: row.id,
      orgId: row.org_id,
      orgPath: row.org_path,
      summary,
    },
    now,
  );
}

/** Published activities whose start time has come (and whose end has not) are in progress. */
export async function runActivityStart(ctx: AppContext, tx: Tx): Promise<{ started: number }> {
  const now = ctx.now();
  const due = await tx
    .selectFrom('activities')
    .selectAll()
    .where('status', '=', 'published')
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .limit(BATCH)
    .forUpdate()
    .skipLocked()
    .execute();
  for (const row of due) {
    await tx
      .updateTable('activities')
      .set({ status: 'in_progress', updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await auditSystem(tx, 'activity.start', row, { automatic: true }, now);
  }
  return { started: due.length };
}

/**
 * Published or in-progress activities whose end time has passed are finished: attendance is
 * closed as the organiser's 'finish' would. Then recently finished activities with a check-in
 * still open (one that committed just as the activity closed) are closed again.
 */
export async function runActivityClose(
  ctx: AppContext,
  tx: Tx,
): Promise<{ finished: number; checkedOut: number; noShows: number }> {
  const now = ctx.now();
  const due = await tx
    .selectFrom('activities')
    .selectAll()
    .where('status', 'in', ['published', 'in_progress'])
    .where('ends_at', '<=', now)
    .orderBy('ends_at')
    .limit(BATCH)
    .forUpdate()
    .skipLocked()
    .execute();
  let checkedOut = 0;
  let noShows = 0;
  for (const row of due) {
    const closed = await closeAttendance(tx, row, now, null, ctx.events);
    checkedOut += closed.checkedOut;
    noShows += closed.noShows;
    await tx
      .updateTable('activities')
      .set({ status: 'finished', finished_at: now, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await announceFinished(tx, row, now, ctx.events);
    await auditSystem(tx, 'activity.finish', row, { automatic: true, ...closed }, now);
  }
  const stragglers = await tx
    .selectFrom('activities as a')
    .selectAll('a')
    .where('a.status', 'in', ['finished', 'archived'])
    .where('a.ends_at', '>', new Date(now.getTime() - SWEEP_DAYS * 24 * HOUR))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('activity_checkins as c')
          .select('c.id')
          .whereRef('c.activity_id', '=', 'a.id')
          .where('c.checked_out_at', 'is', null),
      ),
    )
    .limit(BATCH)
    .forUpdate('a')
    .skipLocked()
    .execute();
  for (const row of stragglers) {
    const closeAt = new Date(Math.min(now.getTime(), new Date(row.finished_at ?? now).getTime()));
    const closed = await closeAttendanceAt(tx, row, closeAt, now, null, ctx.events);
    checkedOut += closed.checkedOut;
  }
  return { finished: due.length, checkedOut, noShows };
}

/** "今天" or "明天" (or the date), from `now` to `startsAt`, by Beijing calendar days. */
export function dayWord(startsAt: Date, now: Date): string {
  const day = (d: Date) => Math.floor((d.getTime() + 8 * HOUR) / (24 * HOUR));
  const diff = day(startsAt) - day(now);
  if (diff <= 0) return '今天';
  if (diff === 1) return '明天';
  return new Date(startsAt.getTime() + 8 * HOUR).toISOString().slice(5, 10).replace('-', '月') + '日';
}

const hhmm = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(11, 16);

/**
 * Confirmed volunteers of activities starting within the next 24 hours who were not reminded yet:
 * one notification each, one webhook message per activity (the gateway sends the SMS/WeChat),
 * and reminded_at set so nobody is reminded twice.
 */
export async function runActivityReminders(
  ctx: AppContext,
  tx: Tx,
): Promise<{ reminded: number; activities: number }> {
  const now = ctx.now();
  const due = await tx
    .selectFrom('activity_signups as s')
    .innerJoin('activities as a', 'a.id', 's.activity_id')
    .select([
      's.id',
      's.volunteer_id',
      'a.id as activity_id',
      'a.activity_no',
      'a.org_id',
      'a.org_path',
      'a.title',
      'a.place',
      'a.starts_at',
    ])
    .where('s.status', '=', 'confirmed')
    .where('s.reminded_at', 'is', null)
    .where('a.status', '=', 'published')
    .where('a.starts_at', '>', now)
    .where('a.starts_at', '<=', new Date(now.getTime() + 24 * HOUR))
    .orderBy('a.starts_at')
    .orderBy('s.id')
    .limit(BATCH * 5)
    .forUpdate('s')
    .skipLocked()
    .execute();
  const byActivity = new Map<number, typeof due>();
  for (const s of due) byActivity.set(s.activity_id, [...(byActivity.get(s.activity_id) ?? []), s]);
  for (const [activityId, signups] of byActivity) {
    const a = signups[0]!;
    const startsAt = new Date(a.starts_at);
    const when = `${dayWord(startsAt, now)} ${hhmm(startsAt)}`;
    const volunteerIds = signups.map((s) => s.volunteer_id);
    await notifyVolunteers(
      tx,
      volunteerIds,
      { orgId: a.org_id, orgPath: a.org_path },
      {
        kind: 'activity.reminder',
        title: `${dayWord(startsAt, now)}的活动：${a.title}，请确认参加或取消报名`,
        body: `${when} 在 ${a.place}。能参加请点“确认参加”；不能参加请取消报名，把名额让给候补的志愿者。`,
        link: `/activities/${activityId}?confirm=1`,
      },
      now,
    );
    await queueOutboundMessage(
      tx,
      {
        orgPath: a.org_path,
        event: 'activity.reminder',
        payload: {
          activityNo: a.activity_no,
          title: a.title,
          place: a.place,
          startsAt: startsAt.toISOString(),
          volunteerIds,
          at: now.toISOString(),
        },
      },
      now,
    );
  }
  if (due.length > 0) {
    await tx
      .updateTable('activity_signups')
      .set({ reminded_at: now, updated_at: now })
      .where(
        'id',
        'in',
        due.map((s) => s.id),
      )
      .execute();
  }
  return { reminded: due.length, activities: byActivity.size };
}

// a status the clock changed shows in the public activities: this server's cached copies go
// (another server's age out within PUBLIC_CACHE_SECONDS)
export const activityStartJob: Job<{ started: number }> = {
  name: 'activities.start',
  everyMs: 60_000,
  run: runActivityStart,
  async afterCommit(ctx, result) {
    if (result.started > 0) invalidatePublicReads(ctx, 'activities');
    return result;
  },
};

export const activityCloseJob: Job<{ finished: number; checkedOut: number; noShows: number }> = {
  name: 'activities.close',
  everyMs: 60_000,
  run: runActivityClose,
  async afterCommit(ctx, result) {
    if (result.finished > 0) invalidatePublicReads(ctx, 'activities');
    return result;
  },
};

export const activityRemindersJob: Job<{ reminded: number; activities: number }> = {
  name: 'activities.reminders',
  everyMs: 5 * 60_000,
  run: runActivityReminders,
};

/** Every activities job, in the order a tick should run them. */
export const activityJobs = [activityCloseJob, activityStartJob, activityRemindersJob] as const;
