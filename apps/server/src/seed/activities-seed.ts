/**
 * Writes a year of the demo county's activities (activities-gen.ts) into the database: plans and
 * their items, the 茶乡微讲堂 series, activities, sign-ups, check-ins, service records with their
 * history (created at check-out or close, confirmed or rejected by the org's admin), and a photo of
 * the paper sign-in sheet as evidence of each 补录.
 *
 * Tens of thousands of rows on first start: each table is one INSERT … SELECT FROM unnest(…) with
 * a column array per parameter, and the lifetime-hours trigger (0006) is held back for the bulk
 * insert of records and its sum applied in one UPDATE — the same sum, without sixteen thousand
 * single-row updates of volunteers. The volunteers seed gave everyone the hours of earlier years;
 * this year's confirmed hours come on top.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/database.ts';
import {
  buildActivitiesSeed,
  type ActivitiesSeed,
  type ActivitiesSeedInput,
  type ActivityOrg,
  SEED_GEOFENCE_M,
} from './activities-gen.ts';
import { bulkInsert, columns } from './bulk-insert.ts';

const ADMIN_ROLES = ['center_admin', 'institute_admin', 'station_admin'];
/** A 1×1 PNG: the seeded "photo of the paper sign-in sheet" attached to each 补录. */
const EVIDENCE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export interface ActivitiesSeedCounts {
  plans: number;
  planItems: number;
  activities: number;
  signups: number;
  checkins: number;
  serviceRecords: number;
}

export async function insertDemoActivities(ctx: AppContext, tx: Tx): Promise<ActivitiesSeedCounts> {
  const seed = buildActivitiesSeed(await loadInput(tx, ctx.now()));
  const activityIds = await insertActivities(tx, seed);
  const { plans, planItems } = await insertPlans(tx, seed, activityIds);
  const counts = await insertAttendance(tx, seed, activityIds);
  return { plans, planItems, activities: seed.activities.length, ...counts };
}

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** Project short name from `“理论宣讲”志愿服务项目` or `“理论宣讲”志愿服务队`. */
const quoted = (name: string) => /“(.+?)”/.exec(name)?.[1] ?? name;

async function loadInput(tx: Tx, now: Date): Promise<ActivitiesSeedInput> {
  const orgRows = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'short_name', 'kind', 'parent_id', 'latitude', 'longitude'])
    .where('kind', 'in', ['center', 'institute', 'station'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const orgs: ActivityOrg[] = orgRows.map((o) => ({
    id: o.id,
    path: o.path,
    name: o.name,
    shortName: o.short_name,
    kind: o.kind as ActivityOrg['kind'],
    parentId: o.parent_id,
    latitude: Number(o.latitude),
    longitude: Number(o.longitude),
  }));
  const volunteers = await tx
    .selectFrom('volunteers')
    .select(['id', 'org_id', 'consent_at'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const teams = await tx
    .selectFrom('teams')
    .select(['id', 'org_id', 'tier', 'kind', 'name'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const regularTeams = new Map<number, number>();
  const professionalTeams = new Map<string, number>();
  for (const t of teams) {
    if (t.kind === 'professional') professionalTeams.set(quoted(t.name), t.id);
    else if (['corps', 'brigade', 'squadron'].includes(t.tier) && !regularTeams.has(t.org_id))
      regularTeams.set(t.org_id, t.id);
  }
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const projectRows = await tx
    .selectFrom('projects')
    .select(['id', 'name', 'platform'])
    .where('year', '=', year)
    .execute();
  const projects = new Map(projectRows.map((p) => [quoted(p.name), { id: p.id, platform: p.platform }]));
  const users = await tx
    .selectFrom('users')
    .select(['id', 'username', 'role', 'org_id'])
    .orderBy('id')
    .execute();
  const admins = new Map<number, number>();
  for (const u of users)
    if (ADMIN_ROLES.includes(u.role) && !admins.has(u.org_id)) admins.set(u.org_id, u.id);
  const firstInstitute = orgs.find((o) => o.kind === 'institute');
  const demoStationId =
    users.find((u) => u.username === 'demo-station')?.org_id ??
    orgs.find((o) => o.kind === 'station' && o.parentId === firstInstitute?.id)!.id;
  const demoUser = users.find((u) => u.username === 'demo-volunteer');
  const demoVolunteer = demoUser
    ? await tx.selectFrom('volunteers').select('id').where('user_id', '=', demoUser.id).executeTakeFirst()
    : undefined;
  return {
    now,
    orgs,
    volunteers: volunteers.map((v) => ({ id: v.id, orgId: v.org_id, since: new Date(v.consent_at) })),
    regularTeams,
    professionalTeams,
    projects,
    admins,
    demoStationId,
    demoVolunteerId: demoVolunteer?.id ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** The series and the activities; returns activity ids by key. Numbers follow creation order. */
async function insertActivities(tx: Tx, seed: ActivitiesSeed): Promise<number[]> {
  const seriesIds = new Map<number, number>();
  for (const s of seed.series) {
    const row = await tx
      .insertInto('activity_series')
      .values({
        org_id: s.org.id,
        org_path: s.org.path,
        title: s.title,
        frequency: s.frequency,
        occurrences: s.occurrences,
        created_by: s.createdBy,
        created_at: s.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    seriesIds.set(s.key, row.id);
  }
  const ordered = [...seed.activities].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.key - b.key,
  );
  const { rows: numbers } = await sql<{ n: number }>`
    SELECT nextval('activity_no_seq') AS n FROM generate_series(1, ${ordered.length}::int)`.execute(tx);
  const serial = numbers.map((r) => Number(r.n)).sort((x, y) => x - y);
  const beijingYear = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();
  const keyByNo = new Map<string, number>();
  const rows = ordered.map((a, i) => {
    const activityNo = `HD${beijingYear(a.startsAt)}${String(serial[i]).padStart(6, '0')}`;
    keyByNo.set(activityNo, a.key);
    return {
      activity_no: activityNo,
      org_id: a.org.id,
      org_path: a.org.path,
      series_id: a.seriesKey === null ? null : seriesIds.get(a.seriesKey)!,
      title: a.title,
      platform: a.platform,
      project_id: a.projectId,
      team_id: a.teamId,
      form: a.form,
      micro_lecture: a.microLecture,
      festival: a.festival,
      description: a.description,
      place: a.place,
      latitude: a.latitude,
      longitude: a.longitude,
      geofence_m: SEED_GEOFENCE_M,
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      capacity: a.capacity,
      signup_opens_at: a.signupOpensAt,
      signup_closes_at: a.signupClosesAt,
      audience: a.audience,
      status: a.status,
      cancel_reason: a.cancelReason,
      confirmed_count: a.confirmedCount,
      waitlist_count: a.waitlistCount,
      summary: a.summary,
      video_links: a.videoLinks,
      created_by: a.createdBy,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
      published_at: a.publishedAt,
      finished_at: a.finishedAt,
      archived_at: a.archivedAt,
    };
  });
  const inserted = await bulkInsert(
    tx,
    'activities',
    columns(`
      activity_no text, org_id bigint, org_path ltree, series_id bigint, title text, platform text,
      project_id bigint, team_id bigint, form text, micro_lecture boolean, festival text, description text, place text,
      latitude float8, longitude float8, geofence_m int, starts_at timestamptz, ends_at timestamptz,
      capacity int, signup_opens_at timestamptz, signup_closes_at timestamptz, audience text,
      status text, cancel_reason text, confirmed_count int, waitlist_count int, summary text,
      video_links text[], created_by bigint, created_at timestamptz, updated_at timestamptz,
      published_at timestamptz, finished_at timestamptz, archived_at timestamptz`),
    rows,
    ['id', 'activity_no'],
  );
  const ids: number[] = [];
  for (const row of inserted) ids[keyByNo.get(row.activity_no as string)!] = Number(row.id);
  return ids;
}

async function insertPlans(tx: Tx, seed: ActivitiesSeed, activityIds: number[]) {
  const plans = await tx
    .insertInto('activity_plans')
    .values(
      seed.plans.map((p) => ({
        org_id: p.org.id,
        org_path: p.org.path,
        year: p.year,
        title: p.title,
        summary: p.summary,
        quarter_themes: p.quarterThemes,
        status: 'published',
        published_at: p.publishedAt,
        created_by: p.createdBy,
        created_at: p.createdAt,
        updated_at: p.publishedAt,
      })),
    )
    .returning(['id', 'org_id'])
    .execute();
  const planId = new Map(plans.map((p) => [p.org_id, p.id]));
  const items = seed.plans.flatMap((p) =>
    p.items.map((item) => ({
      plan_id: planId.get(p.org.id)!,
      org_path: p.org.path,
      month: item.month,
      week: item.week,
      title: item.title,
      description: item.description,
      form: item.form,
      festival: item.festival,
      planned_on: item.plannedOn,
      activity_id: item.activityKey === null ? null : activityIds[item.activityKey]!,
      created_at: p.createdAt,
    })),
  );
  await bulkInsert(
    tx,
    'plan_items',
    columns(`
      plan_id bigint, org_path ltree, month int, week int, title text, description text, form text,
      festival text, planned_on date, activity_id bigint, created_at timestamptz`),
    items,
  );
  // the activities made from plan items point back at them
  await sql`UPDATE activities a SET plan_item_id = i.id FROM plan_items i WHERE i.activity_id = a.id`.execute(
    tx,
  );
  return { plans: plans.length, planItems: items.length };
}

async function insertAttendance(tx: Tx, seed: ActivitiesSeed, activityIds: number[]) {
  // in sign-up order: the waitlist is promoted by id
  const signups = seed.activities.flatMap((a) =>
    [...a.signups]
      .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())
      .map((s) => ({
        activity_id: activityIds[a.key]!,
        volunteer_id: s.volunteerId,
        org_path: a.org.path,
        status: s.status,
        source: s.source,
        reminded_at: s.remindedAt,
        attendance_confirmed_at: s.attendanceConfirmedAt,
        created_at: s.createdAt,
        updated_at: s.cancelledAt ?? s.createdAt,
        cancelled_at: s.cancelledAt,
      })),
  );
  await bulkInsert(
    tx,
    'activity_signups',
    columns(`
      activity_id bigint, volunteer_id bigint, org_path ltree, status text, source text,
      reminded_at timestamptz, attendance_confirmed_at timestamptz, created_at timestamptz,
      updated_at timestamptz, cancelled_at timestamptz`),
    signups,
  );

  const checkins = seed.activities.flatMap((a) =>
    a.checkins.map((c) => ({
      activity_id: activityIds[a.key]!,
      volunteer_id: c.volunteerId,
      org_path: a.org.path,
      checked_in_at: c.checkedInAt,
      in_method: c.inMethod,
      in_latitude: c.inLatitude,
      in_longitude: c.inLongitude,
      in_distance_m: c.inDistanceM,
      checked_out_at: c.checkedOutAt,
      out_method: c.outMethod,
      out_latitude: c.outLatitude,
      out_longitude: c.outLongitude,
      recorded_by: c.recordedBy,
      note: c.inMethod === 'manual' ? '未带手机，组织者代签' : null,
    })),
  );
  await bulkInsert(
    tx,
    'activity_checkins',
    columns(`
      activity_id bigint, volunteer_id bigint, org_path ltree, checked_in_at timestamptz,
      in_method text, in_latitude float8, in_longitude float8, in_distance_m int,
      checked_out_at timestamptz, out_method text, out_latitude float8, out_longitude float8,
      recorded_by bigint, note text`),
    checkins,
  );

  // one uploaded photo per 补录, in the activity's org
  const evidence = new Map<string, string>();
  for (const a of seed.activities) {
    for (const r of a.records.filter((x) => x.needsEvidence)) {
      const upload = await tx
        .insertInto('uploads')
        .values({
          org_path: a.org.path,
          uploaded_by: r.createdBy ?? 1,
          file_name: '签到表照片.png',
          mime_type: 'image/png',
          byte_size: EVIDENCE_PNG.length,
          sha256: crypto.createHash('sha256').update(EVIDENCE_PNG).digest('hex'),
          content: EVIDENCE_PNG,
          created_at: r.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      evidence.set(`${a.key}/${r.volunteerId}`, upload.id);
    }
  }

  const records = seed.activities.flatMap((a) =>
    a.records.map((r) => ({
      volunteer_id: r.volunteerId,
      org_path: a.org.path,
      source: 'activity',
      source_id: activityIds[a.key]!,
      kind: r.kind,
      status: r.status,
      started_at: r.startedAt,
      ended_at: r.endedAt,
      minutes: r.minutes,
      hours: r.hours,
      note: r.note,
      evidence_upload_ids: r.needsEvidence ? [evidence.get(`${a.key}/${r.volunteerId}`)!] : [],
      created_by: r.createdBy,
      created_at: r.createdAt,
      reviewed_by: r.reviewedBy,
      reviewed_at: r.reviewedAt,
      reject_reason: r.rejectReason,
      updated_at: r.reviewedAt ?? r.createdAt,
    })),
  );
  // the trigger's per-row update of volunteers, done once for all (the ALTER is undone with the
  // transaction if anything fails; it is in force again before the seed commits)
  await sql`ALTER TABLE service_records DISABLE TRIGGER service_records_lifetime_hours`.execute(tx);
  await bulkInsert(
    tx,
    'service_records',
    columns(`
      volunteer_id bigint, org_path ltree, source text, source_id bigint, kind text, status text,
      started_at timestamptz, ended_at timestamptz, minutes int, hours numeric, note text,
      evidence_upload_ids uuid[], created_by bigint, created_at timestamptz, reviewed_by bigint,
      reviewed_at timestamptz, reject_reason text, updated_at timestamptz`),
    records,
  );
  // planner statistics for what was just loaded: without them, in this transaction, the update below
  // planned for empty tables and took 3 s instead of 0.1 s
  await sql`ANALYZE volunteers, service_records, activity_checkins`.execute(tx);
  await sql`
    UPDATE volunteers v SET lifetime_hours = v.lifetime_hours + r.hours
      FROM (SELECT volunteer_id, sum(hours) AS hours FROM service_records
             WHERE source = 'activity' AND status = 'confirmed' GROUP BY volunteer_id) r
     WHERE v.id = r.volunteer_id`.execute(tx);
  await sql`ALTER TABLE service_records ENABLE TRIGGER service_records_lifetime_hours`.execute(tx);

  // each record's history, as check-out (or close) and review wrote it
  await sql`
    INSERT INTO service_record_events
      (record_id, org_path, action, from_hours, to_hours, reason, actor_user_id, actor_name, created_at)
    SELECT r.id, r.org_path, 'create', NULL, r.hours,
           CASE WHEN r.kind = 'backfill' THEN '补录：' || r.note
                WHEN c.out_method = 'close' THEN '签退：活动结束自动签退'
                ELSE '签退：扫码' END,
           CASE WHEN r.kind = 'backfill' THEN r.created_by
                WHEN c.out_method = 'close' THEN NULL
                ELSE v.user_id END,
           CASE WHEN r.kind = 'backfill' THEN coalesce(cu.display_name, '管理员')
                WHEN c.out_method = 'close' THEN '系统'
                ELSE v.name END,
           r.created_at
      FROM service_records r
      JOIN volunteers v ON v.id = r.volunteer_id
      LEFT JOIN activity_checkins c ON c.activity_id = r.source_id AND c.volunteer_id = r.volunteer_id
      LEFT JOIN users cu ON cu.id = r.created_by
     WHERE r.source = 'activity'
    UNION ALL
    SELECT r.id, r.org_path, CASE r.status WHEN 'confirmed' THEN 'confirm' ELSE 'reject' END,
           r.hours, r.hours, r.reject_reason, r.reviewed_by, coalesce(ru.display_name, '管理员'), r.reviewed_at
      FROM service_records r
      LEFT JOIN users ru ON ru.id = r.reviewed_by
     WHERE r.source = 'activity' AND r.status IN ('confirmed', 'rejected')
     ORDER BY 9, 1`.execute(tx);
  return { signups: signups.length, checkins: checkins.length, serviceRecords: records.length };
}
