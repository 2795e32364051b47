// A resident linked to a household redeems at their station's store on H5 (issue 14): the store
// with the household's balance, a redemption with pick-up code and QR, the per-holder limit, short
// of points is a 409 that changes nothing, cancelling gives points and stock back once, another
// household's redemption is a 404, and an account linked to no household is refused in Chinese.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { ledgerMismatches, makeItem, stockOf } from '../support/store-factories.ts';

let t: TestContext;
let station: OrgRef;
let admin: Session;

const TABLES = ['store_items', 'store_redemptions', 'point_entries', 'point_balances'];
const digest = () => Promise.all(TABLES.map((name) => tableDigest(t.ctx.db.system, name)));

/** A household of demo-station linked to a new resident account, given `points`. */
async function linkedResident(points: number) {
  const username = `hr-${crypto.randomBytes(4).toString('hex')}`;
  const userId = await createUser(t.ctx.db.system, username, 'resident', station.id);
  const res = await as(t.app, admin).post('/api/households', {
    householdNo: `8-${Math.floor(Math.random() * 1e6)}`,
    headName: '王大户',
  });
  expect(res.statusCode, res.body).toBe(200);
  const h = res.json() as { id: number };
  await t.ctx.db.system
    .updateTable('households')
    .set({ resident_user_id: userId })
    .where('id', '=', h.id)
    .execute();
  await sql`SELECT post_points('household', ${h.id}::bigint, NULL::ltree, ${station.path}::ltree, 'adjust', 'manual',
      ${points}::int, NULL::bigint, NULL::int, 'test', NULL::bigint, NULL::bigint,
      ${`test-grant:${crypto.randomUUID()}`}, '测试发放', now(), NULL::bigint)`.execute(t.ctx.db.system);
  return { householdId: h.id, client: as(t.app, await login(t.app, username)) };
}

async function balanceOf(householdId: number) {
  const row = await t.ctx.db.system
    .selectFrom('point_balances')
    .select('balance')
    .where('holder_type', '=', 'household')
    .where('holder_id', '=', householdId)
    .executeTakeFirst();
  return row?.balance ?? 0;
}

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  admin = await login(t.app, 'demo-station');
}, 180_000);
afterAll(async () => t?.close());

describe('a linked resident at the store', () => {
  it('sees the store with the balance, redeems with a pick-up code, and cancels (points and stock back once)', async () => {
    const { householdId, client } = await linkedResident(30);
    const item = await makeItem(t, admin, { price: 12, stock: 4 });
    const shop = await client.get('/api/me/household/store');
    expect(shop.statusCode, shop.body).toBe(200);
    expect(shop.json().balance).toBe(30);
    const listed = shop.json().items.find((i: { id: number }) => i.id === item.id);
    expect(listed).toMatchObject({ price: 12, blocked: null });

    const res = await client.post('/api/me/household/store/redemptions', { itemId: item.id });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.status).toBe('pending');
    expect(r.pickupCode).toMatch(/^\d{6}$/);
    expect(r.pickupQr).toContain(r.pickupCode);
    expect(await balanceOf(householdId)).toBe(18);
    expect(await stockOf(t, item.id)).toBe(3);
    // the keeper sees it as the household's
    const keeper = (await as(t.app, admin).get(`/api/store/redemptions?orgId=${station.id}`)).json();
    expect(keeper.items.find((k: { id: number }) => k.id === r.id)).toMatchObject({
      holderType: 'household',
    });

    const list = (await client.get('/api/me/household/store/redemptions')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(r.id);
    expect((await client.get(`/api/me/household/store/redemptions/${r.id}`)).json().pickupCode).toBe(
      r.pickupCode,
    );

    const cancel = await client.post(`/api/me/household/store/redemptions/${r.id}/cancel`, {});
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toMatchObject({ status: 'cancelled', pickupCode: null });
    expect(await balanceOf(householdId)).toBe(30);
    expect(await stockOf(t, item.id)).toBe(4);
    const again = await client.post(`/api/me/household/store/redemptions/${r.id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已取消');
    expect(await balanceOf(householdId)).toBe(30);
    expect(await stockOf(t, item.id)).toBe(4);
    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select('action')
      .where('resource_type', '=', 'store_redemption')
      .where('resource_id', '=', String(r.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('store.redemption.cancel');
    expect(await ledgerMismatches(t)).toEqual([]);
  });

  it('keeps the per-household limit and refuses a balance short of the price with a 409 that changes nothing', async () => {
    const { client } = await linkedResident(25);
    const limited = await makeItem(t, admin, { price: 5, stock: 10, limitCount: 1, limitPeriod: 'month' });
    expect(
      (await client.post('/api/me/household/store/redemptions', { itemId: limited.id })).statusCode,
    ).toBe(200);
    let before = await digest();
    const second = await client.post('/api/me/household/store/redemptions', { itemId: limited.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain('限兑');
    expect(await digest()).toEqual(before);
    const shop = (await client.get('/api/me/household/store')).json();
    expect(shop.items.find((i: { id: number }) => i.id === limited.id).blocked).toContain('限兑');

    const dear = await makeItem(t, admin, { price: 50, stock: 2 });
    before = await digest();
    const short = await client.post('/api/me/household/store/redemptions', { itemId: dear.id });
    expect(short.statusCode).toBe(409);
    expect(short.json().message).toContain('积分');
    expect(await digest()).toEqual(before);
  });

  it("answers 404 for another household's redemption and changes nothing", async () => {
    const owner = await linkedResident(20);
    const other = await linkedResident(20);
    const item = await makeItem(t, admin, { price: 3, stock: 5 });
    const r = (await owner.client.post('/api/me/household/store/redemptions', { itemId: item.id })).json();
    const before = await digest();
    expect((await other.client.get(`/api/me/household/store/redemptions/${r.id}`)).statusCode).toBe(404);
    expect(
      (await other.client.post(`/api/me/household/store/redemptions/${r.id}/cancel`, {})).statusCode,
    ).toBe(404);
    const theirs = (await other.client.get('/api/me/household/store/redemptions')).json();
    expect(theirs.items.some((x: { id: number }) => x.id === r.id)).toBe(false);
    expect(await digest()).toEqual(before);
  });

  it('refuses a resident whose account is linked to no household, in Chinese', async () => {
    await createUser(t.ctx.db.system, 'hr-unlinked', 'resident', station.id);
    const client = as(t.app, await login(t.app, 'hr-unlinked'));
    const item = await makeItem(t, admin, { price: 1, stock: 1 });
    const before = await digest();
    for (const res of [
      await client.get('/api/me/household/store'),
      await client.post('/api/me/household/store/redemptions', { itemId: item.id }),
      await client.get('/api/me/household/store/redemptions'),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('还没有关联到户');
    }
    expect(await digest()).toEqual(before);
  });
});
