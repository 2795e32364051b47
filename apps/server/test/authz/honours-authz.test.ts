// Authorization of every honours route (礼遇褒奖): another town's admin gets 404 on demo-station's
// lists, export, milestones and privileges and changes nothing, a volunteer sees only the privileges of their own
// org and above, a role without the permission gets 403, and no session gets 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { signedInVolunteers, type SignedInVolunteer } from '../support/store-factories.ts';

let t: TestContext;
let station: OrgRef;
let admin: Session;
let otherTown: ReturnType<typeof as>;
let privilege: { id: number };
let local: SignedInVolunteer;
let stranger: SignedInVolunteer;
const year = 2026;

async function digest() {
  return Promise.all(['honour_privileges'].map((name) => tableDigest(t.ctx.db.system, name)));
}

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  const otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  admin = await login(t.app, 'demo-station');
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  const res = await as(t.app, admin).post('/api/honours/privileges', { name: '免费体检', minStar: 1 });
  expect(res.statusCode, res.body).toBe(200);
  privilege = res.json();
  local = (await signedInVolunteers(t, station, 1))[0]!;
  stranger = (await signedInVolunteers(t, otherStation, 1))[0]!;
}, 120_000);
afterAll(async () => t?.close());

describe("another town's admin", () => {
  it("gets 404 on demo-station's lists, export, milestones and privileges and changes nothing", async () => {
    const before = await digest();
    const answers = await Promise.all([
      otherTown.get(`/api/honours/rankings?year=${year}&orgId=${station.id}`),
      otherTown.get(`/api/honours/export?year=${year}&orgId=${station.id}`),
      otherTown.get(`/api/honours/privileges?orgId=${station.id}`),
      otherTown.get(`/api/honours/milestones?year=${year}&orgId=${station.id}`),
      otherTown.post('/api/honours/privileges', { orgId: station.id, name: '越权', minStar: 1 }),
      otherTown.patch(`/api/honours/privileges/${privilege.id}`, { minStar: 5 }),
    ]);
    for (const res of answers) expect(res.statusCode, res.body).toBe(404);
    // their own lists never hold demo-station's volunteers
    const own = (await otherTown.get(`/api/honours/rankings?year=${year}&top=100`)).json();
    const rows = await t.ctx.db.system
      .selectFrom('volunteers')
      .select('id')
      .where('org_id', '=', station.id)
      .execute();
    const ours = new Set(rows.map((r) => r.id));
    for (const v of [...own.byHours, ...own.byPoints]) expect(ours.has(v.volunteerId)).toBe(false);
    const list = (await otherTown.get('/api/honours/privileges')).json();
    expect(list.items.some((p: { id: number }) => p.id === privilege.id)).toBe(false);
    expect(await digest()).toEqual(before);
  });
});

describe('volunteers', () => {
  it("see the privileges of their own org, not another village's", async () => {
    const mine = (await as(t.app, local.session).get('/api/honours/my-privileges')).json();
    expect(mine.privileges.some((p: { id: number }) => p.id === privilege.id)).toBe(true);
    const far = await as(t.app, stranger.session).get('/api/honours/my-privileges');
    expect(far.statusCode).toBe(200);
    expect(far.json().privileges.some((p: { id: number }) => p.id === privilege.id)).toBe(false);
  });

  it("get 403 on the console's routes", async () => {
    const before = await digest();
    const v = as(t.app, local.session);
    const answers = await Promise.all([
      v.get(`/api/honours/rankings?year=${year}`),
      v.get(`/api/honours/export?year=${year}`),
      v.get('/api/honours/privileges'),
      v.get(`/api/honours/milestones?year=${year}`),
      v.post('/api/honours/privileges', { name: '自封', minStar: 1 }),
      v.patch(`/api/honours/privileges/${privilege.id}`, { minStar: 1 }),
    ]);
    for (const res of answers) expect(res.statusCode, res.body).toBe(403);
    expect(await digest()).toEqual(before);
  });
});

describe('permissions', () => {
  it('a role without honours.read / honours.manage / volunteer.self gets 403', async () => {
    await createUser(t.ctx.db.system, 'honours-leader', 'team_leader', station.id);
    const leader = as(t.app, await login(t.app, 'honours-leader'));
    const auditor = as(t.app, await login(t.app, 'demo-audit'));
    for (const c of [leader, auditor]) {
      expect((await c.get(`/api/honours/rankings?year=${year}`)).statusCode).toBe(403);
      expect((await c.get(`/api/honours/export?year=${year}`)).statusCode).toBe(403);
      expect((await c.get('/api/honours/privileges')).statusCode).toBe(403);
      expect((await c.get(`/api/honours/milestones?year=${year}`)).statusCode).toBe(403);
      expect((await c.post('/api/honours/privileges', { name: '越权', minStar: 1 })).statusCode).toBe(403);
      expect((await c.get('/api/honours/my-privileges')).statusCode).toBe(403);
    }
    // staff are not volunteers
    expect((await as(t.app, admin).get('/api/honours/my-privileges')).statusCode).toBe(403);
  });

  it('every honours route answers 401 without a session', async () => {
    const routes: Array<['GET' | 'POST' | 'PATCH', string]> = [
      ['GET', `/api/honours/rankings?year=${year}`],
      ['GET', `/api/honours/export?year=${year}`],
      ['GET', '/api/honours/privileges'],
      ['GET', `/api/honours/milestones?year=${year}`],
      ['POST', '/api/honours/privileges'],
      ['PATCH', `/api/honours/privileges/${privilege.id}`],
      ['GET', '/api/honours/my-privileges'],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});
