// The store (爱心超市): items and their bad input, redemption (balance, stock, the per-person limit),
// the keeper's hand-over by pick-up code and its duplicate, cancelling by the holder and by the
// keeper, the expiry job — each giving points and stock back — and 200 simultaneous redemptions of
// an item with stock 10.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeExpiryJob } from '../../src/modules/store/index.ts';
import { runJobOnce } from '../../src/platform/jobs/scheduler.ts';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import { multipartBody, orgOfUser, tableDigest, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import {
  balanceOf,
  grantPoints,
  ledgerMismatches,
  makeItem,
  signedInVolunteers,
  stockOf,
  type SignedInVolunteer,
} from '../support/store-factories.ts';

let t: TestContext;
let station: OrgRef; // 东风社区
let center: OrgRef;
let admin: Session; // demo-station: store.manage and store.handover
let keeper: ReturnType<typeof as>;
let vols: SignedInVolunteer[];

const CHINESE = /[\u4e00-\u9fa5]/;
const DAY = 24 * 3600 * 1000;

function expect4xx(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
  return body;
}

/** Whether an audit entry of `action` names the object `id`. */
async function audited(action: string, id: number): Promise<boolean> {
  const row = await t.ctx.db.system
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .where('resource_id', '=', String(id))
    .executeTakeFirst();
  return row !== undefined;
}

const vol = (i: number) => as(t.app, vols[i]!.session);

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  center = await orgOfUser(t.ctx.db.system, 'demo-center');
  admin = await login(t.app, 'demo-station');
  keeper = as(t.app, admin);
  vols = await signedInVolunteers(t, station, 6);
  for (const v of vols) await grantPoints(t, v.id, 100, station.path);
}, 120_000);
afterAll(async () => t?.close());

describe('the demo seed', () => {
  it('has a stocked store at 东风社区 with redemptions in every state, spent from a consistent ledger', async () => {
    const db = t.ctx.db.system;
    const items = await db
      .selectFrom('store_items')
      .select(['name', 'stock', 'on_shelf'])
      .where('org_id', '=', station.id)
      .execute();
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.some((i) => i.stock === null)).toBe(true);
    const states = await db
      .selectFrom('store_redemptions')
      .select(['status'])
      .where('org_id', '=', station.id)
      .where('created_at', '<', t.ctx.now())
      .execute();
    expect(new Set(states.map((s) => s.status))).toEqual(
      new Set(['pending', 'handed_over', 'cancelled', 'expired']),
    );
    const demo = await db
      .selectFrom('store_redemptions as r')
      .innerJoin('volunteers as v', 'v.id', 'r.volunteer_id')
      .innerJoin('users as u', 'u.id', 'v.user_id')
      .select('r.status')
      .where('u.username', '=', 'demo-volunteer')
      .execute();
    expect(demo.some((r) => r.status === 'pending')).toBe(true);
    expect(await ledgerMismatches(t)).toEqual([]);
  });
});

describe('items', () => {
  it('refuses negative or fractional prices, negative stock and goods without stock, changing nothing', async () => {
    const before = await tableDigest(t.ctx.db.system, 'store_items');
    const base = { kind: 'goods', name: '洗衣液', price: 10, stock: 5 };
    expect4xx(await keeper.post('/api/store/items', { ...base, price: -5 }), 400);
    expect4xx(await keeper.post('/api/store/items', { ...base, price: 0 }), 400);
    expect(expect4xx(await keeper.post('/api/store/items', { ...base, price: 2.5 }), 400).message).toContain(
      '小数',
    );
    expect4xx(await keeper.post('/api/store/items', { ...base, stock: -1 }), 400);
    expect4xx(await keeper.post('/api/store/items', { ...base, stock: 1.5 }), 400);
    expect4xx(await keeper.post('/api/store/items', { ...base, stock: null }), 400);
    expect4xx(await keeper.post('/api/store/items', { ...base, limitCount: 2 }), 400);
    expect(await tableDigest(t.ctx.db.system, 'store_items')).toBe(before);
  });

  it('creates, changes the price (audited) and refuses a bad patch', async () => {
    const item = await makeItem(t, admin, { name: '大米 5 斤', price: 50, stock: 3 });
    const patched = await keeper.patch(`/api/store/items/${item.id}`, { price: 60 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ price: 60, stock: 3, onShelf: true });
    expect(await audited('store.item.price', item.id)).toBe(true);
    const before = await tableDigest(t.ctx.db.system, 'store_items');
    expect4xx(await keeper.patch(`/api/store/items/${item.id}`, { price: -1 }), 400);
    expect4xx(await keeper.patch(`/api/store/items/${item.id}`, { stock: -3 }), 400);
    expect4xx(await keeper.patch(`/api/store/items/${item.id}`, { stock: null }), 400);
    expect(await tableDigest(t.ctx.db.system, 'store_items')).toBe(before);
  });

  it("keeps a photo that the item's store and its volunteers can see", async () => {
    const item = await makeItem(t, admin);
    const body = multipartBody('米.png', 'image/png', TINY_PNG);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/store/items/${item.id}/photo`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().photoUrl).toBe(`/api/store/items/${item.id}/photo`);
    expect((await vol(0).get(`/api/store/items/${item.id}/photo`)).statusCode).toBe(200);
    expect((await keeper.get(`/api/store/items/${item.id}/photo`)).statusCode).toBe(200);
  });
});

describe('redeeming', () => {
  it('spends the price, takes one from stock and gives a 6-digit pick-up code under 我的兑换', async () => {
    const item = await makeItem(t, admin, { price: 30, stock: 2 });
    const before = await balanceOf(t, vols[0]!.id);
    const res = await vol(0).post('/api/me/store/redemptions', { itemId: item.id });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ status: 'pending', price: 30, itemId: item.id });
    expect(r.pickupCode).toMatch(/^\d{6}$/);
    expect(r.pickupQr).toBe(`civic-store:${r.id}:${r.pickupCode}`);
    expect(await balanceOf(t, vols[0]!.id)).toBe(before - 30);
    expect(await stockOf(t, item.id)).toBe(1);
    const mine = await vol(0).get('/api/me/store/redemptions');
    expect(mine.json().items[0]).toMatchObject({ id: r.id, pickupCode: r.pickupCode });
    const shop = (await vol(0).get('/api/me/store')).json();
    expect(shop.balance).toBe(before - 30);
    expect(shop.items.find((i: { id: number }) => i.id === item.id)).toMatchObject({ stock: 1 });
  });

  it('refuses a redemption above the balance, changing nothing', async () => {
    // the seeded volunteer has earned points for their hours already: one more than they have
    const balance = await balanceOf(t, vols[1]!.id);
    const item = await makeItem(t, admin, { price: balance + 1, stock: 5 });
    const before = await tableDigest(t.ctx.db.system, 'store_redemptions');
    expect(
      expect4xx(await vol(1).post('/api/me/store/redemptions', { itemId: item.id }), 409).message,
    ).toContain('积分');
    expect(await stockOf(t, item.id)).toBe(5);
    expect(await balanceOf(t, vols[1]!.id)).toBe(balance);
    expect(await tableDigest(t.ctx.db.system, 'store_redemptions')).toBe(before);
  });

  it('holds the per-person limit per period; a cancelled redemption does not count', async () => {
    const item = await makeItem(t, admin, { price: 1, stock: 20, limitCount: 2, limitPeriod: 'month' });
    const first = await vol(2).post('/api/me/store/redemptions', { itemId: item.id });
    expect(first.statusCode, first.body).toBe(200);
    expect((await vol(2).post('/api/me/store/redemptions', { itemId: item.id })).statusCode).toBe(200);
    expect4xx(await vol(2).post('/api/me/store/redemptions', { itemId: item.id }), 409, 'LIMIT_REACHED');
    expect((await vol(2).post(`/api/me/store/redemptions/${first.json().id}/cancel`, {})).statusCode).toBe(
      200,
    );
    expect((await vol(2).post('/api/me/store/redemptions', { itemId: item.id })).statusCode).toBe(200);
    // another volunteer has their own limit
    expect((await vol(3).post('/api/me/store/redemptions', { itemId: item.id })).statusCode).toBe(200);
    // four redeemed, one of them cancelled
    expect(await stockOf(t, item.id)).toBe(20 - 3);
  });

  it('refuses an item out of stock, off the shelf or outside its window', async () => {
    const item = await makeItem(t, admin, { price: 1, stock: 0 });
    expect4xx(await vol(3).post('/api/me/store/redemptions', { itemId: item.id }), 409, 'ITEM_UNAVAILABLE');
    const off = await makeItem(t, admin, { price: 1, stock: 3, onShelf: false });
    expect4xx(await vol(3).post('/api/me/store/redemptions', { itemId: off.id }), 409);
    const shop = (await vol(3).get('/api/me/store')).json();
    expect(shop.items.some((i: { id: number }) => i.id === off.id)).toBe(false);
    const later = await makeItem(t, admin, { price: 1, stock: 3 });
    await keeper.patch(`/api/store/items/${later.id}`, {
      availableFrom: new Date(Date.now() + 5 * DAY).toISOString(),
    });
    expect(
      expect4xx(await vol(3).post('/api/me/store/redemptions', { itemId: later.id }), 409).message,
    ).toContain('尚未开始');
    expect(await stockOf(t, later.id)).toBe(3);
  });
});

describe('pick-up, cancelling and expiry', () => {
  it('hands over by code once; a duplicate pick-up is a 409 in Chinese', async () => {
    const item = await makeItem(t, admin, { price: 5, stock: 3 });
    const r = (await vol(4).post('/api/me/store/redemptions', { itemId: item.id })).json();
    const found = await keeper.get(`/api/store/redemptions/lookup?code=${r.pickupCode}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ id: r.id, holderName: vols[4]!.name, status: 'pending' });
    // a scanned QR finds it too
    const scanned = await keeper.get(`/api/store/redemptions/lookup?code=${encodeURIComponent(r.pickupQr)}`);
    expect(scanned.json().id).toBe(r.id);
    const done = await keeper.post(`/api/store/redemptions/${r.id}/handover`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('handed_over');
    const before = await tableDigest(t.ctx.db.system, 'store_redemptions');
    expect(expect4xx(await keeper.post(`/api/store/redemptions/${r.id}/handover`), 409).message).toContain(
      '不能重复领取',
    );
    expect4xx(
      await keeper.get(`/api/store/redemptions/lookup?code=${r.pickupCode}`),
      409,
      'ALREADY_HANDED_OVER',
    );
    expect(await tableDigest(t.ctx.db.system, 'store_redemptions')).toBe(before);
    // handed over: the holder can no longer cancel it, and the code is gone from their view
    expect4xx(await vol(4).post(`/api/me/store/redemptions/${r.id}/cancel`, {}), 409);
    expect((await vol(4).get(`/api/me/store/redemptions/${r.id}`)).json().pickupCode).toBeNull();
    expect(await audited('store.handover', r.id)).toBe(true);
    expect4xx(await keeper.get('/api/store/redemptions/lookup?code=12ab'), 400);
  });

  it('two keepers handing over the same redemption at once: one succeeds, one gets 409', async () => {
    const item = await makeItem(t, admin, { price: 1, stock: 3 });
    const r = (await vol(4).post('/api/me/store/redemptions', { itemId: item.id })).json();
    const other = as(t.app, await login(t.app, 'demo-institute'));
    const results = await Promise.all([
      keeper.post(`/api/store/redemptions/${r.id}/handover`),
      other.post(`/api/store/redemptions/${r.id}/handover`),
    ]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 409]);
  });

  it('the holder cancels before pick-up: points and stock come back, once', async () => {
    const item = await makeItem(t, admin, { price: 20, stock: 1 });
    const balance = await balanceOf(t, vols[5]!.id);
    const r = (await vol(5).post('/api/me/store/redemptions', { itemId: item.id })).json();
    expect(await stockOf(t, item.id)).toBe(0);
    const res = await vol(5).post(`/api/me/store/redemptions/${r.id}/cancel`, { reason: '不需要了' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect(await balanceOf(t, vols[5]!.id)).toBe(balance);
    expect(await stockOf(t, item.id)).toBe(1);
    expect4xx(await vol(5).post(`/api/me/store/redemptions/${r.id}/cancel`, {}), 409);
    expect(await balanceOf(t, vols[5]!.id)).toBe(balance);
    expect(await stockOf(t, item.id)).toBe(1);
  });

  it('the keeper cancels with a reason (required): points and stock come back, audited', async () => {
    const item = await makeItem(t, admin, { price: 15, stock: 2 });
    const balance = await balanceOf(t, vols[1]!.id);
    const r = (await vol(1).post('/api/me/store/redemptions', { itemId: item.id })).json();
    expect4xx(await keeper.post(`/api/store/redemptions/${r.id}/cancel`, { reason: '' }), 400);
    const res = await keeper.post(`/api/store/redemptions/${r.id}/cancel`, { reason: '物品损坏' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '物品损坏' });
    expect(await balanceOf(t, vols[1]!.id)).toBe(balance);
    expect(await stockOf(t, item.id)).toBe(2);
    expect4xx(await keeper.post(`/api/store/redemptions/${r.id}/handover`), 409);
    expect(await audited('store.redemption.cancel', r.id)).toBe(true);
  });

  it("expires unclaimed redemptions after the item's pick-up days, giving points and stock back", async () => {
    const item = await makeItem(t, admin, { price: 7, stock: 4, pickupDays: 3 });
    const balance = await balanceOf(t, vols[0]!.id);
    const r = (await vol(0).post('/api/me/store/redemptions', { itemId: item.id })).json();
    expect(Date.parse(r.expiresAt) - Date.parse(r.createdAt)).toBe(3 * DAY);
    expect(await runJobOnce(t.ctx, storeExpiryJob)).toMatchObject({ expired: 0 });
    t.setNow(new Date(Date.parse(r.expiresAt) + 1000));
    try {
      const result = await runJobOnce(t.ctx, storeExpiryJob);
      expect(result?.expired).toBeGreaterThanOrEqual(1);
      expect(await runJobOnce(t.ctx, storeExpiryJob)).toMatchObject({ expired: 0 });
    } finally {
      t.setNow(null);
    }
    const row = await t.ctx.db.system
      .selectFrom('store_redemptions')
      .select(['status', 'stock_returned'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'expired', stock_returned: true });
    expect(await balanceOf(t, vols[0]!.id)).toBe(balance);
    expect(await stockOf(t, item.id)).toBe(4);
    expect4xx(await keeper.post(`/api/store/redemptions/${r.id}/handover`), 409);
    expect(await ledgerMismatches(t)).toEqual([]);
  });
});

describe('200 simultaneous redemptions', () => {
  it('of an item with stock 10: exactly 10 succeed, stock and balances never negative, the ledger consistent', async () => {
    const centerAdmin = await login(t.app, 'demo-center');
    const racers = await signedInVolunteers(t, center, 200);
    for (const v of racers) await grantPoints(t, v.id, 50, v.orgPath);
    const item = await makeItem(t, centerAdmin, { price: 10, stock: 10, name: '爱心礼包' });
    // one volunteer races their own balance: 25 points, 12 requests for an unlimited 10-point service
    const racer = racers[0]!;
    const service = await makeItem(t, centerAdmin, {
      kind: 'service',
      stock: null,
      price: 10,
      name: '优先服务',
    });
    await grantPoints(t, racer.id, 25 - (await balanceOf(t, racer.id)), racer.orgPath);
    expect(await balanceOf(t, racer.id)).toBe(25);

    const results = await Promise.all([
      ...racers.map((v) => as(t.app, v.session).post('/api/me/store/redemptions', { itemId: item.id })),
      ...Array.from({ length: 12 }, () =>
        as(t.app, racer.session).post('/api/me/store/redemptions', { itemId: service.id }),
      ),
    ]);
    const onItem = results.slice(0, 200);
    const onService = results.slice(200);
    expect(onItem.filter((r) => r.statusCode === 200)).toHaveLength(10);
    // the racer may have lost the item to the others or to their own balance: either way a 409
    for (const r of [...onItem, ...onService]) expect([200, 409]).toContain(r.statusCode);
    expect(await stockOf(t, item.id)).toBe(0);
    const sold = await t.ctx.db.system
      .selectFrom('store_redemptions')
      .select(['volunteer_id'])
      .where('item_id', '=', item.id)
      .execute();
    expect(sold).toHaveLength(10);
    expect(new Set(sold.map((s) => s.volunteer_id)).size).toBe(10);
    // the racer's own balance: 25 points buy at most two, never below 0
    const racerWins =
      onService.filter((r) => r.statusCode === 200).length +
      (sold.some((s) => s.volunteer_id === racer.id) ? 1 : 0);
    const racerBalance = await balanceOf(t, racer.id);
    expect(racerBalance).toBeGreaterThanOrEqual(0);
    expect(racerBalance).toBe(25 - 10 * racerWins);
    expect(racerWins).toBe(2);
    for (const r of onService.filter((x) => x.statusCode === 409)) expect(r.json().message).toMatch(CHINESE);
    const { rows } = await t.ctx.db.system
      .selectFrom('point_balances')
      .select((eb) => eb.fn.min('balance').as('min'))
      .executeTakeFirstOrThrow()
      .then((x) => ({ rows: [x] }));
    expect(Number(rows[0]!.min)).toBeGreaterThanOrEqual(0);
    expect(await ledgerMismatches(t)).toEqual([]);
  }, 240_000);
});
