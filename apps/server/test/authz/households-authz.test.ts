// Authorization of every households route (群众文明积分): another town's station admin gets 404 on
// every household, award, rule and setting of demo-station and changes nothing; a station cannot
// change the county's default rules; roles without the permissions (volunteer, resident, team
// leader, auditor) get 403; a resident sees only the household linked to their own account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import {
  AWARD_PHOTO,
  createUser,
  multipartBody,
  orgOfUser,
  tableDigest,
  TINY_PNG,
  type OrgRef,
} from '../support/org-factories.ts';
import { makeItem } from '../support/store-factories.ts';

let t: TestContext;
let station: OrgRef;
let admin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
const ids = { household: 0, householdNo: '', award: 0, pending: 0, rule: 0, countyRule: 0, item: 0 };

const TABLES = [
  'households',
  'household_awards',
  'household_rules',
  'household_settings',
  'point_entries',
  'point_balances',
  'store_redemptions',
  'uploads',
];
const digest = () => Promise.all(TABLES.map((name) => tableDigest(t.ctx.db.system, name)));

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  const session = await login(t.app, 'demo-station');
  admin = as(t.app, session);
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  const h = await admin.post('/api/households', {
    householdNo: '8-01',
    headName: '赵六',
    phone: '13812345678',
  });
  expect(h.statusCode, h.body).toBe(200);
  ids.household = h.json().id;
  ids.householdNo = h.json().householdNo;
  const rule = await admin.post('/api/households/rules', { name: '授权测试项', points: 5 });
  ids.rule = rule.json().id;
  const big = await admin.post('/api/households/rules', { name: '授权测试大项', points: 50 });
  ids.award = (
    await admin.form(`/api/households/${ids.household}/awards`, { ruleId: String(ids.rule) }, AWARD_PHOTO)
  ).json().id;
  ids.pending = (
    await admin.form(
      `/api/households/${ids.household}/awards`,
      { ruleId: String(big.json().id) },
      AWARD_PHOTO,
    )
  ).json().id;
  const rules = (await admin.get('/api/households/rules')).json();
  ids.countyRule = rules.items.find((r: { inherited: boolean }) => r.inherited).id;
  ids.item = (await makeItem(t, session, { price: 1, stock: 5 })).id;
}, 180_000);
afterAll(async () => t?.close());

function consoleCalls(client: ReturnType<typeof as>) {
  return [
    client.get(`/api/households/${ids.household}`),
    client.patch(`/api/households/${ids.household}`, { headName: '越权' }),
    client.post(`/api/households/${ids.household}/reveal`),
    client.form(`/api/households/${ids.household}/awards`, { ruleId: String(ids.rule) }, AWARD_PHOTO),
    client.get(`/api/households/awards/${ids.award}/photo`),
    client.post(`/api/households/awards/${ids.pending}/confirm`),
    client.post(`/api/households/awards/${ids.pending}/reject`, { reason: '越权' }),
    client.post(`/api/households/awards/${ids.award}/void`, { reason: '越权' }),
    client.patch(`/api/households/rules/${ids.rule}`, { points: 99 }),
    client.get(`/api/households/rules?orgId=${station.id}`),
    client.post('/api/households/rules', { orgId: station.id, name: '越权', points: 1 }),
    client.get(`/api/households/settings?orgId=${station.id}`),
    client.patch(`/api/households/settings?orgId=${station.id}`, { boardMode: 'full' }),
    client.get(`/api/households?orgId=${station.id}`),
    client.get(`/api/households/awards?orgId=${station.id}`),
    client.post('/api/households', { orgId: station.id, householdNo: '8-99', headName: '越权' }),
  ];
}

describe("another town's station admin", () => {
  it('gets 404 on every household object of demo-station and changes nothing', async () => {
    const before = await digest();
    for (const res of await Promise.all(consoleCalls(otherTown))) expect(res.statusCode, res.body).toBe(404);
    const body = multipartBody('x.png', 'image/png', TINY_PNG);
    const s = await login(t.app, 'demo-station2');
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/households/awards/${ids.award}/photo`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(404);
    const counter = await otherTown.post('/api/store/redemptions/household', {
      itemId: ids.item,
      householdNo: ids.householdNo,
    });
    expect(counter.statusCode).toBe(404);
    // their own lists hold nothing of demo-station's
    const list = (await otherTown.get('/api/households')).json();
    expect(list.items.some((h: { id: number }) => h.id === ids.household)).toBe(false);
    const awards = (await otherTown.get('/api/households/awards')).json();
    expect(awards.items.some((a: { id: number }) => a.id === ids.award)).toBe(false);
    expect(await digest()).toEqual(before);
  });
});

describe('a station', () => {
  it("cannot change the county's default rules", async () => {
    const before = await digest();
    const res = await admin.patch(`/api/households/rules/${ids.countyRule}`, { points: 999 });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('上级单位');
    expect(await digest()).toEqual(before);
  });
});

describe('roles without the permissions', () => {
  it('get 403 on every console route (volunteer, resident, team leader, auditor)', async () => {
    await createUser(t.ctx.db.system, 'hh-leader', 'team_leader', station.id);
    const before = await digest();
    for (const username of ['demo-volunteer', 'demo-resident', 'hh-leader', 'demo-audit', 'demo-security']) {
      const client = as(t.app, await login(t.app, username));
      const answers = await Promise.all([
        ...consoleCalls(client),
        client.post('/api/store/redemptions/household', { itemId: ids.item, householdNo: ids.householdNo }),
      ]);
      for (const res of answers) expect(res.statusCode, `${username} ${res.body}`).toBe(403);
    }
    expect(await digest()).toEqual(before);
  });

  it('the staff and volunteers get 403 on the resident’s household page', async () => {
    for (const username of ['demo-station', 'demo-volunteer']) {
      const client = as(t.app, await login(t.app, username));
      expect((await client.get('/api/me/household')).statusCode).toBe(403);
    }
  });
});

describe('residents', () => {
  it('see only the household linked to their own account', async () => {
    const linked = as(t.app, await login(t.app, 'demo-resident'));
    const mine = (await linked.get('/api/me/household')).json();
    expect(mine.household.householdNo).not.toBe(ids.householdNo);
    await createUser(t.ctx.db.system, 'hh-resident', 'resident', station.id);
    const other = as(t.app, await login(t.app, 'hh-resident'));
    const none = await other.get('/api/me/household');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ household: null });
  });
});
