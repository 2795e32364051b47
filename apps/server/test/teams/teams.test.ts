// Volunteer teams: the 大队 → 中队 → 小队 tree across orgs, the rules on creating and editing it,
// admin membership (one leader per team), the H5 application flow approved by the team's own
// leader, and scope: another town's admin can neither see nor touch a team.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import { countOf, orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import {
  createVolunteer,
  registerVolunteer,
  XSS,
  type RegisteredVolunteer,
} from '../support/volunteer-factories.ts';

interface TreeNode {
  id: number;
  name: string;
  tier: string;
  orgName: string;
  memberCount: number;
  status: string;
  children: TreeNode[];
}
interface Team {
  id: number;
  name: string;
  tier: string;
  kind: string;
  orgId: number;
  parentId: number | null;
  parentName: string | null;
  leaderName: string | null;
  memberCount: number;
  pendingCount: number;
  acceptingApplications: boolean;
  status: string;
  deputies: Array<{ volunteerId: number; name: string }>;
}
interface Member {
  id: number;
  volunteerId: number;
  name: string;
  phone: string | null;
  role: string;
  status: string;
  source: string;
}

const CHINESE = /[\u4e00-\u9fa5]/;
const flatten = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const tag = crypto.randomBytes(3).toString('hex');

let t: TestContext;
let center: ReturnType<typeof as>;
let institute: ReturnType<typeof as>;
let station: ReturnType<typeof as>;
let station2: ReturnType<typeof as>;
let stationSession: Session;
let station2Session: Session;
let instituteOrg: OrgRef; // 城北街道
let stationOrg: OrgRef; // 东风社区 (demo-station)
let southStation: OrgRef; // demo-station2's, in 城南街道
let southInstitute: number;
/** The institute's 大队, the station's 中队 under it, and a 大队 of 城南街道. */
let brigade: Team;
let squadron: Team;
let southBrigade: Team;

const db = () => t.ctx.db.system;

function expectError(res: LightMyRequestResponse, status: number | number[], code?: string) {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, `${res.statusCode} ${res.body}`).toContain(res.statusCode);
  const body = res.json() as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
  return body;
}

async function createTeam(client: ReturnType<typeof as>, body: Record<string, unknown>): Promise<Team> {
  const res = await client.post('/api/teams', { kind: 'regular', description: `队伍简介 ${XSS}`, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Team;
}

async function members(client: ReturnType<typeof as>, teamId: number, query = ''): Promise<Member[]> {
  const res = await client.get(`/api/teams/${teamId}/members?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Member[];
}

async function memberIdOf(client: ReturnType<typeof as>, teamId: number, volunteerId: number) {
  const found = (await members(client, teamId)).find((m) => m.volunteerId === volunteerId);
  expect(found, `volunteer ${volunteerId} in team ${teamId}`).toBeDefined();
  return found!.id;
}

const membership = (teamId: number, volunteerId: number) =>
  db()
    .selectFrom('team_members')
    .select(['id', 'status', 'role', 'source'])
    .where('team_id', '=', teamId)
    .where('volunteer_id', '=', volunteerId)
    .orderBy('id', 'desc')
    .executeTakeFirst();

const activeLeaders = (teamId: number) =>
  countOf(
    db(),
    sql`SELECT count(*) AS n FROM team_members WHERE team_id = ${teamId} AND role = 'leader' AND status = 'active'`,
  );

beforeAll(async () => {
  t = await createTestContext();
  center = as(t.app, await login(t.app, 'demo-center'));
  institute = as(t.app, await login(t.app, 'demo-institute'));
  stationSession = await login(t.app, 'demo-station');
  station = as(t.app, stationSession);
  station2Session = await login(t.app, 'demo-station2');
  station2 = as(t.app, station2Session);
  instituteOrg = await orgOfUser(db(), 'demo-institute');
  stationOrg = await orgOfUser(db(), 'demo-station');
  southStation = await orgOfUser(db(), 'demo-station2');
  southInstitute = southStation.parentId!;
  expect(stationOrg.parentId).toBe(instituteOrg.id);

  brigade = await createTeam(institute, {
    orgId: instituteOrg.id,
    name: `城北志愿服务大队${tag}`,
    tier: 'brigade',
  });
  // the institute may place a team at its station under its own brigade (the station admin's own
  // attempt is a test of its own below)
  squadron = await createTeam(institute, {
    orgId: stationOrg.id,
    parentId: brigade.id,
    name: `东风志愿服务中队${tag}`,
    tier: 'squadron',
  });
  southBrigade = await createTeam(center, {
    orgId: southInstitute,
    name: `城南志愿服务大队${tag}`,
    tier: 'brigade',
  });
});
afterAll(async () => {
  await t?.close();
});

describe('creating teams', () => {
  it('an institute’s 大队 and a station’s 中队 under it (a parent in an org above)', async () => {
    expect(brigade).toMatchObject({
      tier: 'brigade',
      kind: 'regular',
      orgId: instituteOrg.id,
      parentId: null,
      memberCount: 0,
      pendingCount: 0,
      leaderName: null,
      acceptingApplications: true,
      status: 'active',
      deputies: [],
    });
    expect(squadron).toMatchObject({
      tier: 'squadron',
      orgId: stationOrg.id,
      parentId: brigade.id,
      parentName: brigade.name,
    });
    // text is stored and returned as text
    const detail = await station.get(`/api/teams/${squadron.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().description).toBe(`队伍简介 ${XSS}`);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['actor_username'])
      .where('action', '=', 'team.create')
      .where('resource_id', '=', String(squadron.id))
      .execute();
    expect(audit).toEqual([{ actor_username: 'demo-institute' }]);
  });

  it('a station admin hangs its own 中队 under the institute’s 大队 (visible from below, not editable)', async () => {
    const seen = await station.get(`/api/teams/${brigade.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ id: brigade.id, orgId: instituteOrg.id });
    const own = await station.post('/api/teams', {
      orgId: stationOrg.id,
      parentId: brigade.id,
      name: `站建中队${tag}`,
      tier: 'squadron',
      kind: 'regular',
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      orgId: stationOrg.id,
      parentId: brigade.id,
      parentName: brigade.name,
    });
  });

  it('refuses illegal teams and changes nothing', async () => {
    const before = await tableDigest(db(), 'teams');
    // a squadron cannot be the parent of a brigade, nor of another squadron
    expectError(
      await station.post('/api/teams', {
        orgId: stationOrg.id,
        parentId: squadron.id,
        name: `越级大队${tag}`,
        tier: 'brigade',
        kind: 'regular',
      }),
      400,
      'ILLEGAL_TIER',
    );
    expectError(
      await station.post('/api/teams', {
        orgId: stationOrg.id,
        parentId: squadron.id,
        name: `平级中队${tag}`,
        tier: 'squadron',
        kind: 'regular',
      }),
      400,
      'ILLEGAL_TIER',
    );
    // a parent team of another town: invisible to the station, out of line for the centre
    expectError(
      await station.post('/api/teams', {
        orgId: stationOrg.id,
        parentId: southBrigade.id,
        name: `跨镇中队${tag}`,
        tier: 'squadron',
        kind: 'regular',
      }),
      [400, 404],
    );
    expectError(
      await center.post('/api/teams', {
        orgId: stationOrg.id,
        parentId: southBrigade.id,
        name: `跨镇中队${tag}`,
        tier: 'squadron',
        kind: 'regular',
      }),
      400,
      'PARENT_OUT_OF_LINE',
    );
    // a parent below the team's own org
    expectError(
      await institute.post('/api/teams', {
        orgId: instituteOrg.id,
        parentId: squadron.id,
        name: `倒挂小队${tag}`,
        tier: 'squad',
        kind: 'regular',
      }),
      400,
      'PARENT_OUT_OF_LINE',
    );
    // a professional team needs its responsible unit and yearly target
    const professional = { orgId: instituteOrg.id, tier: 'brigade', kind: 'professional' };
    expectError(
      await institute.post('/api/teams', { ...professional, name: `医疗队${tag}`, yearlyServiceTarget: 500 }),
      400,
      'RESPONSIBLE_UNIT_REQUIRED',
    );
    expectError(
      await institute.post('/api/teams', {
        ...professional,
        name: `医疗队${tag}`,
        responsibleUnit: '县医院',
      }),
      400,
      'TARGET_REQUIRED',
    );
    // the same name twice in one org
    expectError(
      await institute.post('/api/teams', {
        orgId: instituteOrg.id,
        name: brigade.name,
        tier: 'brigade',
        kind: 'regular',
      }),
      409,
      'DUPLICATE_TEAM_NAME',
    );
    // an org outside the caller's subtree — another town, or the org above
    for (const orgId of [southStation.id, instituteOrg.id]) {
      expectError(
        await station.post('/api/teams', { orgId, name: `越权队${tag}`, tier: 'squad', kind: 'regular' }),
        404,
      );
    }
    // malformed input
    for (const body of [
      { orgId: stationOrg.id, name: 'x', tier: 'squad', kind: 'regular' },
      { orgId: stationOrg.id, name: `无层级${tag}`, tier: 'army', kind: 'regular' },
      { orgId: stationOrg.id, name: `负目标${tag}`, tier: 'squad', kind: 'regular', yearlyServiceTarget: -1 },
    ]) {
      expectError(await station.post('/api/teams', body), 400);
    }
    expect(await tableDigest(db(), 'teams')).toBe(before);
  });

  it('accepts a professional team with both fields, and a name reused in another org', async () => {
    const professional = await createTeam(institute, {
      orgId: instituteOrg.id,
      name: `医疗志愿服务队${tag}`,
      tier: 'brigade',
      kind: 'professional',
      platform: 'health',
      responsibleUnit: '县人民医院',
      yearlyServiceTarget: 1200,
    });
    expect(professional).toMatchObject({ responsibleUnit: '县人民医院', yearlyServiceTarget: 1200 });
    // unique per org only
    await createTeam(station, { orgId: stationOrg.id, name: brigade.name, tier: 'squad' });
  });
});

describe('editing and dissolving', () => {
  it('refuses a cycle and tiers out of order; the station cannot edit the institute’s team', async () => {
    const top = await createTeam(institute, {
      orgId: instituteOrg.id,
      name: `环大队${tag}`,
      tier: 'brigade',
    });
    const child = await createTeam(institute, {
      orgId: instituteOrg.id,
      parentId: top.id,
      name: `环中队${tag}`,
      tier: 'squadron',
    });
    const grandchild = await createTeam(institute, {
      orgId: instituteOrg.id,
      parentId: child.id,
      name: `环小队${tag}`,
      tier: 'squad',
    });
    const before = await tableDigest(db(), 'teams');
    // the top under its own grandchild (as a detachment, so only the cycle is wrong)
    expectError(
      await institute.patch(`/api/teams/${top.id}`, { parentId: grandchild.id, tier: 'detachment' }),
      400,
      'TEAM_CYCLE',
    );
    expectError(await institute.patch(`/api/teams/${top.id}`, { parentId: top.id }), 400);
    // a tier no higher than its children's
    expectError(await institute.patch(`/api/teams/${top.id}`, { tier: 'squad' }), 400, 'ILLEGAL_TIER');
    // a professional team without its unit
    expectError(await institute.patch(`/api/teams/${top.id}`, { kind: 'professional' }), 400);
    // visible from below, but not editable there
    expectError(await station.patch(`/api/teams/${brigade.id}`, { name: `篡改${tag}` }), 404);
    expectError(await station.post(`/api/teams/${brigade.id}/dissolve`), 404);
    expect(await tableDigest(db(), 'teams')).toBe(before);

    const renamed = await institute.patch(`/api/teams/${grandchild.id}`, {
      name: `环小队改名${tag}`,
      acceptingApplications: false,
      serviceCategories: ['elderly', 'children'],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: `环小队改名${tag}`,
      acceptingApplications: false,
      serviceCategories: ['elderly', 'children'],
      parentId: child.id,
    });
  });

  it('refuses to dissolve a team with active children; a dissolved leaf’s members leave', async () => {
    const parent = await createTeam(station, {
      orgId: stationOrg.id,
      name: `解散中队${tag}`,
      tier: 'squadron',
    });
    const leaf = await createTeam(station, {
      orgId: stationOrg.id,
      parentId: parent.id,
      name: `解散小队${tag}`,
      tier: 'squad',
    });
    const a = await createVolunteer(t, stationSession, stationOrg.id);
    const b = await createVolunteer(t, stationSession, stationOrg.id);
    expect(
      (await station.post(`/api/teams/${leaf.id}/members`, { volunteerIds: [a.id, b.id] })).json(),
    ).toEqual({
      added: 2,
      skipped: 0,
    });

    expectError(await station.post(`/api/teams/${parent.id}/dissolve`), 409, 'TEAM_HAS_CHILDREN');
    expect((await station.get(`/api/teams/${parent.id}`)).json().status).toBe('active');

    const dissolved = await station.post(`/api/teams/${leaf.id}/dissolve`);
    expect(dissolved.statusCode, dissolved.body).toBe(200);
    expect(dissolved.json()).toMatchObject({
      status: 'dissolved',
      acceptingApplications: false,
      memberCount: 0,
    });
    for (const v of [a, b]) expect((await membership(leaf.id, v.id))!.status).toBe('left');
    expectError(await station.post(`/api/teams/${leaf.id}/dissolve`), 409);
    expectError(await station.post(`/api/teams/${leaf.id}/members`, { volunteerIds: [a.id] }), 409);
    // nobody can hang a team under a dissolved one
    expectError(
      await station.post('/api/teams', {
        orgId: stationOrg.id,
        parentId: leaf.id,
        name: `孤儿小分队${tag}`,
        tier: 'detachment',
        kind: 'regular',
      }),
      400,
    );
    // with its only child gone, the parent can go too
    expect((await station.post(`/api/teams/${parent.id}/dissolve`)).statusCode).toBe(200);
  });
});

describe('the tree and the list', () => {
  it('the institute sees its brigade with the station’s squadron as a child', async () => {
    const res = await institute.get('/api/teams/tree');
    expect(res.statusCode, res.body).toBe(200);
    const roots = res.json() as TreeNode[];
    const node = roots.find((n) => n.id === brigade.id);
    expect(node, 'brigade is a root').toBeDefined();
    expect(node!.children.map((c) => c.id)).toContain(squadron.id);
    expect(node!.children.find((c) => c.id === squadron.id)).toMatchObject({
      tier: 'squadron',
      name: squadron.name,
    });
    const all = flatten(roots).map((n) => n.id);
    expect(all).not.toContain(southBrigade.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('the station sees its squadron as a root; the centre sees both towns; orgId narrows', async () => {
    const own = flatten((await station.get('/api/teams/tree')).json());
    expect(own.map((n) => n.id)).toContain(squadron.id);
    expect(own.map((n) => n.id)).not.toContain(brigade.id);
    const whole = flatten((await center.get('/api/teams/tree')).json()).map((n) => n.id);
    expect(whole).toEqual(expect.arrayContaining([brigade.id, squadron.id, southBrigade.id]));
    const narrowed = flatten((await institute.get(`/api/teams/tree?orgId=${stationOrg.id}`)).json()).map(
      (n) => n.id,
    );
    expect(narrowed).toContain(squadron.id);
    expect(narrowed).not.toContain(brigade.id);
  });

  it('lists with tier, kind and keyword filters', async () => {
    const list = async (query: string) => {
      const res = await institute.get(`/api/teams?pageSize=200&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Team[]; total: number };
    };
    const brigades = await list('tier=brigade');
    expect(brigades.items.every((i) => i.tier === 'brigade')).toBe(true);
    expect(brigades.items.map((i) => i.id)).toContain(brigade.id);
    expect(brigades.items.map((i) => i.id)).not.toContain(squadron.id);
    const professional = await list('kind=professional');
    expect(professional.items.length).toBeGreaterThan(0);
    expect(professional.items.every((i) => i.kind === 'professional')).toBe(true);
    const byKeyword = await list(`keyword=${encodeURIComponent(`东风志愿服务中队${tag}`)}`);
    expect(byKeyword.items.map((i) => i.id)).toEqual([squadron.id]);
    expect(byKeyword.total).toBe(1);
    expect(byKeyword.items[0]).toMatchObject({ orgId: stationOrg.id, parentName: brigade.name });
    const wildcard = await list('keyword=%25');
    expect(wildcard.items.every((i) => i.name.includes('%'))).toBe(true);
    // another town's station sees none of 城北's teams
    const foreign = await station2.get(`/api/teams?keyword=${tag}&pageSize=200`);
    expect(foreign.json().items.map((i: Team) => i.id)).toEqual([]);
  });
});

describe('membership (admin)', () => {
  it('adds volunteers (again → skipped), in several teams, one leader, deputies, removal', async () => {
    const team = await createTeam(station, {
      orgId: stationOrg.id,
      name: `队员中队${tag}`,
      tier: 'squadron',
    });
    const squad = await createTeam(station, {
      orgId: stationOrg.id,
      parentId: team.id,
      name: `队员小队${tag}`,
      tier: 'squad',
    });
    const [v1, v2, v3] = [
      await createVolunteer(t, stationSession, stationOrg.id),
      await createVolunteer(t, stationSession, stationOrg.id),
      await createVolunteer(t, stationSession, stationOrg.id),
    ];
    const add = (teamId: number, body: unknown) => station.post(`/api/teams/${teamId}/members`, body);
    expect((await add(team.id, { volunteerIds: [v1!.id, v2!.id] })).json()).toEqual({ added: 2, skipped: 0 });
    expect((await add(team.id, { volunteerIds: [v1!.id, v2!.id, v3!.id, v3!.id] })).json()).toEqual({
      added: 1,
      skipped: 2,
    });
    expect((await add(squad.id, { volunteerIds: [v1!.id] })).json()).toEqual({ added: 1, skipped: 0 });
    const listed = await members(station, team.id);
    expect(listed.map((m) => m.volunteerId).sort()).toEqual([v1!.id, v2!.id, v3!.id].sort());
    for (const m of listed) {
      expect(m).toMatchObject({ role: 'member', status: 'active', source: 'admin' });
      expect(m.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }

    // one volunteer, two teams
    const detail = await station.get(`/api/volunteers/${v1!.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(
      detail
        .json()
        .teams.map((m: { teamId: number }) => m.teamId)
        .sort(),
    ).toEqual([team.id, squad.id].sort());
    const byTeam = await station.get(`/api/volunteers?teamId=${squad.id}`);
    expect(byTeam.json().items.map((v: { id: number }) => v.id)).toEqual([v1!.id]);

    // a second leader demotes the first
    const m1 = await memberIdOf(station, team.id, v1!.id);
    const m2 = await memberIdOf(station, team.id, v2!.id);
    const m3 = await memberIdOf(station, team.id, v3!.id);
    const first = await station.patch(`/api/teams/${team.id}/members/${m1}`, { role: 'leader' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: m1, role: 'leader' });
    expect((await station.get(`/api/teams/${team.id}`)).json().leaderName).toBe(v1!.name);
    const second = await station.patch(`/api/teams/${team.id}/members/${m2}`, { role: 'leader' });
    expect(second.statusCode, second.body).toBe(200);
    expect((await membership(team.id, v1!.id))!.role).toBe('member');
    expect(await activeLeaders(team.id)).toBe(1);
    expect((await members(station, team.id, '&role=leader')).map((m) => m.volunteerId)).toEqual([v2!.id]);
    // leading one team changes nothing in the other
    expect((await membership(squad.id, v1!.id))!.role).toBe('member');
    // adding a new leader directly also demotes the current one; two at once is refused
    expectError(await add(team.id, { volunteerIds: [v1!.id, v3!.id], role: 'leader' }), 400, 'ONE_LEADER');
    expect((await add(team.id, { volunteerIds: [v1!.id], role: 'leader' })).json()).toEqual({
      added: 0,
      skipped: 1,
    });
    expect(await activeLeaders(team.id)).toBe(1);
    expect((await membership(team.id, v1!.id))!.role).toBe('leader');
    expect((await membership(team.id, v2!.id))!.role).toBe('member');

    const deputy = await station.patch(`/api/teams/${team.id}/members/${m3}`, { role: 'deputy' });
    expect(deputy.statusCode, deputy.body).toBe(200);
    expect((await station.get(`/api/teams/${team.id}`)).json().deputies).toEqual([
      { volunteerId: v3!.id, name: v3!.name },
    ]);

    // the list shows the counts and the leader
    const row = (await station.get(`/api/teams?keyword=${encodeURIComponent(team.name)}`)).json().items[0];
    expect(row).toMatchObject({ id: team.id, memberCount: 3, pendingCount: 0, leaderName: v1!.name });

    // removal
    const removed = await station.delete(`/api/teams/${team.id}/members/${m3}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ ok: true });
    expect((await membership(team.id, v3!.id))!.status).toBe('left');
    expectError(await station.delete(`/api/teams/${team.id}/members/${m3}`), 409);
    expectError(await station.patch(`/api/teams/${team.id}/members/${m3}`, { role: 'leader' }), 409);
    expect((await station.get(`/api/teams/${team.id}`)).json()).toMatchObject({
      memberCount: 2,
      deputies: [],
    });
    expect((await members(station, team.id, '&status=active')).map((m) => m.volunteerId).sort()).toEqual(
      [v1!.id, v2!.id].sort(),
    );
    // a member who left can be added again
    expect((await add(team.id, { volunteerIds: [v3!.id] })).json()).toEqual({ added: 1, skipped: 0 });
    // a member id of another team is not found through this one
    expectError(await station.delete(`/api/teams/${squad.id}/members/${m1}`), 404);
  });

  it('refuses volunteers outside the admin’s scope or suspended', async () => {
    const team = await createTeam(station, { orgId: stationOrg.id, name: `范围小队${tag}`, tier: 'squad' });
    const foreign = await createVolunteer(t, station2Session, southStation.id);
    const local = await createVolunteer(t, stationSession, stationOrg.id);
    const before = await tableDigest(db(), 'team_members');
    expectError(
      await station.post(`/api/teams/${team.id}/members`, { volunteerIds: [local.id, foreign.id] }),
      400,
      'VOLUNTEER_UNAVAILABLE',
    );
    expectError(await station.post(`/api/teams/${team.id}/members`, { volunteerIds: [99999999] }), 400);
    const suspended = await station.post(`/api/volunteers/${local.id}/suspend`, { reason: '长期联系不上' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expectError(await station.post(`/api/teams/${team.id}/members`, { volunteerIds: [local.id] }), 400);
    expectError(await station.post(`/api/teams/${team.id}/members`, { volunteerIds: [] }), 400);
    expect(await tableDigest(db(), 'team_members')).toBe(before);
  });

  it('an institute admin may add its stations’ volunteers to the institute’s brigade', async () => {
    const team = await createTeam(institute, {
      orgId: instituteOrg.id,
      name: `所级大队${tag}`,
      tier: 'brigade',
    });
    const v = await createVolunteer(t, stationSession, stationOrg.id);
    const res = await institute.post(`/api/teams/${team.id}/members`, {
      volunteerIds: [v.id],
      role: 'leader',
    });
    expect(res.json()).toEqual({ added: 1, skipped: 0 });
    expect((await institute.get(`/api/teams/${team.id}`)).json().leaderName).toBe(v.name);
    // the station admin sees the institute's team, but cannot manage its members
    expectError(await station.get(`/api/teams/${team.id}/members`), 404);
  });
});

describe('applying on H5', () => {
  let a: RegisteredVolunteer; // the squadron's leader
  let b: RegisteredVolunteer; // the applicant
  let h5Squadron: Team;
  let h5Brigade: Team;
  const asA = () => as(t.app, a.session);
  const asB = () => as(t.app, b.session);

  beforeAll(async () => {
    a = await registerVolunteer(t, stationOrg.id);
    b = await registerVolunteer(t, stationOrg.id);
    h5Squadron = await createTeam(station, {
      orgId: stationOrg.id,
      name: `报名中队${tag}`,
      tier: 'squadron',
    });
    h5Brigade = await createTeam(institute, {
      orgId: instituteOrg.id,
      name: `报名大队${tag}`,
      tier: 'brigade',
    });
    const made = await station.post(`/api/teams/${h5Squadron.id}/members`, {
      volunteerIds: [a.id],
      role: 'leader',
    });
    expect(made.json()).toEqual({ added: 1, skipped: 0 });
  });

  it('a volunteer applies, the leader approves, the volunteer leaves', async () => {
    const available = await asB().get('/api/me/teams/available');
    expect(available.statusCode, available.body).toBe(200);
    const ids = available.json().map((i: Team) => i.id);
    expect(ids).toEqual(expect.arrayContaining([h5Squadron.id, squadron.id]));
    expect(ids).not.toContain(southBrigade.id);

    const applied = await asB().post(`/api/me/teams/${h5Squadron.id}/apply`, { note: `我想参加 ${XSS}` });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'pending' });
    const memberId = applied.json().memberId as number;
    expectError(await asB().post(`/api/me/teams/${h5Squadron.id}/apply`, {}), 409, 'ALREADY_APPLIED');
    expect((await asB().get('/api/me/teams/available')).json().map((i: Team) => i.id)).not.toContain(
      h5Squadron.id,
    );
    expect((await station.get(`/api/teams/${h5Squadron.id}`)).json().pendingCount).toBe(1);

    const mine = await asA().get('/api/me/teams');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().find((m: { teamId: number }) => m.teamId === h5Squadron.id)).toMatchObject({
      role: 'leader',
      status: 'active',
      pendingApplications: 1,
    });
    const applications = await asA().get(`/api/me/teams/${h5Squadron.id}/applications`);
    expect(applications.statusCode, applications.body).toBe(200);
    expect(applications.json()).toHaveLength(1);
    expect(applications.json()[0]).toMatchObject({
      id: memberId,
      volunteerId: b.id,
      status: 'pending',
      source: 'application',
      applicationNote: `我想参加 ${XSS}`,
    });
    expect(applications.json()[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);

    // the applicant cannot decide, nor see the queue
    expectError(
      await asB().post(`/api/me/team-applications/${memberId}/approve`, {}),
      403,
      'NOT_TEAM_LEADER',
    );
    expectError(await asB().get(`/api/me/teams/${h5Squadron.id}/applications`), 403, 'NOT_TEAM_LEADER');
    expect((await membership(h5Squadron.id, b.id))!.status).toBe('pending');

    const approved = await asA().post(`/api/me/team-applications/${memberId}/approve`, { note: '欢迎' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ id: memberId, status: 'active', decisionNote: '欢迎' });
    expectError(await asA().post(`/api/me/team-applications/${memberId}/approve`, {}), 409);
    const bTeams = (await asB().get('/api/me/teams')).json();
    expect(bTeams.find((m: { teamId: number }) => m.teamId === h5Squadron.id)).toMatchObject({
      status: 'active',
      role: 'member',
      pendingApplications: null,
    });
    expect((await asA().get('/api/me/teams')).json()[0].pendingApplications).toBe(0);

    const left = await asB().post(`/api/me/teams/${h5Squadron.id}/leave`);
    expect(left.statusCode, left.body).toBe(200);
    expect((await membership(h5Squadron.id, b.id))!.status).toBe('left');
    expectError(await asB().post(`/api/me/teams/${h5Squadron.id}/leave`), 404);
    expect((await asB().get('/api/me/teams')).json().map((m: { teamId: number }) => m.teamId)).not.toContain(
      h5Squadron.id,
    );
  });

  it('the teams of the orgs above are open to apply to as well (the institute’s 大队)', async () => {
    const available = await asB().get('/api/me/teams/available');
    expect(available.statusCode, available.body).toBe(200);
    const ids = available.json().map((i: Team) => i.id);
    expect(ids).toEqual(expect.arrayContaining([h5Brigade.id, brigade.id]));
    expect(ids).not.toContain(southBrigade.id);
    // size and leader are public team facts, also for teams above the volunteer's own org (the
    // seeded 大队 and county professional teams have members); pending counts are not
    const seen = available.json() as Team[];
    const staffed = seen.filter((i) => i.memberCount > 0);
    expect(staffed.length).toBeGreaterThan(0);
    for (const team of staffed.slice(0, 5)) {
      const truth = (await center.get(`/api/teams/${team.id}`)).json() as Team;
      expect(team).toMatchObject({
        memberCount: truth.memberCount,
        leaderName: truth.leaderName,
        pendingCount: 0,
      });
    }
  });

  it('the leader can reject, and the applicant can withdraw a pending application', async () => {
    const first = await asB().post(`/api/me/teams/${h5Squadron.id}/apply`, {});
    expect(first.statusCode, first.body).toBe(200);
    const rejected = await asA().post(`/api/me/team-applications/${first.json().memberId}/reject`, {
      note: '名额已满',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '名额已满' });
    const second = await asB().post(`/api/me/teams/${h5Squadron.id}/apply`, {});
    expect(second.statusCode, second.body).toBe(200);
    expect((await asB().post(`/api/me/teams/${h5Squadron.id}/leave`)).statusCode).toBe(200);
    expect((await asA().get(`/api/me/teams/${h5Squadron.id}/applications`)).json()).toEqual([]);
  });

  it('a leader of the institute’s brigade approves there (delegated scope), but not in other teams', async () => {
    const made = await institute.post(`/api/teams/${h5Brigade.id}/members`, {
      volunteerIds: [a.id],
      role: 'leader',
    });
    expect(made.json()).toEqual({ added: 1, skipped: 0 });
    const applied = await asB().post(`/api/me/teams/${h5Brigade.id}/apply`, {});
    expect(applied.statusCode, applied.body).toBe(200);
    const toOther = await asB().post(`/api/me/teams/${brigade.id}/apply`, {});
    expect(toOther.statusCode, toOther.body).toBe(200);

    const queue = await asA().get(`/api/me/teams/${h5Brigade.id}/applications`);
    expect(queue.json().map((m: Member) => m.volunteerId)).toEqual([b.id]);
    // A leads h5Brigade and h5Squadron, not the institute's other brigade
    expectError(await asA().get(`/api/me/teams/${brigade.id}/applications`), 403, 'NOT_TEAM_LEADER');
    expectError(
      await asA().post(`/api/me/team-applications/${toOther.json().memberId}/approve`, {}),
      403,
      'NOT_TEAM_LEADER',
    );
    expect((await membership(brigade.id, b.id))!.status).toBe('pending');

    const approved = await asA().post(`/api/me/team-applications/${applied.json().memberId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', volunteerId: b.id });
    expect((await institute.get(`/api/teams/${h5Brigade.id}`)).json()).toMatchObject({
      memberCount: 2,
      pendingCount: 0,
      leaderName: a.name,
    });
    // the institute admin decides the other application
    const admin = await institute.post(
      `/api/teams/${brigade.id}/members/${toOther.json().memberId}/reject`,
      {},
    );
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json().status).toBe('rejected');
  });

  it('a leader decides a pending application in an institute team in that team’s scope', async () => {
    // the application is written straight to the table so this checks the leader's delegated
    // scope on its own, whatever the apply route does
    const team = await createTeam(institute, {
      orgId: instituteOrg.id,
      name: `委托大队${tag}`,
      tier: 'brigade',
    });
    expect(
      (
        await institute.post(`/api/teams/${team.id}/members`, { volunteerIds: [a.id], role: 'leader' })
      ).json(),
    ).toEqual({ added: 1, skipped: 0 });
    const pending = await db()
      .insertInto('team_members')
      .values({
        team_id: team.id,
        volunteer_id: b.id,
        org_path: instituteOrg.path,
        role: 'member',
        status: 'pending',
        source: 'application',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const queue = await asA().get(`/api/me/teams/${team.id}/applications`);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().map((m: Member) => m.id)).toEqual([pending.id]);
    expectError(
      await asB().post(`/api/me/team-applications/${pending.id}/approve`, {}),
      403,
      'NOT_TEAM_LEADER',
    );
    const approved = await asA().post(`/api/me/team-applications/${pending.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', volunteerId: b.id });
    expect((await institute.get(`/api/teams/${team.id}`)).json()).toMatchObject({
      memberCount: 2,
      leaderName: a.name,
    });
  });

  it('a volunteer’s own team list includes teams of the orgs above', async () => {
    const team = await createTeam(institute, {
      orgId: instituteOrg.id,
      name: `我的大队${tag}`,
      tier: 'brigade',
    });
    await institute.post(`/api/teams/${team.id}/members`, { volunteerIds: [b.id] });
    expect((await membership(team.id, b.id))!.status).toBe('active');
    const mine = await asB().get('/api/me/teams');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().map((m: { teamId: number }) => m.teamId)).toContain(team.id);
    const detail = await asB().get('/api/me/volunteer');
    expect(detail.json().teams.map((m: { teamId: number }) => m.teamId)).toContain(team.id);
  });

  it('a volunteer of another town cannot reach 城北’s teams; admins have no H5 pages', async () => {
    const c = await registerVolunteer(t, southStation.id);
    const asC = as(t.app, c.session);
    const available = await asC.get('/api/me/teams/available');
    expect(available.statusCode, available.body).toBe(200);
    const ids = available.json().map((i: Team) => i.id);
    expect(ids).not.toContain(h5Squadron.id);
    expect(ids).not.toContain(brigade.id);
    const before = await tableDigest(db(), 'team_members');
    expectError(await asC.post(`/api/me/teams/${h5Squadron.id}/apply`, {}), [403, 404]);
    expectError(await asC.post(`/api/me/teams/${brigade.id}/apply`, {}), [403, 404]);
    expectError(await asC.get(`/api/me/teams/${h5Squadron.id}/applications`), 403);
    expect(await tableDigest(db(), 'team_members')).toBe(before);
    // a closed team takes no applications
    const closed = await createTeam(station2, {
      orgId: southStation.id,
      name: `不招募小队${tag}`,
      tier: 'squad',
      acceptingApplications: false,
    });
    expectError(await asC.post(`/api/me/teams/${closed.id}/apply`, {}), 409, 'TEAM_CLOSED');
    // business admins are not volunteers
    expectError(await station.get('/api/me/teams'), 403);
    expectError(await station.post(`/api/me/teams/${h5Squadron.id}/apply`, {}), 403);
    // volunteers are not admins
    expectError(await asC.get(`/api/teams/${southBrigade.id}`), 403);
    expectError(await asC.post(`/api/teams/${southBrigade.id}/members`, { volunteerIds: [c.id] }), 403);
  });
});

describe('scope: another town’s station admin', () => {
  it('cannot read, edit, dissolve, list, add to or decide in a 城北 team; nothing changes', async () => {
    const member = await createVolunteer(t, stationSession, stationOrg.id);
    await station.post(`/api/teams/${squadron.id}/members`, { volunteerIds: [member.id] });
    const memberId = await memberIdOf(station, squadron.id, member.id);
    const applicant = await registerVolunteer(t, stationOrg.id);
    const applied = await as(t.app, applicant.session).post(`/api/me/teams/${squadron.id}/apply`, {});
    expect(applied.statusCode, applied.body).toBe(200);
    const pendingId = applied.json().memberId as number;
    const own = await createVolunteer(t, station2Session, southStation.id);
    const ownTeam = await createTeam(station2, {
      orgId: southStation.id,
      name: `城南小队${tag}`,
      tier: 'squad',
    });

    const tables = ['teams', 'team_members', 'volunteers'];
    const before = await Promise.all(tables.map((table) => tableDigest(db(), table)));
    for (const target of [squadron.id, brigade.id]) {
      expectError(await station2.get(`/api/teams/${target}`), 404);
      expectError(await station2.patch(`/api/teams/${target}`, { name: `篡改${tag}` }), 404);
      expectError(await station2.post(`/api/teams/${target}/dissolve`), 404);
      expectError(await station2.get(`/api/teams/${target}/members`), 404);
      expectError(await station2.post(`/api/teams/${target}/members`, { volunteerIds: [own.id] }), 404);
    }
    expectError(
      await station2.patch(`/api/teams/${squadron.id}/members/${memberId}`, { role: 'leader' }),
      404,
    );
    expectError(await station2.delete(`/api/teams/${squadron.id}/members/${memberId}`), 404);
    for (const decision of ['approve', 'reject']) {
      expectError(await station2.post(`/api/teams/${squadron.id}/members/${pendingId}/${decision}`, {}), 404);
      // a foreign membership through the attacker's own team
      expectError(await station2.post(`/api/teams/${ownTeam.id}/members/${pendingId}/${decision}`, {}), 404);
    }
    expectError(await station2.delete(`/api/teams/${ownTeam.id}/members/${memberId}`), 404);
    // nor pull 城北's volunteer into its own team, nor hang its team under 城北's brigade
    expectError(
      await station2.post(`/api/teams/${ownTeam.id}/members`, { volunteerIds: [member.id] }),
      [400, 403, 404],
    );
    expectError(await station2.patch(`/api/teams/${ownTeam.id}`, { parentId: brigade.id }), [400, 404]);
    // lists and trees show nothing of 城北
    const tree = flatten((await station2.get('/api/teams/tree')).json()).map((n) => n.id);
    expect(tree).not.toContain(squadron.id);
    expect(tree).not.toContain(brigade.id);
    expect((await station2.get(`/api/teams?orgId=${stationOrg.id}`)).json()).toEqual({ items: [], total: 0 });
    expect((await station2.get(`/api/teams/tree?orgId=${stationOrg.id}`)).json()).toEqual([]);

    const after = await Promise.all(tables.map((table) => tableDigest(db(), table)));
    expect(after).toEqual(before);
    // the owner can do what was refused
    expect((await station.get(`/api/teams/${squadron.id}/members?status=pending`)).json().total).toBe(1);
    expect(
      (await station.post(`/api/teams/${squadron.id}/members/${pendingId}/approve`, {})).statusCode,
    ).toBe(200);
  });
});
