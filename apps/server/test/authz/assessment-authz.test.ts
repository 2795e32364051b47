// Authorization and input of the assessment routes (单位指标): an institute sees its own subtree
// (its stations as units) and gets 404 on another town's org; a station admin of another town gets
// 404 on demo-station and its institute; roles without assessment.read get 403, no session 401; a
// reversed or future period and malformed dates get a Chinese 400; nothing is written by any of it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { signedInVolunteers } from '../support/store-factories.ts';

let t: TestContext;
let station: OrgRef;
let otherStation: OrgRef;
let instituteOrg: OrgRef;
let institute: ReturnType<typeof as>;
let stationAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
const CHINESE = /[\u4e00-\u9fa5]/;
const period = 'from=2026-01-01&to=2026-06-30';

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  instituteOrg = await orgOfUser(t.ctx.db.system, 'demo-institute');
  institute = as(t.app, await login(t.app, 'demo-institute'));
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
}, 120_000);
afterAll(async () => t?.close());

const digest = () => tableDigest(t.ctx.db.system, 'org_day_facts');

describe('scope', () => {
  it('an institute sees its own stations as units, with the total over its subtree', async () => {
    const res = await institute.get(`/api/assessment/units?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.orgId).toBe(instituteOrg.id);
    const children = await t.ctx.db.system
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', instituteOrg.id)
      .execute();
    expect(body.units.map((u: { orgId: number }) => u.orgId).sort()).toEqual(
      children.map((c) => c.id).sort(),
    );
    expect(body.total.serviceHours).toBeGreaterThan(0);
    expect(body.minRatings).toBe(10);
    // one of its stations, asked for by id
    const one = await institute.get(`/api/assessment/units?orgId=${station.id}&${period}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().orgName).toBeTruthy();
  });

  it("another town's admin gets 404 in Chinese on demo-station and its institute, and changes nothing", async () => {
    const before = await digest();
    for (const id of [station.id, instituteOrg.id]) {
      const res = await otherTown.get(`/api/assessment/units?orgId=${id}&${period}`);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().message).toMatch(CHINESE);
    }
    // the institute does not reach another town's station either
    if (!otherStation.path.startsWith(`${instituteOrg.path}.`)) {
      const res = await institute.get(`/api/assessment/units?orgId=${otherStation.id}&${period}`);
      expect(res.statusCode, res.body).toBe(404);
    }
    // a station admin asking for its parent institute is outside its scope too
    expect(
      (await stationAdmin.get(`/api/assessment/units?orgId=${instituteOrg.id}&${period}`)).statusCode,
    ).toBe(404);
    expect(await digest()).toEqual(before);
  });

  it("a station admin's own figures hold only its own rows", async () => {
    const own = (await stationAdmin.get(`/api/assessment/units?${period}`)).json();
    const rows = await t.ctx.db.system
      .selectFrom('org_day_facts')
      .select((eb) => eb.fn.sum<string>('service_records').as('n'))
      .where(sql<boolean>`org_path <@ ${station.path}::ltree`)
      .where('day', '>=', '2026-01-01')
      .where('day', '<=', '2026-06-30')
      .executeTakeFirstOrThrow();
    expect(own.total.serviceRecords).toBe(Number(rows.n ?? 0));
  });
});

describe('bad input', () => {
  it('a reversed period, a future period and malformed dates get a Chinese 400', async () => {
    const before = await digest();
    const future = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const futureTo = new Date(Date.now() + 80 * 86_400_000).toISOString().slice(0, 10);
    const cases = [
      ['from=2026-06-30&to=2026-01-01', 'PERIOD_REVERSED'],
      [`from=${future}&to=${futureTo}`, 'PERIOD_IN_FUTURE'],
      ['from=2026-02-30&to=2026-03-01', null],
      ['from=2026/01/01&to=2026-03-01', null],
      ['from=2026-01-01', null],
      ['orgId=abc&from=2026-01-01&to=2026-03-01', null],
      ['orgId=-1&from=2026-01-01&to=2026-03-01', null],
    ] as const;
    for (const [query, code] of cases) {
      const res = await institute.get(`/api/assessment/units?${query}`);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
      expect(res.json().message, query).toMatch(CHINESE);
      if (code) expect(res.json().code).toBe(code);
    }
    expect(await digest()).toEqual(before);
  });
});

describe('permissions', () => {
  it('roles without assessment.read get 403, and no session 401', async () => {
    await createUser(t.ctx.db.system, 'assessment-leader', 'team_leader', station.id);
    const leader = as(t.app, await login(t.app, 'assessment-leader'));
    const auditor = as(t.app, await login(t.app, 'demo-audit'));
    const volunteer = (await signedInVolunteers(t, station, 1))[0]!;
    for (const c of [leader, auditor, as(t.app, volunteer.session)]) {
      const res = await c.get(`/api/assessment/units?${period}`);
      expect(res.statusCode, res.body).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/assessment/units?${period}` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('indicators, reports, bulletins and reward funds', () => {
  const month = 'periodKind=month&period=2026-10';

  it('each role reaches only its subtree and the actions its permissions give', async () => {
    const before = await tableDigest(t.ctx.db.system, 'assessment_bulletins');
    // a station admin reads its own station's report, but not its institute's, and publishes nothing
    expect((await stationAdmin.get(`/api/assessment/report?${month}`)).statusCode).toBe(200);
    expect(
      (await stationAdmin.get(`/api/assessment/report?orgId=${instituteOrg.id}&${month}`)).statusCode,
    ).toBe(404);
    expect(
      (await stationAdmin.post('/api/assessment/bulletins', { periodKind: 'month', period: '2026-10' }))
        .statusCode,
    ).toBe(403);
    // another town's station admin gets 404 on this town
    expect((await otherTown.get(`/api/assessment/report?orgId=${instituteOrg.id}&${month}`)).statusCode).toBe(
      404,
    );
    // neither the station nor the institute sets indicators or allocates funds
    for (const c of [stationAdmin, institute]) {
      expect(
        (
          await c.put('/api/assessment/indicators/station', {
            items: [{ code: 'activities', target: 24, weight: 30, enabled: true }],
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await c.post('/api/assessment/bulletins/1/allocation', { poolYuan: 1, unitKind: 'station' }))
          .statusCode,
      ).toBe(403);
    }
    // the institute reads its own report; a station's report of its subtree too
    const own = await institute.get(`/api/assessment/report?${month}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(
      own
        .json()
        .rows.every(
          (r: { orgId: number }) =>
            r.orgId !== otherStation.id || otherStation.path.startsWith(`${instituteOrg.path}.`),
        ),
    ).toBe(true);
    expect((await institute.get(`/api/assessment/report?orgId=${station.id}&${month}`)).statusCode).toBe(200);
    expect(await tableDigest(t.ctx.db.system, 'assessment_bulletins')).toBe(before);
  });

  it('roles without assessment.read get 403 on every read, and no session 401', async () => {
    const leader = as(t.app, await login(t.app, 'assessment-leader'));
    const auditor = as(t.app, await login(t.app, 'demo-audit'));
    const volunteer = (await signedInVolunteers(t, station, 1))[0]!;
    for (const c of [leader, auditor, as(t.app, volunteer.session)])
      for (const url of [
        '/api/assessment/indicators',
        `/api/assessment/report?${month}`,
        '/api/assessment/bulletins',
        '/api/assessment/bulletins/1',
        '/api/assessment/bulletins/1/xlsx',
        '/api/assessment/bulletins/1/pdf',
      ])
        expect((await c.get(url)).statusCode, url).toBe(403);
    for (const url of [
      '/api/assessment/indicators',
      `/api/assessment/report?${month}`,
      '/api/assessment/bulletins',
    ])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('bad periods and kinds get a Chinese 400', async () => {
    for (const q of [
      'periodKind=week&period=2026-10',
      'periodKind=month&period=2026-1',
      'periodKind=month&period=2099-01',
      'periodKind=month',
      'periodKind=year&period=abcd',
    ]) {
      const res = await institute.get(`/api/assessment/report?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message, q).toMatch(CHINESE);
    }
    const center = as(t.app, await login(t.app, 'demo-center'));
    const kind = await center.put('/api/assessment/indicators/village', { items: [] });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().message).toMatch(CHINESE);
  });
});
