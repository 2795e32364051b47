// Authorization and input of the rankings routes (实践排行): each demo role in scope, out of scope
// and without the permission; an institute's boards hold only its subtree's volunteers, teams and
// stations; another town gets 404; unknown metrics, reversed, future and broken-month periods get a
// Chinese 400 — and none of it writes anything (the export writes its audit entry only).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { signedInVolunteers } from '../support/store-factories.ts';

let t: TestContext;
let station: OrgRef;
let otherStation: OrgRef;
let instituteOrg: OrgRef;
let center: ReturnType<typeof as>;
let institute: ReturnType<typeof as>;
let stationAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
const CHINESE = /[\u4e00-\u9fa5]/;
// the demo county's last whole year of facts
const YEAR = 'from=2026-01-01&to=2026-11-30';
const BOARDS = [
  '/api/assessment/rankings/volunteers?metric=hours',
  '/api/assessment/rankings/teams?metric=hours',
  '/api/assessment/rankings/units?metric=activities',
  '/api/assessment/rankings/units?metric=rating&kind=institute',
];

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  instituteOrg = await orgOfUser(t.ctx.db.system, 'demo-institute');
  center = as(t.app, await login(t.app, 'demo-center'));
  institute = as(t.app, await login(t.app, 'demo-institute'));
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
}, 120_000);
afterAll(async () => t?.close());

const digest = async () =>
  Promise.all(
    ['volunteer_month_facts', 'team_month_facts', 'org_day_facts'].map((x) =>
      tableDigest(t.ctx.db.system, x),
    ),
  );

describe('scope', () => {
  it('every admin sees each board over its own subtree', async () => {
    for (const [client, org] of [
      [center, null],
      [institute, instituteOrg],
      [stationAdmin, station],
    ] as const)
      for (const url of BOARDS) {
        const res = await client.get(`${url}&${YEAR}`);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        if (org) expect(res.json().orgId).toBe(org.id);
      }
  });

  it("an institute's volunteer board holds only its subtree's service, and its stations only", async () => {
    const res = await institute.get(`/api/assessment/rankings/volunteers?metric=hours&${YEAR}&pageSize=100`);
    const body = res.json() as { total: number; rows: Array<{ volunteerId: number; serviceHours: number }> };
    expect(body.total).toBeGreaterThan(0);
    const top = body.rows[0]!;
    const { rows } = await sql<{ h: string }>`SELECT coalesce(sum(hours), 0) AS h FROM service_records
      WHERE volunteer_id = ${top.volunteerId} AND status = 'confirmed' AND kind <> 'opening'
        AND org_path <@ ${instituteOrg.path}::ltree
        AND (started_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2026-01-01' AND '2026-11-30'`.execute(
      t.ctx.db.system,
    );
    expect(top.serviceHours).toBe(Number(rows[0]!.h));
    const units = (
      await institute.get(`/api/assessment/rankings/units?metric=hours&${YEAR}&pageSize=100`)
    ).json() as {
      rows: Array<{ orgId: number }>;
    };
    const inside = await t.ctx.db.system
      .selectFrom('orgs')
      .select('id')
      .where(sql<boolean>`path <@ ${instituteOrg.path}::ltree`)
      .where('kind', '=', 'station')
      .where('status', '<>', 'archived')
      .execute();
    expect(units.rows.map((r) => r.orgId).sort()).toEqual(inside.map((o) => o.id).sort());
  });

  it("another town's admin gets 404 in Chinese on demo-station and its institute, and changes nothing", async () => {
    const before = await digest();
    for (const id of [station.id, instituteOrg.id])
      for (const url of [...BOARDS, '/api/assessment/rankings/export?board=units&metric=hours']) {
        const res = await otherTown.get(`${url}&orgId=${id}&${YEAR}`);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(404);
        expect(res.json().message).toMatch(CHINESE);
      }
    if (!otherStation.path.startsWith(`${instituteOrg.path}.`))
      expect((await institute.get(`${BOARDS[0]}&orgId=${otherStation.id}&${YEAR}`)).statusCode).toBe(404);
    expect((await stationAdmin.get(`${BOARDS[2]}&orgId=${instituteOrg.id}&${YEAR}`)).statusCode).toBe(404);
    expect(await digest()).toEqual(before);
  });

  it('the export is an Excel workbook of the board, audited', async () => {
    const res = await institute.get(`/api/assessment/rankings/export?board=volunteers&metric=points&${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(['action', 'org_path'])
      .where('action', '=', 'assessment.ranking.export')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(audit?.org_path).toBe(instituteOrg.path);
  });
});

describe('bad input', () => {
  it('unknown metrics, reversed, future and broken-month periods get a Chinese 400 that changes nothing', async () => {
    const before = await digest();
    const future = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 8);
    const cases = [
      ['/api/assessment/rankings/volunteers?metric=fame&' + YEAR, null],
      ['/api/assessment/rankings/teams?metric=rating&' + YEAR, null],
      ['/api/assessment/rankings/units?metric=points&' + YEAR, null],
      ['/api/assessment/rankings/units?metric=hours&kind=team&' + YEAR, null],
      ['/api/assessment/rankings/units?metric=hours&includeArchived=yes&' + YEAR, null],
      ['/api/assessment/rankings/units?metric=hours&from=2026-06-30&to=2026-01-01', 'PERIOD_REVERSED'],
      [`/api/assessment/rankings/units?metric=hours&from=${future}01&to=${future}02`, 'PERIOD_IN_FUTURE'],
      [
        `/api/assessment/rankings/volunteers?metric=hours&from=${future}01&to=${future}02`,
        'PERIOD_IN_FUTURE',
      ],
      [
        '/api/assessment/rankings/volunteers?metric=hours&from=2026-01-05&to=2026-01-31',
        'PERIOD_NOT_WHOLE_MONTHS',
      ],
      [
        '/api/assessment/rankings/teams?metric=hours&from=2026-01-01&to=2026-02-27',
        'PERIOD_NOT_WHOLE_MONTHS',
      ],
      ['/api/assessment/rankings/volunteers?metric=hours&from=2026-02-30&to=2026-03-31', null],
      ['/api/assessment/rankings/volunteers?metric=hours&' + YEAR + '&pageSize=500', null],
      ['/api/assessment/rankings/volunteers?metric=hours&' + YEAR + '&page=0', null],
      ['/api/assessment/rankings/export?board=volunteers&metric=activities&' + YEAR, 'UNKNOWN_METRIC'],
      ['/api/assessment/rankings/export?board=people&metric=hours&' + YEAR, null],
      ['/api/public/rankings/volunteers?metric=hours&' + YEAR + '&top=500', null],
      ['/api/public/rankings/units?metric=hours&from=2026-06-30&to=2026-01-01', 'PERIOD_REVERSED'],
    ] as const;
    for (const [url, code] of cases) {
      const res = await institute.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().message, url).toMatch(CHINESE);
      if (code) expect(res.json().code, url).toBe(code);
    }
    expect(await digest()).toEqual(before);
  });
});

describe('permissions', () => {
  it('roles without assessment.read get 403, and no session 401; the public boards need none', async () => {
    await createUser(t.ctx.db.system, 'ranking-leader', 'team_leader', station.id);
    const leader = as(t.app, await login(t.app, 'ranking-leader'));
    const auditor = as(t.app, await login(t.app, 'demo-audit'));
    const security = as(t.app, await login(t.app, 'demo-security'));
    const volunteer = (await signedInVolunteers(t, station, 1))[0]!;
    for (const c of [leader, auditor, security, as(t.app, volunteer.session)])
      for (const url of [...BOARDS, '/api/assessment/rankings/export?board=teams&metric=hours']) {
        const res = await c.get(`${url}&${YEAR}`);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(403);
      }
    for (const url of BOARDS) {
      const anonymous = await t.app.inject({ method: 'GET', url: `${url}&${YEAR}` });
      expect(anonymous.statusCode).toBe(401);
      const open = await t.app.inject({
        method: 'GET',
        url: `${url.replace('/api/assessment/', '/api/public/')}&${YEAR}`,
      });
      expect(open.statusCode, open.body).toBe(200);
    }
  });
});
