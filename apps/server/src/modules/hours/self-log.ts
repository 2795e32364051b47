// The volunteer's own service log (随时记, seed 000 "随时来、随时做、随时记"): a small service done on
// their own — what, when, where, an optional photo — recorded on H5 as a pending service record of
// source 'self' at the volunteer's org (their station), which confirms or rejects it through the
// ordinary review of 服务时长. The volunteer sees their log and withdraws a record while it is
// pending. Limits against abuse (SELF_LOG_LIMITS): per day, per week, no overlap with another of
// their records, not in the future, not older than 30 days; each refusal a 4xx that changes nothing.
import { sql } from 'kysely';
import {
  minutesBetween,
  roundServiceHours,
  SELF_LOG_LIMITS,
  SERVICE_RECORD_SOURCE_LABELS,
  type ServiceRecordSource,
  type ServiceRecordStatus,
} from '@civic/contracts';
import { auditAction, type Actor, type AuditTarget } from '../../platform/auth/actor.ts';
import { inOwnVolunteerScope, type SelfVolunteer } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { chinaDate, isoTimestamp } from '../../platform/time.ts';
import { storeRecordImage } from '../uploads/index.ts';
import type { SelfLogInput, SelfLogView } from './hours.schema.ts';
import { hourRuleFor } from './service-records.ts';

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;
/** A lock key of its own: one volunteer's logs are decided one after another (advisory lock). */
const SELF_LOG_LOCK = 7_314_019;
export const SELF_LOG_NOT_FOUND = '记录不存在，或不是您的随时记';
/** Photos per self-logged record. */
export const SELF_LOG_PHOTOS = 3;

/** Midnight (China time) of the day of `at`, as an instant. */
function chinaDayStart(at: Date): Date {
  return new Date(Math.floor((at.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET);
}

/** Monday 00:00 (China time) of the week of `at`. */
function chinaWeekStart(at: Date): Date {
  const day = chinaDayStart(at);
  const weekday = new Date(day.getTime() + CHINA_OFFSET).getUTCDay(); // 0 = Sunday
  return new Date(day.getTime() - ((weekday + 6) % 7) * DAY);
}

const round1 = (h: number) => Math.round(h * 10) / 10;

/** What is wrong with the times of a new log at `now`, before anything is read; null if nothing. */
export function selfLogTimeProblem(startedAt: Date, endedAt: Date, now: Date): Invalid | null {
  if (endedAt.getTime() <= startedAt.getTime()) return new Invalid('结束时间须晚于开始时间', 'BAD_PERIOD');
  if (endedAt.getTime() > now.getTime())
    return new Invalid('服务还没有结束，不能记录：结束时间不能晚于现在', 'IN_FUTURE');
  if (startedAt.getTime() < now.getTime() - SELF_LOG_LIMITS.maxAgeDays * DAY)
    return new Invalid(
      `只能记录 ${SELF_LOG_LIMITS.maxAgeDays} 天内的服务；更早的服务请联系所在实践站补录`,
      'TOO_OLD',
    );
  const minutes = minutesBetween(startedAt, endedAt);
  if (minutes < SELF_LOG_LIMITS.minMinutes)
    return new Invalid(`每次服务至少 ${SELF_LOG_LIMITS.minMinutes} 分钟`, 'TOO_SHORT');
  if (minutes > SELF_LOG_LIMITS.maxHoursPerRecord * 60)
    return new Invalid(
      `一次随时记不超过 ${SELF_LOG_LIMITS.maxHoursPerRecord} 小时；更长的服务请通过活动签到记录`,
      'TOO_LONG',
    );
  return null;
}

interface SelfLogRow {
  id: number;
  note: string | null;
  place: string | null;
  started_at: Date | string;
  ended_at: Date | string;
  minutes: number;
  hours: string | number;
  status: string;
  reject_reason: string | null;
  evidence_upload_ids: string[];
  created_at: Date | string;
  reviewed_at: Date | string | null;
}

const SELF_LOG_COLUMNS = [
  'id',
  'note',
  'place',
  'started_at',
  'ended_at',
  'minutes',
  'hours',
  'status',
  'reject_reason',
  'evidence_upload_ids',
  'created_at',
  'reviewed_at',
] as const;

export function selfLogViewOf(row: SelfLogRow): SelfLogView {
  return {
    id: row.id,
    description: row.note ?? '',
    place: row.place ?? '',
    startedAt: isoTimestamp(row.started_at),
    endedAt: isoTimestamp(row.ended_at),
    minutes: row.minutes,
    hours: Number(row.hours),
    status: row.status as ServiceRecordStatus,
    rejectReason: row.reject_reason,
    photoCount: row.evidence_upload_ids.length,
    createdAt: isoTimestamp(row.created_at),
    reviewedAt: isoTimestamp(row.reviewed_at),
  };
}

/** The other records of the volunteer that a new log from startedAt to endedAt would overlap. */
async function overlapping(tx: Tx, volunteerId: number, startedAt: Date, endedAt: Date) {
  return (
    tx
      .selectFrom('service_records')
      .select(['id', 'source', 'started_at', 'ended_at'])
      .where('volunteer_id', '=', volunteerId)
      .where('status', 'in', ['pending', 'confirmed'])
      // an opening record sums a period before the platform: it is not a stretch of time served
      .where('kind', '<>', 'opening')
      .where('started_at', '<', endedAt)
      .where('ended_at', '>', startedAt)
      .orderBy('started_at')
      .limit(1)
      .executeTakeFirst()
  );
}

const beijingTime = (d: Date | string) =>
  new Date(new Date(d).getTime() + CHINA_OFFSET).toISOString().slice(5, 16).replace('T', ' ');

export function createSelfLogService(ctx: AppContext) {
  const target = async (tx: Tx, me: SelfVolunteer, id: number): Promise<AuditTarget> => {
    const own = await tx.selectFrom('volunteers').select('org_id').where('id', '=', me.id).executeTakeFirst();
    return { id, org_id: own?.org_id ?? null, org_path: me.orgPath };
  };

  /**
   * One of the volunteer's own logs. `lock` (FOR UPDATE) only finds a pending one: row-level
   * security lets a volunteer update their log only while it is pending.
   */
  async function ownLog(tx: Tx, me: SelfVolunteer, id: number, lock = false) {
    let query = tx
      .selectFrom('service_records')
      .select(SELF_LOG_COLUMNS)
      .where('id', '=', id)
      .where('volunteer_id', '=', me.id)
      .where('source', '=', 'self');
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new NotFound(SELF_LOG_NOT_FOUND, 'SELF_LOG_NOT_FOUND');
    return row;
  }

  return {
    /** Records a service done on one's own, pending at the volunteer's org. */
    create: (actor: Actor, input: SelfLogInput) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const now = ctx.now();
        const problem = selfLogTimeProblem(input.startedAt, input.endedAt, now);
        if (problem) throw problem;
        // one volunteer's logs one after another: two at once cannot both pass the limits
        await sql`SELECT pg_advisory_xact_lock(${SELF_LOG_LOCK}::int, ${me.id}::int)`.execute(tx);

        const clash = await overlapping(tx, me.id, input.startedAt, input.endedAt);
        if (clash)
          throw new Conflict(
            `这段时间与您的另一条服务记录（${SERVICE_RECORD_SOURCE_LABELS[clash.source as ServiceRecordSource]}，${beijingTime(clash.started_at)}–${beijingTime(clash.ended_at)}）重叠，同一时间只能记录一项服务`,
            'OVERLAP',
          );

        const minutes = minutesBetween(input.startedAt, input.endedAt);
        const rule = await hourRuleFor(tx, me.orgPath);
        const hours = roundServiceHours(minutes, rule);
        if (hours <= 0)
          throw new Invalid(
            `按本站的时长取整规则（每 ${rule.stepMinutes} 分钟计），这段服务计 0 小时，请核对开始和结束时间`,
            'ZERO_HOURS',
          );

        const dayStart = chinaDayStart(input.startedAt);
        const weekStart = chinaWeekStart(input.startedAt);
        const usage = await tx
          .selectFrom('service_records')
          .select([
            sql<number>`count(*) FILTER (WHERE started_at >= ${dayStart} AND started_at < ${new Date(dayStart.getTime() + DAY)})::int`.as(
              'day_count',
            ),
            sql<string>`coalesce(sum(hours) FILTER (WHERE started_at >= ${dayStart} AND started_at < ${new Date(dayStart.getTime() + DAY)}), 0)`.as(
              'day_hours',
            ),
            sql<string>`coalesce(sum(hours) FILTER (WHERE started_at >= ${weekStart} AND started_at < ${new Date(weekStart.getTime() + 7 * DAY)}), 0)`.as(
              'week_hours',
            ),
          ])
          .where('volunteer_id', '=', me.id)
          .where('source', '=', 'self')
          .where('status', 'in', ['pending', 'confirmed'])
          .where('started_at', '>=', weekStart)
          .executeTakeFirstOrThrow();
        const day = chinaDate(input.startedAt);
        if (usage.day_count >= SELF_LOG_LIMITS.perDay)
          throw new Conflict(
            `${day} 已记录 ${usage.day_count} 次服务，每天最多 ${SELF_LOG_LIMITS.perDay} 次`,
            'DAY_COUNT_LIMIT',
          );
        const dayHours = Number(usage.day_hours);
        if (dayHours + hours > SELF_LOG_LIMITS.hoursPerDay)
          throw new Conflict(
            `${day} 已记录 ${round1(dayHours)} 小时，加上这次 ${hours} 小时超过每天 ${SELF_LOG_LIMITS.hoursPerDay} 小时的上限`,
            'DAY_HOURS_LIMIT',
          );
        const weekHours = Number(usage.week_hours);
        if (weekHours + hours > SELF_LOG_LIMITS.hoursPerWeek)
          throw new Conflict(
            `本周（${chinaDate(weekStart)} 起）已记录 ${round1(weekHours)} 小时，加上这次 ${hours} 小时超过每周 ${SELF_LOG_LIMITS.hoursPerWeek} 小时的上限`,
            'WEEK_HOURS_LIMIT',
          );

        const row = await tx
          .insertInto('service_records')
          .values({
            volunteer_id: me.id,
            org_path: me.orgPath,
            source: 'self',
            source_id: null,
            kind: 'self',
            status: 'pending',
            started_at: input.startedAt,
            ended_at: input.endedAt,
            minutes,
            hours,
            note: input.description,
            place: input.place,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning(SELF_LOG_COLUMNS)
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('service_record_events')
          .values({
            record_id: row.id,
            org_path: me.orgPath,
            action: 'create',
            from_hours: null,
            to_hours: hours,
            reason: '志愿者随时记',
            actor_user_id: actor.userId,
            actor_name: actor.displayName,
            created_at: now,
          })
          .execute();
        await auditAction(
          tx,
          actor,
          'hours.self_log.create',
          'service_record',
          await target(tx, me, row.id),
          { volunteerId: me.id, hours, startedAt: isoTimestamp(row.started_at) },
          now,
        );
        return selfLogViewOf(row);
      }),

    /** The volunteer's self-logged records, newest first. */
    list: (actor: Actor, q: { status?: ServiceRecordStatus | undefined; page: number; pageSize: number }) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        let query = tx
          .selectFrom('service_records')
          .select(SELF_LOG_COLUMNS)
          .where('volunteer_id', '=', me.id)
          .where('source', '=', 'self');
        if (q.status) query = query.where('status', '=', q.status);
        const { rows, total } = await pageOf(query.orderBy('started_at', 'desc').orderBy('id', 'desc'), q);
        return { items: rows.map(selfLogViewOf), total };
      }),

    /** Withdraws a pending log (the station has not decided yet). */
    withdraw: (actor: Actor, id: number) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const now = ctx.now();
        const row = await ownLog(tx, me, id);
        if (row.status === 'withdrawn') return selfLogViewOf(row);
        if (row.status !== 'pending')
          throw new Conflict(
            row.status === 'confirmed' ? '该记录已由实践站确认，不能撤回' : '该记录已被驳回，无需撤回',
            'NOT_PENDING',
          );
        const updated = await tx
          .updateTable('service_records')
          .set({ status: 'withdrawn', updated_at: now })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .returning(SELF_LOG_COLUMNS)
          .executeTakeFirst();
        // the station decided in the meantime
        if (!updated) throw new Conflict('该记录已由实践站审核，不能撤回', 'NOT_PENDING');
        await tx
          .insertInto('service_record_events')
          .values({
            record_id: id,
            org_path: me.orgPath,
            action: 'withdraw',
            from_hours: Number(row.hours),
            to_hours: null,
            reason: '志愿者撤回',
            actor_user_id: actor.userId,
            actor_name: actor.displayName,
            created_at: now,
          })
          .execute();
        await auditAction(
          tx,
          actor,
          'hours.self_log.withdraw',
          'service_record',
          await target(tx, me, id),
          { volunteerId: me.id, hours: Number(row.hours) },
          now,
        );
        return selfLogViewOf(updated);
      }),

    /** A photo of the service, bound to the pending record at once. */
    addPhoto: (actor: Actor, id: number, file: { fileName: string | undefined; data: Buffer }) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const now = ctx.now();
        if ((await ownLog(tx, me, id)).status !== 'pending')
          throw new Conflict('只有待审核的记录可以添加照片', 'NOT_PENDING');
        // the photo count, with the record locked (and still pending)
        const row = await ownLog(tx, me, id, true);
        if (row.evidence_upload_ids.length >= SELF_LOG_PHOTOS)
          throw new Conflict(`每条随时记最多 ${SELF_LOG_PHOTOS} 张照片`, 'TOO_MANY_PHOTOS');
        const photo = await storeRecordImage(tx, {
          orgPath: me.orgPath,
          uploadedBy: actor.userId,
          fileName: file.fileName,
          data: file.data,
          now,
        });
        await tx
          .updateTable('service_records')
          .set({
            evidence_upload_ids: sql<string[]>`array_append(evidence_upload_ids, ${photo.id}::uuid)`,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'hours.self_log.photo',
          'service_record',
          await target(tx, me, id),
          { volunteerId: me.id, photoId: photo.id, mimeType: photo.mimeType, sha256: photo.sha256 },
          now,
        );
        return { id: photo.id };
      }),
  };
}
