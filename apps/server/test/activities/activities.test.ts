// Activities on a real PostgreSQL: creating (one, or a series), the lifecycle, sign-up with capacity
// and an ordered waitlist under concurrency, cancelling with the volunteers told, the archive's
// inputs, the public list and calendar feed, and data scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { as, createTestContext, login, nextIp, type Session, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef; // 东风社区, under 城北街道 (demo-institute)
let otherStation: OrgRef; // a station of another town (demo-station2)
let institute: ReturnType<typeof as>;
let stationAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;

const CHINESE = /[\u4e00-\u9fa5]/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  institute = as(t.app, await login(t.app, 'demo-institute'));
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
});
afterAll(async () => t?.close());

const asVolunteer = (v: RegisteredVolunteer) => as(t.app, v.session as Session);

function activityInput(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 3 * DAY);
  return {
    title: '重阳节敬老志愿服务',
    form: 'bang',
    festival: 'double_ninth',
    description: '为社区老人理发、测血压、包饺子',
    place: '东风社区新时代文明实践站',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
    capacity: 20,
    ...overrides,
  };
}

async function published(admin = stationAdmin, overrides: Record<string, unknown> = {}) {
  const created = await admin.post('/api/activities', activityInput(overrides));
  expect(created.statusCode, created.body).toBe(200);
  const id = created.json().id as number;
  const res = await admin.post(`/api/activities/${id}/publish`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; status: string; orgId: number };
}

async function expect4xx(res: { statusCode: number; body: string }, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body) as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
}

const count = async (table: 'activities' | 'activity_signups' | 'activity_series') =>
  Number(
    (
      await t.ctx.db.system
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('creating activities', () => {
  it('creates a draft with the station’s coordinates as the default place, and audits it', async () => {
    const res = await stationAdmin.post('/api/activities', activityInput());
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      status: 'draft',
      orgId: station.id,
      form: 'bang',
      festival: 'double_ninth',
      geofenceM: 300,
    });
    expect(a.activityNo).toMatch(/^HD\d{4}\d{6}$/);
    const org = await t.ctx.db.system
      .selectFrom('orgs')
      .select(['latitude', 'longitude'])
      .where('id', '=', station.id)
      .executeTakeFirstOrThrow();
    expect([a.latitude, a.longitude]).toEqual([org.latitude, org.longitude]);
    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'activity.create')
      .where('resource_id', '=', String(a.id))
      .executeTakeFirst();
    expect(audit).toBeDefined();
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const before = await count('activities');
    const start = new Date(Date.now() + DAY);
    const cases: Array<[Record<string, unknown>, number, string?]> = [
      [
        { endsAt: start.toISOString(), startsAt: new Date(start.getTime() + HOUR).toISOString() },
        400,
        'ENDS_BEFORE_STARTS',
      ],
      [{ form: 'dance' }, 400],
      [{ title: '' }, 400],
      [{ capacity: 0 }, 400],
      [{ latitude: 33.0 }, 400, 'COORDINATES'],
      [{ geofenceM: 5 }, 400],
      [{ startsAt: 'tomorrow' }, 400],
      [{ signupClosesAt: new Date(Date.now() + 30 * DAY).toISOString() }, 400, 'SIGNUP_WINDOW'],
      [{ orgId: otherStation.id }, 404],
      [{ projectId: 999999 }, 404],
      // a 茶乡微讲堂 is a 讲 (理论宣讲) activity
      [{ form: 'ping', microLecture: true }, 400, 'MICRO_LECTURE_FORM'],
      [{ form: 'jiang', microLecture: 'yes' }, 400],
    ];
    for (const [overrides, status, code] of cases) {
      await expect4xx(await stationAdmin.post('/api/activities', activityInput(overrides)), status, code);
    }
    expect(await count('activities')).toBe(before);
  });

  it('marks a 讲 activity as a 茶乡微讲堂, and refuses to change the form of one away from 讲', async () => {
    const created = await stationAdmin.post(
      '/api/activities',
      activityInput({ form: 'jiang', microLecture: true, title: '茶乡微讲堂·讲政策' }),
    );
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({ form: 'jiang', microLecture: true });
    await expect4xx(
      await stationAdmin.put(`/api/activities/${id}`, { form: 'le' }),
      400,
      'MICRO_LECTURE_FORM',
    );
    // unmarked first, the form may change
    const unmarked = await stationAdmin.put(`/api/activities/${id}`, { microLecture: false, form: 'le' });
    expect(unmarked.statusCode, unmarked.body).toBe(200);
    expect(unmarked.json()).toMatchObject({ form: 'le', microLecture: false });
    const plain = await stationAdmin.post('/api/activities', activityInput({ form: 'jiang' }));
    expect(plain.json()).toMatchObject({ microLecture: false });
  });

  it('a monthly series makes one activity per month, each edited or cancelled on its own', async () => {
    const res = await stationAdmin.post('/api/activity-series', {
      ...activityInput({ title: '茶乡微讲堂', form: 'jiang', festival: null }),
      startsAt: '2027-01-31T01:00:00.000Z', // 09:00 on 31 January, Beijing
      endsAt: '2027-01-31T03:00:00.000Z',
      frequency: 'monthly',
      occurrences: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { seriesId, activityIds } = res.json() as { seriesId: number; activityIds: number[] };
    expect(activityIds).toHaveLength(3);
    const list = (await stationAdmin.get(`/api/activities?seriesId=${seriesId}`)).json() as {
      items: Array<{ id: number; startsAt: string; endsAt: string }>;
    };
    // the last day of a short month; the same local time and length
    expect(list.items.map((a) => a.startsAt).sort()).toEqual([
      '2027-01-31T01:00:00.000Z',
      '2027-02-28T01:00:00.000Z',
      '2027-03-31T01:00:00.000Z',
    ]);
    const [first, second] = activityIds as [number, number];
    const edited = await stationAdmin.put(`/api/activities/${second}`, { place: '东风社区文化广场' });
    expect(edited.json().place).toBe('东风社区文化广场');
    expect((await stationAdmin.get(`/api/activities/${first}`)).json().place).toBe(
      '东风社区新时代文明实践站',
    );
    const cancelled = await stationAdmin.post(`/api/activities/${first}/cancel`, { reason: '场地维修' });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await stationAdmin.get(`/api/activities/${second}`)).json().status).toBe('draft');
    await expect4xx(
      await stationAdmin.post('/api/activity-series', {
        ...activityInput(),
        frequency: 'daily',
        occurrences: 3,
      }),
      400,
    );
  });
});

describe('the lifecycle', () => {
  it('publish → cancel tells everyone signed up; illegal moves are 409 with a reason', async () => {
    const a = await published();
    const v = await registerVolunteer(t, station.id);
    expect((await asVolunteer(v).post(`/api/me/activities/${a.id}/signup`)).statusCode).toBe(200);
    await expect4xx(await stationAdmin.post(`/api/activities/${a.id}/publish`), 409, 'ILLEGAL_TRANSITION');
    await expect4xx(await stationAdmin.post(`/api/activities/${a.id}/archive`), 409, 'ILLEGAL_TRANSITION');
    await expect4xx(await stationAdmin.post(`/api/activities/${a.id}/cancel`, {}), 400);
    const res = await stationAdmin.post(`/api/activities/${a.id}/cancel`, { reason: '暴雨预警，活动取消' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警，活动取消' });
    const inbox = (await asVolunteer(v).get('/api/me/notifications')).json() as {
      items: Array<{ kind: string; body: string }>;
    };
    expect(inbox.items[0]).toMatchObject({ kind: 'activity.cancelled' });
    expect(inbox.items[0]!.body).toContain('暴雨预警');
    const hook = await t.ctx.db.system
      .selectFrom('webhook_outbox')
      .select(['payload'])
      .where('event', '=', 'activity.cancelled')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(hook.payload)).toContain(String(v.id));
    await expect4xx(
      await stationAdmin.put(`/api/activities/${a.id}`, { capacity: 5 }),
      409,
      'ACTIVITY_LOCKED',
    );
  });

  it('archiving needs a summary; video links must be web links', async () => {
    const a = await published();
    await t.ctx.db.system
      .updateTable('activities')
      .set({ status: 'finished' })
      .where('id', '=', a.id)
      .execute();
    await expect4xx(await stationAdmin.post(`/api/activities/${a.id}/archive`), 400, 'SUMMARY_REQUIRED');
    await expect4xx(
      await stationAdmin.put(`/api/activities/${a.id}/archive`, { videoLinks: ['javascript:alert(1)'] }),
      400,
    );
    await expect4xx(
      await stationAdmin.put(`/api/activities/${a.id}/archive`, { videoLinks: ['活动视频.mp4'] }),
      400,
    );
    const saved = await stationAdmin.put(`/api/activities/${a.id}/archive`, {
      summary: '共服务老人 46 人次',
      videoLinks: ['https://example.org/v/123'],
    });
    expect(saved.json()).toMatchObject({
      summary: '共服务老人 46 人次',
      videoLinks: ['https://example.org/v/123'],
    });
    expect((await stationAdmin.post(`/api/activities/${a.id}/archive`)).json().status).toBe('archived');
    await expect4xx(
      await stationAdmin.post(`/api/activities/${a.id}/photos`, {
        uploadId: '00000000-0000-4000-8000-000000000000',
      }),
      404,
    );
  });
});

describe('sign-up', () => {
  it('capacity 10, 50 volunteers signing up at once: exactly 10 confirmed, 40 waiting in order', async () => {
    const a = await published(stationAdmin, { capacity: 10 });
    const people: RegisteredVolunteer[] = [];
    for (let i = 0; i < 50; i += 1) people.push(await registerVolunteer(t, station.id));
    const results = await Promise.all(
      people.map((v) => asVolunteer(v).post(`/api/me/activities/${a.id}/signup`)),
    );
    expect(results.map((r) => r.statusCode)).toEqual(people.map(() => 200));
    const statuses = results.map((r) => r.json().signup.status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(40);
    const rows = await t.ctx.db.system
      .selectFrom('activity_signups')
      .select(['status', 'volunteer_id'])
      .where('activity_id', '=', a.id)
      .orderBy('id')
      .execute();
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    const counters = await t.ctx.db.system
      .selectFrom('activities')
      .select(['confirmed_count', 'waitlist_count'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(counters).toEqual({ confirmed_count: 10, waitlist_count: 40 });

    // a second sign-up of the same volunteer is refused
    await expect4xx(
      await asVolunteer(people[0]!).post(`/api/me/activities/${a.id}/signup`),
      409,
      'ALREADY_SIGNED_UP',
    );

    // a confirmed volunteer cancels: the first on the waitlist is promoted and told
    const confirmed = people.find((_, i) => statuses[i] === 'confirmed')!;
    const firstWaiting = rows.find((r) => r.status === 'waitlisted')!.volunteer_id;
    const secondWaiting = rows.filter((r) => r.status === 'waitlisted')[1]!.volunteer_id;
    const cancel = await asVolunteer(confirmed).post(`/api/me/activities/${a.id}/cancel-signup`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().signup.status).toBe('cancelled');
    const promoted = people.find((p) => p.id === firstWaiting)!;
    const mine = (await asVolunteer(promoted).get(`/api/me/activities/${a.id}`)).json();
    expect(mine.signup.status).toBe('confirmed');
    const told = (await asVolunteer(promoted).get('/api/me/notifications')).json().items as Array<{
      kind: string;
    }>;
    expect(told[0]!.kind).toBe('activity.promoted');
    const next = people.find((p) => p.id === secondWaiting)!;
    expect((await asVolunteer(next).get(`/api/me/activities/${a.id}`)).json().signup).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    const after = await t.ctx.db.system
      .selectFrom('activities')
      .select(['confirmed_count', 'waitlist_count'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ confirmed_count: 10, waitlist_count: 39 });
    // the staff list shows the same, in order
    const list = (await stationAdmin.get(`/api/activities/${a.id}/signups`)).json() as Array<{
      status: string;
    }>;
    expect(list.filter((s) => s.status === 'confirmed')).toHaveLength(10);
  });

  it('the sign-up window and the deadline are enforced', async () => {
    const now = Date.now();
    const notYet = await published(stationAdmin, { signupOpensAt: new Date(now + DAY).toISOString() });
    const v = await registerVolunteer(t, station.id);
    await expect4xx(
      await asVolunteer(v).post(`/api/me/activities/${notYet.id}/signup`),
      409,
      'SIGNUP_CLOSED',
    );
    const closed = await published(stationAdmin, {
      signupOpensAt: new Date(now - 2 * DAY).toISOString(),
      signupClosesAt: new Date(now - DAY).toISOString(),
    });
    await expect4xx(
      await asVolunteer(v).post(`/api/me/activities/${closed.id}/signup`),
      409,
      'SIGNUP_CLOSED',
    );
    expect(
      await t.ctx.db.system
        .selectFrom('activity_signups')
        .select('id')
        .where('volunteer_id', '=', v.id)
        .execute(),
    ).toEqual([]);
    // a draft is not visible to volunteers at all
    const draft = (await stationAdmin.post('/api/activities', activityInput())).json();
    await expect4xx(await asVolunteer(v).post(`/api/me/activities/${draft.id}/signup`), 404);
  });

  it('staff add volunteers directly (capacity holds, the rest wait) and remove them with promotion', async () => {
    const a = await published(stationAdmin, { capacity: 2 });
    const vs = [
      await registerVolunteer(t, station.id),
      await registerVolunteer(t, station.id),
      await registerVolunteer(t, station.id),
    ];
    const added = await stationAdmin.post(`/api/activities/${a.id}/signups`, {
      volunteerIds: vs.map((v) => v.id),
    });
    expect(added.json()).toEqual({ confirmed: 2, waitlisted: 1, skipped: 0 });
    const removed = await stationAdmin.delete(`/api/activities/${a.id}/signups/${vs[0]!.id}`);
    expect(removed.json()).toEqual({ ok: true, promotedVolunteerId: vs[2]!.id });
    // one more waits; raising the capacity takes them off the waitlist
    const late = await registerVolunteer(t, station.id);
    expect((await asVolunteer(late).post(`/api/me/activities/${a.id}/signup`)).json().signup.status).toBe(
      'waitlisted',
    );
    expect((await stationAdmin.put(`/api/activities/${a.id}`, { capacity: 3 })).json()).toMatchObject({
      confirmedCount: 3,
      waitlistCount: 0,
    });
    expect((await asVolunteer(late).get(`/api/me/activities/${a.id}`)).json().signup.status).toBe(
      'confirmed',
    );
    await expect4xx(
      await stationAdmin.put(`/api/activities/${a.id}`, { capacity: 2 }),
      409,
      'CAPACITY_BELOW_SIGNUPS',
    );
    await expect4xx(await stationAdmin.post(`/api/activities/${a.id}/signups`, { volunteerIds: [] }), 400);
  });
});

describe('what volunteers and residents see', () => {
  it('a volunteer sees the activities of their station and the orgs above, not another village’s', async () => {
    const mine = await published(stationAdmin, { title: '本社区垃圾分类宣传' });
    const above = await published(institute, { title: '街道文艺汇演' });
    const elsewhere = await published(otherTown, { title: '外镇义诊' });
    const v = await registerVolunteer(t, station.id);
    const list = (await asVolunteer(v).get('/api/me/activities?pageSize=200')).json() as {
      items: Array<{ id: number }>;
    };
    const ids = list.items.map((a) => a.id);
    expect(ids).toContain(mine.id);
    expect(ids).toContain(above.id);
    expect(ids).not.toContain(elsewhere.id);
    await expect4xx(await asVolunteer(v).get(`/api/me/activities/${elsewhere.id}`), 404);
    await expect4xx(await asVolunteer(v).post(`/api/me/activities/${elsewhere.id}/signup`), 404);
    // residents: the public list for the village, and the org's calendar feed
    const pub = await t.app.inject({
      method: 'GET',
      url: `/api/public/activities?orgId=${station.id}`,
      remoteAddress: nextIp(),
    });
    const pubIds = (pub.json() as Array<{ id: number }>).map((a) => a.id);
    expect(pubIds).toEqual(expect.arrayContaining([mine.id, above.id]));
    expect(pubIds).not.toContain(elsewhere.id);
    const ics = await t.app.inject({
      method: 'GET',
      url: `/api/public/orgs/${station.id}/activities.ics`,
      remoteAddress: nextIp(),
    });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toContain('本社区垃圾分类宣传');
    expect(ics.body).not.toContain('外镇义诊');
    // a forged Host header never reaches subscribers' calendars; links come from PUBLIC_URL only
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/public/orgs/${station.id}/activities.ics`,
      headers: { host: 'phish.example' },
      remoteAddress: nextIp(),
    });
    expect(forged.statusCode).toBe(200);
    expect(forged.body).not.toContain('phish.example');
    const configured = await buildApp(
      { ...t.ctx, config: { ...t.ctx.config, publicUrl: 'https://wmsj.example.gov.cn' } },
      { webDist: '/nonexistent' },
    );
    try {
      const linked = await configured.inject({
        method: 'GET',
        url: `/api/public/orgs/${station.id}/activities.ics`,
        headers: { host: 'phish.example' },
        remoteAddress: nextIp(),
      });
      expect(linked.body).toContain(`https://wmsj.example.gov.cn/h5/activities/${mine.id}`);
      expect(linked.body).not.toContain('phish.example');
    } finally {
      await configured.close();
    }
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/public/activities?orgId=abc',
      remoteAddress: nextIp(),
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('data scope', () => {
  it('another town neither sees nor changes the station’s activity', async () => {
    const a = await published();
    await expect4xx(await otherTown.get(`/api/activities/${a.id}`), 404);
    await expect4xx(await otherTown.put(`/api/activities/${a.id}`, { title: '被改了' }), 404);
    await expect4xx(await otherTown.post(`/api/activities/${a.id}/cancel`, { reason: '恶意取消' }), 404);
    await expect4xx(await otherTown.get(`/api/activities/${a.id}/signups`), 404);
    await expect4xx(await otherTown.post(`/api/activities/${a.id}/signups`, { volunteerIds: [1] }), 404);
    const list = (await otherTown.get('/api/activities?pageSize=200')).json() as {
      items: Array<{ id: number }>;
    };
    expect(list.items.map((x) => x.id)).not.toContain(a.id);
    const row = await t.ctx.db.system
      .selectFrom('activities')
      .select(['title', 'status'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: '重阳节敬老志愿服务', status: 'published' });
    // the institute above manages it
    expect((await institute.put(`/api/activities/${a.id}`, { capacity: 30 })).json().capacity).toBe(30);
    // a volunteer cannot use staff routes
    const v = await registerVolunteer(t, station.id);
    expect((await asVolunteer(v).get('/api/activities')).statusCode).toBe(403);
  });
});
