// Where a team leader's account may sit: it is bound to the team it leads and sits at that team's
// org — a county professional team's leader at the centre, a village 中队's at its station — so no
// team leader account acts on the county (or any org) as a whole.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import { client, expectError, orgIdOf, uniqueName, type UserView } from '../support/factories.ts';

let t: TestContext;
let security: Session;
let sec: ReturnType<typeof client>;
let centerId: number;
let stationId: number;
let stationTeam: { id: number; name: string };
let countyTeam: { id: number; name: string };

type LeaderView = UserView & { teamId: number | null; teamName: string | null };

const CHINESE = /[\u4e00-\u9fa5]/;

async function userCount(): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(t.ctx.db.system);
  return rows[0]!.n;
}

async function teamOf(orgId: number, kind?: string) {
  let q = t.ctx.db.system
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active');
  if (kind) q = q.where('kind', '=', kind);
  const row = await q.orderBy('id').executeTakeFirstOrThrow();
  return { id: Number(row.id), name: row.name };
}

beforeAll(async () => {
  t = await createTestContext();
  security = await login(t.app, 'demo-security');
  sec = client(t.app, security);
  centerId = await orgIdOf(t.ctx, 'center');
  const station = await t.ctx.db.system
    .selectFrom('users')
    .select('org_id')
    .where('username', '=', 'demo-station')
    .executeTakeFirstOrThrow();
  stationId = station.org_id;
  stationTeam = await teamOf(stationId);
  countyTeam = await teamOf(centerId, 'professional');
});
afterAll(() => t.close());

const leaderBody = (extra: Record<string, unknown>) => ({
  username: uniqueName('leader'),
  displayName: '队长',
  role: 'team_leader',
  ...extra,
});

describe('team leader accounts', () => {
  it('refuses a team leader at the county centre without a team (400, in Chinese), creating nothing', async () => {
    const before = await userCount();
    const body = expectError(
      await sec.post('/api/users', leaderBody({ orgId: centerId })),
      400,
      'TEAM_REQUIRED',
    );
    expect(body.message).toMatch(CHINESE);
    expect(await userCount()).toBe(before);
  });

  it('refuses a team that is not the account’s org’s own', async () => {
    const before = await userCount();
    // the station's team, with the account at the centre
    expectError(
      await sec.post('/api/users', leaderBody({ orgId: centerId, teamId: stationTeam.id })),
      400,
      'TEAM_ORG_MISMATCH',
    );
    // the county team, with the account at a station
    expectError(
      await sec.post('/api/users', leaderBody({ orgId: stationId, teamId: countyTeam.id })),
      400,
      'TEAM_ORG_MISMATCH',
    );
    expectError(await sec.post('/api/users', leaderBody({ orgId: stationId, teamId: 999_999_999 })), 400);
    expect(await userCount()).toBe(before);
  });

  it('refuses a team on any other role', async () => {
    expectError(
      await sec.post('/api/users', {
        username: uniqueName('admin'),
        displayName: '站管理员',
        role: 'station_admin',
        orgId: stationId,
        teamId: stationTeam.id,
      }),
      400,
      'TEAM_ONLY_FOR_LEADERS',
    );
  });

  it('binds a county team’s leader at the centre and a station team’s leader at the station', async () => {
    for (const [orgId, team] of [
      [centerId, countyTeam],
      [stationId, stationTeam],
    ] as const) {
      const res = await sec.post('/api/users', leaderBody({ orgId, teamId: team.id }));
      expect(res.statusCode, res.body).toBe(200);
      const { user } = res.json() as { user: LeaderView };
      expect(user).toMatchObject({ role: 'team_leader', orgId, teamId: team.id, teamName: team.name });
    }
  });

  it('offers the teams of the chosen org to pick from, to the security admin only', async () => {
    const res = await sec.get(`/api/users/team-options?orgId=${stationId}`);
    expect(res.statusCode, res.body).toBe(200);
    const options = res.json() as Array<{ id: number; name: string }>;
    expect(options.map((o) => o.id)).toContain(stationTeam.id);
    const own = await t.ctx.db.system
      .selectFrom('teams')
      .select('id')
      .where('org_id', '=', stationId)
      .where('status', '=', 'active')
      .execute();
    expect(options.map((o) => o.id).sort((a, b) => a - b)).toEqual(
      own.map((r) => Number(r.id)).sort((a, b) => a - b),
    );
    const center = client(t.app, await login(t.app, 'demo-center'));
    expectError(await center.get(`/api/users/team-options?orgId=${stationId}`), 403);
  });

  it('changes of role or org keep the binding right', async () => {
    const created = await sec.post('/api/users', {
      username: uniqueName('admin'),
      displayName: '站管理员',
      role: 'station_admin',
      orgId: stationId,
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as { user: UserView }).user.id;
    // becoming a leader needs the team
    expectError(await sec.patch(`/api/users/${id}`, { role: 'team_leader' }), 400, 'TEAM_REQUIRED');
    const promoted = await sec.patch(`/api/users/${id}`, { role: 'team_leader', teamId: stationTeam.id });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json()).toMatchObject({ role: 'team_leader', teamId: stationTeam.id });
    // moving the leader to the centre without a county team is refused
    expectError(await sec.patch(`/api/users/${id}`, { orgId: centerId }), 400, 'TEAM_ORG_MISMATCH');
    const moved = await sec.patch(`/api/users/${id}`, { orgId: centerId, teamId: countyTeam.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ orgId: centerId, teamId: countyTeam.id });
    // back to an admin role: the binding goes
    const back = await sec.patch(`/api/users/${id}`, { role: 'station_admin', orgId: stationId });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ role: 'station_admin', teamId: null });
  });

  it('the database holds the same rule', async () => {
    const db = t.ctx.db.system;
    const leader = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-leader')
      .executeTakeFirstOrThrow();
    await expect(
      db.updateTable('users').set({ team_id: countyTeam.id }).where('id', '=', leader.id).execute(),
    ).rejects.toThrow(/sits at its team's org/);
    const admin = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-station')
      .executeTakeFirstOrThrow();
    await expect(
      db.updateTable('users').set({ team_id: stationTeam.id }).where('id', '=', admin.id).execute(),
    ).rejects.toThrow(/users_team_only_leaders/);
  });
});
