// Owns activities for staff: create (one, or a weekly/monthly series whose occurrences are then
// edited or cancelled one by one), edit, the lifecycle draft → published → in progress → finished
// → archived (or cancelled with a reason that everyone signed up is told), the archive's summary,
// photos and video links, and the lists. An activity belongs to its org; that org's subtree admins
// manage it (row-level security and inActorScope both say so). A team leader runs the activities of
// the team they lead (and its sub-teams) only, and creates activities for those teams only.
import { sql } from 'kysely';
import {
  ACTIVITY_ACTION_LABELS,
  ACTIVITY_ACTIONS,
  ACTIVITY_STATUS_LABELS,
  MICRO_LECTURE_FORM,
  MICRO_LECTURE_LABEL,
  canActivity,
  type ActivityAction,
  type ActivityStatus,
} from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageByKey } from '../../platform/db/paging.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { notifyVolunteers, queueOutboundMessage } from '../notifications/index.ts';
import { findOwnerOrg, findProject } from '../projects/index.ts';
import { findTeam, inTeams, ledTeamIds, NO_TEAM_MESSAGE } from '../teams/index.ts';
import {
  activityTarget,
  checkLeaderActivity,
  findActivity,
  promoteFromWaitlist,
  type ActivityRow,
  managedActivity,
} from './activity-store.ts';
import { announceFinished } from './attendance.ts';
import { closeAttendance } from './checkin.service.ts';
import type {
  ActivityInput,
  ActivityListQuery,
  ActivityView,
  SeriesInput,
  UpdateActivityInput,
} from './activities.schema.ts';
import { containsPattern } from '../../platform/http/schemas.ts';

type ViewRow = ActivityRow & {
  org_name: string;
  project_name: string | null;
  team_name: string | null;
  checked_in_count: number;
  photo_count: number;
};

/** Activities with the names a list shows; the project, team or org may be above the caller. */
export function selectActivityViews(tx: Tx) {
  return tx
    .selectFrom('activities as a')
    .leftJoin('projects as p', 'p.id', 'a.project_id')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .selectAll('a')
    .select([
      sql<string>`org_name(a.org_id)`.as('org_name'),
      'p.name as project_name',
      't.name as team_name',
      sql<number>`(SELECT count(*) FROM activity_checkins c WHERE c.activity_id = a.id)::int`.as(
        'checked_in_count',
      ),
      sql<number>`(SELECT count(*) FROM activity_photos f WHERE f.activity_id = a.id)::int`.as('photo_count'),
    ]);
}

export function activityViewOf(row: ViewRow, editable: boolean): ActivityView {
  return {
    id: row.id,
    activityNo: row.activity_no,
    orgId: row.org_id,
    orgName: row.org_name,
    seriesId: row.series_id,
    planItemId: row.plan_item_id,
    title: row.title,
    platform: row.platform,
    projectId: row.project_id,
    projectName: row.project_name,
    teamId: row.team_id,
    teamName: row.team_name,
    form: row.form,
    microLecture: row.micro_lecture,
    festival: row.festival,
    description: row.description,
    place: row.place,
    latitude: row.latitude,
    longitude: row.longitude,
    geofenceM: row.geofence_m,
    startsAt: isoTimestamp(row.starts_at),
    endsAt: isoTimestamp(row.ends_at),
    capacity: row.capacity,
    signupOpensAt: isoTimestamp(row.signup_opens_at),
    signupClosesAt: isoTimestamp(row.signup_closes_at),
    audience: row.audience,
    status: row.status as ActivityStatus,
    cancelReason: row.cancel_reason,
    confirmedCount: row.confirmed_count,
    waitlistCount: row.waitlist_count,
    checkedInCount: row.checked_in_count,
    photoCount: row.photo_count,
    summary: row.summary,
    videoLinks: row.video_links,
    createdAt: isoTimestamp(row.created_at),
    editable,
  };
}

export async function activityView(tx: Tx, id: number, actor?: Actor): Promise<ActivityView> {
  const row = (await selectActivityViews(tx).where('a.id', '=', id).executeTakeFirst()) as
    ViewRow | undefined;
  if (!row) throw new NotFound('活动不存在或不在您的数据范围内');
  if (actor) await checkLeaderActivity(tx, actor, row);
  return activityViewOf(row, actor ? inActorScope(actor, row.org_path) : false);
}

/**
 * The team an activity a team leader creates or edits belongs to: theirs when none is given, one of
 * their teams otherwise — never another team or none. Anyone else's choice stands.
 */
async function teamOfLeader(
  tx: Tx,
  actor: Actor,
  teamId: number | null | undefined,
): Promise<number | null | undefined> {
  const teams = await ledTeamIds(tx, actor);
  if (!teams) return teamId;
  if (actor.teamId === null) throw new Forbidden(NO_TEAM_MESSAGE, 'NO_TEAM');
  const chosen = teamId === undefined ? actor.teamId : teamId;
  if (chosen === null || !teams.includes(chosen))
    throw new Invalid('队长只能为本队（及下属队伍）组织活动', 'NOT_OWN_TEAM');
  return chosen;
}

/** The times of an activity, checked together (an edit may change only some of them). */
function checkTimes(t: {
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date | null;
  signupClosesAt: Date | null;
}): void {
  if (t.endsAt.getTime() <= t.startsAt.getTime())
    throw new Invalid('结束时间须晚于开始时间', 'ENDS_BEFORE_STARTS');
  if (t.endsAt.getTime() - t.startsAt.getTime() > 7 * 24 * 3_600_000)
    throw new Invalid('单次活动不超过 7 天，长期活动请设为重复活动', 'ACTIVITY_TOO_LONG');
  if (t.signupOpensAt && t.signupClosesAt && t.signupClosesAt.getTime() <= t.signupOpensAt.getTime())
    throw new Invalid('报名截止时间须晚于报名开始时间', 'SIGNUP_WINDOW');
  if (t.signupClosesAt && t.signupClosesAt.getTime() > t.endsAt.getTime())
    throw new Invalid('报名截止时间不能晚于活动结束时间', 'SIGNUP_WINDOW');
}

function checkPlace(latitude: number | null | undefined, longitude: number | null | undefined): void {
  if ((latitude == null) !== (longitude == null)) throw new Invalid('经度和纬度须同时填写', 'COORDINATES');
}

/** A 茶乡微讲堂 is a 讲 (理论宣讲) activity. */
function checkMicroLecture(form: string, microLecture: boolean | undefined) {
  if (microLecture && form !== MICRO_LECTURE_FORM)
    throw new Invalid(`${MICRO_LECTURE_LABEL}须为“讲（理论宣讲）”形式的活动`, 'MICRO_LECTURE_FORM');
}

async function checkLinks(tx: Tx, input: UpdateActivityInput): Promise<void> {
  if (input.projectId) await findProject(tx, input.projectId);
  if (input.teamId) {
    const team = await findTeam(tx, input.teamId);
    if (team.status !== 'active') throw new Invalid('负责队伍已解散', 'TEAM_DISSOLVED');
  }
}

const columns = (input: UpdateActivityInput) => ({
  title: input.title,
  platform: input.platform,
  project_id: input.projectId,
  team_id: input.teamId,
  form: input.form,
  micro_lecture: input.microLecture,
  festival: input.festival,
  description: input.description,
  place: input.place,
  latitude: input.latitude,
  longitude: input.longitude,
  geofence_m: input.geofenceM,
  starts_at: input.startsAt,
  ends_at: input.endsAt,
  capacity: input.capacity,
  signup_opens_at: input.signupOpensAt,
  signup_closes_at: input.signupClosesAt,
  audience: input.audience,
});

/** Shifts a date by whole weeks or calendar months (the 31st of a short month is its last day). */
export function occurrenceOf(first: Date, frequency: 'weekly' | 'monthly', index: number): Date {
  if (frequency === 'weekly') return new Date(first.getTime() + index * 7 * 24 * 3_600_000);
  // calendar months in Beijing time: shift the local date, keep the local time of day
  const local = new Date(first.getTime() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + index;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(y, m, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds());
  return new Date(shifted - 8 * 3_600_000);
}

export function createActivitiesService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);
  const audit = (
    tx: Tx,
    actor: Actor,
    action: string,
    row: ActivityRow,
    summary: Record<string, unknown> = {},
  ) => auditAction(tx, actor, action, 'activity', activityTarget(row), summary, ctx.now());

  const managed = (tx: Tx, actor: Actor, id: number) => managedActivity(tx, actor, id, { lock: true });

  async function insertActivity(
    tx: Tx,
    actor: Actor,
    org: { id: number; path: string },
    input: ActivityInput,
    extra: { series_id?: number; plan_item_id?: number; startsAt?: Date; endsAt?: Date } = {},
  ): Promise<ActivityRow> {
    checkMicroLecture(input.form, input.microLecture);
    const now = ctx.now();
    const startsAt = extra.startsAt ?? input.startsAt;
    const endsAt = extra.endsAt ?? input.endsAt;
    const shift = startsAt.getTime() - input.startsAt.getTime();
    const moved = (d: Date | null | undefined) => (d ? new Date(d.getTime() + shift) : null);
    const { rows } = await sql<{ n: string }>`SELECT nextval('activity_no_seq')::text AS n`.execute(tx);
    const year = new Date(startsAt.getTime() + 8 * 3_600_000).getUTCFullYear();
    return tx
      .insertInto('activities')
      .values({
        ...columns(input),
        activity_no: `HD${year}${rows[0]!.n.padStart(6, '0')}`,
        org_id: org.id,
        org_path: org.path,
        title: input.title,
        form: input.form,
        place: input.place,
        capacity: input.capacity,
        starts_at: startsAt,
        ends_at: endsAt,
        signup_opens_at: moved(input.signupOpensAt),
        signup_closes_at: moved(input.signupClosesAt),
        series_id: extra.series_id ?? null,
        plan_item_id: extra.plan_item_id ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The org an activity is created for, and its coordinates as the default place. */
  async function ownerOf(tx: Tx, actor: Actor, raw: ActivityInput) {
    const input: ActivityInput = { ...raw, teamId: await teamOfLeader(tx, actor, raw.teamId) };
    const org = await findOwnerOrg(tx, actor, input.orgId ?? actor.orgId);
    const where = await tx
      .selectFrom('orgs')
      .select(['latitude', 'longitude'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    checkPlace(input.latitude, input.longitude);
    const placed: ActivityInput =
      input.latitude == null && where.latitude != null && where.longitude != null
        ? { ...input, latitude: where.latitude, longitude: where.longitude }
        : input;
    checkTimes({
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      signupOpensAt: input.signupOpensAt ?? null,
      signupClosesAt: input.signupClosesAt ?? null,
    });
    await checkLinks(tx, input);
    return { org, input: placed };
  }

  /** Moves an activity along its lifecycle (ACTIVITY_ACTIONS), or 409 with the reason. */
  function checkAction(row: ActivityRow, action: ActivityAction): void {
    if (!canActivity(action, row.status as ActivityStatus)) {
      throw new Conflict(
        `活动${ACTIVITY_STATUS_LABELS[row.status as ActivityStatus]}，不能${ACTIVITY_ACTION_LABELS[action]}`,
        'ILLEGAL_TRANSITION',
      );
    }
  }

  /** Creates a draft in the caller's transaction (a plan item turned into an activity links it there). */
  async function createIn(tx: Tx, actor: Actor, raw: ActivityInput, extra: { planItemId?: number } = {}) {
    const { org, input } = await ownerOf(tx, actor, raw);
    const row = await insertActivity(tx, actor, org, input, { plan_item_id: extra.planItemId });
    await audit(tx, actor, 'activity.create', row, { title: row.title, planItemId: extra.planItemId });
    return activityView(tx, row.id, actor);
  }

  return {
    async list(actor: Actor, query: ActivityListQuery) {
      return run(actor, async (tx) => {
        let q = selectActivityViews(tx).where(sql<boolean>`a.org_path <@ ${actor.orgPath}::ltree`);
        const teams = await ledTeamIds(tx, actor);
        if (teams) q = q.where(inTeams('a.team_id', teams));
        if (query.orgId) {
          const org = await tx
            .selectFrom('orgs')
            .select('path')
            .where('id', '=', query.orgId)
            .executeTakeFirst();
          if (!org) return { items: [], total: 0 };
          q = q.where(sql<boolean>`a.org_path <@ ${org.path}::ltree`);
        }
        if (query.keyword) {
          const like = containsPattern(query.keyword);
          q = q.where((eb) =>
            eb.or([
              eb('a.title', 'ilike', like),
              eb('a.activity_no', 'ilike', like),
              eb('a.place', 'ilike', like),
            ]),
          );
        }
        if (query.status) q = q.where('a.status', '=', query.status);
        if (query.form) q = q.where('a.form', '=', query.form);
        if (query.festival) q = q.where('a.festival', '=', query.festival);
        if (query.seriesId) q = q.where('a.series_id', '=', query.seriesId);
        if (query.from) q = q.where('a.starts_at', '>=', new Date(`${query.from}T00:00:00+08:00`));
        if (query.to)
          q = q.where(
            'a.starts_at',
            '<',
            new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000),
          );
        const direction = query.order ?? 'desc';
        const { rows, total } = await pageByKey(
          q.orderBy('a.starts_at', direction).orderBy('a.id', direction),
          query,
          'a.id',
        );
        return {
          items: rows.map((r) => activityViewOf(r as ViewRow, inActorScope(actor, r.org_path))),
          total,
        };
      });
    },

    detail: (actor: Actor, id: number) => run(actor, (tx) => activityView(tx, id, actor)),

    create: (actor: Actor, raw: ActivityInput) => run(actor, (tx) => createIn(tx, actor, raw)),

    createIn,

    /** A weekly or monthly series: every occurrence is its own activity (edited or cancelled alone). */
    async createSeries(actor: Actor, raw: SeriesInput) {
      return run(actor, async (tx) => {
        const { org, input } = await ownerOf(tx, actor, raw);
        const series = await tx
          .insertInto('activity_series')
          .values({
            org_id: org.id,
            org_path: org.path,
            title: input.title,
            frequency: raw.frequency,
            occurrences: raw.occurrences,
            created_by: actor.userId,
            created_at: ctx.now(),
          })
          .returning(['id'])
          .executeTakeFirstOrThrow();
        const length = input.endsAt.getTime() - input.startsAt.getTime();
        const ids: number[] = [];
        for (let i = 0; i < raw.occurrences; i += 1) {
          const startsAt = occurrenceOf(input.startsAt, raw.frequency, i);
          const row = await insertActivity(tx, actor, org, input, {
            series_id: series.id,
            startsAt,
            endsAt: new Date(startsAt.getTime() + length),
          });
          ids.push(row.id);
        }
        await auditAction(
          tx,
          actor,
          'activity.series.create',
          'activity_series',
          { id: series.id, org_id: org.id, org_path: org.path },
          { title: input.title, frequency: raw.frequency, occurrences: raw.occurrences },
          ctx.now(),
        );
        return { seriesId: series.id, activityIds: ids };
      });
    },

    async update(actor: Actor, id: number, input: UpdateActivityInput) {
      return run(actor, async (tx) => {
        const row = await managed(tx, actor, id);
        if (!['draft', 'published'].includes(row.status))
          throw new Conflict('活动已开始、结束或取消，不能再修改', 'ACTIVITY_LOCKED');
        checkPlace(
          input.latitude === undefined ? row.latitude : input.latitude,
          input.longitude === undefined ? row.longitude : input.longitude,
        );
        checkTimes({
          startsAt: input.startsAt ?? new Date(row.starts_at),
          endsAt: input.endsAt ?? new Date(row.ends_at),
          signupOpensAt:
            input.signupOpensAt === undefined
              ? row.signup_opens_at
                ? new Date(row.signup_opens_at)
                : null
              : input.signupOpensAt,
          signupClosesAt:
            input.signupClosesAt === undefined
              ? row.signup_closes_at
                ? new Date(row.signup_closes_at)
                : null
              : input.signupClosesAt,
        });
        if (input.teamId !== undefined) await teamOfLeader(tx, actor, input.teamId);
        if (input.capacity !== undefined && input.capacity < row.confirmed_count)
          throw new Conflict(
            `已有 ${row.confirmed_count} 人报名，招募人数不能少于已报名人数`,
            'CAPACITY_BELOW_SIGNUPS',
          );
        checkMicroLecture(input.form ?? row.form, input.microLecture ?? row.micro_lecture);
        await checkLinks(tx, input);
        const changes = Object.fromEntries(Object.entries(columns(input)).filter(([, v]) => v !== undefined));
        if (Object.keys(changes).length === 0) return activityView(tx, id, actor);
        await tx
          .updateTable('activities')
          .set({ ...changes, updated_at: ctx.now() })
          .where('id', '=', id)
          .execute();
        // a larger capacity takes volunteers off the waitlist, in order
        if (input.capacity !== undefined && input.capacity > row.capacity) {
          while ((await promoteFromWaitlist(tx, row, ctx.now())) !== null);
        }
        await audit(tx, actor, 'activity.update', row, { fields: Object.keys(changes) });
        return activityView(tx, id, actor);
      });
    },

    /** publish, start, finish (checks everyone out, records hours, marks no-shows) or archive. */
    async act(actor: Actor, id: number, action: Exclude<ActivityAction, 'cancel'>) {
      return run(actor, async (tx) => {
        const row = await managed(tx, actor, id);
        checkAction(row, action);
        const now = ctx.now();
        if (action === 'publish' && new Date(row.ends_at).getTime() <= now.getTime())
          throw new Invalid('活动结束时间已过，不能发布', 'ACTIVITY_IN_PAST');
        if (action === 'archive' && !row.summary?.trim())
          throw new Invalid('请先填写活动总结，再归档', 'SUMMARY_REQUIRED');
        if (action === 'finish') await closeAttendance(tx, row, now, actor.userId, ctx.events);
        await tx
          .updateTable('activities')
          .set({
            status: ACTIVITY_ACTIONS[action].to,
            updated_at: now,
            ...(action === 'publish' ? { published_at: now } : {}),
            ...(action === 'finish' ? { finished_at: now } : {}),
            ...(action === 'archive' ? { archived_at: now } : {}),
          })
          .where('id', '=', id)
          .execute();
        if (action === 'finish') await announceFinished(tx, row, now, ctx.events);
        await audit(tx, actor, `activity.${action}`, row);
        return activityView(tx, id, actor);
      });
    },

    /** Cancels with a reason; everyone signed up or waiting is told (H5 and the SMS/WeChat gateway). */
    async cancel(actor: Actor, id: number, reason: string) {
      return run(actor, async (tx) => {
        const row = await managed(tx, actor, id);
        checkAction(row, 'cancel');
        const now = ctx.now();
        await tx
          .updateTable('activities')
          .set({ status: 'cancelled', cancel_reason: reason, updated_at: now })
          .where('id', '=', id)
          .execute();
        const told = await tx
          .selectFrom('activity_signups')
          .select('volunteer_id')
          .where('activity_id', '=', id)
          .where('status', 'in', ['confirmed', 'waitlisted'])
          .execute();
        const ids = told.map((s) => s.volunteer_id);
        const title = `活动取消：${row.title}`;
        const body = `原定 ${formatBeijing(new Date(row.starts_at))} 的活动已取消。原因：${reason}`;
        await notifyVolunteers(
          tx,
          ids,
          { orgId: row.org_id, orgPath: row.org_path },
          {
            kind: 'activity.cancelled',
            title,
            body,
            link: `/activities/${id}`,
          },
          now,
        );
        if (ids.length) {
          await queueOutboundMessage(
            tx,
            {
              orgPath: row.org_path,
              event: 'activity.cancelled',
              payload: {
                activityNo: row.activity_no,
                title: row.title,
                reason,
                volunteerIds: ids,
                at: now.toISOString(),
              },
            },
            now,
          );
        }
        await audit(tx, actor, 'activity.cancel', row, { reason, told: ids.length });
        return activityView(tx, id, actor);
      });
    },

    /** The archive (活动档案): summary and video links, for a finished or archived activity. */
    async updateArchive(actor: Actor, id: number, input: { summary?: string | null; videoLinks?: string[] }) {
      return run(actor, async (tx) => {
        const row = await managed(tx, actor, id);
        if (row.status === 'cancelled' || row.status === 'draft')
          throw new Conflict('活动未开展，没有档案可写', 'NO_ARCHIVE');
        await tx
          .updateTable('activities')
          .set({
            ...(input.summary !== undefined ? { summary: input.summary } : {}),
            ...(input.videoLinks !== undefined ? { video_links: input.videoLinks } : {}),
            updated_at: ctx.now(),
          })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, 'activity.archive.update', row, { videoLinks: input.videoLinks?.length });
        return activityView(tx, id, actor);
      });
    },

    async photos(actor: Actor, id: number) {
      return run(actor, async (tx) => {
        await checkLeaderActivity(tx, actor, await findActivity(tx, id));
        const rows = await tx
          .selectFrom('activity_photos')
          .select(['id', 'upload_id', 'caption', 'created_at'])
          .where('activity_id', '=', id)
          .orderBy('id')
          .execute();
        return rows.map((p) => ({
          id: p.id,
          uploadId: p.upload_id,
          caption: p.caption,
          createdAt: isoTimestamp(p.created_at),
        }));
      });
    },

    async addPhoto(actor: Actor, id: number, uploadId: string, caption: string | null | undefined) {
      return run(actor, async (tx) => {
        const row = await managed(tx, actor, id);
        const upload = await tx
          .selectFrom('uploads')
          .select(['id', 'mime_type'])
          .where('id', '=', uploadId)
          .executeTakeFirst();
        if (!upload) throw new NotFound('照片不存在，请重新上传');
        if (!upload.mime_type.startsWith('image/')) throw new Invalid('只能添加图片', 'NOT_AN_IMAGE');
        await tx
          .insertInto('activity_photos')
          .values({
            activity_id: id,
            upload_id: uploadId,
            org_path: row.org_path,
            caption: caption ?? null,
            created_at: ctx.now(),
          })
          .onConflict((oc) => oc.columns(['activity_id', 'upload_id']).doNothing())
          .execute();
        await audit(tx, actor, 'activity.photo.add', row, { uploadId });
        return { ok: true as const };
      });
    },

    async removePhoto(actor: Actor, id: number, photoId: number) {
      return run(actor, async (tx) => {
        const row = await managed(tx, actor, id);
        const done = await tx
          .deleteFrom('activity_photos')
          .where('id', '=', photoId)
          .where('activity_id', '=', id)
          .executeTakeFirst();
        if (!done.numDeletedRows) throw new NotFound('照片不存在');
        await audit(tx, actor, 'activity.photo.remove', row, { photoId });
        return { ok: true as const };
      });
    },
  };
}

/** "2026-11-24 09:00" in Beijing time. */
export function formatBeijing(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
