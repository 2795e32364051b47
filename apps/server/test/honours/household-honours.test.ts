// 文明户榜 (the yearly list of households by the points earned in the year): known answers in a year
// the demo seed leaves empty — the minimum of posted awards, a voided award taking a household off,
// a pending award not counting, deterministic ties — the subtree scope (the town sees its villages;
// another town's admin gets 404 and its own list leaves them out), and the Excel sheet (names as
// the register has them, no phone).
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUSEHOLD_HONOUR_MIN_AWARDS } from '@civic/contracts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { AWARD_PHOTO, createUser, orgOfUser, type OrgRef } from '../support/org-factories.ts';

let t: TestContext;
let station: OrgRef;
let admin: ReturnType<typeof as>;
let second: ReturnType<typeof as>;
let townAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
const YEAR = 2019;
const made: Record<string, number> = {};

type Client = ReturnType<typeof as>;

/** An award of rule `ruleId` to the household, with its evidence photo. */
async function award(
  client: Client,
  householdId: number,
  ruleId: number,
): Promise<{ id: number; status: string }> {
  const res = await client.form(
    `/api/households/${householdId}/awards`,
    { ruleId: String(ruleId) },
    AWARD_PHOTO,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  admin = as(t.app, await login(t.app, 'demo-station'));
  await createUser(t.ctx.db.system, 'hh-honours-second', 'station_admin', station.id);
  second = as(t.app, await login(t.app, 'hh-honours-second'));
  townAdmin = as(t.app, await login(t.app, 'demo-institute'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  const rule = async (points: number) => {
    const res = await admin.post('/api/households/rules', { name: `榜单测试项${points}`, points });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  };
  const five = await rule(5);
  const twenty = await rule(20);
  const thirty = await rule(30); // above the seed's threshold of 20: waits for a second person
  const household = async (key: string, no: string) => {
    const res = await admin.post('/api/households', {
      householdNo: no,
      headName: `榜${key}户主`,
      phone: '13912340000'.slice(0, 9) + String(10 + Object.keys(made).length),
    });
    expect(res.statusCode, res.body).toBe(200);
    made[key] = res.json().id;
    return made[key]!;
  };
  // every award of these households is made "in" YEAR, which the seed leaves empty
  t.setNow(new Date(`${YEAR}-06-15T02:00:00Z`));
  try {
    const a = await household('A', '77-1');
    for (const r of [twenty, twenty, five]) await award(admin, a, r); // 45 points, 3 awards
    const b = await household('B', '77-2');
    for (const r of [five, five, five, five, five, twenty]) await award(admin, b, r); // 45, 6 awards
    const c = await household('C', '77-3');
    for (const r of [twenty, twenty]) await award(admin, c, r); // 40, 2
    const d = await household('D', '77-9');
    for (const r of [twenty, five]) await award(admin, d, r); // 25, 2
    const e = await household('E', '77-10');
    for (const r of [twenty, five]) await award(admin, e, r); // 25, 2: after 77-9
    const f = await household('F', '77-4');
    await award(admin, f, twenty); // 1 award: too few
    const g = await household('G', '77-5');
    for (const r of [twenty, twenty]) await award(admin, g, r);
    const voided = await award(admin, g, twenty);
    const res = await admin.post(`/api/households/awards/${voided.id}/void`, { reason: '重复登记' });
    expect(res.statusCode, res.body).toBe(200); // a voided award: off the list
    const h = await household('H', '77-6');
    await award(admin, h, twenty);
    expect((await award(admin, h, thirty)).status).toBe('pending'); // not posted: does not count
    const i = await household('I', '77-7');
    await award(admin, i, twenty);
    const confirmed = await award(admin, i, thirty);
    expect((await second.post(`/api/households/awards/${confirmed.id}/confirm`)).statusCode).toBe(200); // 50, 2
  } finally {
    t.setNow(null);
  }
}, 180_000);
afterAll(async () => t?.close());

const ids = (list: Array<{ householdId: number }>) => list.map((h) => h.householdId);

describe('文明户榜', () => {
  it('ranks the households by the points of the year under the sample rules, ties broken deterministically', async () => {
    const res = await admin.get(`/api/honours/rankings?year=${YEAR}&top=100`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json().households;
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM households
      WHERE org_path <@ ${station.path}::ltree AND active`.execute(t.ctx.db.system);
    expect(view.minAwards).toBe(HOUSEHOLD_HONOUR_MIN_AWARDS);
    expect(view.candidates).toBe(rows[0]!.n);
    expect(ids(view.byPoints)).toEqual([made.I, made.B, made.A, made.C, made.D, made.E]);
    expect(view.byPoints.map((h: { yearPoints: number }) => h.yearPoints)).toEqual([50, 45, 45, 40, 25, 25]);
    expect(view.byPoints.map((h: { rank: number }) => h.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(view.byPoints[1]).toMatchObject({ householdNo: '77-2', headName: '榜B户主', postedAwards: 6 });
    expect(view.eligible).toBe(6);
    expect(view.excludedVoided).toBe(1);
    expect(view.excludedTooFewAwards).toBe(view.candidates - 7);
    // top cuts the list
    const top2 = (await admin.get(`/api/honours/rankings?year=${YEAR}&top=2`)).json().households;
    expect(ids(top2.byPoints)).toEqual([made.I, made.B]);
    expect(top2.eligible).toBe(6);
  });

  it('is per org subtree: the town sees its villages, another town only its own (404 on ours)', async () => {
    const town = (await townAdmin.get(`/api/honours/rankings?year=${YEAR}&top=100`)).json().households;
    expect(ids(town.byPoints)).toEqual([made.I, made.B, made.A, made.C, made.D, made.E]);
    const theirs = await otherTown.get(`/api/honours/rankings?year=${YEAR}&top=100`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().households.byPoints).toEqual([]);
    const ours = await otherTown.get(`/api/honours/rankings?year=${YEAR}&orgId=${station.id}`);
    expect(ours.statusCode).toBe(404);
    expect(ours.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const file = await otherTown.get(`/api/honours/export?year=${YEAR}&orgId=${station.id}`);
    expect(file.statusCode).toBe(404);
  });

  it('is a sheet of the Excel export, with the names of the register and no phone', async () => {
    const res = await admin.get(`/api/honours/export?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('文明户榜')!;
    expect(sheet.getRow(1).values).toContain('户主');
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows.map((r) => r[1])).toEqual(['77-7', '77-2', '77-1', '77-3', '77-9', '77-10']);
    const org = await t.ctx.db.system
      .selectFrom('orgs')
      .select('name')
      .where('id', '=', station.id)
      .executeTakeFirstOrThrow();
    expect(rows[1]).toEqual([2, '77-2', '榜B户主', org.name, 45, 6]);
    const cells: string[] = [];
    for (const s of book.worksheets)
      s.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    const text = cells.join('\n');
    expect(text).not.toMatch(/139\d{8}/);
    expect(text).toContain('文明户榜入选条件');
  });
});
