// Authorization of the big screen (GET /api/assessment/screen): the centre opens any unit's screen;
// an institute opens its own subtree's (its default) and one of its stations', but gets 404 in
// Chinese on another town's units and on the centre; a station admin sees only its station and gets
// 404 on its institute; roles without assessment.read get 403, no session 401; a malformed orgId
// gets a Chinese 400; nothing is written by any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { auditDigest, createUser, orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { signedInVolunteers } from '../support/store-factories.ts';

let t: TestContext;
let centerOrg: OrgRef;
let instituteOrg: OrgRef;
let station: OrgRef;
let otherStation: OrgRef;
let center: ReturnType<typeof as>;
let institute: ReturnType<typeof as>;
let stationAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
const CHINESE = /[\u4e00-\u9fa5]/;
const inside = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

beforeAll(async () => {
  t = await createTestContext();
  centerOrg = await orgOfUser(t.ctx.db.system, 'demo-center');
  instituteOrg = await orgOfUser(t.ctx.db.system, 'demo-institute');
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  center = as(t.app, await login(t.app, 'demo-center'));
  institute = as(t.app, await login(t.app, 'demo-institute'));
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
}, 120_000);
afterAll(async () => t?.close());

const digest = async () =>
  [await tableDigest(t.ctx.db.system, 'org_day_facts'), await auditDigest(t.ctx.db.system)].join('|');

describe('in scope', () => {
  it('the centre opens the county and any unit', async () => {
    for (const id of [centerOrg.id, instituteOrg.id, station.id]) {
      const res = await center.get(`/api/assessment/screen?orgId=${id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().orgId).toBe(id);
    }
  });

  it("an institute opens its own subtree's screen, and everything on it lies in its subtree", async () => {
    const res = await institute.get('/api/assessment/screen');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.orgId).toBe(instituteOrg.id);
    const paths = new Map(
      (await t.ctx.db.system.selectFrom('orgs').select(['id', 'path']).execute()).map((o) => [
        Number(o.id),
        o.path,
      ]),
    );
    const ids = [
      ...s.units.map((u: { orgId: number }) => u.orgId),
      ...s.orders.map((o: { orgId: number }) => o.orgId),
      ...s.rankings.stations.byHours.map((r: { orgId: number }) => r.orgId),
      ...s.rankings.institutes.byHours.map((r: { orgId: number }) => r.orgId),
    ];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(inside(paths.get(id)!, instituteOrg.path), `org ${id}`).toBe(true);
    expect(s.totals.units.find((u: { kind: string }) => u.kind === 'center')).toBeUndefined();
    const one = await institute.get(`/api/assessment/screen?orgId=${station.id}`);
    expect(one.statusCode, one.body).toBe(200);
  });

  it('a station admin opens its own station', async () => {
    const res = await stationAdmin.get('/api/assessment/screen');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().orgId).toBe(station.id);
  });
});

describe('out of scope', () => {
  it("another town's units, the centre and a parent get 404 in Chinese, and nothing changes", async () => {
    const before = await digest();
    const cases: Array<[ReturnType<typeof as>, number]> = [
      [otherTown, station.id],
      [otherTown, instituteOrg.id],
      [otherTown, centerOrg.id],
      [institute, centerOrg.id],
      [stationAdmin, instituteOrg.id],
      [center, 2 ** 31 - 1], // no such unit
    ];
    if (!inside(otherStation.path, instituteOrg.path)) cases.push([institute, otherStation.id]);
    for (const [client, id] of cases) {
      const res = await client.get(`/api/assessment/screen?orgId=${id}`);
      expect(res.statusCode, `${id}: ${res.body}`).toBe(404);
      expect(res.json().message).toMatch(CHINESE);
    }
    expect(await digest()).toEqual(before);
  });

  it('a malformed orgId gets a Chinese 400', async () => {
    for (const q of ['orgId=abc', 'orgId=-1', 'orgId=0', 'orgId=1.5', `orgId=${2 ** 40}`]) {
      const res = await center.get(`/api/assessment/screen?${q}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(400);
      expect(res.json().message).toMatch(CHINESE);
    }
  });
});

describe('no permission', () => {
  it('roles without assessment.read get 403, and no session 401', async () => {
    await createUser(t.ctx.db.system, 'screen-leader', 'team_leader', station.id);
    const leader = as(t.app, await login(t.app, 'screen-leader'));
    const auditor = as(t.app, await login(t.app, 'demo-audit'));
    const volunteer = (await signedInVolunteers(t, station, 1))[0]!;
    for (const c of [leader, auditor, as(t.app, volunteer.session)]) {
      const res = await c.get('/api/assessment/screen');
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().message).toMatch(CHINESE);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/assessment/screen' });
    expect(anonymous.statusCode).toBe(401);
  });
});
