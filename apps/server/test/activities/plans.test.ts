// Yearly activity plans (年有计划、季有主题、月有重点、周有安排) on a real PostgreSQL: creating and
// publishing, one plan per org and year, item validation, turning an item into a draft activity
// (linked both ways, once, also under concurrency), reading the plans above without editing them,
// another town seeing nothing, and the residents' public view of published plans only.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { auditDigest, orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { XSS } from '../support/volunteer-factories.ts';

type Client = ReturnType<typeof as>;
interface Item {
  id: number;
  planId: number;
  month: number;
  week: number | null;
  title: string;
  form: string | null;
  festival: string | null;
  plannedOn: string | null;
  activityId: number | null;
  activity: { id: number; status: string; activityNo: string } | null;
}
interface Plan {
  id: number;
  orgId: number;
  year: number;
  title: string;
  summary: string | null;
  quarterThemes: string[];
  status: string;
  publishedAt: string | null;
  itemCount: number;
  convertedCount: number;
  relation: string;
  editable: boolean;
  months: Array<{ month: number; focus: Item | null; weeks: Item[] }>;
}

const CHINESE = /[\u4e00-\u9fa5]/;
const THEMES = ['理论学习月', '学雷锋志愿服务', '我们的节日·端午', '丰收感恩'];
// years the demo seed does not plan, so these tests own them
const YEAR = 2031;

let t: TestContext;
let center: Client;
let institute: Client;
let station: Client;
let otherTown: Client;
let instituteOrg: OrgRef;
let stationOrg: OrgRef;
let otherStation: OrgRef;

const db = () => t.ctx.db.system;
const TABLES = ['activity_plans', 'plan_items', 'activities'];
const digests = () => Promise.all([...TABLES.map((table) => tableDigest(db(), table)), auditDigest(db())]);

async function ok<T>(res: Promise<LightMyRequestResponse>): Promise<T> {
  const done = await res;
  expect(done.statusCode, done.body).toBe(200);
  return done.json() as T;
}

function expectError(res: LightMyRequestResponse, status: number | number[], code?: string) {
  expect(Array.isArray(status) ? status : [status], `${res.statusCode} ${res.body}`).toContain(
    res.statusCode,
  );
  const body = res.json() as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
}

const newPlan = (client: Client, body: Record<string, unknown>) =>
  ok<Plan>(client.post('/api/plans', { title: `${YEAR}年文明实践活动计划`, quarterThemes: THEMES, ...body }));
const addItem = (client: Client, planId: number, body: Record<string, unknown>) =>
  ok<Item>(client.post(`/api/plans/${planId}/items`, body));
const slot = {
  startsAt: `${YEAR}-06-18T09:00:00+08:00`,
  endsAt: `${YEAR}-06-18T11:30:00+08:00`,
  place: '城北街道新时代文明实践所',
  capacity: 30,
};

let instPlan: Plan;
let focus: Item;
let weekly: Item;

beforeAll(async () => {
  t = await createTestContext();
  center = as(t.app, await login(t.app, 'demo-center'));
  institute = as(t.app, await login(t.app, 'demo-institute'));
  station = as(t.app, await login(t.app, 'demo-station'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  instituteOrg = await orgOfUser(db(), 'demo-institute');
  stationOrg = await orgOfUser(db(), 'demo-station');
  otherStation = await orgOfUser(db(), 'demo-station2');
  expect(stationOrg.parentId).toBe(instituteOrg.id);
});
afterAll(async () => t?.close());

describe('creating and publishing a plan', () => {
  it('creates the institute’s draft plan with four themes and an empty twelve-month calendar', async () => {
    instPlan = await newPlan(institute, { year: YEAR, summary: `全年计划 ${XSS}` });
    expect(instPlan).toMatchObject({
      orgId: instituteOrg.id,
      year: YEAR,
      status: 'draft',
      publishedAt: null,
      quarterThemes: THEMES,
      summary: `全年计划 ${XSS}`,
      relation: 'own',
      editable: true,
      itemCount: 0,
    });
    expect(instPlan.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'org_id'])
      .where('action', '=', 'plan.create')
      .where('resource_id', '=', String(instPlan.id))
      .execute();
    expect(audit).toEqual([{ action: 'plan.create', org_id: instituteOrg.id }]);
  });

  it('refuses a second plan for the same org and year (409) and writes nothing', async () => {
    const before = await digests();
    const again = await institute.post('/api/plans', {
      year: YEAR,
      title: '重复的计划',
      quarterThemes: THEMES,
    });
    expectError(again, 409, 'PLAN_EXISTS');
    // the centre creating it for the institute is the same plan
    const fromAbove = await center.post('/api/plans', {
      orgId: instituteOrg.id,
      year: YEAR,
      title: '重复的计划',
      quarterThemes: THEMES,
    });
    expectError(fromAbove, 409, 'PLAN_EXISTS');
    expect(await digests()).toEqual(before);
    // another year is another plan
    const next = await newPlan(institute, { year: YEAR + 1 });
    expect(next.status).toBe('draft');
  });

  it('adds the month’s focus and weekly items, grouped by month', async () => {
    focus = await addItem(institute, instPlan.id, {
      month: 6,
      week: null,
      title: '端午传统文化月',
      form: 'qing',
      festival: 'dragon_boat',
    });
    weekly = await addItem(institute, instPlan.id, {
      month: 6,
      week: 3,
      title: `端午包粽子敬老 ${XSS}`,
      description: '为辖区老人包粽子',
      form: 'bang',
      festival: 'dragon_boat',
      plannedOn: `${YEAR}-06-18`,
    });
    await addItem(institute, instPlan.id, { month: 6, week: 1, title: '理论宣讲进村组', form: 'jiang' });
    expect(focus).toMatchObject({ month: 6, week: null, activityId: null, activity: null });
    const plan = await ok<Plan>(institute.get(`/api/plans/${instPlan.id}`));
    const june = plan.months[5]!;
    expect(june.focus?.id).toBe(focus.id);
    expect(june.weeks.map((w) => w.week)).toEqual([1, 3]);
    expect(june.weeks[1]!.title).toBe(`端午包粽子敬老 ${XSS}`);
    expect(plan.itemCount).toBe(3);
    expect(plan.months.filter((m) => m.month !== 6).every((m) => !m.focus && m.weeks.length === 0)).toBe(
      true,
    );
  });

  it('publishes only with all four themes and at least one item, once', async () => {
    const empty = await newPlan(center, { year: YEAR, quarterThemes: THEMES });
    expectError(await center.post(`/api/plans/${empty.id}/publish`), 400, 'PLAN_EMPTY');
    await ok(center.put(`/api/plans/${empty.id}`, { quarterThemes: ['春', '', '秋', ''] }));
    await addItem(center, empty.id, { month: 1, title: '新春走基层' });
    const missing = await center.post(`/api/plans/${empty.id}/publish`);
    expectError(missing, 400, 'QUARTER_THEMES_REQUIRED');
    expect(missing.json().message).toContain('第2季度');

    const published = await ok<Plan>(institute.post(`/api/plans/${instPlan.id}/publish`));
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    expectError(await institute.post(`/api/plans/${instPlan.id}/publish`), 409, 'PLAN_ALREADY_PUBLISHED');
    // a published plan is still kept up to date
    const edited = await ok<Plan>(
      institute.put(`/api/plans/${instPlan.id}`, { title: `${YEAR}年城北街道活动计划` }),
    );
    expect(edited).toMatchObject({ status: 'published', title: `${YEAR}年城北街道活动计划` });
  });
});

describe('bad input: a clear Chinese 4xx and nothing written', () => {
  const bad: Array<[string, () => Promise<LightMyRequestResponse>, number, string?]> = [
    [
      'year before 2000',
      () => institute.post('/api/plans', { year: 1999, title: '旧计划', quarterThemes: THEMES }),
      400,
    ],
    [
      'year after 2100',
      () => institute.post('/api/plans', { year: 2101, title: '远计划', quarterThemes: THEMES }),
      400,
    ],
    [
      'three themes',
      () =>
        institute.post('/api/plans', { year: 2040, title: '三季计划', quarterThemes: THEMES.slice(0, 3) }),
      400,
    ],
    [
      'a theme over 50 characters',
      () =>
        institute.post('/api/plans', {
          year: 2040,
          title: '长主题计划',
          quarterThemes: ['主'.repeat(51), '', '', ''],
        }),
      400,
    ],
    [
      'a one-character title',
      () => institute.post('/api/plans', { year: 2040, title: '计', quarterThemes: THEMES }),
      400,
    ],
    [
      'clearing a theme of a published plan',
      () => institute.put(`/api/plans/${instPlan.id}`, { quarterThemes: ['', ...THEMES.slice(1)] }),
      400,
      'QUARTER_THEMES_REQUIRED',
    ],
    [
      'month 13',
      () => institute.post(`/api/plans/${instPlan.id}/items`, { month: 13, title: '十三月' }),
      400,
    ],
    [
      'month 0',
      () => institute.post(`/api/plans/${instPlan.id}/items`, { month: 0, title: '零月安排' }),
      400,
    ],
    [
      'week 6',
      () => institute.post(`/api/plans/${instPlan.id}/items`, { month: 5, week: 6, title: '第六周' }),
      400,
    ],
    [
      'week 0',
      () => institute.post(`/api/plans/${instPlan.id}/items`, { month: 5, week: 0, title: '第零周' }),
      400,
    ],
    [
      'a date outside the month',
      () =>
        institute.post(`/api/plans/${instPlan.id}/items`, {
          month: 5,
          week: 2,
          title: '五月安排',
          plannedOn: `${YEAR}-06-02`,
        }),
      400,
      'PLANNED_ON_OUTSIDE_MONTH',
    ],
    [
      'a date in another year',
      () =>
        institute.post(`/api/plans/${instPlan.id}/items`, {
          month: 5,
          week: 2,
          title: '五月安排',
          plannedOn: `${YEAR + 1}-05-12`,
        }),
      400,
      'PLANNED_ON_OUTSIDE_MONTH',
    ],
    [
      'a malformed date',
      () =>
        institute.post(`/api/plans/${instPlan.id}/items`, {
          month: 5,
          title: '五月安排',
          plannedOn: '2031-5-1',
        }),
      400,
    ],
    [
      'an unknown form',
      () => institute.post(`/api/plans/${instPlan.id}/items`, { month: 5, title: '五月安排', form: 'sing' }),
      400,
    ],
    [
      'an unknown festival',
      () =>
        institute.post(`/api/plans/${instPlan.id}/items`, {
          month: 5,
          title: '五月安排',
          festival: 'halloween',
        }),
      400,
    ],
    [
      'a second focus for June',
      () => institute.post(`/api/plans/${instPlan.id}/items`, { month: 6, title: '另一个六月重点' }),
      409,
      'MONTH_FOCUS_EXISTS',
    ],
    [
      'a weekly item turned into a second June focus',
      () => institute.put(`/api/plan-items/${weekly.id}`, { week: null }),
      409,
      'MONTH_FOCUS_EXISTS',
    ],
    [
      'moving a dated item to another month',
      () => institute.put(`/api/plan-items/${weekly.id}`, { month: 7 }),
      400,
      'PLANNED_ON_OUTSIDE_MONTH',
    ],
    [
      'an item of a missing plan',
      () => institute.post('/api/plans/99999999/items', { month: 5, title: '安排' }),
      404,
    ],
    ['editing a missing item', () => institute.put('/api/plan-items/99999999', { title: '不存在' }), 404],
    [
      'an activity ending before it starts',
      () =>
        institute.post(`/api/plan-items/${weekly.id}/to-activity`, {
          ...slot,
          endsAt: `${YEAR}-06-18T08:00:00+08:00`,
        }),
      400,
      'ENDS_BEFORE_STARTS',
    ],
    [
      'an activity without a place',
      () => institute.post(`/api/plan-items/${weekly.id}/to-activity`, { ...slot, place: '' }),
      400,
    ],
  ];

  it.each(bad)('%s', async (_name, call, status, code) => {
    const before = await digests();
    expectError(await call(), status, code);
    expect(await digests()).toEqual(before);
  });

  it('asks for a form when the item has none (and creates no activity)', async () => {
    const plain = await addItem(institute, instPlan.id, { month: 9, title: '没有形式的安排' });
    const before = await digests();
    const res = await institute.post(`/api/plan-items/${plain.id}/to-activity`, slot);
    expectError(res, 400, 'FORM_REQUIRED');
    expect(await digests()).toEqual(before);
  });
});

describe('turning an item into an activity', () => {
  it('creates a draft activity of the plan’s org, linked both ways, with the item’s defaults', async () => {
    const res = await ok<{ item: Item; activity: Record<string, unknown> }>(
      institute.post(`/api/plan-items/${weekly.id}/to-activity`, slot),
    );
    expect(res.activity).toMatchObject({
      status: 'draft',
      orgId: instituteOrg.id,
      planItemId: weekly.id,
      title: `端午包粽子敬老 ${XSS}`,
      form: 'bang',
      festival: 'dragon_boat',
      description: '为辖区老人包粽子',
      place: slot.place,
      capacity: 30,
      startsAt: new Date(slot.startsAt).toISOString(),
    });
    expect(res.item).toMatchObject({ id: weekly.id, activityId: res.activity.id });
    expect(res.item.activity).toMatchObject({ id: res.activity.id, status: 'draft' });
    const row = await db()
      .selectFrom('activities')
      .select(['plan_item_id', 'status'])
      .where('id', '=', res.activity.id as number)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ plan_item_id: weekly.id, status: 'draft' });
    const plan = await ok<Plan>(institute.get(`/api/plans/${instPlan.id}`));
    expect(plan.convertedCount).toBe(1);
    expect(plan.months[5]!.weeks.find((w) => w.id === weekly.id)?.activity?.status).toBe('draft');
    weekly = res.item;
  });

  it('overrides the defaults when asked', async () => {
    const item = await addItem(institute, instPlan.id, { month: 6, week: 4, title: '端午诗会', form: 'le' });
    const res = await ok<{ activity: Record<string, unknown> }>(
      institute.post(`/api/plan-items/${item.id}/to-activity`, {
        ...slot,
        title: '端午诗会（改期）',
        form: 'jiang',
        festival: null,
        audience: 'public',
      }),
    );
    expect(res.activity).toMatchObject({
      title: '端午诗会（改期）',
      form: 'jiang',
      festival: null,
      audience: 'public',
    });
  });

  it('does not turn the same item into a second activity, nor delete it', async () => {
    const before = await digests();
    expectError(
      await institute.post(`/api/plan-items/${weekly.id}/to-activity`, slot),
      409,
      'PLAN_ITEM_CONVERTED',
    );
    expectError(await institute.delete(`/api/plan-items/${weekly.id}`), 409, 'PLAN_ITEM_CONVERTED');
    expect(await digests()).toEqual(before);
  });

  it('links exactly one activity when two requests race for the same item', async () => {
    const item = await addItem(institute, instPlan.id, {
      month: 10,
      week: 2,
      title: '重阳敬老',
      form: 'bang',
    });
    const at = { ...slot, startsAt: `${YEAR}-10-14T09:00:00+08:00`, endsAt: `${YEAR}-10-14T11:00:00+08:00` };
    const results = await Promise.all([
      institute.post(`/api/plan-items/${item.id}/to-activity`, at),
      institute.post(`/api/plan-items/${item.id}/to-activity`, at),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const linked = await db()
      .selectFrom('activities')
      .select(['id', 'status'])
      .where('plan_item_id', '=', item.id)
      .execute();
    expect(linked).toHaveLength(1);
    const stored = await db()
      .selectFrom('plan_items')
      .select('activity_id')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(stored.activity_id).toBe(linked[0]!.id);
    // any extra draft the loser created is cancelled, never left as a live duplicate
    const live = await db()
      .selectFrom('activities')
      .select('id')
      .where('title', '=', '重阳敬老')
      .where('status', '!=', 'cancelled')
      .execute();
    expect(live.map((a) => a.id)).toEqual([linked[0]!.id]);
  });

  it('edits and deletes an item that is not an activity', async () => {
    const item = await addItem(institute, instPlan.id, { month: 11, week: 1, title: '暂定安排' });
    const edited = await ok<Item>(
      institute.put(`/api/plan-items/${item.id}`, {
        title: '宪法宣传周',
        form: 'jiang',
        week: 1,
        plannedOn: `${YEAR}-11-03`,
      }),
    );
    expect(edited).toMatchObject({ title: '宪法宣传周', form: 'jiang', plannedOn: `${YEAR}-11-03` });
    // a focus may move to an empty month
    const moved = await ok<Item>(
      institute.put(`/api/plan-items/${item.id}`, { week: null, plannedOn: null }),
    );
    expect(moved.week).toBeNull();
    await ok(institute.delete(`/api/plan-items/${item.id}`));
    expectError(await institute.delete(`/api/plan-items/${item.id}`), 404);
  });
});

describe('scope', () => {
  it('a station reads its institute’s plan as 上级计划, read-only', async () => {
    const list = await ok<{ items: Plan[] }>(station.get(`/api/plans?year=${YEAR}`));
    const above = list.items.find((p) => p.id === instPlan.id);
    expect(above).toMatchObject({ relation: 'above', editable: false });
    const plan = await ok<Plan>(station.get(`/api/plans/${instPlan.id}`));
    expect(plan).toMatchObject({ relation: 'above', editable: false });
    expect(plan.months[5]!.weeks.length).toBeGreaterThan(0);
  });

  it('a station cannot change its institute’s plan (403) and nothing changes', async () => {
    const before = await digests();
    const attempts = [
      station.put(`/api/plans/${instPlan.id}`, { title: '篡改计划' }),
      station.post(`/api/plans/${instPlan.id}/publish`),
      station.post(`/api/plans/${instPlan.id}/items`, { month: 3, title: '越权安排' }),
      station.put(`/api/plan-items/${focus.id}`, { title: '篡改安排' }),
      station.delete(`/api/plan-items/${focus.id}`),
      station.post(`/api/plan-items/${focus.id}/to-activity`, { ...slot, form: 'jiang' }),
      station.post('/api/plans', {
        orgId: instituteOrg.id,
        year: 2045,
        title: '越权计划',
        quarterThemes: THEMES,
      }),
    ];
    for (const res of await Promise.all(attempts)) expectError(res, [403, 404]);
    expect(await digests()).toEqual(before);
  });

  it('a station makes its own plan, which its institute sees below and may edit', async () => {
    const own = await newPlan(station, { year: YEAR, title: `${YEAR}年东风社区活动计划` });
    expect(own.orgId).toBe(stationOrg.id);
    const mine = await ok<{ items: Plan[] }>(station.get(`/api/plans?year=${YEAR}`));
    expect(mine.items.map((p) => [p.orgId, p.relation])).toEqual([
      [(await orgOfUser(db(), 'demo-center')).id, 'above'],
      [instituteOrg.id, 'above'],
      [stationOrg.id, 'own'],
    ]);
    const fromInstitute = await ok<{ items: Plan[] }>(
      institute.get(`/api/plans?year=${YEAR}&includeBelow=true`),
    );
    expect(fromInstitute.items.find((p) => p.id === own.id)).toMatchObject({
      relation: 'below',
      editable: true,
    });
    const withoutBelow = await ok<{ items: Plan[] }>(institute.get(`/api/plans?year=${YEAR}`));
    expect(withoutBelow.items.map((p) => p.id)).not.toContain(own.id);
    await ok(institute.post(`/api/plans/${own.id}/items`, { month: 3, week: 1, title: '学雷锋便民服务' }));
  });

  it('another town sees none of it and changes nothing', async () => {
    const stationPlan = (
      await ok<{ items: Plan[] }>(station.get(`/api/plans?year=${YEAR}&orgId=${stationOrg.id}`))
    ).items.find((p) => p.relation === 'own')!;
    const before = await digests();
    expectError(await otherTown.get(`/api/plans/${instPlan.id}`), 404);
    expectError(await otherTown.get(`/api/plans/${stationPlan.id}`), 404);
    for (const orgId of [instituteOrg.id, stationOrg.id]) {
      const list = await ok<{ items: Plan[]; total: number }>(otherTown.get(`/api/plans?orgId=${orgId}`));
      expect(list).toEqual({ items: [], total: 0 });
    }
    const own = await ok<{ items: Plan[] }>(otherTown.get(`/api/plans?year=${YEAR}&includeBelow=true`));
    expect(own.items.map((p) => p.id)).not.toContain(instPlan.id);
    expect(own.items.map((p) => p.id)).not.toContain(stationPlan.id);
    const attempts = [
      otherTown.put(`/api/plans/${instPlan.id}`, { title: '篡改计划' }),
      otherTown.post(`/api/plans/${stationPlan.id}/publish`),
      otherTown.post(`/api/plans/${instPlan.id}/items`, { month: 3, title: '越权安排' }),
      otherTown.put(`/api/plan-items/${focus.id}`, { title: '篡改安排' }),
      otherTown.delete(`/api/plan-items/${focus.id}`),
      otherTown.post(`/api/plan-items/${focus.id}/to-activity`, { ...slot, form: 'jiang' }),
      otherTown.post('/api/plans', {
        orgId: stationOrg.id,
        year: 2046,
        title: '越权计划',
        quarterThemes: THEMES,
      }),
    ];
    for (const res of await Promise.all(attempts)) expectError(res, 404);
    expect(await digests()).toEqual(before);
    // its own station may still plan
    const theirs = await newPlan(otherTown, { year: YEAR });
    expect(theirs.orgId).toBe(otherStation.id);
  });
});

describe('the public plan', () => {
  const publicPlan = (orgId: number, year = YEAR) =>
    t.app.inject({ method: 'GET', url: `/api/public/plans?orgId=${orgId}&year=${year}` });

  it('shows a village the nearest published plan above it while its own is a draft', async () => {
    const res = await publicPlan(stationOrg.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ orgId: stationOrg.id, year: YEAR });
    expect(body.plan).toMatchObject({ id: instPlan.id, inherited: true, quarterThemes: THEMES });
    const june = body.plan.months[5];
    expect(june.focus.title).toBe('端午传统文化月');
    // a draft activity is not public
    expect(june.weeks.find((w: Item) => w.id === weekly.id).activity).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/activityNo|editable|org_path|createdBy/);
  });

  it('shows nothing for a draft-only org and year, and only published plans', async () => {
    const res = await publicPlan(otherStation.id);
    expect(res.json()).toMatchObject({ orgId: otherStation.id, plan: null });
    // the centre's plan of YEAR is a draft: not public either
    const centerId = (await orgOfUser(db(), 'demo-center')).id;
    expect((await publicPlan(centerId)).json().plan).toBeNull();
    expect((await publicPlan(instituteOrg.id, YEAR + 1)).json().plan).toBeNull();
  });

  it('prefers the village’s own plan once it is published', async () => {
    const own = (await ok<{ items: Plan[] }>(station.get(`/api/plans?year=${YEAR}`))).items.find(
      (p) => p.relation === 'own',
    )!;
    await ok(station.put(`/api/plans/${own.id}`, { quarterThemes: THEMES }));
    await ok(station.post(`/api/plans/${own.id}/publish`));
    const body = (await publicPlan(stationOrg.id)).json();
    expect(body.plan).toMatchObject({ id: own.id, inherited: false });
  });

  it('answers 4xx in Chinese for an unknown org or a bad year', async () => {
    expectError(await publicPlan(99999999), 404);
    expectError(await publicPlan(stationOrg.id, 1999), 400);
    expectError(await t.app.inject({ method: 'GET', url: '/api/public/plans?orgId=abc' }), 400);
  });
});
