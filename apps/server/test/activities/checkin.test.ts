// Check-in and check-out on a real PostgreSQL: the rotating QR code, the geofence, the time
// window, idempotent retries under concurrency, the pending credit record a check-out leaves, the
// organiser's manual check-in and audited override, closing attendance (no-shows, automatic
// check-out), the clock-driven jobs (start, close, reminders), the sign-in sheet and its Excel
// export, and data scope. The clock is injected: every test sets it.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGeofence, roundServiceHours } from '@civic/contracts';
import {
  activityCloseJob,
  activityRemindersJob,
  activityStartJob,
} from '../../src/modules/activities/activities.jobs.ts';
import { CHECKIN_QR_KEY_PURPOSE, signCheckinToken } from '../../src/modules/activities/checkin-token.ts';
import { closeAttendance, createCheckinService } from '../../src/modules/activities/checkin.service.ts';
import { actorFromSession, sessionPolicy } from '../../src/platform/auth/plugin.ts';
import { findSession } from '../../src/platform/auth/sessions.ts';
import { APP_ROLE, withCredentials } from '../../src/platform/db/database.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { runJobOnce } from '../../src/platform/jobs/scheduler.ts';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import { orgOfUser, readSheet, tableDigest, type OrgRef } from '../support/org-factories.ts';
import {
  createVolunteer,
  registerVolunteer,
  type RegisteredVolunteer,
} from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef; // 东风社区 (demo-station), under 城北街道
let otherStation: OrgRef; // a village of another town (demo-station2)
let stationSession: Session;
let stationAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
let stationAdminId: number;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINESE = /[\u4e00-\u9fa5]/;

/** The place of every test activity, and positions around it. */
const PLACE = { latitude: 32.983, longitude: 107.766 };
const northOf = (metres: number) => ({
  latitude: PLACE.latitude + metres / 111_195,
  longitude: PLACE.longitude,
});
const NEAR = northOf(60);
const FAR = northOf(1_500);

/** Whole days from a round hour well ahead of the real clock: each test has its own day. */
const BASE = Math.ceil(Date.now() / HOUR) * HOUR + 2 * DAY;
const dayOf = (n: number) => new Date(BASE + n * DAY);

const setClock = (d: Date | number) => t.setNow(new Date(d));

beforeAll(async () => {
  t = await createTestContext({
    // the tests move the clock by days: sessions and passwords must not expire meanwhile
    env: { SESSION_IDLE_MINUTES: '1000000', SESSION_ABSOLUTE_HOURS: '100000', PASSWORD_MAX_AGE_DAYS: '0' },
  });
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  stationSession = await login(t.app, 'demo-station');
  stationAdmin = as(t.app, stationSession);
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  stationAdminId = (
    await t.ctx.db.system
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-station')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t?.close());

const asVolunteer = (v: RegisteredVolunteer) => as(t.app, v.session);

async function expect4xx(res: { statusCode: number; body: string }, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body) as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
  return body;
}

interface TestActivity {
  id: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * A published activity of demo-station starting at `startsAt` (the clock is set two days before,
 * when it is created, published and signed up for).
 */
async function activityAt(
  startsAt: Date,
  options: { minutes?: number; audience?: 'volunteers' | 'public'; place?: boolean; title?: string } = {},
): Promise<TestActivity> {
  setClock(startsAt.getTime() - 2 * DAY);
  const endsAt = new Date(startsAt.getTime() + (options.minutes ?? 120) * MINUTE);
  const created = await stationAdmin.post('/api/activities', {
    title: options.title ?? '重阳节敬老志愿服务',
    form: 'bang',
    place: '东风社区新时代文明实践站',
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    capacity: 50,
    geofenceM: 200,
    audience: options.audience ?? 'volunteers',
    ...(options.place === false ? {} : PLACE),
  });
  expect(created.statusCode, created.body).toBe(200);
  const id = created.json().id as number;
  if (options.place === false) {
    // the station's coordinates are the default place; this one has none at all
    await t.ctx.db.system
      .updateTable('activities')
      .set({ latitude: null, longitude: null })
      .where('id', '=', id)
      .execute();
  }
  const published = await stationAdmin.post(`/api/activities/${id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return { id, startsAt, endsAt };
}

/** Volunteers registered on H5 at demo-station's village and signed up (confirmed) for `activity`. */
async function signedUp(activity: TestActivity, count = 1): Promise<RegisteredVolunteer[]> {
  const result: RegisteredVolunteer[] = [];
  for (let i = 0; i < count; i += 1) {
    const v = await registerVolunteer(t, station.id);
    setClock(activity.startsAt.getTime() - 2 * DAY + MINUTE);
    const res = await asVolunteer(v).post(`/api/me/activities/${activity.id}/signup`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().signup.status).toBe('confirmed');
    result.push(v);
  }
  return result;
}

/** The code the organiser's screen shows now. */
async function codeFor(activityId: number, direction: 'in' | 'out' = 'in'): Promise<string> {
  const res = await stationAdmin.get(`/api/activities/${activityId}/checkin-code?direction=${direction}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().token as string;
}

async function scan(v: RegisteredVolunteer, token: string, position: object | null = NEAR) {
  return asVolunteer(v).post('/api/me/checkin', { token, ...(position ?? {}) });
}

const checkinsOf = (activityId: number) =>
  t.ctx.db.system.selectFrom('activity_checkins').selectAll().where('activity_id', '=', activityId).execute();
const recordsOf = (activityId: number) =>
  t.ctx.db.system
    .selectFrom('service_records')
    .selectAll()
    .where('source', '=', 'activity')
    .where('source_id', '=', activityId)
    .execute();
const signupOf = (activityId: number, volunteerId: number) =>
  t.ctx.db.system
    .selectFrom('activity_signups')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirstOrThrow();
const auditCount = async (action: string, resourceId: number) =>
  Number(
    (
      await t.ctx.db.system
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .where('resource_id', '=', String(resourceId))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the QR code on the organiser’s screen', () => {
  it('gives a signed token, the H5 link it encodes, and when to refresh', async () => {
    const a = await activityAt(dayOf(0));
    setClock(a.startsAt.getTime() - 10 * MINUTE);
    const res = await stationAdmin.get(`/api/activities/${a.id}/checkin-code?direction=out`);
    expect(res.statusCode, res.body).toBe(200);
    const code = res.json();
    expect(code.token).toMatch(new RegExp(`^${a.id}\\.out\\.\\d+\\.[A-Za-z0-9_-]{22}$`));
    expect(code.url).toBe(`/h5/checkin?t=${encodeURIComponent(code.token)}`);
    expect(code.periodSeconds).toBe(30);
    const now = a.startsAt.getTime() - 10 * MINUTE;
    expect(new Date(code.refreshAt).getTime()).toBeGreaterThan(now);
    expect(new Date(code.refreshAt).getTime()).toBeLessThanOrEqual(now + 30_000);
    expect(new Date(code.expiresAt).getTime() - new Date(code.refreshAt).getTime()).toBe(30_000);
    expect(res.headers['cache-control']).toBe('no-store');
    // the default direction is check-in
    expect((await stationAdmin.get(`/api/activities/${a.id}/checkin-code`)).json().direction).toBe('in');
    await expect4xx(await stationAdmin.get(`/api/activities/${a.id}/checkin-code?direction=sideways`), 400);
  });

  it('is only for published or running activities', async () => {
    setClock(dayOf(0).getTime() - 3 * DAY);
    const draft = await stationAdmin.post('/api/activities', {
      title: '草稿活动',
      form: 'jiang',
      place: '东风社区',
      startsAt: dayOf(0).toISOString(),
      endsAt: new Date(dayOf(0).getTime() + HOUR).toISOString(),
      capacity: 5,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    await expect4xx(
      await stationAdmin.get(`/api/activities/${draft.json().id}/checkin-code`),
      409,
      'CHECKIN_NOT_AVAILABLE',
    );
    await expect4xx(await stationAdmin.get('/api/activities/99999999/checkin-code'), 404);
  });
});

describe('checking in by QR code', () => {
  let a: TestActivity;
  let volunteers: RegisteredVolunteer[];

  beforeAll(async () => {
    a = await activityAt(dayOf(1));
    volunteers = await signedUp(a, 4);
  });

  it('inside the fence: checked in once, a retry returns the same check-in', async () => {
    const [v] = volunteers;
    setClock(a.startsAt.getTime() - 30 * MINUTE);
    const token = await codeFor(a.id);
    const res = await scan(v!, token);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const expected = checkGeofence(PLACE, NEAR, 200).distanceM;
    expect(body).toEqual({
      direction: 'in',
      activityId: a.id,
      activityTitle: '重阳节敬老志愿服务',
      at: new Date(a.startsAt.getTime() - 30 * MINUTE).toISOString(),
      distanceM: expected,
      alreadyDone: false,
    });
    setClock(a.startsAt.getTime() - 29 * MINUTE);
    const again = await scan(v!, await codeFor(a.id));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ alreadyDone: true, at: body.at, distanceM: expected });
    const rows = (await checkinsOf(a.id)).filter((r) => r.volunteer_id === v!.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      in_method: 'qr',
      in_distance_m: expected,
      in_latitude: NEAR.latitude,
      checked_out_at: null,
      recorded_by: null,
    });
    expect(rows[0]!.org_path).toBe(station.path);
  });

  it('outside the fence: 400 with the distance in metres, nothing written', async () => {
    const v = volunteers[1]!;
    setClock(a.startsAt.getTime() - 20 * MINUTE);
    const before = await tableDigest(t.ctx.db.system, 'activity_checkins');
    const token = await codeFor(a.id);
    const body = await expect4xx(await scan(v, token, FAR), 400, 'OUTSIDE_GEOFENCE');
    const distance = checkGeofence(PLACE, FAR, 200).distanceM;
    expect(body.message).toContain(`${distance} 米`);
    expect(body.message).toContain('200 米');
    const vague = await expect4xx(await scan(v, token, { ...FAR, accuracy: 800 }), 400, 'OUTSIDE_GEOFENCE');
    expect(vague.message).toContain('定位误差约 800 米');
    // the activity has a place: a position is required
    const none = await expect4xx(await scan(v, token, null), 400, 'POSITION_REQUIRED');
    expect(none.message).toBe('请允许获取位置后再签到，或请组织者为您手动签到');
    await expect4xx(await scan(v, token, { latitude: 'here', longitude: 107 }), 400);
    await expect4xx(await scan(v, token, { latitude: 95, longitude: 107 }), 400);
    expect(await tableDigest(t.ctx.db.system, 'activity_checkins')).toBe(before);
  });

  it('expired, forged or garbled codes: 400, nothing written', async () => {
    const v = volunteers[1]!;
    const shownAt = a.startsAt.getTime() - 15 * MINUTE;
    setClock(shownAt);
    const token = await codeFor(a.id);
    const before = await tableDigest(t.ctx.db.system, 'activity_checkins');
    // a photo of the code, used a minute later (two periods on)
    setClock(shownAt + 61_000);
    const expired = await expect4xx(await scan(v, token), 400, 'QR_EXPIRED');
    expect(expired.message).toBe('二维码已过期，请扫描现场大屏上的最新二维码');
    setClock(shownAt + 5_000);
    const [id, direction, period, sig] = token.split('.') as [string, string, string, string];
    const flipped = `${id}.${direction}.${period}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    for (const forged of [
      flipped,
      `${Number(id) + 1}.${direction}.${period}.${sig}`,
      `${id}.out.${period}.${sig}`,
      `${id}.${direction}.${Number(period) + 1}.${sig}`,
      signCheckinToken(Buffer.alloc(32, 7), a.id, 'in', new Date(shownAt)).token,
      'https://example.com/not-our-code',
      '<script>alert(1)</script>',
    ]) {
      const body = await expect4xx(await scan(v, forged), 400, 'QR_INVALID');
      expect(body.message).toBe('二维码无效');
    }
    await expect4xx(await scan(v, ''), 400);
    await expect4xx(await asVolunteer(v).post('/api/me/checkin', {}), 400);
    expect(await tableDigest(t.ctx.db.system, 'activity_checkins')).toBe(before);
  });

  it('before the window opens and after the activity ends: 400', async () => {
    const v = volunteers[1]!;
    const before = await tableDigest(t.ctx.db.system, 'activity_checkins');
    setClock(a.startsAt.getTime() - 61 * MINUTE);
    const early = await expect4xx(await scan(v, await codeFor(a.id)), 400, 'CHECKIN_NOT_OPEN');
    expect(early.message).toContain('开始前 60 分钟开放签到');
    setClock(a.endsAt.getTime() + MINUTE);
    await expect4xx(await scan(v, await codeFor(a.id)), 400, 'CHECKIN_CLOSED');
    expect(await tableDigest(t.ctx.db.system, 'activity_checkins')).toBe(before);
  });

  it('20 concurrent retries of one volunteer leave exactly one check-in', async () => {
    const v = volunteers[2]!;
    setClock(a.startsAt.getTime() + 5 * MINUTE);
    const token = await codeFor(a.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => scan(v, token)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const fresh = results.filter((r) => r.json().alreadyDone === false);
    expect(fresh).toHaveLength(1);
    expect(new Set(results.map((r) => r.json().at)).size).toBe(1);
    expect((await checkinsOf(a.id)).filter((r) => r.volunteer_id === v.id)).toHaveLength(1);
  });

  it('check-out leaves one pending credit record, rounded by the rule', async () => {
    const v = volunteers[0]!; // checked in 30 minutes before the start
    setClock(a.startsAt.getTime() + 100 * MINUTE);
    const res = await scan(v, await codeFor(a.id, 'out'));
    expect(res.statusCode, res.body).toBe(200);
    // counted from the start (not from the early check-in): 100 minutes, rounded down to 0.5 h
    expect(res.json()).toMatchObject({ direction: 'out', alreadyDone: false, hours: 1.5 });
    expect(res.json().hours).toBe(roundServiceHours(100));
    const again = await scan(v, await codeFor(a.id, 'out'));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ alreadyDone: true, hours: 1.5, at: res.json().at });
    const records = (await recordsOf(a.id)).filter((r) => r.volunteer_id === v.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: 'credit',
      status: 'pending',
      minutes: 100,
      hours: 1.5,
      org_path: station.path,
    });
    expect(new Date(records[0]!.started_at).getTime()).toBe(a.startsAt.getTime());
    const events = await t.ctx.db.system
      .selectFrom('service_record_events')
      .selectAll()
      .where('record_id', '=', records[0]!.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'create', to_hours: 1.5, actor_name: expect.any(String) });
    const row = (await checkinsOf(a.id)).find((r) => r.volunteer_id === v.id)!;
    expect(row.out_method).toBe('qr');
    // a pending record does not count yet
    const me = await t.ctx.db.system
      .selectFrom('volunteers')
      .select('lifetime_hours')
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(Number(me.lifetime_hours)).toBe(0);
  });

  it('check-out needs a check-in first, and closes two hours after the end', async () => {
    const v = volunteers[3]!;
    setClock(a.startsAt.getTime() + 30 * MINUTE);
    await expect4xx(await scan(v, await codeFor(a.id, 'out')), 400, 'NOT_CHECKED_IN');
    const late = volunteers[2]!; // checked in, never checked out
    setClock(a.endsAt.getTime() + 121 * MINUTE);
    const token = signCheckinToken(
      t.ctx.cipher.derive(CHECKIN_QR_KEY_PURPOSE),
      a.id,
      'out',
      new Date(t.ctx.now()),
    );
    await expect4xx(await scan(late, token.token), 400, 'CHECKOUT_CLOSED');
    expect(await recordsOf(a.id)).toHaveLength(1);
  });

  it('a volunteer of another town cannot use the code (404); one not signed up gets 403', async () => {
    setClock(a.startsAt.getTime() + 10 * MINUTE);
    const token = await codeFor(a.id);
    const before = await tableDigest(t.ctx.db.system, 'activity_checkins');
    const stranger = await registerVolunteer(t, otherStation.id);
    setClock(a.startsAt.getTime() + 10 * MINUTE);
    await expect4xx(await scan(stranger, token), 404);
    const neighbour = await registerVolunteer(t, station.id);
    setClock(a.startsAt.getTime() + 10 * MINUTE);
    const refused = await expect4xx(await scan(neighbour, token), 403, 'NOT_SIGNED_UP');
    expect(refused.message).toContain('仅限已报名的志愿者');
    // staff have no H5 check-in
    await expect4xx(await stationAdmin.post('/api/me/checkin', { token, ...NEAR }), 403);
    expect(await tableDigest(t.ctx.db.system, 'activity_checkins')).toBe(before);
  });
});

describe('check-out hours with the org’s rule', () => {
  it('are capped at the activity length', async () => {
    // a 100-minute activity; the station rounds up to whole hours
    const a = await activityAt(dayOf(2), { minutes: 100 });
    const [early, late] = await signedUp(a, 2);
    await t.ctx.db.system
      .insertInto('hour_rules')
      .values({ org_id: station.id, org_path: station.path, step_minutes: 60, rounding: 'up' })
      .execute();
    try {
      setClock(a.startsAt.getTime() - 50 * MINUTE);
      for (const v of [early!, late!]) expect((await scan(v, await codeFor(a.id))).statusCode).toBe(200);
      setClock(a.endsAt.getTime() + 90 * MINUTE);
      const out = await scan(late!, await codeFor(a.id, 'out'));
      expect(out.statusCode, out.body).toBe(200);
      // 100 minutes, rounded up would be 2 h: capped at the activity's 1.6 h
      expect(out.json().hours).toBe(1.6);
      setClock(a.startsAt.getTime() + 20 * MINUTE);
      const short = await scan(early!, await codeFor(a.id, 'out'));
      expect(short.json().hours).toBe(1);
      const records = await recordsOf(a.id);
      expect(records.map((r) => [r.volunteer_id, r.minutes, r.hours]).sort()).toEqual(
        [
          [early!.id, 20, 1],
          [late!.id, 100, 1.6],
        ].sort(),
      );
    } finally {
      await t.ctx.db.system.deleteFrom('hour_rules').where('org_id', '=', station.id).execute();
    }
  });
});

describe('activities open to the public, and without a place', () => {
  it('a volunteer who did not sign up may check in; no position is needed without a place', async () => {
    const a = await activityAt(dayOf(3), { audience: 'public', place: false, title: '广场文艺汇演' });
    const walkIn = await registerVolunteer(t, station.id);
    setClock(a.startsAt.getTime());
    const res = await scan(walkIn, await codeFor(a.id), null);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ direction: 'in', distanceM: null, alreadyDone: false });
    const sheet = await stationAdmin.get(`/api/activities/${a.id}/checkins`);
    expect(sheet.json().items).toEqual([
      expect.objectContaining({ volunteerId: walkIn.id, signupStatus: null, inMethod: 'qr' }),
    ]);
    // no sign-up was made for the walk-in (sign-ups hold the capacity under the activity's lock)
    const signups = await t.ctx.db.system
      .selectFrom('activity_signups')
      .select('id')
      .where('activity_id', '=', a.id)
      .execute();
    expect(signups).toHaveLength(0);
  });
});

describe('a QR check-in is one statement (DESIGN §4)', () => {
  /** The actor the auth hook builds from a volunteer's session. */
  async function actorOfVolunteer(v: RegisteredVolunteer) {
    const token = /(?:^|;\s*)sid=([^;]+)/.exec(v.session.cookie)![1]!;
    const session = await findSession(t.ctx.db.system, sessionPolicy(t.ctx), token, t.ctx.now());
    return actorFromSession(t.ctx, session!, '10.0.0.1', t.ctx.now());
  }

  it('a check-in and its retry are one round trip each, with no transaction around them', async () => {
    const a = await activityAt(dayOf(11));
    const [v] = await signedUp(a, 1);
    setClock(a.startsAt.getTime() - 10 * MINUTE);
    const token = await codeFor(a.id);
    // the application role's connection, with every statement sent on it written down
    const sent: string[] = [];
    const pool = new pg.Pool({
      connectionString: withCredentials(
        t.ctx.config.databaseUrl!,
        APP_ROLE,
        t.ctx.cipher.derive('database-app-role').toString('hex'),
      ),
      max: 2,
    });
    // pool.end() resolves before its sockets close: the file's forced drop of the database must
    // not turn a closing connection into an unhandled 'error' event
    pool.on('error', () => undefined);
    const counted = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => void sent.push(event.query.sql),
    });
    try {
      const service = createCheckinService({ ...t.ctx, db: { ...t.ctx.db, app: counted } });
      const actor = await actorOfVolunteer(v!);
      const first = await service.scan(actor, { token, ...NEAR });
      expect(first).toMatchObject({ direction: 'in', alreadyDone: false });
      expect(sent).toHaveLength(1);
      sent.length = 0;
      const again = await service.scan(actor, { token, ...NEAR });
      expect(again).toMatchObject({ alreadyDone: true, at: first.at, distanceM: first.distanceM });
      expect(sent).toHaveLength(1);
      // a refusal too: the facts come back with the answer
      sent.length = 0;
      await expect(service.scan(actor, { token, ...FAR })).rejects.toMatchObject({
        code: 'OUTSIDE_GEOFENCE',
      });
      expect(sent).toHaveLength(1);
    } finally {
      await counted.destroy();
    }
    expect((await checkinsOf(a.id)).filter((r) => r.volunteer_id === v!.id)).toHaveLength(1);
  });

  it('at the fence’s very edge the rules of attendance decide, as for any position', async () => {
    const a = await activityAt(dayOf(12));
    const [edge, beyond] = await signedUp(a, 2);
    setClock(a.startsAt.getTime());
    const token = await codeFor(a.id);
    const onTheFence = northOf(200);
    expect(checkGeofence(PLACE, onTheFence, 200)).toEqual({ inside: true, distanceM: 200 });
    const res = await scan(edge!, token, onTheFence);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ alreadyDone: false, distanceM: 200 });
    const again = await scan(edge!, token, onTheFence);
    expect(again.json()).toMatchObject({ alreadyDone: true, distanceM: 200 });
    const outside = northOf(201);
    expect(checkGeofence(PLACE, outside, 200).inside).toBe(false);
    await expect4xx(await scan(beyond!, token, outside), 400, 'OUTSIDE_GEOFENCE');
    const rows = await checkinsOf(a.id);
    expect(rows.map((r) => [r.volunteer_id, r.in_distance_m])).toEqual([[edge!.id, 200]]);
  });
});

describe('manual check-in by the organiser', () => {
  let a: TestActivity;
  let withoutPhone: { id: number };
  let notSignedUp: { id: number };

  beforeAll(async () => {
    a = await activityAt(dayOf(4));
    withoutPhone = await createVolunteer(t, stationSession, station.id);
    notSignedUp = await createVolunteer(t, stationSession, station.id);
    setClock(a.startsAt.getTime() - DAY);
    const added = await stationAdmin.post(`/api/activities/${a.id}/signups`, {
      volunteerIds: [withoutPhone.id],
    });
    expect(added.statusCode, added.body).toBe(200);
  });

  it('checks a signed-up volunteer in and out by hand, audited, once', async () => {
    setClock(a.startsAt.getTime() + 5 * MINUTE);
    const res = await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
      volunteerId: withoutPhone.id,
      direction: 'in',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ direction: 'in', method: 'manual', alreadyDone: false });
    const again = await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
      volunteerId: withoutPhone.id,
      direction: 'in',
    });
    expect(again.json()).toMatchObject({ alreadyDone: true, at: res.json().at });
    const [row] = await checkinsOf(a.id);
    expect(row).toMatchObject({ in_method: 'manual', recorded_by: stationAdminId, in_distance_m: null });
    expect(await auditCount('activity.checkin.manual', a.id)).toBe(1);

    setClock(a.startsAt.getTime() + 65 * MINUTE);
    const out = await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
      volunteerId: withoutPhone.id,
      direction: 'out',
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ direction: 'out', method: 'manual', hours: 1 });
    expect(await recordsOf(a.id)).toHaveLength(1);
    expect(await auditCount('activity.checkin.manual', a.id)).toBe(2);
  });

  it('refuses what the rules refuse unless overridden with a reason, which is audited', async () => {
    setClock(a.startsAt.getTime() + 10 * MINUTE);
    const before = await tableDigest(t.ctx.db.system, 'activity_checkins');
    const refused = await expect4xx(
      await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
        volunteerId: notSignedUp.id,
        direction: 'in',
      }),
      400,
      'NOT_SIGNED_UP',
    );
    expect(refused.message).toContain('核准签到');
    await expect4xx(
      await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
        volunteerId: notSignedUp.id,
        direction: 'in',
        override: true,
      }),
      400,
      'REASON_REQUIRED',
    );
    await expect4xx(
      await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
        volunteerId: notSignedUp.id,
        direction: 'in',
        override: true,
        reason: ' ',
      }),
      400,
      'REASON_REQUIRED',
    );
    await expect4xx(
      await stationAdmin.post(`/api/activities/${a.id}/checkins`, { volunteerId: 99999999, direction: 'in' }),
      404,
    );
    await expect4xx(
      await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
        volunteerId: notSignedUp.id,
        direction: 'up',
      }),
      400,
    );
    expect(await tableDigest(t.ctx.db.system, 'activity_checkins')).toBe(before);

    const reason = '手机定位漂移，本人在现场，组织者核实';
    const ok = await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
      volunteerId: notSignedUp.id,
      direction: 'in',
      override: true,
      reason,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ method: 'override', alreadyDone: false });
    const row = (await checkinsOf(a.id)).find((r) => r.volunteer_id === notSignedUp.id)!;
    expect(row).toMatchObject({ in_method: 'override', note: reason, recorded_by: stationAdminId });
    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'activity.checkin.override')
      .where('resource_id', '=', String(a.id))
      .executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({
      volunteerId: notSignedUp.id,
      reason,
      overridden: ['NOT_SIGNED_UP'],
    });

    // too late to check out by the rules: the override carries it, with the reason on the record
    setClock(a.endsAt.getTime() + 3 * HOUR);
    await expect4xx(
      await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
        volunteerId: notSignedUp.id,
        direction: 'out',
      }),
      400,
      'CHECKOUT_CLOSED',
    );
    const out = await stationAdmin.post(`/api/activities/${a.id}/checkins`, {
      volunteerId: notSignedUp.id,
      direction: 'out',
      override: true,
      reason: '志愿者忘记签退，活动结束时在场',
    });
    expect(out.statusCode, out.body).toBe(200);
    // from the check-in (10 minutes after the start) to the end: 110 minutes, 1.5 h
    expect(out.json()).toMatchObject({ method: 'override', hours: 1.5 });
    expect(await auditCount('activity.checkin.override', a.id)).toBe(2);
  });
});

describe('closing attendance', () => {
  it('the organiser’s finish checks everyone out with a record and marks the no-shows', async () => {
    const a = await activityAt(dayOf(5));
    const [stays, leaves, absent] = await signedUp(a, 3);
    setClock(a.startsAt.getTime() - 5 * MINUTE);
    for (const v of [stays!, leaves!]) expect((await scan(v, await codeFor(a.id))).statusCode).toBe(200);
    setClock(a.startsAt.getTime() + 30 * MINUTE);
    expect((await scan(leaves!, await codeFor(a.id, 'out'))).json().hours).toBe(0.5);
    setClock(a.startsAt.getTime() + 90 * MINUTE);
    const finished = await stationAdmin.post(`/api/activities/${a.id}/finish`);
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().status).toBe('finished');
    const rows = await checkinsOf(a.id);
    const stayed = rows.find((r) => r.volunteer_id === stays!.id)!;
    expect(stayed.out_method).toBe('close');
    expect(new Date(stayed.checked_out_at!).getTime()).toBe(a.startsAt.getTime() + 90 * MINUTE);
    const records = await recordsOf(a.id);
    expect(records.map((r) => [r.volunteer_id, r.hours]).sort()).toEqual(
      [
        [stays!.id, 1.5],
        [leaves!.id, 0.5],
      ].sort(),
    );
    expect((await signupOf(a.id, absent!.id)).status).toBe('no_show');
    expect((await signupOf(a.id, stays!.id)).status).toBe('confirmed');
    // a scan after the close is told it is done, with the close's time and hours
    const late = await scan(
      stays!,
      signCheckinToken(t.ctx.cipher.derive(CHECKIN_QR_KEY_PURPOSE), a.id, 'out', new Date(t.ctx.now())).token,
    );
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ alreadyDone: true, hours: 1.5 });

    // running it again changes nothing
    const row = await t.ctx.db.system
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    const again = await t.ctx.db.system
      .transaction()
      .execute((tx) => closeAttendance(tx, row, new Date(t.ctx.now()), null, t.ctx.events));
    expect(again).toEqual({ checkedOut: 0, records: 0, noShows: 0 });
    expect(await recordsOf(a.id)).toHaveLength(2);
  });

  it('closes a large public activity (1,200 walk-ins, inserted in slices)', async () => {
    const a = await activityAt(dayOf(10), { audience: 'public', title: '万人健步走' });
    const crowd = await t.ctx.db.system
      .selectFrom('volunteers')
      .select('id')
      .orderBy('id')
      .limit(1_200)
      .execute();
    expect(crowd).toHaveLength(1_200);
    await t.ctx.db.system
      .insertInto('activity_checkins')
      .values(
        crowd.map((v, i) => ({
          activity_id: a.id,
          volunteer_id: v.id,
          org_path: station.path,
          checked_in_at: new Date(a.startsAt.getTime() + (i % 60) * MINUTE),
          in_method: 'qr',
        })),
      )
      .execute();
    setClock(a.endsAt.getTime() + MINUTE);
    const finished = await stationAdmin.post(`/api/activities/${a.id}/finish`);
    expect(finished.statusCode, finished.body).toBe(200);
    const records = await recordsOf(a.id);
    expect(records).toHaveLength(1_200);
    expect(new Set(records.map((r) => r.hours))).toEqual(new Set([1, 1.5, 2]));
    const events = await t.ctx.db.system
      .selectFrom('service_record_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'record_id',
        'in',
        records.map((r) => r.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(1_200);
  });

  it('a check-in that slipped in after the close is closed by the next run, and is no no-show', async () => {
    const a = await activityAt(dayOf(6));
    const [v] = await signedUp(a, 1);
    setClock(a.startsAt.getTime() + 30 * MINUTE);
    expect((await stationAdmin.post(`/api/activities/${a.id}/finish`)).statusCode).toBe(200);
    expect((await signupOf(a.id, v!.id)).status).toBe('no_show');
    // as if the volunteer's check-in had committed just after the finish
    await t.ctx.db.system
      .insertInto('activity_checkins')
      .values({
        activity_id: a.id,
        volunteer_id: v!.id,
        org_path: station.path,
        checked_in_at: new Date(a.startsAt.getTime() + 29 * MINUTE),
        in_method: 'qr',
      })
      .execute();
    setClock(a.startsAt.getTime() + 40 * MINUTE);
    const swept = await runJobOnce(t.ctx, activityCloseJob);
    expect(swept!.checkedOut).toBeGreaterThanOrEqual(1);
    const [row] = await checkinsOf(a.id);
    expect(row).toMatchObject({ out_method: 'close' });
    expect(new Date(row!.checked_out_at!).getTime()).toBe(a.startsAt.getTime() + 30 * MINUTE);
    expect((await signupOf(a.id, v!.id)).status).toBe('confirmed');
    expect(await recordsOf(a.id)).toHaveLength(1);
  });
});

describe('the sign-in sheet', () => {
  let a: TestActivity;
  let volunteers: RegisteredVolunteer[];

  beforeAll(async () => {
    a = await activityAt(dayOf(7), { title: '文明实践<b>宣讲</b>' });
    volunteers = await signedUp(a, 3);
    // the second volunteer checks in first
    setClock(a.startsAt.getTime() - 20 * MINUTE);
    expect((await scan(volunteers[1]!, await codeFor(a.id))).statusCode).toBe(200);
    setClock(a.startsAt.getTime() - 10 * MINUTE);
    expect((await scan(volunteers[0]!, await codeFor(a.id))).statusCode).toBe(200);
    setClock(a.startsAt.getTime() + 60 * MINUTE);
    expect((await scan(volunteers[0]!, await codeFor(a.id, 'out'))).statusCode).toBe(200);
  });

  it('lists the signed-up and checked-in volunteers by check-in time', async () => {
    const res = await stationAdmin.get(`/api/activities/${a.id}/checkins`);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json();
    expect(sheet.activity).toMatchObject({ id: a.id, title: '文明实践<b>宣讲</b>', status: 'published' });
    expect(sheet.totals).toEqual({ signedUp: 3, checkedIn: 2, checkedOut: 1, noShows: 0, hours: 1 });
    expect(sheet.items.map((i: { volunteerId: number }) => i.volunteerId)).toEqual(
      [volunteers[1], volunteers[0], volunteers[2]].map((v) => v!.id),
    );
    expect(sheet.items[1]).toMatchObject({
      volunteerName: volunteers[0]!.name,
      volunteerNo: volunteers[0]!.volunteerNo,
      signupStatus: 'confirmed',
      inMethod: 'qr',
      outMethod: 'qr',
      distanceM: checkGeofence(PLACE, NEAR, 200).distanceM,
      hours: 1,
      recordStatus: 'pending',
    });
    expect(sheet.items[2]).toMatchObject({ checkedInAt: null, hours: null });
    expect(res.body).not.toMatch(/phone|idNumber/i);
  });

  it('exports it as Excel with masked personal data only, audited', async () => {
    const res = await stationAdmin.get(`/api/activities/${a.id}/checkins.xlsx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const { header, rows } = await readSheet(res.rawPayload);
    expect(header).toEqual(
      expect.arrayContaining(['志愿者编号', '姓名', '签到时间', '签退时间', '服务时长(小时)']),
    );
    expect(header.join()).not.toMatch(/手机|身份证/);
    expect(rows).toHaveLength(3);
    const text = JSON.stringify(rows);
    expect(text).toContain(volunteers[0]!.name);
    expect(text).not.toContain(volunteers[0]!.phone);
    expect(text).toContain('扫码');
    expect(await auditCount('activity.checkins.export', a.id)).toBe(1);
  });
});

describe('attendance confirmation', () => {
  it('a signed-up volunteer confirms they will come; others cannot', async () => {
    const a = await activityAt(dayOf(8));
    const [v] = await signedUp(a, 1);
    setClock(a.startsAt.getTime() - 20 * HOUR);
    const res = await asVolunteer(v!).post(`/api/me/activities/${a.id}/attendance`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, attendanceConfirmedAt: new Date(t.ctx.now()).toISOString() });
    expect((await signupOf(a.id, v!.id)).attendance_confirmed_at).not.toBeNull();
    const again = await asVolunteer(v!).post(`/api/me/activities/${a.id}/attendance`);
    expect(again.json().attendanceConfirmedAt).toBe(res.json().attendanceConfirmedAt);
    const other = await registerVolunteer(t, station.id);
    setClock(a.startsAt.getTime() - 20 * HOUR);
    await expect4xx(
      await asVolunteer(other).post(`/api/me/activities/${a.id}/attendance`),
      409,
      'NOT_SIGNED_UP',
    );
    const stranger = await registerVolunteer(t, otherStation.id);
    setClock(a.startsAt.getTime() - 20 * HOUR);
    await expect4xx(await asVolunteer(stranger).post(`/api/me/activities/${a.id}/attendance`), 404);
  });
});

describe('scope: another town’s organiser', () => {
  it('cannot get the code, the sheet or the Excel, nor check anyone in (404), and nothing changes', async () => {
    const a = await activityAt(dayOf(9));
    const [v] = await signedUp(a, 1);
    setClock(a.startsAt.getTime());
    const tables = ['activity_checkins', 'service_records'];
    // the refusals themselves are audited (access.out_of_scope, written as each answer goes out);
    // nothing else may be
    const audited = async () =>
      (
        await sql<{ d: string }>`SELECT md5(coalesce(string_agg(l::text, '|' ORDER BY l.seq), '')) AS d
          FROM audit_log l WHERE l.action NOT LIKE 'access.%'`.execute(t.ctx.db.system)
      ).rows[0]!.d;
    const digests = async () => [
      ...(await Promise.all(tables.map((table) => tableDigest(t.ctx.db.system, table)))),
      await audited(),
    ];
    const before = await digests();
    await expect4xx(await otherTown.get(`/api/activities/${a.id}/checkin-code`), 404);
    await expect4xx(await otherTown.get(`/api/activities/${a.id}/checkins`), 404);
    await expect4xx(await otherTown.get(`/api/activities/${a.id}/checkins.xlsx`), 404);
    for (const body of [
      { volunteerId: v!.id, direction: 'in' },
      { volunteerId: v!.id, direction: 'in', override: true, reason: '越权代签到' },
      { volunteerId: v!.id, direction: 'out', override: true, reason: '越权代签退' },
    ])
      await expect4xx(await otherTown.post(`/api/activities/${a.id}/checkins`, body), 404);
    expect(await digests()).toEqual(before);
    // the same requests work for the owner
    expect((await stationAdmin.get(`/api/activities/${a.id}/checkins`)).statusCode).toBe(200);
  });
});

// the jobs move every due activity in the database: they come last, on the latest days
describe('jobs by the injected clock', () => {
  it('auto-start: a published activity whose start has come is in progress', async () => {
    const a = await activityAt(dayOf(20));
    setClock(a.startsAt.getTime() - MINUTE);
    await runJobOnce(t.ctx, activityStartJob);
    const status = async () =>
      (
        await t.ctx.db.system
          .selectFrom('activities')
          .select('status')
          .where('id', '=', a.id)
          .executeTakeFirstOrThrow()
      ).status;
    expect(await status()).toBe('published');
    setClock(a.startsAt.getTime() + MINUTE);
    const result = await runJobOnce(t.ctx, activityStartJob);
    expect(result!.started).toBeGreaterThanOrEqual(1);
    expect(await status()).toBe('in_progress');
    expect(await auditCount('activity.start', a.id)).toBe(1);
  });

  it('auto-close: finished at the end, everyone checked out at the end time, no-shows marked', async () => {
    const a = await activityAt(dayOf(21));
    const [present, absent] = await signedUp(a, 2);
    setClock(a.startsAt.getTime() + 10 * MINUTE);
    expect((await scan(present!, await codeFor(a.id))).statusCode).toBe(200);
    setClock(a.endsAt.getTime() + 7 * MINUTE);
    const result = await runJobOnce(t.ctx, activityCloseJob);
    expect(result!.finished).toBeGreaterThanOrEqual(1);
    const row = await t.ctx.db.system
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('finished');
    expect(new Date(row.finished_at!).getTime()).toBe(a.endsAt.getTime() + 7 * MINUTE);
    const [checkin] = await checkinsOf(a.id);
    expect(new Date(checkin!.checked_out_at!).getTime()).toBe(a.endsAt.getTime());
    expect(checkin!.out_method).toBe('close');
    const records = await recordsOf(a.id);
    expect(records).toHaveLength(1);
    // 110 minutes from check-in to the end: 1.5 h
    expect(records[0]).toMatchObject({
      volunteer_id: present!.id,
      minutes: 110,
      hours: 1.5,
      status: 'pending',
    });
    expect((await signupOf(a.id, absent!.id)).status).toBe('no_show');
    // the next tick has nothing more to do for it
    await runJobOnce(t.ctx, activityCloseJob);
    expect(await recordsOf(a.id)).toHaveLength(1);
    expect(await auditCount('activity.finish', a.id)).toBe(1);
  });

  it('reminders: the day before, once, in-app and through the webhook outbox', async () => {
    const a = await activityAt(dayOf(22), { title: '茶乡微讲堂' });
    const [v, w] = await signedUp(a, 2);
    // w cancels: no reminder for a cancelled sign-up
    const cancelled = await asVolunteer(w!).post(`/api/me/activities/${a.id}/cancel-signup`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const reminders = async (who: RegisteredVolunteer) => {
      const res = await asVolunteer(who).get('/api/me/notifications');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Array<{ kind: string; title: string; link: string | null }>).filter(
        (n) => n.kind === 'activity.reminder',
      );
    };
    setClock(a.startsAt.getTime() - 25 * HOUR);
    await runJobOnce(t.ctx, activityRemindersJob);
    expect(await reminders(v!)).toHaveLength(0);

    setClock(a.startsAt.getTime() - 23 * HOUR);
    const first = await runJobOnce(t.ctx, activityRemindersJob);
    expect(first!.reminded).toBeGreaterThanOrEqual(1);
    const got = await reminders(v!);
    expect(got).toHaveLength(1);
    expect(got[0]!.title).toMatch(/^(今天|明天)的活动：茶乡微讲堂，请确认参加或取消报名$/);
    expect(got[0]!.link).toBe(`/activities/${a.id}?confirm=1`);
    expect(await reminders(w!)).toHaveLength(0);
    expect((await signupOf(a.id, v!.id)).reminded_at).not.toBeNull();
    const outbox = await t.ctx.db.system
      .selectFrom('webhook_outbox')
      .selectAll()
      .where('event', '=', 'activity.reminder')
      .where(sql<boolean>`payload->>'title' = '茶乡微讲堂'`)
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ order_id: null, org_path: station.path });
    expect((outbox[0]!.payload as { volunteerIds: number[] }).volunteerIds).toEqual([v!.id]);

    setClock(a.startsAt.getTime() - 22 * HOUR);
    await runJobOnce(t.ctx, activityRemindersJob);
    expect(await reminders(v!)).toHaveLength(1);
    // the volunteer answers it
    const confirmed = await asVolunteer(v!).post(`/api/me/activities/${a.id}/attendance`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });
});
