// Authorization of every store route (爱心超市): another town's keeper gets 404 and changes nothing,
// a volunteer can neither see nor cancel another volunteer's redemption nor redeem at a store above
// another village, a role without the permission gets 403, and no session gets 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import {
  createUser,
  multipartBody,
  orgOfUser,
  tableDigest,
  TINY_PNG,
  type OrgRef,
} from '../support/org-factories.ts';
import {
  grantPoints,
  makeItem,
  signedInVolunteers,
  type SignedInVolunteer,
} from '../support/store-factories.ts';

let t: TestContext;
let station: OrgRef;
let otherStation: OrgRef;
let admin: Session;
let otherTown: ReturnType<typeof as>;
let holder: SignedInVolunteer; // a volunteer of demo-station's village with a redemption
let neighbour: SignedInVolunteer; // another volunteer of the same village
let stranger: SignedInVolunteer; // a volunteer of the other town
let item: { id: number };
let redemption: { id: number; pickupCode: string };

const TABLES = ['store_items', 'store_redemptions', 'point_entries', 'point_balances'];
async function digest() {
  return Promise.all(TABLES.map((name) => tableDigest(t.ctx.db.system, name)));
}

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  admin = await login(t.app, 'demo-station');
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  [holder, neighbour] = (await signedInVolunteers(t, station, 2)) as [SignedInVolunteer, SignedInVolunteer];
  stranger = (await signedInVolunteers(t, otherStation, 1))[0]!;
  for (const v of [holder, neighbour, stranger]) await grantPoints(t, v.id, 100, v.orgPath);
  item = await makeItem(t, admin, { price: 10, stock: 5 });
  const body = multipartBody('米.png', 'image/png', TINY_PNG);
  const photo = await t.app.inject({
    method: 'POST',
    url: `/api/store/items/${item.id}/photo`,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
  expect(photo.statusCode, photo.body).toBe(200);
  const res = await as(t.app, holder.session).post('/api/me/store/redemptions', { itemId: item.id });
  expect(res.statusCode, res.body).toBe(200);
  redemption = res.json();
}, 120_000);
afterAll(async () => t?.close());

describe("another town's keeper", () => {
  it('gets 404 on every item and redemption of demo-station and changes nothing', async () => {
    const before = await digest();
    const body = multipartBody('x.png', 'image/png', TINY_PNG);
    const answers = await Promise.all([
      otherTown.get(`/api/store/items/${item.id}`),
      otherTown.patch(`/api/store/items/${item.id}`, { price: 1 }),
      otherTown.get(`/api/store/items/${item.id}/photo`),
      otherTown.get(`/api/store/items?orgId=${station.id}`),
      otherTown.get(`/api/store/redemptions?orgId=${station.id}`),
      otherTown.post(`/api/store/redemptions/${redemption.id}/handover`),
      otherTown.post(`/api/store/redemptions/${redemption.id}/cancel`, { reason: '越权' }),
      otherTown.get(`/api/store/redemptions/lookup?code=${redemption.pickupCode}&orgId=${station.id}`),
      otherTown.post('/api/store/items', {
        orgId: station.id,
        kind: 'goods',
        name: '越权',
        price: 1,
        stock: 1,
      }),
    ]);
    for (const res of answers) expect(res.statusCode, res.body).toBe(404);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/store/items/${item.id}/photo`,
      headers: { ...(await sessionHeaders('demo-station2')), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(404);
    // the code alone, in their own scope, finds nothing either
    expect(
      (await otherTown.get(`/api/store/redemptions/lookup?code=${redemption.pickupCode}`)).statusCode,
    ).toBe(404);
    // their lists do not show demo-station's items and redemptions
    const items = (await otherTown.get('/api/store/items')).json();
    expect(items.items.some((i: { id: number }) => i.id === item.id)).toBe(false);
    const list = (await otherTown.get('/api/store/redemptions')).json();
    expect(list.items.some((r: { id: number }) => r.id === redemption.id)).toBe(false);
    expect(await digest()).toEqual(before);
  });
});

async function sessionHeaders(username: string) {
  const s = await login(t.app, username);
  return { cookie: s.cookie, 'x-csrf-token': s.csrf };
}

describe('volunteers', () => {
  it("cannot see or cancel another volunteer's redemption", async () => {
    const before = await digest();
    const other = as(t.app, neighbour.session);
    expect((await other.get(`/api/me/store/redemptions/${redemption.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/me/store/redemptions/${redemption.id}/cancel`, {})).statusCode).toBe(404);
    const theirs = (await other.get('/api/me/store/redemptions')).json();
    expect(theirs.items.some((r: { id: number }) => r.id === redemption.id)).toBe(false);
    expect(await digest()).toEqual(before);
  });

  it("cannot redeem at, or see the items and photos of, another village's store", async () => {
    const before = await digest();
    const far = as(t.app, stranger.session);
    expect((await far.post('/api/me/store/redemptions', { itemId: item.id })).statusCode).toBe(404);
    expect((await far.get(`/api/store/items/${item.id}/photo`)).statusCode).toBe(404);
    const shop = (await far.get('/api/me/store')).json();
    expect(shop.items.some((i: { id: number }) => i.id === item.id)).toBe(false);
    expect(await digest()).toEqual(before);
  });

  it("get 403 on the keeper's and the manager's routes", async () => {
    const v = as(t.app, holder.session);
    const answers = await Promise.all([
      v.get('/api/store/items'),
      v.get(`/api/store/items/${item.id}`),
      v.post('/api/store/items', { kind: 'goods', name: '自建', price: 1, stock: 1 }),
      v.patch(`/api/store/items/${item.id}`, { price: 1 }),
      v.get('/api/store/redemptions'),
      v.get(`/api/store/redemptions/lookup?code=${redemption.pickupCode}`),
      v.post(`/api/store/redemptions/${redemption.id}/handover`),
      v.post(`/api/store/redemptions/${redemption.id}/cancel`, { reason: '自己核销' }),
    ]);
    for (const res of answers) expect(res.statusCode, res.body).toBe(403);
  });
});

describe('a resident linked to a household', () => {
  it("cannot see or cancel a volunteer's redemption, nor redeem at or see another village's store", async () => {
    const resident = as(t.app, await login(t.app, 'demo-resident'));
    const farItem = await makeItem(t, await login(t.app, 'demo-station2'), { price: 1, stock: 3 });
    const before = await digest();
    expect((await resident.get(`/api/me/household/store/redemptions/${redemption.id}`)).statusCode).toBe(404);
    expect(
      (await resident.post(`/api/me/household/store/redemptions/${redemption.id}/cancel`, {})).statusCode,
    ).toBe(404);
    const mine = (await resident.get('/api/me/household/store/redemptions')).json();
    expect(mine.items.some((r: { id: number }) => r.id === redemption.id)).toBe(false);
    expect(
      (await resident.post('/api/me/household/store/redemptions', { itemId: farItem.id })).statusCode,
    ).toBe(404);
    expect((await resident.get(`/api/store/items/${farItem.id}/photo`)).statusCode).toBe(404);
    const shop = (await resident.get('/api/me/household/store')).json();
    expect(shop.items.some((i: { id: number }) => i.id === farItem.id)).toBe(false);
    expect(shop.items.some((i: { id: number }) => i.id === item.id)).toBe(true);
    // the item photo of their own station's store
    expect((await resident.get(`/api/store/items/${item.id}/photo`)).statusCode).toBe(200);
    expect(await digest()).toEqual(before);
  });

  it("gets 403 on the volunteer's, the keeper's and the manager's store routes", async () => {
    const resident = as(t.app, await login(t.app, 'demo-resident'));
    const answers = await Promise.all([
      resident.get('/api/me/store'),
      resident.post('/api/me/store/redemptions', { itemId: item.id }),
      resident.get('/api/me/store/redemptions'),
      resident.post(`/api/me/store/redemptions/${redemption.id}/cancel`, {}),
      resident.get('/api/store/items'),
      resident.get('/api/store/redemptions'),
      resident.post(`/api/store/redemptions/${redemption.id}/handover`),
      resident.post('/api/store/redemptions/household', { itemId: item.id, householdNo: '1-01' }),
    ]);
    for (const res of answers) expect(res.statusCode, res.body).toBe(403);
  });
});

describe('permissions', () => {
  it('a role without store.manage / store.handover / volunteer.self gets 403', async () => {
    await createUser(t.ctx.db.system, 'store-leader', 'team_leader', station.id);
    const leader = as(t.app, await login(t.app, 'store-leader'));
    const auditor = as(t.app, await login(t.app, 'demo-audit'));
    const staff = as(t.app, admin);
    for (const c of [leader, auditor]) {
      expect((await c.get('/api/store/items')).statusCode).toBe(403);
      expect((await c.get('/api/store/redemptions')).statusCode).toBe(403);
      expect((await c.post(`/api/store/redemptions/${redemption.id}/handover`)).statusCode).toBe(403);
      expect((await c.get('/api/me/store')).statusCode).toBe(403);
    }
    // staff and volunteers are not residents of a household
    for (const c of [leader, auditor, staff, as(t.app, holder.session)]) {
      expect((await c.get('/api/me/household/store')).statusCode).toBe(403);
      expect((await c.post('/api/me/household/store/redemptions', { itemId: item.id })).statusCode).toBe(403);
    }
    // staff are not holders
    expect((await staff.get('/api/me/store')).statusCode).toBe(403);
    expect((await staff.post('/api/me/store/redemptions', { itemId: item.id })).statusCode).toBe(403);
  });

  it('every store route answers 401 without a session', async () => {
    const routes: Array<['GET' | 'POST' | 'PATCH', string]> = [
      ['GET', '/api/store/items'],
      ['POST', '/api/store/items'],
      ['GET', `/api/store/items/${item.id}`],
      ['PATCH', `/api/store/items/${item.id}`],
      ['POST', `/api/store/items/${item.id}/photo`],
      ['GET', `/api/store/items/${item.id}/photo`],
      ['GET', '/api/store/redemptions'],
      ['GET', `/api/store/redemptions/lookup?code=${redemption.pickupCode}`],
      ['POST', `/api/store/redemptions/${redemption.id}/handover`],
      ['POST', `/api/store/redemptions/${redemption.id}/cancel`],
      ['GET', '/api/me/store'],
      ['POST', '/api/me/store/redemptions'],
      ['GET', '/api/me/store/redemptions'],
      ['GET', `/api/me/store/redemptions/${redemption.id}`],
      ['POST', `/api/me/store/redemptions/${redemption.id}/cancel`],
      ['GET', '/api/me/household/store'],
      ['POST', '/api/me/household/store/redemptions'],
      ['GET', '/api/me/household/store/redemptions'],
      ['GET', `/api/me/household/store/redemptions/${redemption.id}`],
      ['POST', `/api/me/household/store/redemptions/${redemption.id}/cancel`],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});
