// Residents' civic points (群众文明积分): the register (duplicates, masking, the audited reveal),
// awards (below the threshold they post at once; above it a second, different person confirms;
// rejected awards never post; voiding writes a reversing entry), another village's household
// refused, the public board's three privacy modes, the resident's own view, and redemption at the
// store's counter for a household.
import { sql } from 'kysely';
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
import { phoneIndex } from '../../src/platform/personal-data.ts';

let t: TestContext;
let station: OrgRef;
let otherStation: OrgRef;
let admin: ReturnType<typeof as>;
let second: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
let small: { id: number; points: number };
let big: { id: number; points: number };

const TABLES = [
  'households',
  'household_awards',
  'household_rules',
  'household_settings',
  'point_entries',
  'point_balances',
];
const digest = () => Promise.all(TABLES.map((name) => tableDigest(t.ctx.db.system, name)));

async function household(client: ReturnType<typeof as>, fields: Record<string, unknown> = {}) {
  const res = await client.post('/api/households', {
    householdNo: `9-${Math.floor(Math.random() * 1e6)}`,
    headName: '张三明',
    members: [{ name: '李四', relation: '配偶' }],
    phone: '13812345678',
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; householdNo: string; orgId: number };
}

async function balance(id: number) {
  const row = await t.ctx.db.system
    .selectFrom('point_balances')
    .select(['balance', 'lifetime'])
    .where('holder_type', '=', 'household')
    .where('holder_id', '=', id)
    .executeTakeFirst();
  return { balance: row?.balance ?? 0, lifetime: row?.lifetime ?? 0 };
}

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  admin = as(t.app, await login(t.app, 'demo-station'));
  await createUser(t.ctx.db.system, 'hh-second', 'station_admin', station.id);
  second = as(t.app, await login(t.app, 'hh-second'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  const made = async (points: number) => {
    const res = await admin.post('/api/households/rules', { name: `测试项${points}`, points });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; points: number };
  };
  small = await made(5);
  big = await made(30);
}, 180_000);
afterAll(async () => t?.close());

describe('the register', () => {
  it('registers a household, masks its phone in lists, refuses a duplicate number and bad input in Chinese', async () => {
    const h = await household(admin, { householdNo: '1-01x' });
    const list = (await admin.get(`/api/households?keyword=1-01x`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].phone).toBe('138****5678');
    expect(JSON.stringify(list)).not.toContain('13812345678');
    const before = await digest();
    const dup = await admin.post('/api/households', { householdNo: '1-01x', headName: '王五' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('已登记');
    for (const bad of [
      { householdNo: '一户', headName: '王五' },
      { householdNo: '1-02', headName: '' },
      { householdNo: '1-03', headName: '王五', phone: '12345' },
      { householdNo: '1-04', headName: '王五', members: [{ name: '', relation: '子' }] },
    ]) {
      const res = await admin.post('/api/households', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await digest()).toEqual(before);
    // the phone is sealed at rest
    const row = await t.ctx.db.system
      .selectFrom('households')
      .select('phone_enc')
      .where('id', '=', h.id)
      .executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13812345678');
    // edit: members and phone
    const patched = await admin.patch(`/api/households/${h.id}`, { members: [], phone: '13900001111' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().phone).toBe('139****1111');
  });

  it('reveals the full phone to the station, with an audit entry', async () => {
    const h = await household(admin);
    const res = await admin.post(`/api/households/${h.id}/reveal`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().phone).toBe('13812345678');
    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(['action', 'resource_id'])
      .where('action', '=', 'household.reveal')
      .where('resource_id', '=', String(h.id))
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('awards', () => {
  it('posts an award at or below the threshold at once, with its photo', async () => {
    const h = await household(admin);
    const res = await admin.form(
      `/api/households/${h.id}/awards`,
      { ruleId: String(small.id), note: '打扫村道' },
      AWARD_PHOTO,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('posted');
    expect(await balance(h.id)).toEqual({ balance: 5, lifetime: 5 });
    // the award carries its photo from the start; it can be replaced
    expect(res.json().photoUrl).toBe(`/api/households/awards/${res.json().id}/photo`);
    expect((await second.get(res.json().photoUrl)).statusCode).toBe(200);
    const body = multipartBody('凭证.png', 'image/png', TINY_PNG);
    const photo = await t.app.inject({
      method: 'POST',
      url: `/api/households/awards/${res.json().id}/photo`,
      headers: { ...(await headers('demo-station')), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(photo.statusCode, photo.body).toBe(200);
    expect(photo.json().photoUrl).toBe(`/api/households/awards/${res.json().id}/photo`);
    expect((await second.get(photo.json().photoUrl)).statusCode).toBe(200);
  });

  it('refuses an award without an evidence photo (or with a file that is not an image) and changes nothing', async () => {
    const h = await household(admin);
    const before = await digest();
    const uploadsBefore = await tableDigest(t.ctx.db.system, 'uploads');
    const answers = [
      // JSON, as before: no photo
      await admin.post(`/api/households/${h.id}/awards`, { ruleId: small.id }),
      // the form without its file
      await admin.form(`/api/households/${h.id}/awards`, { ruleId: String(small.id), note: '无照片' }),
      // an empty file
      await admin.form(
        `/api/households/${h.id}/awards`,
        { ruleId: String(small.id) },
        {
          fileName: '空.png',
          data: Buffer.alloc(0),
        },
      ),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toContain('积分凭证照片');
    }
    const notImage = await admin.form(
      `/api/households/${h.id}/awards`,
      { ruleId: String(small.id) },
      {
        fileName: '凭证.png',
        data: Buffer.from('not an image at all'),
      },
    );
    expect(notImage.statusCode).toBeGreaterThanOrEqual(400);
    expect(notImage.statusCode).toBeLessThan(500);
    expect(notImage.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const noRule = await admin.form(`/api/households/${h.id}/awards`, { note: '无积分项' }, AWARD_PHOTO);
    expect(noRule.statusCode).toBe(400);
    expect(noRule.json().message).toContain('请选择积分项');
    const badRule = await admin.form(`/api/households/${h.id}/awards`, { ruleId: 'abc' }, AWARD_PHOTO);
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await digest()).toEqual(before);
    expect(await tableDigest(t.ctx.db.system, 'uploads')).toEqual(uploadsBefore);
    expect(await balance(h.id)).toEqual({ balance: 0, lifetime: 0 });
  });

  it('holds an award above the threshold for a second, different person', async () => {
    const h = await household(admin);
    const res = await admin.form(`/api/households/${h.id}/awards`, { ruleId: String(big.id) }, AWARD_PHOTO);
    expect(res.json().status).toBe('pending');
    expect(await balance(h.id)).toEqual({ balance: 0, lifetime: 0 });
    const pending = (await second.get('/api/households/awards?status=pending')).json();
    expect(pending.items.some((a: { id: number }) => a.id === res.json().id)).toBe(true);
    // the recorder cannot confirm their own award
    const self = await admin.post(`/api/households/awards/${res.json().id}/confirm`);
    expect(self.statusCode).toBe(409);
    expect(self.json().message).toContain('另一位');
    expect(await balance(h.id)).toEqual({ balance: 0, lifetime: 0 });
    const ok = await second.post(`/api/households/awards/${res.json().id}/confirm`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('posted');
    expect(await balance(h.id)).toEqual({ balance: 30, lifetime: 30 });
    // a second confirmation changes nothing
    expect((await second.post(`/api/households/awards/${res.json().id}/confirm`)).statusCode).toBe(409);
    expect(await balance(h.id)).toEqual({ balance: 30, lifetime: 30 });
  });

  it('never posts a rejected award', async () => {
    const h = await household(admin);
    const res = await admin.form(`/api/households/${h.id}/awards`, { ruleId: String(big.id) }, AWARD_PHOTO);
    expect((await second.post(`/api/households/awards/${res.json().id}/reject`, {})).statusCode).toBe(400);
    const rejected = await second.post(`/api/households/awards/${res.json().id}/reject`, {
      reason: '材料不全',
    });
    expect(rejected.json().status).toBe('rejected');
    expect((await admin.post(`/api/households/awards/${res.json().id}/confirm`)).statusCode).toBe(409);
    expect(await balance(h.id)).toEqual({ balance: 0, lifetime: 0 });
  });

  it('voids a posted award with a reversing entry, never an edit', async () => {
    const h = await household(admin);
    const award = (
      await admin.form(`/api/households/${h.id}/awards`, { ruleId: String(small.id) }, AWARD_PHOTO)
    ).json();
    const entry = await t.ctx.db.system
      .selectFrom('point_entries')
      .selectAll()
      .where('holder_type', '=', 'household')
      .where('holder_id', '=', h.id)
      .executeTakeFirstOrThrow();
    const voided = await admin.post(`/api/households/awards/${award.id}/void`, { reason: '重复登记' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json().status).toBe('voided');
    expect(await balance(h.id)).toEqual({ balance: 0, lifetime: 0 });
    const entries = await t.ctx.db.system
      .selectFrom('point_entries')
      .selectAll()
      .where('holder_type', '=', 'household')
      .where('holder_id', '=', h.id)
      .orderBy('id')
      .execute();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual(entry);
    expect(entries[1]).toMatchObject({ kind: 'reversal', delta: -5, reverses_id: entry.id });
    expect((await admin.post(`/api/households/awards/${award.id}/void`, { reason: '再来' })).statusCode).toBe(
      409,
    );
    const ledger = (await admin.get(`/api/households/${h.id}`)).json();
    expect(ledger.entries).toHaveLength(2);
    expect(ledger.awards[0].voidReason).toBe('重复登记');
  });

  it("refuses an award on another village's household in Chinese and changes nothing", async () => {
    const theirs = await household(otherTown);
    const before = await digest();
    const res = await admin.form(
      `/api/households/${theirs.id}/awards`,
      { ruleId: String(small.id) },
      AWARD_PHOTO,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/不在您的数据范围内/);
    // and their station cannot use demo-station's own rule
    const rule = await otherTown.form(
      `/api/households/${theirs.id}/awards`,
      { ruleId: String(small.id) },
      AWARD_PHOTO,
    );
    expect(rule.statusCode).toBe(404);
    expect(await digest()).toEqual(before);
  });

  it('refuses a fractional or out-of-range rule in Chinese', async () => {
    for (const points of [0, -5, 2.5, 5000]) {
      const res = await admin.post('/api/households/rules', { name: '坏规则', points });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/分值/);
    }
  });
});

describe('the public board', () => {
  it('shows names as the station chooses, ranked by lifetime points, without a session', async () => {
    const top = await household(admin, { headName: '欧阳小明' });
    await admin.form(`/api/households/${top.id}/awards`, { ruleId: String(small.id) }, AWARD_PHOTO);
    await admin.form(`/api/households/${top.id}/awards`, { ruleId: String(small.id) }, AWARD_PHOTO);
    const read = async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/household-board/${station.id}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        mode: string;
        rows: Array<{ householdNo: string; name: string | null; lifetime: number; rank: number }>;
      };
    };
    for (const [mode, name] of [
      ['full', '欧阳小明'],
      ['masked', '欧**明'],
      ['number', null],
    ] as const) {
      const set = await admin.patch('/api/households/settings', { boardMode: mode });
      expect(set.statusCode, set.body).toBe(200);
      const board = await read();
      expect(board.mode).toBe(mode);
      const row = board.rows.find((r) => r.householdNo === top.householdNo)!;
      expect(row.name).toBe(name);
      if (mode !== 'full') expect(JSON.stringify(board)).not.toContain('欧阳小明');
      // ranked by lifetime points
      const points = board.rows.map((r) => r.lifetime);
      expect(points).toEqual([...points].sort((a, b) => b - a));
    }
    // no phone, no members, no ids on the board
    expect(JSON.stringify(await read())).not.toMatch(/138|配偶|"id"/);
    await admin.patch('/api/households/settings', { boardEnabled: false });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/household-board/${station.id}` })).statusCode,
    ).toBe(404);
    await admin.patch('/api/households/settings', { boardEnabled: true, boardMode: 'masked' });
    // not a station: 404
    const institute = await orgOfUser(t.ctx.db.system, 'demo-institute');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/household-board/${institute.id}` })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/household-board/abc' })).statusCode).toBe(
      400,
    );
  });
});

describe('the public board through the public read cache', () => {
  const board = async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/household-board/${station.id}` });
    expect(res.statusCode, res.body).toBe(200);
    return {
      res,
      rows: res.json().rows as Array<{ householdNo: string; name: string | null; lifetime: number }>,
      mode: res.json().mode as string,
    };
  };
  const rowOf = async (no: string) => (await board()).rows.find((r) => r.householdNo === no);

  it('is cached, and every write that changes it shows on the board right after', async () => {
    expect((await admin.patch('/api/households/settings', { boardMode: 'full' })).statusCode).toBe(200);
    const h = await household(admin, { headName: '缓存测试' });
    const first = await board();
    expect(first.res.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(first.res.headers.etag).toBeTruthy();
    // a write behind the server's back is not seen: the answer comes from the cache
    await t.ctx.db.system
      .updateTable('households')
      .set({ head_name: '库里直改' })
      .where('id', '=', h.id)
      .execute();
    const cached = await board();
    expect(cached.res.headers.etag).toBe(first.res.headers.etag);
    expect(cached.rows.find((r) => r.householdNo === h.householdNo)?.name).toBe('缓存测试');
    // an award that posts
    await admin.form(`/api/households/${h.id}/awards`, { ruleId: String(small.id) }, AWARD_PHOTO);
    expect(await rowOf(h.householdNo)).toMatchObject({ name: '库里直改', lifetime: 5 });
    // an award that waits for a second person changes nothing until it is confirmed
    const pending = (
      await admin.form(`/api/households/${h.id}/awards`, { ruleId: String(big.id) }, AWARD_PHOTO)
    ).json();
    expect((await rowOf(h.householdNo))?.lifetime).toBe(5);
    expect((await second.post(`/api/households/awards/${pending.id}/confirm`)).statusCode).toBe(200);
    expect((await rowOf(h.householdNo))?.lifetime).toBe(35);
    // voiding takes the points back (the board ranks by lifetime points, net of reversals)
    expect(
      (await admin.post(`/api/households/awards/${pending.id}/void`, { reason: '重复登记' })).statusCode,
    ).toBe(200);
    expect((await rowOf(h.householdNo))?.lifetime).toBe(5);
    // the register's name
    expect((await admin.patch(`/api/households/${h.id}`, { headName: '改名之后' })).statusCode).toBe(200);
    expect((await rowOf(h.householdNo))?.name).toBe('改名之后');
    // the board's settings
    expect((await admin.patch('/api/households/settings', { boardMode: 'number' })).statusCode).toBe(200);
    const numbers = await board();
    expect(numbers.mode).toBe('number');
    expect(numbers.rows.find((r) => r.householdNo === h.householdNo)?.name).toBeNull();
    expect((await admin.patch('/api/households/settings', { boardEnabled: false })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/household-board/${station.id}` })).statusCode,
    ).toBe(404);
    await admin.patch('/api/households/settings', { boardEnabled: true, boardMode: 'masked' });
    expect((await board()).mode).toBe('masked');
    // a refused write (another town's admin) does not empty the cache
    const before = await board();
    await t.ctx.db.system
      .updateTable('households')
      .set({ head_name: '背后再改' })
      .where('id', '=', h.id)
      .execute();
    const refused = await otherTown.patch(`/api/households/settings?orgId=${station.id}`, {
      boardMode: 'full',
    });
    expect(refused.statusCode).toBe(404);
    expect((await board()).res.body).toBe(before.res.body);
  });
});

describe('the resident and the store', () => {
  it("shows a linked resident their household's points", async () => {
    const resident = as(t.app, await login(t.app, 'demo-resident'));
    const mine = (await resident.get('/api/me/household')).json();
    expect(mine.household).not.toBeNull();
    expect(mine.household.lifetime).toBeGreaterThanOrEqual(0);
    expect(mine.household.orgId).toBe(station.id);
  });

  it('links a resident account by its registered mobile; unknown or taken accounts are refused', async () => {
    const userId = await createUser(t.ctx.db.system, 'hh-linked', 'resident', station.id);
    await t.ctx.db.system
      .updateTable('users')
      .set({
        phone_enc: t.ctx.cipher.encrypt('13700001234'),
        phone_index: phoneIndex(t.ctx.cipher, '13700001234'),
      })
      .where('id', '=', userId)
      .execute();
    const h = await household(admin);
    const before = await digest();
    const unknown = await admin.patch(`/api/households/${h.id}`, { residentPhone: '13700009999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('群众账号');
    expect(await digest()).toEqual(before);
    const linked = await admin.patch(`/api/households/${h.id}`, { residentPhone: '137 0000 1234' });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().linked).toBe(true);
    const resident = as(t.app, await login(t.app, 'hh-linked'));
    expect((await resident.get('/api/me/household')).json().household.householdNo).toBe(h.householdNo);
    const other = await household(admin);
    const taken = await admin.patch(`/api/households/${other.id}`, { residentPhone: '13700001234' });
    expect(taken.statusCode).toBe(409);
    const unlinked = await admin.patch(`/api/households/${h.id}`, { residentPhone: null });
    expect(unlinked.json().linked).toBe(false);
    expect((await resident.get('/api/me/household')).json()).toEqual({ household: null });
  });

  it('redeems for a household at the counter, spending its points; short of points is a 409', async () => {
    const h = await household(admin);
    await admin.form(`/api/households/${h.id}/awards`, { ruleId: String(small.id) }, AWARD_PHOTO);
    const session = await login(t.app, 'demo-station');
    const item = await makeItem(t, session, { price: 4, stock: 3 });
    const res = await admin.post('/api/store/redemptions/household', {
      itemId: item.id,
      householdNo: h.householdNo,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      holderType: 'household',
      holderNo: h.householdNo,
      holderName: '张三明',
    });
    expect(await balance(h.id)).toEqual({ balance: 1, lifetime: 5 });
    const short = await admin.post('/api/store/redemptions/household', {
      itemId: item.id,
      householdNo: h.householdNo,
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().message).toContain('积分余额不足');
    // cancelling gives the points back
    const cancel = await admin.post(`/api/store/redemptions/${res.json().id}/cancel`, { reason: '测试取消' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await balance(h.id)).toEqual({ balance: 5, lifetime: 5 });
    // an unknown number, and another village's household, are refused
    expect(
      (await admin.post('/api/store/redemptions/household', { itemId: item.id, householdNo: '404-404' }))
        .statusCode,
    ).toBe(404);
    const theirs = await household(otherTown);
    const far = await admin.post('/api/store/redemptions/household', {
      itemId: item.id,
      householdNo: theirs.householdNo,
      householdOrgId: otherStation.id,
    });
    expect(far.statusCode).toBe(404);
    // every balance equals its entries
    const { rows } = await sql`SELECT b.holder_id FROM point_balances b
      LEFT JOIN point_entries e ON e.holder_type = b.holder_type AND e.holder_id = b.holder_id
      WHERE b.holder_type = 'household' GROUP BY b.holder_id, b.balance HAVING b.balance <> coalesce(sum(e.delta), 0)`.execute(
      t.ctx.db.system,
    );
    expect(rows).toEqual([]);
  });
});

async function headers(username: string) {
  const s = await login(t.app, username);
  return { cookie: s.cookie, 'x-csrf-token': s.csrf };
}
