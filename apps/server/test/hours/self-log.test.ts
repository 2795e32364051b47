// The volunteers' own service log (随时记) on a real PostgreSQL: a record arrives pending at the
// volunteer's station, the limits per day and week, no overlap, not in the future, not older than
// 30 days — each a Chinese 4xx that changes nothing — the station's confirm (counted in lifetime
// hours) and reject with a reason through the ordinary 服务时长 review, the volunteer's withdrawal,
// the photo, and who may do what (the authorization matrix of the new routes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_LOG_LIMITS } from '@civic/contracts';
import { as, createTestContext, login, nextIp, type Session, type TestContext } from '../support/context.ts';
import { multipartOf } from '../support/openapi-fuzz.ts';
import { auditDigest, orgOfUser, tableDigest, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef;
let stationAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINESE = /[\u4e00-\u9fa5]/;

/** A Sunday 22:00 in China, a week or two ahead of the real clock: the whole week lies before it. */
const NOW = (() => {
  const chinaMidnight = Math.floor((Date.now() + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  const weekday = new Date(chinaMidnight + 8 * HOUR).getUTCDay(); // 0 = Sunday
  return new Date(chinaMidnight + (7 + ((7 - weekday) % 7)) * DAY + 22 * HOUR);
})();
/** `hour` o'clock (China time) `daysAgo` days before NOW's day. */
const at = (daysAgo: number, hour: number, minute = 0) =>
  new Date(NOW.getTime() - 22 * HOUR - daysAgo * DAY + hour * HOUR + minute * MINUTE);

beforeAll(async () => {
  t = await createTestContext({
    env: { SESSION_IDLE_MINUTES: '1000000', SESSION_ABSOLUTE_HOURS: '100000', PASSWORD_MAX_AGE_DAYS: '0' },
  });
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  t.setNow(NOW);
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

const log = (v: RegisteredVolunteer, start: Date, minutes: number, description = '帮邻居老人买菜') =>
  asV(v).post('/api/me/self-logs', {
    description,
    place: '东风社区 3 号楼',
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + minutes * MINUTE).toISOString(),
  });

const lifetime = async (id: number) =>
  Number(
    (
      await t.ctx.db.system
        .selectFrom('volunteers')
        .select('lifetime_hours')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).lifetime_hours,
  );

async function unchanged(work: () => Promise<void>) {
  const records = await tableDigest(t.ctx.db.system, 'service_records');
  const events = await tableDigest(t.ctx.db.system, 'service_record_events');
  const audit = await auditDigest(t.ctx.db.system);
  await work();
  expect(await tableDigest(t.ctx.db.system, 'service_records')).toBe(records);
  expect(await tableDigest(t.ctx.db.system, 'service_record_events')).toBe(events);
  expect(await auditDigest(t.ctx.db.system)).toBe(audit);
}

function sendPhoto(v: RegisteredVolunteer | Session, id: number, data = TINY_PNG) {
  const session = 'session' in v ? v.session : v;
  const body = multipartOf({ name: 'photo.png', data, type: 'image/png' });
  return t.app.inject({
    method: 'POST',
    url: `/api/me/self-logs/${id}/photos`,
    remoteAddress: nextIp(),
    headers: { 'content-type': body.contentType, cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: body.payload,
  });
}

describe('a volunteer logs a service of their own', () => {
  it('arrives pending at their station, with what, where, when and hours by the station’s rule', async () => {
    const v = await registerVolunteer(t, station.id);
    const res = await log(v, at(1, 9), 95);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      description: '帮邻居老人买菜',
      place: '东风社区 3 号楼',
      minutes: 95,
      hours: 1.5, // the default rule: down to half hours
      status: 'pending',
      rejectReason: null,
      photoCount: 0,
    });
    const row = await t.ctx.db.system
      .selectFrom('service_records')
      .selectAll()
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'self', kind: 'self', status: 'pending', org_path: station.path });
    expect(await lifetime(v.id)).toBe(0);

    // the station sees it in 服务时长, in words, with its place
    const list = await stationAdmin.get('/api/service-records?source=self&status=pending&pageSize=200');
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { id: number }) => i.id === view.id);
    expect(item).toMatchObject({
      source: 'self',
      kind: 'self',
      sourceTitle: '帮邻居老人买菜',
      place: '东风社区 3 号楼',
      confirmable: true,
    });
    // and the volunteer in their log
    const mine = await asV(v).get('/api/me/self-logs');
    expect(mine.json()).toMatchObject({ total: 1, items: [{ id: view.id, status: 'pending' }] });
  });

  it('refuses bad times with a Chinese 4xx that changes nothing', async () => {
    const v = await registerVolunteer(t, station.id);
    await unchanged(async () => {
      expect4xx(await log(v, new Date(NOW.getTime() - 30 * MINUTE), 60), 400, 'IN_FUTURE');
      expect4xx(await log(v, at(SELF_LOG_LIMITS.maxAgeDays + 1, 9), 60), 400, 'TOO_OLD');
      expect4xx(await log(v, at(1, 9), 10), 400, 'TOO_SHORT');
      expect4xx(await log(v, at(1, 8), 9 * 60), 400, 'TOO_LONG');
      expect4xx(await log(v, at(1, 9), -30), 400, 'BAD_PERIOD');
      expect4xx(
        await asV(v).post('/api/me/self-logs', { description: '', place: '', startedAt: 'yesterday' }),
        400,
      );
    });
  });

  it('holds the limits: 3 a day, 8 hours a day, 20 hours a week', async () => {
    const v = await registerVolunteer(t, station.id);
    for (const hour of [8, 10, 12]) expect((await log(v, at(2, hour), 60)).statusCode).toBe(200);
    await unchanged(async () => {
      expect4xx(await log(v, at(2, 15), 60), 409, 'DAY_COUNT_LIMIT');
    });
    // 8 hours a day
    const w = await registerVolunteer(t, station.id);
    expect((await log(w, at(3, 8), 5 * 60)).statusCode).toBe(200);
    await unchanged(async () => {
      expect4xx(await log(w, at(3, 14), 4 * 60), 409, 'DAY_HOURS_LIMIT');
    });
    expect((await log(w, at(3, 14), 3 * 60)).statusCode).toBe(200);
    // 20 hours a week: 8 + 8 (two days) + 4 more is the limit
    const x = await registerVolunteer(t, station.id);
    expect((await log(x, at(5, 8), 8 * 60)).statusCode).toBe(200);
    expect((await log(x, at(4, 8), 8 * 60)).statusCode).toBe(200);
    expect((await log(x, at(3, 8), 4 * 60)).statusCode).toBe(200);
    await unchanged(async () => {
      const refused = expect4xx(await log(x, at(2, 8), 60), 409, 'WEEK_HOURS_LIMIT');
      expect(refused.message).toContain('20');
    });
    // a withdrawn or rejected log does not count
    const withdrawn = (await asV(x).get('/api/me/self-logs')).json().items[0].id as number;
    expect((await asV(x).post(`/api/me/self-logs/${withdrawn}/withdraw`)).statusCode).toBe(200);
    expect((await log(x, at(2, 8), 60)).statusCode).toBe(200);
  });

  it('refuses a time that overlaps another of the volunteer’s records, pending or confirmed', async () => {
    const v = await registerVolunteer(t, station.id);
    const first = (await log(v, at(1, 9), 120)).json();
    await unchanged(async () => {
      const body = expect4xx(await log(v, at(1, 10), 60), 409, 'OVERLAP');
      expect(body.message).toContain('重叠');
      expect4xx(await log(v, at(1, 8, 30), 60), 409, 'OVERLAP');
    });
    // touching is not overlapping
    expect((await log(v, at(1, 11), 60)).statusCode).toBe(200);
    // once confirmed it still blocks; once rejected it no longer does
    expect((await stationAdmin.post('/api/service-records/confirm', { ids: [first.id] })).statusCode).toBe(
      200,
    );
    expect4xx(await log(v, at(1, 9, 30), 30), 409, 'OVERLAP');
    const other = await registerVolunteer(t, station.id);
    const mistaken = (await log(other, at(1, 9), 60)).json();
    expect(
      (await stationAdmin.post(`/api/service-records/${mistaken.id}/reject`, { reason: '时间填错了' }))
        .statusCode,
    ).toBe(200);
    expect((await log(other, at(1, 9), 60)).statusCode).toBe(200);
  });
});

describe('the station reviews it like any other record', () => {
  it('confirms: the hours count in the lifetime total', async () => {
    const v = await registerVolunteer(t, station.id);
    const view = (await log(v, at(1, 14), 120)).json();
    const before = await lifetime(v.id);
    const res = await stationAdmin.post('/api/service-records/confirm', { ids: [view.id] });
    expect(res.json()).toEqual({ confirmed: 1 });
    expect(await lifetime(v.id)).toBe(before + 2);
    const mine = (await asV(v).get('/api/me/self-logs')).json();
    expect(mine.items[0]).toMatchObject({ id: view.id, status: 'confirmed' });
    // a confirmed log cannot be withdrawn
    expect4xx(await asV(v).post(`/api/me/self-logs/${view.id}/withdraw`), 409, 'NOT_PENDING');
    expect(await lifetime(v.id)).toBe(before + 2);
  });

  it('rejects with a reason the volunteer reads', async () => {
    const v = await registerVolunteer(t, station.id);
    const view = (await log(v, at(1, 14), 60)).json();
    expect4xx(await stationAdmin.post(`/api/service-records/${view.id}/reject`, { reason: '' }), 400);
    const res = await stationAdmin.post(`/api/service-records/${view.id}/reject`, {
      reason: '无法核实，请附照片后重新记录',
    });
    expect(res.statusCode, res.body).toBe(200);
    const mine = (await asV(v).get('/api/me/self-logs?status=rejected')).json();
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: view.id,
        status: 'rejected',
        rejectReason: '无法核实，请附照片后重新记录',
      }),
    ]);
    expect(await lifetime(v.id)).toBe(0);
  });

  it('the volunteer withdraws a pending log: the station can no longer confirm it', async () => {
    const v = await registerVolunteer(t, station.id);
    const view = (await log(v, at(1, 14), 60)).json();
    const res = await asV(v).post(`/api/me/self-logs/${view.id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    // again: nothing more happens
    expect((await asV(v).post(`/api/me/self-logs/${view.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await stationAdmin.post('/api/service-records/confirm', { ids: [view.id] })).json()).toEqual({
      confirmed: 0,
    });
    expect4xx(await stationAdmin.post(`/api/service-records/${view.id}/reject`, { reason: '不予确认' }), 409);
    const detail = (await stationAdmin.get(`/api/service-records/${view.id}`)).json();
    expect(detail.status).toBe('withdrawn');
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['create', 'withdraw']);
    expect(await lifetime(v.id)).toBe(0);
  });

  it('keeps a photo with the record, which the station sees', async () => {
    const v = await registerVolunteer(t, station.id);
    const view = (await log(v, at(1, 14), 60)).json();
    const res = await sendPhoto(v, view.id);
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await stationAdmin.get(`/api/service-records/${view.id}`)).json();
    expect(detail.evidenceUploadIds).toEqual([res.json().id]);
    const image = await stationAdmin.get(`/api/uploads/${res.json().id}`);
    expect(image.statusCode).toBe(200);
    expect((await asV(v).get('/api/me/self-logs')).json().items[0].photoCount).toBe(1);
    await unchanged(async () => {
      expect4xx(await sendPhoto(v, view.id, Buffer.from('not an image')), 415);
    });
    for (let i = 1; i < 3; i += 1) expect((await sendPhoto(v, view.id)).statusCode).toBe(200);
    expect4xx(await sendPhoto(v, view.id), 409, 'TOO_MANY_PHOTOS');
  });
});

describe('who may do what', () => {
  it('anonymous 401; staff without volunteer.self 403; changes nothing', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/me/self-logs' });
    expect(anon.statusCode).toBe(401);
    const anonPost = await t.app.inject({
      method: 'POST',
      url: '/api/me/self-logs',
      payload: {
        description: '帮忙',
        place: '村口',
        startedAt: at(1, 9).toISOString(),
        endedAt: at(1, 10).toISOString(),
      },
    });
    expect([401, 403]).toContain(anonPost.statusCode);
    await unchanged(async () => {
      expect4xx(
        await stationAdmin.post('/api/me/self-logs', {
          description: '帮忙',
          place: '村口',
          startedAt: at(1, 9).toISOString(),
          endedAt: at(1, 10).toISOString(),
        }),
        403,
      );
      expect4xx(await stationAdmin.get('/api/me/self-logs'), 403);
    });
  });

  it('a volunteer cannot withdraw, add a photo to, or read another volunteer’s log', async () => {
    const owner = await registerVolunteer(t, station.id);
    const intruder = await registerVolunteer(t, station.id);
    const view = (await log(owner, at(1, 16), 60)).json();
    await unchanged(async () => {
      expect4xx(await asV(intruder).post(`/api/me/self-logs/${view.id}/withdraw`), 404, 'SELF_LOG_NOT_FOUND');
      expect4xx(await sendPhoto(intruder, view.id), 404, 'SELF_LOG_NOT_FOUND');
      expect((await asV(intruder).get('/api/me/self-logs')).json().total).toBe(0);
      expect4xx(await asV(intruder).get(`/api/service-records/${view.id}`), 403);
    });
  });

  it('another town’s admin gets 404 on the record and changes nothing', async () => {
    const v = await registerVolunteer(t, station.id);
    const view = (await log(v, at(1, 16), 60)).json();
    await unchanged(async () => {
      expect4xx(await otherTown.get(`/api/service-records/${view.id}`), 404);
      expect4xx(
        await otherTown.post(`/api/service-records/${view.id}/reject`, { reason: '不是本镇的' }),
        404,
      );
      expect((await otherTown.post('/api/service-records/confirm', { ids: [view.id] })).json()).toEqual({
        confirmed: 0,
      });
    });
  });
});
