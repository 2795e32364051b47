// The points routes and their authorization matrix: the rules (the centre's county rules, local
// rules within the centre's bound), a holder's balance and ledger, manual adjustments (a second
// person confirms above the threshold), the volunteer's own points — another town's admin gets 404
// and changes nothing, a volunteer reads only their own points, a missing permission is 403 and no
// session 401.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';

let t: TestContext;
let station: OrgRef;
let stationAdmin: ReturnType<typeof as>;
let secondAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
let centre: ReturnType<typeof as>;
let volunteerSession: ReturnType<typeof as>;
let security: ReturnType<typeof as>;
let holderId: number; // a volunteer of demo-station
let ownVolunteerId: number; // demo-volunteer's own record
const CHINESE = /[\u4e00-\u9fa5]/;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.ctx.db.system;
  station = await orgOfUser(db, 'demo-station');
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  await createUser(db, 'points-second', 'station_admin', station.id);
  secondAdmin = as(t.app, await login(t.app, 'points-second'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  centre = as(t.app, await login(t.app, 'demo-center'));
  volunteerSession = as(t.app, await login(t.app, 'demo-volunteer'));
  security = as(t.app, await login(t.app, 'demo-security'));
  const own = await db
    .selectFrom('volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select('v.id')
    .where('u.username', '=', 'demo-volunteer')
    .executeTakeFirstOrThrow();
  ownVolunteerId = own.id;
  const other = await db
    .selectFrom('volunteers')
    .select('id')
    .where(sql<boolean>`org_path <@ ${station.path}::ltree`)
    .where('id', '<>', own.id)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  holderId = other.id;
});
afterAll(async () => t?.close());

const digest = async () =>
  [
    await tableDigest(t.ctx.db.system, 'point_entries'),
    await tableDigest(t.ctx.db.system, 'point_balances'),
    await tableDigest(t.ctx.db.system, 'point_adjustments'),
    await tableDigest(t.ctx.db.system, 'point_rules'),
  ].join('|');

describe('points authorization', () => {
  it('no session: 401', async () => {
    for (const url of [
      '/api/points/rules',
      '/api/points/entries',
      '/api/me/points',
      `/api/points/holders/volunteer/${holderId}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('missing permission: 403 for the security admin and for a volunteer on the console routes', async () => {
    const before = await digest();
    for (const caller of [security, volunteerSession]) {
      expect((await caller.get('/api/points/rules')).statusCode).toBe(403);
      expect((await caller.get(`/api/points/entries?holderId=${holderId}`)).statusCode).toBe(403);
      expect((await caller.get(`/api/points/holders/volunteer/${holderId}`)).statusCode).toBe(403);
      expect(
        (await caller.post('/api/points/adjustments', { holderId, points: 5, reason: '越权调整' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await caller.post('/api/points/rules', { kind: 'hour', points: 1, validFrom: '2026-01-01' }))
          .statusCode,
      ).toBe(403);
    }
    expect(await digest()).toBe(before);
  });

  it('a volunteer reads only their own points; the security admin has none', async () => {
    const mine = await volunteerSession.get('/api/me/points');
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json() as {
      balance: number;
      lifetime: number;
      items: Array<{ reason: string }>;
      total: number;
    };
    const entries = await t.ctx.db.system
      .selectFrom('point_entries')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('holder_type', '=', 'volunteer')
      .where('holder_id', '=', ownVolunteerId)
      .executeTakeFirstOrThrow();
    expect(body.total).toBe(entries.n);
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) expect(item.reason).toMatch(CHINESE);
    expect((await security.get('/api/me/points')).statusCode).toBe(403);
  });

  it("another town's admin gets 404 on a holder and an adjustment, and changes nothing", async () => {
    const pending = await stationAdmin.post('/api/points/adjustments', {
      holderId,
      points: 150,
      reason: '优秀志愿者奖励',
    });
    expect(pending.statusCode, pending.body).toBe(200);
    const id = (pending.json() as { id: number }).id;
    const before = await digest();
    expect((await otherTown.get(`/api/points/holders/volunteer/${holderId}`)).statusCode).toBe(404);
    expect((await otherTown.get(`/api/points/entries?holderId=${holderId}`)).statusCode).toBe(404);
    expect(
      (await otherTown.post('/api/points/adjustments', { holderId, points: 5, reason: '跨镇调整' }))
        .statusCode,
    ).toBe(404);
    expect((await otherTown.post(`/api/points/adjustments/${id}/confirm`)).statusCode).toBe(404);
    expect((await otherTown.post(`/api/points/adjustments/${id}/cancel`)).statusCode).toBe(404);
    const list = (await otherTown.get('/api/points/adjustments')).json() as { items: Array<{ id: number }> };
    expect(list.items.map((a) => a.id)).not.toContain(id);
    const county = await t.ctx.db.system
      .selectFrom('point_rules')
      .select('id')
      .where(sql<boolean>`nlevel(org_path) = 1`)
      .limit(1)
      .executeTakeFirstOrThrow();
    const put = await otherTown.put(`/api/points/rules/${county.id}`, {
      kind: 'hour',
      points: 1,
      validFrom: '2000-01-01',
    });
    expect([400, 404]).toContain(put.statusCode);
    expect(await digest()).toBe(before);
    expect((await stationAdmin.post(`/api/points/adjustments/${id}/cancel`)).statusCode).toBe(200);
  });
});

describe('manual adjustments', () => {
  it('small ones take effect at once; above the threshold a second person confirms', async () => {
    const balance = async () =>
      ((await stationAdmin.get(`/api/points/holders/volunteer/${holderId}`)).json() as { balance: number })
        .balance;
    const start = await balance();
    const small = await stationAdmin.post('/api/points/adjustments', {
      holderId,
      points: 20,
      reason: '协助组织活动',
    });
    expect(small.statusCode, small.body).toBe(200);
    expect(small.json()).toMatchObject({ status: 'confirmed', points: 20 });
    expect(await balance()).toBe(start + 20);

    const big = await stationAdmin.post('/api/points/adjustments', {
      holderId,
      points: 300,
      reason: '年度表彰奖励',
    });
    expect(big.json()).toMatchObject({ status: 'pending', canConfirm: false, canCancel: true });
    const id = (big.json() as { id: number }).id;
    expect(await balance()).toBe(start + 20);
    const self = await stationAdmin.post(`/api/points/adjustments/${id}/confirm`);
    expect(self.statusCode).toBe(409);
    expect((self.json() as { message: string }).message).toMatch(CHINESE);
    const other = await secondAdmin.post(`/api/points/adjustments/${id}/confirm`);
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json()).toMatchObject({ status: 'confirmed' });
    expect((await secondAdmin.post(`/api/points/adjustments/${id}/confirm`)).statusCode).toBe(409);
    expect(await balance()).toBe(start + 320);

    const ledger = (
      await stationAdmin.get(`/api/points/entries?holderId=${holderId}&kind=adjust`)
    ).json() as {
      items: Array<{ delta: number; reason: string }>;
    };
    expect(ledger.items.slice(0, 2).map((e) => e.delta)).toEqual([300, 20]);
    const audits = await t.ctx.db.system
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'points.adjust%')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['points.adjust', 'points.adjust.confirm']),
    );
  });

  it('refuses bad input with a Chinese 4xx and changes nothing', async () => {
    const before = await digest();
    for (const body of [
      { holderId, points: 0, reason: '零分调整' },
      { holderId, points: 1.5, reason: '小数调整' },
      { holderId, points: 5, reason: '' },
      { holderId, points: -1_000_000, reason: '过大调整' },
      { holderId: 'abc', points: 5, reason: '坏编号' },
    ]) {
      const res = await stationAdmin.post('/api/points/adjustments', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect((res.json() as { message: string }).message).toMatch(CHINESE);
    }
    const negative = await stationAdmin.post('/api/points/adjustments', {
      holderId,
      points: -99,
      reason: '扣减测试',
    });
    // may be refused when the balance is short; then nothing changes
    if (negative.statusCode !== 200) {
      expect(negative.statusCode).toBe(409);
      expect(await digest()).toBe(before);
    }
  });
});

describe('rules', () => {
  it("a station adds a local rule within the centre's bound; the centre's change is a new version", async () => {
    const over = await stationAdmin.post('/api/points/rules', {
      kind: 'hour',
      points: 16,
      validFrom: '2026-01-01',
    });
    expect(over.statusCode).toBe(400);
    expect((over.json() as { message: string }).message).toContain('上限 15');
    const ok = await stationAdmin.post('/api/points/rules', {
      kind: 'hour',
      points: 12,
      validFrom: '2026-01-01',
      note: '本站每小时 12 分',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ county: false, points: 12, canEdit: true, version: 1 });
    const list = (await stationAdmin.get('/api/points/rules')).json() as {
      items: Array<{ id: number; county: boolean; canEdit: boolean }>;
      local: boolean;
    };
    expect(list.local).toBe(true);
    for (const rule of list.items.filter((r) => r.county)) expect(rule.canEdit).toBe(false);
    const countyRule = list.items.find((r) => r.county)!;
    expect(
      (
        await stationAdmin.put(`/api/points/rules/${countyRule.id}`, {
          kind: 'hour',
          points: 1,
          validFrom: '2000-01-01',
        })
      ).statusCode,
    ).toBe(404);

    const hour = (await centre.get('/api/points/rules')).json() as {
      items: Array<{ id: number; kind: string; county: boolean; points: number; maxPoints: number }>;
    };
    const countyHour = hour.items.find((r) => r.county && r.kind === 'hour')!;
    const before = await t.ctx.db.system
      .selectFrom('point_entries')
      .select(['id', 'delta', 'rule_version'])
      .where('rule_id', '=', countyHour.id)
      .orderBy('id')
      .limit(50)
      .execute();
    const changed = await centre.put(`/api/points/rules/${countyHour.id}`, {
      kind: 'hour',
      points: 12,
      maxPoints: 15,
      validFrom: '2000-01-01',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, points: 12 });
    const after = await t.ctx.db.system
      .selectFrom('point_entries')
      .select(['id', 'delta', 'rule_version'])
      .where(
        'id',
        'in',
        before.map((e) => e.id),
      )
      .orderBy('id')
      .execute();
    expect(after).toEqual(before);
  });
});
