// The volunteer card (志愿者电子证) on a real PostgreSQL: the volunteer's own card and the printable
// one, the signed token (valid, forged, re-issued), and the organiser's check-in by card or by
// volunteer number with the rules of the QR scan (the sign-up, the window, a second scan), recorded
// as 'card' with who did it and audited; and who may do what on every new route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { auditDigest, orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef;
let otherStation: OrgRef;
let stationAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
let stationAdminId: number;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINESE = /[\u4e00-\u9fa5]/;
const BASE = Math.ceil(Date.now() / HOUR) * HOUR + 2 * DAY;
const dayOf = (n: number) => new Date(BASE + n * DAY);
const setClock = (d: Date | number) => t.setNow(new Date(d));

beforeAll(async () => {
  t = await createTestContext({
    env: { SESSION_IDLE_MINUTES: '1000000', SESSION_ABSOLUTE_HOURS: '100000', PASSWORD_MAX_AGE_DAYS: '0' },
  });
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
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

const asV = (v: RegisteredVolunteer) => as(t.app, v.session);

function expect4xx(res: { statusCode: number; body: string }, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body) as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
  return body;
}

async function unchanged(work: () => Promise<void>) {
  const before = await Promise.all([
    tableDigest(t.ctx.db.system, 'activity_checkins'),
    tableDigest(t.ctx.db.system, 'volunteers'),
    auditDigest(t.ctx.db.system),
  ]);
  await work();
  expect(
    await Promise.all([
      tableDigest(t.ctx.db.system, 'activity_checkins'),
      tableDigest(t.ctx.db.system, 'volunteers'),
      auditDigest(t.ctx.db.system),
    ]),
  ).toEqual(before);
}

/** A published activity of demo-station (created two days before it starts). */
async function activityAt(startsAt: Date, audience: 'volunteers' | 'public' = 'volunteers') {
  setClock(startsAt.getTime() - 2 * DAY);
  const created = await stationAdmin.post('/api/activities', {
    title: '志愿者证签到测试活动',
    form: 'bang',
    place: '东风社区新时代文明实践站',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    capacity: 50,
    geofenceM: 200,
    audience,
    latitude: 32.983,
    longitude: 107.766,
  });
  expect(created.statusCode, created.body).toBe(200);
  const id = created.json().id as number;
  expect((await stationAdmin.post(`/api/activities/${id}/publish`)).statusCode).toBe(200);
  return { id, startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) };
}

async function signedUpVolunteer(activity: { id: number; startsAt: Date }) {
  const v = await registerVolunteer(t, station.id);
  setClock(activity.startsAt.getTime() - 2 * DAY + MINUTE);
  const res = await asV(v).post(`/api/me/activities/${activity.id}/signup`);
  expect(res.statusCode, res.body).toBe(200);
  return v;
}

const cardOf = async (v: RegisteredVolunteer) => {
  const res = await asV(v).get('/api/me/volunteer-card');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { token: string; volunteerNo: string; cardVersion: number };
};

const cardCheckin = (activityId: number, code: string, direction: 'in' | 'out' = 'in') =>
  stationAdmin.post(`/api/activities/${activityId}/card-checkins`, { code, direction });

describe('the volunteer card', () => {
  it('shows the volunteer their own card with a signed QR token', async () => {
    const v = await registerVolunteer(t, station.id);
    const res = await asV(v).get('/api/me/volunteer-card');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({
      volunteerId: v.id,
      name: v.name,
      volunteerNo: v.volunteerNo,
      starLevel: 0,
      cardVersion: 1,
      status: 'active',
      photoUrl: null,
    });
    expect(res.json().orgName).toMatch(CHINESE);
    expect(res.json().token).toMatch(new RegExp(`^ZYK1\\.${v.id}\\.1\\.[A-Za-z0-9_-]{22}$`));
  });

  it('the station prints the same card (audited) and re-issues it: the old QR stops working', async () => {
    const v = await registerVolunteer(t, station.id);
    const own = await cardOf(v);
    const printed = await stationAdmin.get(`/api/volunteers/${v.id}/card`);
    expect(printed.statusCode, printed.body).toBe(200);
    expect(printed.json().token).toBe(own.token);
    const audits = await t.ctx.db.system
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', String(v.id))
      .where('action', 'like', 'volunteer.card.%')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['volunteer.card.print']);

    const reissued = await stationAdmin.post(`/api/volunteers/${v.id}/card/reissue`);
    expect(reissued.statusCode, reissued.body).toBe(200);
    expect(reissued.json().cardVersion).toBe(2);
    expect(reissued.json().token).not.toBe(own.token);
    expect((await cardOf(v)).token).toBe(reissued.json().token);

    const a = await activityAt(dayOf(0), 'public');
    setClock(a.startsAt.getTime() + 5 * MINUTE);
    await unchanged(async () => {
      expect4xx(await cardCheckin(a.id, own.token), 409, 'CARD_REVOKED');
    });
    const ok = await cardCheckin(a.id, reissued.json().token);
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('checking in by card', () => {
  it('checks a signed-up volunteer in and out: method card, who did it, audited, pending hours', async () => {
    const a = await activityAt(dayOf(1));
    const v = await signedUpVolunteer(a);
    const card = await cardOf(v);
    setClock(a.startsAt.getTime() + 2 * MINUTE);
    const res = await cardCheckin(a.id, card.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      direction: 'in',
      volunteerId: v.id,
      volunteerName: v.name,
      method: 'card',
      alreadyDone: false,
    });
    // twice: the first check-in stands, nothing new is written or audited
    setClock(a.startsAt.getTime() + 3 * MINUTE);
    await unchanged(async () => {
      const again = await cardCheckin(a.id, card.token);
      expect(again.json()).toMatchObject({ alreadyDone: true, at: res.json().at });
    });
    setClock(a.startsAt.getTime() + 2 * HOUR - MINUTE);
    const out = await cardCheckin(a.id, v.volunteerNo.toLowerCase(), 'out');
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ direction: 'out', method: 'card', alreadyDone: false, hours: 1.5 });
    const row = await t.ctx.db.system
      .selectFrom('activity_checkins')
      .selectAll()
      .where('activity_id', '=', a.id)
      .where('volunteer_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      in_method: 'card',
      out_method: 'card',
      recorded_by: stationAdminId,
      out_recorded_by: stationAdminId,
      in_latitude: null,
    });
    const audits = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', '=', 'activity.checkin.card')
      .where('resource_id', '=', String(a.id))
      .execute();
    expect(audits).toHaveLength(2);
    const record = await t.ctx.db.system
      .selectFrom('service_records')
      .select(['status', 'hours'])
      .where('source', '=', 'activity')
      .where('source_id', '=', a.id)
      .where('volunteer_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect({ ...record, hours: Number(record.hours) }).toEqual({ status: 'pending', hours: 1.5 });
  });

  it('keeps the rules of the QR scan: not signed up, outside the window; changes nothing', async () => {
    const a = await activityAt(dayOf(2));
    const signed = await signedUpVolunteer(a);
    const stranger = await registerVolunteer(t, station.id);
    const strangerCard = await cardOf(stranger);
    const signedCard = await cardOf(signed);
    setClock(a.startsAt.getTime() + 5 * MINUTE);
    await unchanged(async () => {
      expect4xx(await cardCheckin(a.id, strangerCard.token), 403, 'NOT_SIGNED_UP');
      expect4xx(await cardCheckin(a.id, stranger.volunteerNo), 403, 'NOT_SIGNED_UP');
    });
    setClock(a.startsAt.getTime() - 3 * HOUR);
    await unchanged(async () => {
      expect4xx(await cardCheckin(a.id, signedCard.token), 400, 'CHECKIN_NOT_OPEN');
    });
    setClock(a.endsAt.getTime() + MINUTE);
    await unchanged(async () => {
      expect4xx(await cardCheckin(a.id, signedCard.token), 400, 'CHECKIN_CLOSED');
      expect4xx(await cardCheckin(a.id, signedCard.token, 'out'), 400, 'NOT_CHECKED_IN');
    });
  });

  it('refuses a forged or unknown code with a Chinese 4xx', async () => {
    const a = await activityAt(dayOf(3), 'public');
    const v = await registerVolunteer(t, station.id);
    const card = await cardOf(v);
    setClock(a.startsAt.getTime() + 5 * MINUTE);
    const [, id, version, sig] = card.token.split('.');
    const other = await registerVolunteer(t, station.id);
    await unchanged(async () => {
      // the signature of one volunteer's card on another's id
      expect4xx(await cardCheckin(a.id, `ZYK1.${other.id}.${version}.${sig}`), 400, 'CARD_INVALID');
      expect4xx(await cardCheckin(a.id, `ZYK1.${id}.${version}.${'A'.repeat(22)}`), 400, 'CARD_INVALID');
      expect4xx(await cardCheckin(a.id, 'ZYK1.garbage'), 400, 'CARD_INVALID');
      expect4xx(await cardCheckin(a.id, 'ZY9999999999'), 404, 'VOLUNTEER_NOT_FOUND');
      expect4xx(await cardCheckin(a.id, ''), 400);
    });
  });
});

describe('who may do what', () => {
  it('anonymous 401 on every card route', async () => {
    for (const [method, url] of [
      ['GET', '/api/me/volunteer-card'],
      ['GET', '/api/volunteers/1/card'],
      ['POST', '/api/volunteers/1/card/reissue'],
      ['POST', '/api/activities/1/card-checkins'],
    ] as const) {
      const res = await t.app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
      expect([401, 403], `${method} ${url}`).toContain(res.statusCode);
      if (method === 'GET') expect(res.statusCode).toBe(401);
    }
  });

  it('another town’s admin gets 404 and changes nothing', async () => {
    const a = await activityAt(dayOf(4), 'public');
    const v = await registerVolunteer(t, station.id);
    const card = await cardOf(v);
    setClock(a.startsAt.getTime() + 5 * MINUTE);
    await unchanged(async () => {
      expect4xx(await otherTown.get(`/api/volunteers/${v.id}/card`), 404);
      expect4xx(await otherTown.post(`/api/volunteers/${v.id}/card/reissue`), 404);
      expect4xx(
        await otherTown.post(`/api/activities/${a.id}/card-checkins`, { code: card.token, direction: 'in' }),
        404,
      );
    });
    // nor may a station check in a volunteer of another town at its own activity by card
    const far = await registerVolunteer(t, otherStation.id);
    const farCard = await cardOf(far);
    await unchanged(async () => {
      expect4xx(await cardCheckin(a.id, farCard.token), 404, 'VOLUNTEER_NOT_FOUND');
    });
  });

  it('a volunteer cannot print, re-issue or check in by card; accounts without the permission get 403', async () => {
    const a = await activityAt(dayOf(5), 'public');
    const v = await registerVolunteer(t, station.id);
    const other = await registerVolunteer(t, station.id);
    const otherCard = await cardOf(other);
    setClock(a.startsAt.getTime() + 5 * MINUTE);
    const audit = as(t.app, await login(t.app, 'demo-audit'));
    await unchanged(async () => {
      expect4xx(await asV(v).get(`/api/volunteers/${other.id}/card`), 403);
      expect4xx(await asV(v).post(`/api/volunteers/${other.id}/card/reissue`), 403);
      expect4xx(
        await asV(v).post(`/api/activities/${a.id}/card-checkins`, {
          code: otherCard.token,
          direction: 'in',
        }),
        403,
      );
      expect4xx(await audit.get(`/api/volunteers/${v.id}/card`), 403);
      expect4xx(await audit.get('/api/me/volunteer-card'), 403);
      expect4xx(await stationAdmin.get('/api/me/volunteer-card'), 403);
    });
    // the volunteer's own card never names another
    expect((await cardOf(v)).token).not.toBe(otherCard.token);
  });
});
