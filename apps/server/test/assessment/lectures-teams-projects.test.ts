// The 茶乡微讲堂, professional-team and project indicators on hand-made facts with known answers, in
// 2030 (after anything the demo county recorded): a town whose stations hold 微讲堂 — one itself, one
// through a point below it, one only a cancelled one and an ordinary 宣讲 — besides the town's own; the
// county's professional teams, one serving by an activity, one by an order closed (and another
// reopened), one founded mid-month, one idle, one dissolved, and a regular team that does not count;
// projects first reaching 评估效果 in different months and years. Plus the shipped preset, and the
// preset migration on settings the centre had already changed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRankingRollups } from '../../src/modules/assessment/index.ts';
import { as, createTestContext, login, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser, uniqueCode, type OrgRef } from '../support/org-factories.ts';

const HOUR = 3_600_000;
const NOW = new Date('2030-12-07T04:00:00Z');

let t: TestContext;
let center: ReturnType<typeof as>;
let institute: ReturnType<typeof as>;
let centerOrg: OrgRef;
let town: OrgRef;
let teams: Record<'a' | 'b' | 'c' | 'd', number>;

async function createOrg(parentId: number, kind: string, name: string): Promise<OrgRef> {
  const res = await center.post('/api/orgs', { parentId, kind, code: uniqueCode('LT'), name });
  expect(res.statusCode, res.body).toBe(200);
  const { id } = res.json() as { id: number };
  // in place since the start of the year
  await t.ctx.db.system
    .updateTable('orgs')
    .set({ created_at: new Date('2030-01-01T02:00:00Z') })
    .where('id', '=', id)
    .execute();
  return (await t.ctx.db.system
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as OrgRef;
}

/** An activity of `org` (2 hours from `startsAt`, China time +8 in the ISO string), then finished. */
async function held(
  org: OrgRef,
  startsAt: string,
  form: string,
  opts: { teamId?: number; cancelled?: boolean } = {},
) {
  const start = new Date(startsAt);
  const row = await t.ctx.db.system
    .insertInto('activities')
    .values({
      activity_no: `LT${crypto.randomBytes(5).toString('hex')}`,
      org_id: org.id,
      org_path: org.path,
      team_id: opts.teamId ?? null,
      title: form === 'micro_lecture' ? '茶乡微讲堂·<b>防范电信网络诈骗</b>' : '理论宣讲进院坝',
      // a 茶乡微讲堂 is a 讲 activity marked as one
      form: form === 'micro_lecture' ? 'jiang' : form,
      micro_lecture: form === 'micro_lecture',
      place: '王家院坝',
      starts_at: start,
      ends_at: new Date(start.getTime() + 2 * HOUR),
      capacity: 30,
      status: opts.cancelled ? 'cancelled' : 'published',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (opts.cancelled) return;
  const res = await center.post(`/api/activities/${row.id}/finish`);
  expect(res.statusCode, res.body).toBe(200);
}

async function team(
  name: string,
  kind: 'professional' | 'regular',
  target: number | null,
  foundedOn: string,
) {
  const { id } = await t.ctx.db.system
    .insertInto('teams')
    .values({
      org_id: centerOrg.id,
      org_path: centerOrg.path,
      name,
      tier: 'brigade',
      kind,
      responsible_unit: kind === 'professional' ? '县卫健局' : null,
      yearly_service_target: target,
      founded_on: foundedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const pub = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, remoteAddress: nextIp() });

/** An order placed at `station`, served (dispatched to `teamId`), rated and closed by the centre. */
async function orderClosedBy(station: OrgRef, teamId: number) {
  const placed = await pub('POST', '/api/public/orders', {
    stationId: station.id,
    serviceCategory: 'health',
    description: '家里老人高血压，想请医生上门量血压',
    address: '村东头',
    contactName: '王阿姨',
    contactPhone: '13900139000',
  });
  expect(placed.statusCode, placed.body).toBe(200);
  const { orderNo, trackingToken } = placed.json() as { orderNo: string; trackingToken: string };
  const order = await t.ctx.db.system
    .selectFrom('orders')
    .select('id')
    .where('order_no', '=', orderNo)
    .executeTakeFirstOrThrow();
  // the loop's middle skipped: served by the team it was dispatched to
  await t.ctx.db.system
    .updateTable('orders')
    .set({ status: 'served', dispatched_team_id: teamId })
    .where('id', '=', order.id)
    .execute();
  const rated = await pub('POST', `/api/public/orders/${trackingToken}/rate`, { rating: 5 });
  expect(rated.statusCode, rated.body).toBe(200);
  const closed = await center.post(`/api/orders/${order.id}/evaluate`, { evaluation: '已办结' });
  expect(closed.statusCode, closed.body).toBe(200);
  return trackingToken;
}

/** A project of the centre of `year` whose status history moves through `moves` ([stage, ISO instant]). */
async function project(name: string, year: number, moves: Array<[string, string]>) {
  const sys = t.ctx.db.system;
  const last = moves[moves.length - 1]![0];
  const { id } = await sys
    .insertInto('projects')
    .values({
      owner_org_id: centerOrg.id,
      org_path: centerOrg.path,
      name,
      year,
      yearly_target: 12,
      status: last,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let from: string | null = null;
  for (const [to, at] of moves) {
    await sys
      .insertInto('project_status_history')
      .values({
        project_id: id,
        org_path: centerOrg.path,
        from_status: from,
        to_status: to,
        changed_at: new Date(at),
      })
      .execute();
    from = to;
  }
}

/** Moves the clock, and signs in again (a session idle that long has expired). */
async function moveTo(now: Date) {
  t.setNow(now);
  center = as(t.app, await login(t.app, 'demo-center'));
  institute = as(t.app, await login(t.app, 'demo-institute'));
}

beforeAll(async () => {
  t = await createTestContext();
  const sys = t.ctx.db.system;
  centerOrg = await orgOfUser(sys, 'demo-center');
  // the clock runs in 2030: the demo admins changed their passwords lately, not four years before
  await sys
    .updateTable('users')
    .set({ password_changed_at: new Date('2030-10-01T00:00:00Z') })
    .where('username', 'in', ['demo-center', 'demo-institute'])
    .execute();

  // ---------------------------------------------------------------- 茶乡微讲堂, October 2030
  await moveTo(new Date('2030-10-25T04:00:00Z'));
  town = await createOrg(centerOrg.id, 'institute', '微讲堂测试镇实践所');
  const a = await createOrg(town.id, 'station', '甲村实践站');
  const b = await createOrg(town.id, 'station', '乙村实践站');
  const c = await createOrg(town.id, 'station', '丙村实践站');
  const bPoint = await createOrg(b.id, 'point', '乙村王家院坝');
  await held(a, '2030-10-15T14:30:00+08:00', 'micro_lecture');
  await held(a, '2030-10-16T14:30:00+08:00', 'micro_lecture'); // a second one: still one station
  await held(bPoint, '2030-10-15T19:30:00+08:00', 'micro_lecture');
  await held(c, '2030-10-15T14:30:00+08:00', 'micro_lecture', { cancelled: true });
  await held(c, '2030-10-18T09:00:00+08:00', 'jiang');
  await held(c, '2030-09-15T14:30:00+08:00', 'micro_lecture');
  // the town's own 微讲堂 is no village's
  await held(town, '2030-10-20T14:30:00+08:00', 'micro_lecture');

  // ---------------------------------------------------------------- professional teams
  // the demo county's teams are dissolved here, so the county's figure is these teams' alone
  await sys.updateTable('teams').set({ status: 'dissolved' }).where('kind', '=', 'professional').execute();
  teams = {
    a: await team('“爱心医疗”测试服务队', 'professional', 12, '2030-01-01'),
    b: await team('“法律服务”测试服务队', 'professional', 12, '2030-01-01'),
    c: await team('“红十字”测试服务队', 'professional', 12, '2030-10-16'),
    d: await team('“文明交通”测试服务队', 'professional', 12, '2030-01-01'),
  };
  const dissolved = await team('“筑爱助残”测试服务队', 'professional', 12, '2030-01-01');
  const regular = await team('测试常规服务队', 'regular', 12, '2030-01-01');
  await held(centerOrg, '2030-10-08T09:00:00+08:00', 'bang', { teamId: teams.a });
  await held(centerOrg, '2030-10-09T09:00:00+08:00', 'bang', { teamId: dissolved });
  await held(centerOrg, '2030-10-10T09:00:00+08:00', 'bang', { teamId: regular });
  await sys.updateTable('teams').set({ status: 'dissolved' }).where('id', '=', dissolved).execute();
  await moveTo(new Date('2030-10-20T04:00:00Z'));
  await orderClosedBy(a, teams.b);
  const reopened = await orderClosedBy(a, teams.d);
  const res = await pub('POST', `/api/public/orders/${reopened}/reopen`, {
    reason: '血压计读数不准，想再来一次',
  });
  expect(res.statusCode, res.body).toBe(200);

  // ---------------------------------------------------------------- projects
  const round = (evaluatedAt: string): Array<[string, string]> => [
    ['established', '2030-01-03T09:00:00+08:00'],
    ['recruiting', '2030-01-10T09:00:00+08:00'],
    ['implementing', '2030-02-01T09:00:00+08:00'],
    ['evaluating', evaluatedAt],
  ];
  await project('“爱心医疗”测试项目', 2030, round('2030-10-12T09:00:00+08:00'));
  await project('“法律服务”测试项目', 2030, round('2030-06-01T09:00:00+08:00'));
  // done in March, then a second round evaluated in October: done once, in March
  await project('“红十字”测试项目', 2030, [
    ...round('2030-03-20T09:00:00+08:00'),
    ['optimizing', '2030-04-01T09:00:00+08:00'],
    ['recruiting', '2030-05-01T09:00:00+08:00'],
    ['implementing', '2030-06-01T09:00:00+08:00'],
    ['evaluating', '2030-10-05T09:00:00+08:00'],
  ]);
  // last year's project evaluated late: not one of 2030's
  await project('“文明交通”测试项目', 2029, [
    ['established', '2029-01-03T09:00:00+08:00'],
    ['implementing', '2029-03-01T09:00:00+08:00'],
    ['evaluating', '2030-10-15T09:00:00+08:00'],
  ]);
  await project('“筑爱助残”测试项目', 2030, round('2030-10-01T09:00:00+08:00').slice(0, 3));
  await moveTo(NOW);
  // China dates: 1 November 07:00 in Beijing is still 31 October in UTC, and is November's
  await held(c, '2030-11-01T07:00:00+08:00', 'micro_lecture');
}, 180_000);
afterAll(async () => t?.close());

type Result = { code: string; actual: number | null; target: number; completion: number | null; rag: string };
type Row = { orgId: number; kind: string; results: Result[] };

async function report(orgId: number, periodKind: string, period: string) {
  const res = await center.get(
    `/api/assessment/report?orgId=${orgId}&periodKind=${periodKind}&period=${period}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: Row[]; indicators: { orgKind: string; code: string }[] };
}
const result = (rows: Row[], orgId: number, code: string) =>
  rows.find((r) => r.orgId === orgId)!.results.find((r) => r.code === code);

describe('the shipped preset', () => {
  it('assesses the three with the seeds’ targets and weights of each kind still summing to 100', async () => {
    const res = await institute.get('/api/assessment/indicators');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      orgKind: string;
      code: string;
      target: number;
      weight: number;
      enabled: boolean;
      name: string;
    }[];
    for (const kind of ['center', 'institute', 'station'])
      expect(items.filter((i) => i.orgKind === kind && i.enabled).reduce((s, i) => s + i.weight, 0)).toBe(
        100,
      );
    const item = (kind: string, code: string) => items.find((i) => i.orgKind === kind && i.code === code);
    expect(item('institute', 'micro_lecture_stations')).toMatchObject({
      target: 30,
      weight: 10,
      enabled: true,
      name: '“茶乡微讲堂”覆盖村（社区）',
    });
    expect(item('center', 'professional_teams_on_target')).toMatchObject({
      target: 100,
      weight: 10,
      enabled: true,
    });
    expect(item('center', 'projects_done')).toMatchObject({ target: 12, weight: 10, enabled: true });
    expect(item('station', 'micro_lecture_stations')).toBeUndefined();
    expect(item('institute', 'activities')).toMatchObject({ weight: 15 });
    expect(item('center', 'posts')).toMatchObject({ weight: 15 });
  });
});

describe('茶乡微讲堂 villages per town', () => {
  it('counts the stations that held a finished 微讲堂, themselves or at a point below them', async () => {
    const october = await report(town.id, 'month', '2030-10');
    // 甲 (twice) and 乙 (at its point); not 丙 (cancelled, or an ordinary 宣讲), not the town's own
    expect(result(october.rows, town.id, 'micro_lecture_stations')).toEqual({
      code: 'micro_lecture_stations',
      actual: 66.7,
      target: 30,
      completion: 222.3,
      rag: 'green',
    });
    // a station is not assessed on it
    expect(
      result(october.rows, october.rows.find((r) => r.kind === 'station')!.orgId, 'micro_lecture_stations'),
    ).toBe(undefined);
    // September: 丙 alone; November (to date): 丙, on 1 November in Beijing
    const september = await report(town.id, 'month', '2030-09');
    expect(result(september.rows, town.id, 'micro_lecture_stations')).toMatchObject({
      actual: 33.3,
      completion: 111,
      rag: 'green',
    });
    const november = await report(town.id, 'month', '2030-11');
    expect(result(november.rows, town.id, 'micro_lecture_stations')?.actual).toBe(33.3);
    const quarter = await report(town.id, 'quarter', '2030-Q4');
    expect(result(quarter.rows, town.id, 'micro_lecture_stations')?.actual).toBe(100);
    // a rate: the same 30% for any period, no proration
    expect(result(quarter.rows, town.id, 'micro_lecture_stations')?.target).toBe(30);
  });
});

describe('the professional teams’ yearly service targets', () => {
  it('counts a team on target when its activities and closed orders reach its prorated target', async () => {
    const october = await report(centerOrg.id, 'month', '2030-10');
    // a: 1 activity ≥ 1; b: 1 closed order ≥ 1; c: founded on the 16th owes 12/12 × 16/31 = 0.52 and
    // did nothing; d: its only order was reopened; the dissolved and the regular team do not count
    expect(result(october.rows, centerOrg.id, 'professional_teams_on_target')).toEqual({
      code: 'professional_teams_on_target',
      actual: 50,
      target: 100,
      completion: 50,
      rag: 'red',
    });
    // the fourth quarter owes each 3 services: none of them did
    const quarter = await report(centerOrg.id, 'quarter', '2030-Q4');
    expect(result(quarter.rows, centerOrg.id, 'professional_teams_on_target')?.actual).toBe(0);
    // September: no team served (c did not exist yet): 0 of 3
    const september = await report(centerOrg.id, 'month', '2030-09');
    expect(result(september.rows, centerOrg.id, 'professional_teams_on_target')?.actual).toBe(0);
  });

  it('keeps the team rollup (closed orders included) equal to the rebuild', async () => {
    const rows = await t.ctx.db.system
      .selectFrom('team_month_facts')
      .select(['team_id', 'activities_held', 'orders_closed'])
      .where('team_id', 'in', [teams.a, teams.b, teams.d])
      .where('month', '=', '2030-10-01')
      .orderBy('team_id')
      .execute();
    expect(rows.map((r) => [r.team_id, r.activities_held, r.orders_closed])).toEqual([
      [teams.a, 1, 0],
      [teams.b, 0, 1],
      [teams.d, 0, 0],
    ]);
    const check = await checkRankingRollups(t.ctx.db.system);
    expect(check.differences).toEqual([]);
  });
});

describe('projects done vs target', () => {
  it('counts the year’s projects first reaching 评估效果 in the period against the prorated target', async () => {
    const october = await report(centerOrg.id, 'month', '2030-10');
    // only “爱心医疗”: “红十字” was done in March, “文明交通” is 2029's, “筑爱助残” is still 实施
    expect(result(october.rows, centerOrg.id, 'projects_done')).toEqual({
      code: 'projects_done',
      actual: 1,
      target: 1,
      completion: 100,
      rag: 'green',
    });
    const year = await report(centerOrg.id, 'year', '2030');
    expect(result(year.rows, centerOrg.id, 'projects_done')).toMatchObject({
      actual: 3,
      target: 12,
      completion: 25,
      rag: 'red',
    });
    const q2 = await report(centerOrg.id, 'quarter', '2030-Q2');
    expect(result(q2.rows, centerOrg.id, 'projects_done')).toMatchObject({ actual: 1, target: 3 });
  });

  it('lists the new indicators in the report’s header for the kinds that assess them', async () => {
    const october = await report(centerOrg.id, 'month', '2030-10');
    const codes = october.indicators.map((i) => `${i.orgKind}:${i.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'center:professional_teams_on_target',
        'center:projects_done',
        'institute:micro_lecture_stations',
      ]),
    );
  });
});

describe('migration 0033 on settings the centre had changed', () => {
  it('rebalances only a kind still exactly as shipped, and adds the new ones off where it was changed', async () => {
    const sys = t.ctx.db.system;
    // back to the state before 0033, except that the centre had raised the institutes' publicity target
    await sys
      .deleteFrom('assessment_indicators')
      .where('code', 'in', ['micro_lecture_stations', 'professional_teams_on_target', 'projects_done'])
      .execute();
    for (const [kind, code, weight] of [
      ['institute', 'activities', 20],
      ['institute', 'service_hours', 10],
      ['center', 'posts', 20],
      ['center', 'teams', 20],
      ['center', 'volunteers', 20],
      ['center', 'activities', 15],
    ] as const)
      await sys
        .updateTable('assessment_indicators')
        .set({ weight })
        .where('org_kind', '=', kind)
        .where('code', '=', code)
        .execute();
    await sys
      .updateTable('assessment_indicators')
      .set({ target: 8 })
      .where('org_kind', '=', 'institute')
      .where('code', '=', 'publicity')
      .execute();
    const file = fs.readFileSync(
      new URL('../../src/migrations/0033_assessment_lectures_teams_projects.sql', import.meta.url),
      'utf8',
    );
    await sql.raw(file.slice(file.indexOf('DO $$'))).execute(sys);

    const rows = await sys
      .selectFrom('assessment_indicators')
      .select(['org_kind', 'code', 'weight', 'enabled'])
      .execute();
    const row = (kind: string, code: string) => rows.find((r) => r.org_kind === kind && r.code === code);
    // the institutes' settings were changed: kept, the new one offered but off
    expect(row('institute', 'micro_lecture_stations')).toMatchObject({ weight: 0, enabled: false });
    expect(row('institute', 'activities')).toMatchObject({ weight: 20 });
    // the centre's were as shipped: rebalanced, the new ones assessed
    expect(row('center', 'professional_teams_on_target')).toMatchObject({ weight: 10, enabled: true });
    expect(row('center', 'projects_done')).toMatchObject({ weight: 10, enabled: true });
    expect(row('center', 'posts')).toMatchObject({ weight: 15 });
    for (const kind of ['center', 'institute', 'station'])
      expect(rows.filter((r) => r.org_kind === kind && r.enabled).reduce((s, r) => s + r.weight, 0)).toBe(
        100,
      );
  });
});
