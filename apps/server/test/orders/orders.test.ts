// The order loop end to end: 群众点单 → 制单 → 派单 → 接单 → 实施 → 评单, with the refusals
// (illegal transitions, someone else's order, another town) and the race for a one-person order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, nextIp, type Session, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';
import { runJobOnce } from '../../src/platform/jobs/scheduler.ts';
import { orderDeadlinesJob } from '../../src/modules/orders/deadlines.job.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef; // 东风社区 (demo-station), under 城北街道 (demo-institute)
let institute: ReturnType<typeof as>;
let stationAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
let center: ReturnType<typeof as>;

const CHINESE = /[\u4e00-\u9fa5]/;

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  institute = as(t.app, await login(t.app, 'demo-institute'));
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  center = as(t.app, await login(t.app, 'demo-center'));
});
afterAll(async () => t?.close());

const pub = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, remoteAddress: nextIp() });
const asVolunteer = (v: RegisteredVolunteer) => as(t.app, v.session as Session);

async function place(extra: Record<string, unknown> = {}) {
  const res = await pub('POST', '/api/public/orders', {
    stationId: station.id,
    serviceCategory: 'elderly',
    description: '独居老人需要上门帮忙打扫和陪聊',
    address: '东风社区3号楼2单元',
    contactName: '王阿姨',
    contactPhone: '13900139000',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { orderNo: string; trackingToken: string };
  const row = await t.ctx.db.system
    .selectFrom('orders')
    .select(['id'])
    .where('order_no', '=', body.orderNo)
    .executeTakeFirstOrThrow();
  return { ...body, id: row.id };
}

async function expect4xx(res: { statusCode: number; body: string }, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body) as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
}

// first: the deadline tests below move the clock and run the job over the seeded orders too
describe('the demo county', () => {
  it('has orders in every state of the loop, some overdue and escalated, with consistent records', async () => {
    const byStatus = await t.ctx.db.system
      .selectFrom('orders')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('created_by', 'is', null)
      .groupBy('status')
      .execute();
    const statuses = new Set(byStatus.map((r) => r.status));
    for (const s of [
      'submitted',
      'accepted',
      'dispatched',
      'claimed',
      'in_service',
      'served',
      'closed',
      'rejected',
      'cancelled',
    ]) {
      expect(statuses.has(s), s).toBe(true);
    }
    const escalated = await t.ctx.db.system
      .selectFrom('orders')
      .select('id')
      .where('escalation_level', '>', 0)
      .execute();
    expect(escalated.length).toBeGreaterThan(0);
    // every served or closed order has a service record for who served it
    const missing = await t.ctx.db.system
      .selectFrom('orders as o')
      .select('o.id')
      .where('o.status', 'in', ['served', 'closed'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('service_records as r')
              .select('r.id')
              .whereRef('r.source_id', '=', 'o.id')
              .where('r.source', '=', 'order'),
          ),
        ),
      )
      .execute();
    expect(missing).toEqual([]);
    // the institute of the demo town sees a busy inbox
    const counts = (await institute.get('/api/orders/counts')).json() as Array<{
      status: string;
      count: number;
    }>;
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBeGreaterThan(10);
  });
});

describe('hours of a served order', () => {
  it('every seeded service record spans the service it credits, with its minutes and rounded hours', async () => {
    const rows = await t.ctx.db.system
      .selectFrom('service_records as r')
      .innerJoin('orders as o', 'o.id', 'r.source_id')
      .where('r.source', '=', 'order')
      .select([
        'o.order_no',
        'r.minutes',
        'r.hours',
        'r.started_at',
        'r.ended_at',
        'o.service_started_at',
        'o.service_ended_at',
      ])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      // the record's times are the order's own service, which took a while (the seed's services last 1-4 h)
      expect(r.started_at, r.order_no).toEqual(r.service_started_at);
      expect(r.ended_at, r.order_no).toEqual(r.service_ended_at);
      const minutes = Math.floor((r.ended_at!.getTime() - r.started_at!.getTime()) / 60_000);
      expect(minutes, r.order_no).toBeGreaterThanOrEqual(60);
      expect(r.minutes, r.order_no).toBe(minutes);
      // the default rule: down to the half hour
      expect(Number(r.hours), r.order_no).toBe(Math.floor(minutes / 30) / 2);
    }
  });

  it('a 126-minute service by two volunteers leaves each a record of 126 minutes and 2 hours, from start to finish', async () => {
    const order = await place();
    expect((await institute.post(`/api/orders/${order.id}/accept`, { volunteersNeeded: 2 })).statusCode).toBe(
      200,
    );
    const [a, b] = [await registerVolunteer(t, station.id), await registerVolunteer(t, station.id)];
    const dispatched = await stationAdmin.post(`/api/orders/${order.id}/dispatch`, {
      volunteerIds: [a.id, b.id],
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    const started = new Date('2026-12-01T01:04:00.000Z');
    const ended = new Date(started.getTime() + 126 * 60_000);
    t.setNow(new Date(started.getTime() - 600_000));
    try {
      for (const v of [a, b]) {
        const claimed = await asVolunteer(v).post(`/api/me/orders/${order.id}/claim`);
        expect(claimed.statusCode, claimed.body).toBe(200);
      }
      t.setNow(started);
      const start = await asVolunteer(a).post(`/api/me/orders/${order.id}/start`, {});
      expect(start.json().status).toBe('in_service');
      t.setNow(ended);
      const finished = await asVolunteer(b).post(`/api/me/orders/${order.id}/finish`, { note: '已完成' });
      expect(finished.json().status).toBe('served');
    } finally {
      t.setNow(null);
    }
    const records = await t.ctx.db.system
      .selectFrom('service_records')
      .select(['volunteer_id', 'minutes', 'hours', 'started_at', 'ended_at', 'status'])
      .where('source', '=', 'order')
      .where('source_id', '=', order.id)
      .orderBy('volunteer_id')
      .execute();
    expect(records.map((r) => ({ ...r, hours: Number(r.hours) }))).toEqual(
      [a.id, b.id]
        .sort((x, y) => x - y)
        .map((id) => ({
          volunteer_id: id,
          minutes: 126,
          hours: 2,
          started_at: started,
          ended_at: ended,
          status: 'pending',
        })),
    );
    // the console shows the same: 2 小时, 126 分钟, from start to finish, the order number as its source
    const listed = (
      await stationAdmin.get(
        `/api/service-records?source=order&status=pending&from=2026-12-01&to=2026-12-01&pageSize=200`,
      )
    ).json().items as Array<{
      sourceId: number;
      sourceTitle: string;
      hours: number;
      minutes: number;
      startedAt: string;
      endedAt: string;
    }>;
    const mine = listed.filter((r) => r.sourceId === order.id);
    expect(mine).toHaveLength(2);
    for (const r of mine) {
      expect(r).toMatchObject({
        sourceTitle: order.orderNo,
        hours: 2,
        minutes: 126,
        startedAt: started.toISOString(),
        endedAt: ended.toISOString(),
      });
    }
  });
});

describe('the whole loop', () => {
  it('walks 点单 → 制单 → 派单 → 接单 → 实施 → 评单 and the resident follows every step', async () => {
    const order = await place();
    const tracking = await pub('GET', `/api/public/orders/${order.trackingToken}`);
    expect(tracking.json()).toMatchObject({ status: 'submitted', canCancel: true, canRate: false });
    // the phone is stored encrypted and shown masked to staff
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select(['contact_phone_enc'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row.contact_phone_enc).not.toContain('13900139000');

    // a station may not vet (中心制单); the institute does
    await expect4xx(await stationAdmin.post(`/api/orders/${order.id}/accept`, {}), 403);
    const accepted = await institute.post(`/api/orders/${order.id}/accept`, {
      priority: 'urgent',
      skills: ['elderly_care'],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      priority: 'urgent',
      contactPhone: '139****9000',
    });

    const v = await registerVolunteer(t, station.id);
    await t.ctx.db.system
      .updateTable('volunteers')
      .set({ service_categories: ['elderly'], skills: ['elderly_care'] })
      .where('id', '=', v.id)
      .execute();
    const candidates = await stationAdmin.get(`/api/orders/${order.id}/candidates`);
    expect(candidates.statusCode, candidates.body).toBe(200);
    const ranked = candidates.json() as Array<{ id: number; score: number; reasons: string[] }>;
    expect(ranked.map((c) => c.id)).toContain(v.id);
    expect(ranked.find((c) => c.id === v.id)!.reasons).toContain('服务类别对口');
    for (let i = 1; i < ranked.length; i += 1)
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);

    const dispatched = await stationAdmin.post(`/api/orders/${order.id}/dispatch`, { volunteerIds: [v.id] });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json().status).toBe('dispatched');

    const mine = await asVolunteer(v).get('/api/me/orders');
    expect(mine.json().map((o: { id: number }) => o.id)).toContain(order.id);
    // finishing before starting is illegal
    await expect4xx(await asVolunteer(v).post(`/api/me/orders/${order.id}/finish`, { note: '完成' }), 403);
    expect((await asVolunteer(v).post(`/api/me/orders/${order.id}/claim`)).json().status).toBe('claimed');
    expect(
      (
        await asVolunteer(v).post(`/api/me/orders/${order.id}/start`, { latitude: 32.98, longitude: 107.77 })
      ).json().status,
    ).toBe('in_service');
    await expect4xx(
      await asVolunteer(v).post(`/api/me/orders/${order.id}/start`, {}),
      409,
      'ILLEGAL_TRANSITION',
    );
    const finished = await asVolunteer(v).post(`/api/me/orders/${order.id}/finish`, {
      note: '打扫了卫生，陪老人聊天一小时',
    });
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().status).toBe('served');
    const records = await t.ctx.db.system
      .selectFrom('service_records')
      .selectAll()
      .where('source', '=', 'order')
      .where('source_id', '=', order.id)
      .execute();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ volunteer_id: v.id, status: 'pending' });

    const rated = await pub('POST', `/api/public/orders/${order.trackingToken}/rate`, {
      rating: 5,
      comment: '很贴心',
    });
    expect(rated.json()).toMatchObject({ status: 'served', rating: 5, canRate: false });
    const closed = await stationAdmin.post(`/api/orders/${order.id}/evaluate`, {
      evaluation: '服务及时，群众满意',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', rating: 5 });
    const timeline = (await pub('GET', `/api/public/orders/${order.trackingToken}`)).json()
      .timeline as Array<{ action: string }>;
    expect(timeline.map((e) => e.action)).toEqual([
      'submit',
      'accept',
      'dispatch',
      'claim',
      'start',
      'finish',
      'rate',
      'evaluate',
    ]);
    // the public timeline names nobody
    expect(JSON.stringify(timeline)).not.toContain(v.name);
    const detail = (await center.get(`/api/orders/${order.id}`)).json();
    expect(detail.events).toHaveLength(8);
    expect(detail.events[1]).toMatchObject({
      action: 'accept',
      fromStatus: 'submitted',
      toStatus: 'accepted',
      actorKind: 'vetter',
    });
  });

  it('a rejection carries its reason to the resident', async () => {
    const order = await place();
    await expect4xx(await institute.post(`/api/orders/${order.id}/reject`, {}), 400);
    const res = await institute.post(`/api/orders/${order.id}/reject`, {
      reason: '不属于志愿服务范围，请联系物业',
    });
    expect(res.json().status).toBe('rejected');
    expect((await pub('GET', `/api/public/orders/${order.trackingToken}`)).json()).toMatchObject({
      status: 'rejected',
      rejectReason: '不属于志愿服务范围，请联系物业',
    });
    await expect4xx(await institute.post(`/api/orders/${order.id}/accept`, {}), 409, 'ILLEGAL_TRANSITION');
  });

  it('a decline returns the order for re-dispatch', async () => {
    const order = await place();
    await institute.post(`/api/orders/${order.id}/accept`, {});
    const v = await registerVolunteer(t, station.id);
    await stationAdmin.post(`/api/orders/${order.id}/dispatch`, { volunteerIds: [v.id] });
    await expect4xx(await asVolunteer(v).post(`/api/me/orders/${order.id}/decline`, {}), 400);
    const declined = await asVolunteer(v).post(`/api/me/orders/${order.id}/decline`, {
      reason: '本周在外地',
    });
    expect(declined.json()).toEqual({ ok: true });
    const back = (await stationAdmin.get(`/api/orders/${order.id}`)).json();
    expect(back.status).toBe('accepted');
    expect(back.events.at(-1)).toMatchObject({
      action: 'decline',
      reason: '本周在外地',
      toStatus: 'accepted',
    });
    // a declined order is no longer in the volunteer's list
    const mine = (await asVolunteer(v).get('/api/me/orders')).json() as Array<{ id: number }>;
    expect(mine.map((o) => o.id)).not.toContain(order.id);
    const w = await registerVolunteer(t, station.id);
    expect(
      (await stationAdmin.post(`/api/orders/${order.id}/dispatch`, { volunteerIds: [w.id] })).json().status,
    ).toBe('dispatched');
    // the volunteer who declined can no longer reach it
    await expect4xx(await asVolunteer(v).post(`/api/me/orders/${order.id}/claim`), 404);
    expect((await asVolunteer(w).post(`/api/me/orders/${order.id}/claim`)).json().status).toBe('claimed');
  });

  it('the resident can reopen within 7 days, not after', async () => {
    const order = await place();
    await institute.post(`/api/orders/${order.id}/accept`, {});
    const v = await registerVolunteer(t, station.id);
    await stationAdmin.post(`/api/orders/${order.id}/dispatch`, { volunteerIds: [v.id] });
    await asVolunteer(v).post(`/api/me/orders/${order.id}/claim`);
    await asVolunteer(v).post(`/api/me/orders/${order.id}/start`, {});
    await asVolunteer(v).post(`/api/me/orders/${order.id}/finish`, { note: '已处理' });
    await stationAdmin.post(`/api/orders/${order.id}/evaluate`, { evaluation: '已办结' });
    const reopened = await pub('POST', `/api/public/orders/${order.trackingToken}/reopen`, {
      reason: '水管又漏了',
    });
    expect(reopened.json()).toMatchObject({ status: 'accepted' });

    // …and not once 7 days have passed since it closed
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select('closed_at')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row.closed_at).toBeNull();
    await t.ctx.db.system
      .updateTable('orders')
      .set({ status: 'closed', closed_at: new Date(Date.now() - 8 * 86_400_000) })
      .where('id', '=', order.id)
      .execute();
    const late = await pub('GET', `/api/public/orders/${order.trackingToken}`);
    expect(late.json()).toMatchObject({ status: 'closed', canReopen: false });
    await expect4xx(
      await pub('POST', `/api/public/orders/${order.trackingToken}/reopen`, { reason: '还是没修好' }),
      409,
      'REOPEN_EXPIRED',
    );

    const second = await place();
    await institute.post(`/api/orders/${second.id}/reject`, { reason: '重复' });
    await expect4xx(
      await pub('POST', `/api/public/orders/${second.trackingToken}/reopen`, { reason: '再试' }),
      409,
    );
  });
});

describe('who is told of a dispatch', () => {
  it('each volunteer offered the order gets an H5 message; the station is told; the timeline says where it went', async () => {
    const order = await place();
    await institute.post(`/api/orders/${order.id}/accept`, {});
    // the institute sends it to the station: the station's staff see it in the console bell
    const before = (await stationAdmin.get('/api/notifications?unread=true')).json() as { unread: number };
    expect(
      (await institute.post(`/api/orders/${order.id}/dispatch`, { stationId: station.id })).statusCode,
    ).toBe(200);
    const bell = (await stationAdmin.get('/api/notifications?unread=true')).json() as {
      unread: number;
      items: Array<{ kind: string; title: string; link: string }>;
    };
    expect(bell.unread).toBe(before.unread + 1);
    expect(bell.items[0]).toMatchObject({ kind: 'order.dispatched', link: `/orders/${order.id}` });
    expect(bell.items[0]!.title).toContain(order.orderNo);

    // the station offers it to two volunteers
    const a = await registerVolunteer(t, station.id);
    const b = await registerVolunteer(t, station.id);
    const c = await registerVolunteer(t, station.id);
    const sent = await stationAdmin.post(`/api/orders/${order.id}/dispatch`, { volunteerIds: [a.id, b.id] });
    expect(sent.statusCode, sent.body).toBe(200);
    const events = sent.json().events as Array<{ action: string; target: string | null }>;
    expect(events.at(-2)).toMatchObject({ action: 'dispatch', target: expect.stringContaining('实践站：') });
    expect(events.at(-1)!.action).toBe('redispatch');
    expect(events.at(-1)!.target).toBe(`志愿者：${a.name}、${b.name}`);

    for (const v of [a, b]) {
      const inbox = (await asVolunteer(v).get('/api/me/notifications')).json() as {
        unread: number;
        items: Array<{ id: number; kind: string; title: string; link: string; read: boolean }>;
      };
      expect(inbox.unread).toBe(1);
      expect(inbox.items).toHaveLength(1);
      expect(inbox.items[0]).toMatchObject({ kind: 'order.offered', link: '/tasks', read: false });
      expect(inbox.items[0]!.title).toContain(order.orderNo);
    }
    // a volunteer not offered it has nothing, and cannot mark another's message read
    const theirs = (await asVolunteer(a).get('/api/me/notifications')).json().items[0].id as number;
    expect((await asVolunteer(c).get('/api/me/notifications')).json()).toMatchObject({ total: 0, unread: 0 });
    await expect4xx(await asVolunteer(c).post(`/api/me/notifications/${theirs}/read`), 404);
    // the station's staff list holds no volunteer's messages, and cannot mark them read either
    const staffIds = (
      (await stationAdmin.get('/api/notifications?pageSize=100')).json().items as Array<{ id: number }>
    ).map((n) => n.id);
    expect(staffIds).not.toContain(theirs);
    await expect4xx(await stationAdmin.post(`/api/notifications/${theirs}/read`), 404);

    // reading: one, then all
    expect((await asVolunteer(a).post(`/api/me/notifications/${theirs}/read`)).json()).toEqual({ ok: true });
    expect((await asVolunteer(a).get('/api/me/notifications?unread=true')).json()).toMatchObject({
      total: 0,
      unread: 0,
    });
    expect((await asVolunteer(b).post('/api/me/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await asVolunteer(b).post('/api/me/notifications/read-all')).json()).toEqual({ updated: 0 });
    // staff cannot use the volunteer's routes
    expect((await stationAdmin.get('/api/me/notifications')).statusCode).toBe(403);
  });
});

describe('claiming a one-person order', () => {
  it('two volunteers claiming at once: exactly one wins', async () => {
    const order = await place();
    await institute.post(`/api/orders/${order.id}/accept`, {});
    const a = await registerVolunteer(t, station.id);
    const b = await registerVolunteer(t, station.id);
    await stationAdmin.post(`/api/orders/${order.id}/dispatch`, { volunteerIds: [a.id, b.id] });
    const results = await Promise.all([
      asVolunteer(a).post(`/api/me/orders/${order.id}/claim`),
      asVolunteer(b).post(`/api/me/orders/${order.id}/claim`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const claimed = await t.ctx.db.system
      .selectFrom('order_assignees')
      .select('volunteer_id')
      .where('order_id', '=', order.id)
      .where('status', '=', 'claimed')
      .execute();
    expect(claimed).toHaveLength(1);
    // the loser's offer is withdrawn: the order leaves their list
    const loser = results[0]!.statusCode === 200 ? b : a;
    const theirs = (await asVolunteer(loser).get('/api/me/orders')).json() as Array<{ id: number }>;
    expect(theirs.map((o) => o.id)).not.toContain(order.id);
  });
});

describe('data scope', () => {
  it('another town neither sees nor acts on the order, and a volunteer not offered it cannot claim it', async () => {
    const order = await place();
    expect(
      (await otherTown.get('/api/orders?pageSize=200')).json().items.map((o: { id: number }) => o.id),
    ).not.toContain(order.id);
    await expect4xx(await otherTown.get(`/api/orders/${order.id}`), 404);
    await expect4xx(await otherTown.post(`/api/orders/${order.id}/dispatch`, { stationId: station.id }), 404);
    await expect4xx(await otherTown.post(`/api/orders/${order.id}/evaluate`, { evaluation: '篡改' }), 404);
    const stranger = await registerVolunteer(t, station.id);
    await expect4xx(await asVolunteer(stranger).post(`/api/me/orders/${order.id}/claim`), 404);
    const status = await t.ctx.db.system
      .selectFrom('orders')
      .select('status')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('submitted');
  });

  it('bad input is a clear 4xx and writes nothing', async () => {
    const before = await t.ctx.db.system
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect4xx(
      await pub('POST', '/api/public/orders', {
        stationId: station.id,
        description: '帮忙',
        address: '某处',
        contactName: '李',
        contactPhone: '123',
      }),
      400,
    );
    await expect4xx(
      await pub('POST', '/api/public/orders', {
        stationId: 2,
        serviceCategory: 'law',
        description: '帮忙',
        address: '某处',
        contactName: '李',
        contactPhone: '13900139000',
      }),
      400,
    );
    await expect4xx(await pub('GET', '/api/public/orders/not-a-real-token-000000000000'), 404);
    await expect4xx(await stationAdmin.post('/api/orders/999999/accept', {}), 403);
    const after = await t.ctx.db.system
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('代点单', () => {
  it('station staff place an order for a resident who phoned', async () => {
    const res = await stationAdmin.post('/api/orders', {
      stationId: station.id,
      channel: 'phone',
      serviceCategory: 'health',
      description: '老人行动不便，需要上门量血压',
      address: '东风社区7号楼',
      contactName: '张大爷',
      contactPhone: '13800138111',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().order).toMatchObject({
      channel: 'phone',
      status: 'submitted',
      contactPhone: '138****8111',
    });
    expect(res.json().trackingToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await expect4xx(
      await otherTown.post('/api/orders', {
        stationId: station.id,
        channel: 'visit',
        serviceCategory: 'health',
        description: '上门',
        address: '某处',
        contactName: '张',
        contactPhone: '13800138111',
      }),
      404,
    );
  });
});

describe('deadlines (超时督办), by the injected clock', () => {
  it('escalates a missed stage to the parent org once, notifies its staff, and auto-closes unreviewed orders', async () => {
    const order = await place();
    const start = new Date();
    // 制单 is due in one working day; eight days later it is overdue whatever the weekday
    t.setNow(new Date(start.getTime() + 8 * 86_400_000));
    const first = await runJobOnce(t.ctx, orderDeadlinesJob);
    expect(first).not.toBeNull();
    // sessions do not outlive a week: log in again in the future
    const later = as(t.app, await login(t.app, 'demo-institute'));
    expect(first!.escalated).toBeGreaterThanOrEqual(1);
    const detail = (await later.get(`/api/orders/${order.id}`)).json();
    expect(detail).toMatchObject({ escalationLevel: 1, overdue: true, status: 'submitted' });
    expect(detail.events.at(-1)).toMatchObject({ action: 'escalate', actorKind: 'system' });
    expect(
      (await later.get('/api/orders?overdue=true&pageSize=200'))
        .json()
        .items.map((o: { id: number }) => o.id),
    ).toContain(order.id);
    // the station's parent (the institute) is told
    const toldRes = await later.get('/api/notifications');
    expect(toldRes.statusCode, toldRes.body).toBe(200);
    const told = toldRes.json();
    expect(told.items.some((n: { title: string }) => n.title.includes(order.orderNo))).toBe(true);
    // a second run does not escalate the same stage again
    await runJobOnce(t.ctx, orderDeadlinesJob);
    const events = (await later.get(`/api/orders/${order.id}`)).json().events as Array<{
      action: string;
    }>;
    expect(events.filter((e) => e.action === 'escalate')).toHaveLength(1);

    // a served order nobody evaluates closes after 7 days
    t.setNow(null);
    const served = await place();
    await institute.post(`/api/orders/${served.id}/accept`, {});
    const v = await registerVolunteer(t, station.id);
    await stationAdmin.post(`/api/orders/${served.id}/dispatch`, { volunteerIds: [v.id] });
    await asVolunteer(v).post(`/api/me/orders/${served.id}/claim`);
    await asVolunteer(v).post(`/api/me/orders/${served.id}/start`, {});
    await asVolunteer(v).post(`/api/me/orders/${served.id}/finish`, { note: '完成' });
    t.setNow(new Date(Date.now() + 8 * 86_400_000));
    await runJobOnce(t.ctx, orderDeadlinesJob);
    const closed = (
      await as(t.app, await login(t.app, 'demo-institute')).get(`/api/orders/${served.id}`)
    ).json();
    expect(closed.status).toBe('closed');
    expect(closed.events.at(-1)).toMatchObject({ action: 'auto_close', actorKind: 'system' });
    t.setNow(null);
  });

  it('runs on one server at a time (the advisory lock)', async () => {
    // the first run holds the lock until the second has tried (no timing: a busy machine waits longer)
    let started!: () => void;
    let release!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const heldJob = {
      name: 'test.held',
      run: async () => {
        started();
        await released;
        return 'ran';
      },
    };
    const first = runJobOnce(t.ctx, heldJob);
    await running;
    expect(await runJobOnce(t.ctx, heldJob)).toBeNull();
    release();
    expect(await first).toBe('ran');
  });
});

describe('deadlines set per org', () => {
  it('an institute sets its own 制单 deadline; the new orders of its villages follow it, other towns keep the default', async () => {
    const defaults = (await institute.get('/api/orders/deadlines')).json();
    expect(defaults).toEqual({
      own: false,
      vetWorkingDays: 1,
      dispatchHours: 24,
      claimHours: 24,
      reviewDays: 7,
    });
    await expect4xx(
      await institute.put('/api/orders/deadlines', {
        vetWorkingDays: 0,
        dispatchHours: 24,
        claimHours: 24,
        reviewDays: 7,
      }),
      400,
    );
    const set = await institute.put('/api/orders/deadlines', {
      vetWorkingDays: 3,
      dispatchHours: 12,
      claimHours: 6,
      reviewDays: 5,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ own: true, vetWorkingDays: 3, dispatchHours: 12 });
    // the station below inherits it
    expect((await stationAdmin.get('/api/orders/deadlines')).json()).toMatchObject({
      own: false,
      vetWorkingDays: 3,
    });
    expect((await otherTown.get('/api/orders/deadlines')).json()).toMatchObject({
      own: false,
      vetWorkingDays: 1,
    });

    const order = await place();
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select(['created_at', 'stage_due_at'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    const days = (new Date(row.stage_due_at!).getTime() - new Date(row.created_at).getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(3);
    await institute.post(`/api/orders/${order.id}/accept`, {});
    const accepted = await t.ctx.db.system
      .selectFrom('orders')
      .select(['updated_at', 'stage_due_at'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(new Date(accepted.stage_due_at!).getTime() - new Date(accepted.updated_at).getTime()).toBe(
      12 * 3_600_000,
    );
  });
});
