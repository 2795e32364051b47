// A team leader's data scope is the team they lead (and its sub-teams), not their org's subtree:
// demo-leader leads the demo station's 中队 (team A, with a 小队 A1 below it) and must not list,
// read or change the volunteers, activities, sign-ups, check-ins or service records of another team
// of the same station (team B), nor a volunteer of the station outside the team — in the services
// and in PostgreSQL's row-level security alike. A leader bound to no team sees nothing.
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope, type Tx } from '../../src/platform/db/database.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, tableDigest, uniqueCode, type OrgRef } from '../support/org-factories.ts';
import { createVolunteer } from '../support/volunteer-factories.ts';

type Client = ReturnType<typeof as>;

let t: TestContext;
let station: OrgRef;
let stationAdmin: Client;
let leader: Client;
let leaderUserId: number;
const CHINESE = /[\u4e00-\u9fa5]/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The objects under test, filled in beforeAll. */
const ids = {
  teamA: 0, // the station's 中队, led by the demo volunteer; demo-leader's team
  teamA1: 0, // a 小队 under it
  teamB: 0, // another team of the same station
  memberA: 0, // a volunteer in team A
  memberA1: 0, // a volunteer in team A1 only
  memberB: 0, // a volunteer in team B only
  outsider: 0, // a volunteer of the station in no team
  participant: 0, // a volunteer of the station in no team, signed up for team A's activity
  activityA: 0,
  activityA1: 0,
  activityB: 0,
  activityNoTeam: 0, // the station's own activity, no team
  recordA: 0, // pending credit record of activity A (member A)
  recordParticipant: 0, // pending credit record of activity A (the participant)
  recordB: 0, // pending credit record of activity B (member B)
  recordBackfill: 0, // pending backfill of activity A (member A1), entered by the station admin
  recordManual: 0, // pending manual record of member A, entered by the station admin
  recordOpening: 0, // pending opening record of member A
};

/** Every table a leader's refused request could touch. */
const TABLES = [
  'volunteers',
  'teams',
  'team_members',
  'activities',
  'activity_signups',
  'activity_checkins',
  'activity_photos',
  'activity_plans',
  'service_records',
  'service_record_events',
];

async function ok<T = Record<string, unknown>>(
  res: LightMyRequestResponse | Promise<LightMyRequestResponse>,
) {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  return r.json() as T;
}

function refused(res: LightMyRequestResponse, statuses: number[]) {
  expect(statuses, `${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
  expect((res.json() as { message: string }).message).toMatch(CHINESE);
}

async function newTeam(name: string, parentId?: number): Promise<number> {
  const team = await ok<{ id: number }>(
    stationAdmin.post('/api/teams', {
      orgId: station.id,
      name: `${name}${uniqueCode('')}`,
      tier: 'squad',
      kind: 'regular',
      ...(parentId ? { parentId } : {}),
    }),
  );
  return team.id;
}

async function addMembers(teamId: number, volunteerIds: number[]) {
  await ok(stationAdmin.post(`/api/teams/${teamId}/members`, { volunteerIds }));
}

function activityInput(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 3 * DAY);
  return {
    title: '队伍活动',
    form: 'bang',
    place: '东风社区新时代文明实践站',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
    capacity: 20,
    ...overrides,
  };
}

async function publishedActivity(teamId: number | null): Promise<number> {
  const created = await ok<{ id: number }>(
    stationAdmin.post('/api/activities', activityInput(teamId ? { teamId, title: `队伍活动${teamId}` } : {})),
  );
  await ok(stationAdmin.post(`/api/activities/${created.id}/publish`));
  return created.id;
}

async function insertRecord(values: {
  volunteerId: number;
  source: 'activity' | 'manual' | 'opening';
  sourceId: number | null;
  kind: 'credit' | 'backfill' | 'manual' | 'opening';
  createdBy?: number;
}): Promise<number> {
  const db = t.ctx.db.system;
  const ended = new Date(Date.now() - DAY);
  const { id } = await db
    .insertInto('service_records')
    .values({
      volunteer_id: values.volunteerId,
      org_path: station.path,
      source: values.source,
      source_id: values.sourceId,
      kind: values.kind,
      status: 'pending',
      started_at: new Date(ended.getTime() - 2 * HOUR),
      ended_at: ended,
      minutes: 120,
      hours: 2,
      created_by: values.createdBy ?? null,
      ...(values.kind === 'opening' ? { origin: 'register', origin_name: '村登记簿' } : {}),
      created_at: t.ctx.now(),
      updated_at: t.ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('service_record_events')
    .values({ record_id: id, org_path: station.path, action: 'create', to_hours: 2, reason: '测试' })
    .execute();
  return id;
}

/** The teams a leader of `teamId` works for: it and every team below it. */
async function teamsBelow(teamId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    WITH RECURSIVE down AS (SELECT id FROM teams WHERE id = ${teamId}
      UNION SELECT t.id FROM teams t JOIN down d ON t.parent_id = d.id)
    SELECT id::int AS id FROM down`.execute(t.ctx.db.system);
  return rows.map((r) => r.id);
}

/** Active members of the given teams (the leader's roster). */
async function membersOf(teamIds: number[]): Promise<number[]> {
  const rows = await t.ctx.db.system
    .selectFrom('team_members')
    .select('volunteer_id')
    .distinct()
    .where('team_id', 'in', teamIds)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => Number(r.volunteer_id)).sort((a, b) => a - b);
}

/** Runs `work` on the application connection with the raw settings a team leader's request gets. */
function asLeaderSettings<T>(team: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return t.ctx.db.app.transaction().execute(async (tx) => {
    await sql`SELECT set_config('app.scope', ${station.path}, true), set_config('app.team', ${team}, true),
      set_config('app.user', ${String(leaderUserId)}, true)`.execute(tx);
    return work(tx);
  });
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.ctx.db.system;
  station = await orgOfUser(db, 'demo-station');
  const stationSession = await login(t.app, 'demo-station');
  stationAdmin = as(t.app, stationSession);
  leader = as(t.app, await login(t.app, 'demo-leader'));
  leaderUserId = (
    await db.selectFrom('users').select('id').where('username', '=', 'demo-leader').executeTakeFirstOrThrow()
  ).id;
  const stationAdminId = (
    await db.selectFrom('users').select('id').where('username', '=', 'demo-station').executeTakeFirstOrThrow()
  ).id;

  // team A: the station's 中队 the demo volunteer leads (the seed binds demo-leader to it)
  ids.teamA = Number(
    (
      await db
        .selectFrom('team_members as m')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .innerJoin('volunteers as v', 'v.id', 'm.volunteer_id')
        .innerJoin('users as u', 'u.id', 'v.user_id')
        .select('t.id')
        .where('u.username', '=', 'demo-volunteer')
        .where('t.org_id', '=', station.id)
        .where('t.tier', '=', 'squadron')
        .where('m.role', '=', 'leader')
        .where('m.status', '=', 'active')
        .executeTakeFirstOrThrow()
    ).id,
  );
  ids.teamA1 = await newTeam('A队下属小队', ids.teamA);
  ids.teamB = await newTeam('同站另一支队伍');

  const volunteer = async () => (await createVolunteer(t, stationSession, station.id)).id;
  [ids.memberA, ids.memberA1, ids.memberB, ids.outsider, ids.participant] = await Promise.all([
    volunteer(),
    volunteer(),
    volunteer(),
    volunteer(),
    volunteer(),
  ]);
  await addMembers(ids.teamA, [ids.memberA]);
  await addMembers(ids.teamA1, [ids.memberA1]);
  await addMembers(ids.teamB, [ids.memberB]);

  ids.activityA = await publishedActivity(ids.teamA);
  ids.activityA1 = await publishedActivity(ids.teamA1);
  ids.activityB = await publishedActivity(ids.teamB);
  ids.activityNoTeam = await publishedActivity(null);
  await ok(
    stationAdmin.post(`/api/activities/${ids.activityA}/signups`, {
      volunteerIds: [ids.memberA, ids.participant],
    }),
  );
  await ok(stationAdmin.post(`/api/activities/${ids.activityB}/signups`, { volunteerIds: [ids.memberB] }));

  ids.recordA = await insertRecord({
    volunteerId: ids.memberA,
    source: 'activity',
    sourceId: ids.activityA,
    kind: 'credit',
  });
  ids.recordParticipant = await insertRecord({
    volunteerId: ids.participant,
    source: 'activity',
    sourceId: ids.activityA,
    kind: 'credit',
  });
  ids.recordB = await insertRecord({
    volunteerId: ids.memberB,
    source: 'activity',
    sourceId: ids.activityB,
    kind: 'credit',
  });
  ids.recordBackfill = await insertRecord({
    volunteerId: ids.memberA1,
    source: 'activity',
    sourceId: ids.activityA,
    kind: 'backfill',
    createdBy: stationAdminId,
  });
  ids.recordManual = await insertRecord({
    volunteerId: ids.memberA,
    source: 'manual',
    sourceId: null,
    kind: 'manual',
    createdBy: stationAdminId,
  });
  ids.recordOpening = await insertRecord({
    volunteerId: ids.memberA,
    source: 'opening',
    sourceId: null,
    kind: 'opening',
    createdBy: stationAdminId,
  });
});
afterAll(async () => {
  await t?.close();
});

describe('demo-leader, bound to the station’s 中队', () => {
  it('is bound to the 中队 the demo volunteer leads, and the session says so', async () => {
    const { rows } = await sql<{ team_id: number | null }>`
      SELECT team_id FROM users WHERE username = 'demo-leader'`.execute(t.ctx.db.system);
    expect(Number(rows[0]!.team_id)).toBe(ids.teamA);
    const me = await ok<{ user: { teamId: number | null; teamName: string | null } }>(
      leader.get('/api/auth/me'),
    );
    expect(me.user.teamId).toBe(ids.teamA);
    expect(me.user.teamName).toMatch(CHINESE);
  });

  it('lists and reads only the volunteers of their team and its sub-teams', async () => {
    const roster = await membersOf(await teamsBelow(ids.teamA));
    const page = await ok<{ items: Array<{ id: number }>; total: number }>(
      leader.get('/api/volunteers?pageSize=200'),
    );
    expect(page.items.map((v) => v.id).sort((a, b) => a - b)).toEqual(roster);
    expect(page.total).toBe(roster.length);
    for (const id of [ids.memberA, ids.memberA1]) await ok(leader.get(`/api/volunteers/${id}`));
    for (const id of [ids.memberB, ids.outsider, ids.participant])
      refused(await leader.get(`/api/volunteers/${id}`), [404]);
    // filters cannot widen it
    expect(await ok(leader.get(`/api/volunteers?teamId=${ids.teamB}`))).toEqual({ items: [], total: 0 });
    const byOrg = await ok<{ items: Array<{ id: number }> }>(
      leader.get(`/api/volunteers?orgId=${station.id}&pageSize=200`),
    );
    expect(byOrg.items.map((v) => v.id)).not.toContain(ids.outsider);
  });

  it('lists and reads only their teams’ activities', async () => {
    const mine = await teamsBelow(ids.teamA);
    const page = await ok<{ items: Array<{ id: number; teamId: number | null }>; total: number }>(
      leader.get('/api/activities?pageSize=200'),
    );
    expect(page.items.length).toBeGreaterThan(0);
    for (const a of page.items) expect(mine).toContain(a.teamId);
    const listed = page.items.map((a) => a.id);
    expect(listed).toEqual(expect.arrayContaining([ids.activityA, ids.activityA1]));
    expect(listed).not.toContain(ids.activityB);
    expect(listed).not.toContain(ids.activityNoTeam);
    await ok(leader.get(`/api/activities/${ids.activityA1}`));
    for (const id of [ids.activityB, ids.activityNoTeam]) {
      refused(await leader.get(`/api/activities/${id}`), [404]);
      refused(await leader.get(`/api/activities/${id}/photos`), [404]);
      refused(await leader.get(`/api/activities/${id}/signups`), [404]);
      refused(await leader.get(`/api/activities/${id}/checkins`), [404]);
      refused(await leader.get(`/api/activities/${id}/checkins.xlsx`), [404]);
      refused(await leader.get(`/api/activities/${id}/checkin-code?direction=in`), [404]);
    }
  });

  it('cannot change another team’s activity, its sign-ups or check-ins, nor sign up outsiders', async () => {
    const before = Object.fromEntries(
      await Promise.all(TABLES.map(async (table) => [table, await tableDigest(t.ctx.db.system, table)])),
    );
    const b = ids.activityB;
    const attempts: Array<[string, Promise<LightMyRequestResponse>, number[]]> = [
      ['edit', leader.put(`/api/activities/${b}`, { title: '篡改' }), [404]],
      ['start', leader.post(`/api/activities/${b}/start`), [404]],
      ['finish', leader.post(`/api/activities/${b}/finish`), [404]],
      ['cancel', leader.post(`/api/activities/${b}/cancel`, { reason: '越权取消' }), [404]],
      ['archive', leader.put(`/api/activities/${b}/archive`, { summary: '篡改' }), [404]],
      ['sign up', leader.post(`/api/activities/${b}/signups`, { volunteerIds: [ids.memberA] }), [404]],
      ['remove a sign-up', leader.delete(`/api/activities/${b}/signups/${ids.memberB}`), [404]],
      [
        'check in',
        leader.post(`/api/activities/${b}/checkins`, {
          volunteerId: ids.memberB,
          direction: 'in',
          override: true,
          reason: '越权签到',
        }),
        [404],
      ],
      [
        'edit the station’s own activity',
        leader.put(`/api/activities/${ids.activityNoTeam}`, { title: '篡改' }),
        [404],
      ],
      [
        'sign up another team’s member for their own activity',
        leader.post(`/api/activities/${ids.activityA}/signups`, { volunteerIds: [ids.memberB] }),
        [400, 404],
      ],
      [
        'sign up a volunteer in no team',
        leader.post(`/api/activities/${ids.activityA}/signups`, { volunteerIds: [ids.outsider] }),
        [400, 404],
      ],
      [
        'move their own activity to another team',
        leader.put(`/api/activities/${ids.activityA}`, { teamId: ids.teamB }),
        [400, 404],
      ],
      [
        'take the team off their own activity',
        leader.put(`/api/activities/${ids.activityA}`, { teamId: null }),
        [400],
      ],
      [
        'create an activity for another team',
        leader.post('/api/activities', activityInput({ teamId: ids.teamB })),
        [400, 404],
      ],
      ['write the org’s yearly plan', leader.post('/api/plans', { year: 2031, title: '越权计划' }), [403]],
    ];
    for (const [name, attempt, statuses] of attempts) {
      const res = await attempt;
      expect(statuses, `${name}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      expect((res.json() as { message: string }).message).toMatch(CHINESE);
    }
    for (const table of TABLES) expect(await tableDigest(t.ctx.db.system, table), table).toBe(before[table]);
  });

  it('creates activities for their own team only: the team is theirs when none is given', async () => {
    const plain = await ok<{ id: number; teamId: number }>(leader.post('/api/activities', activityInput()));
    expect(plain.teamId).toBe(ids.teamA);
    const sub = await ok<{ id: number; teamId: number }>(
      leader.post('/api/activities', activityInput({ teamId: ids.teamA1 })),
    );
    expect(sub.teamId).toBe(ids.teamA1);
    // and runs them: publish, sign up a member, see the sign-ups
    await ok(leader.post(`/api/activities/${plain.id}/publish`));
    await ok(leader.post(`/api/activities/${plain.id}/signups`, { volunteerIds: [ids.memberA1] }));
    const signups = await ok<Array<{ volunteerId: number }>>(
      leader.get(`/api/activities/${plain.id}/signups`),
    );
    expect(signups.map((s) => s.volunteerId)).toEqual([ids.memberA1]);
  });

  it('runs their own activity to the end: check-in, check-out, finish, and confirms the hours', async () => {
    const created = await ok<{ id: number }>(
      leader.post('/api/activities', activityInput({ title: '本队全程活动' })),
    );
    const id = created.id;
    await ok(leader.post(`/api/activities/${id}/publish`));
    await ok(leader.post(`/api/activities/${id}/signups`, { volunteerIds: [ids.memberA] }));
    await ok(leader.post(`/api/activities/${id}/start`));
    for (const direction of ['in', 'out'])
      await ok(
        leader.post(`/api/activities/${id}/checkins`, {
          volunteerId: ids.memberA,
          direction,
          override: true,
          reason: '队长代签（测试）',
        }),
      );
    await ok(leader.post(`/api/activities/${id}/finish`));
    const sheet = await ok<{ items: Array<{ volunteerId: number; checkedOutAt: string | null }> }>(
      leader.get(`/api/activities/${id}/checkins`),
    );
    expect(sheet.items.map((r) => r.volunteerId)).toEqual([ids.memberA]);
    const records = await ok<{ items: Array<{ id: number; volunteerId: number; status: string }> }>(
      leader.get(`/api/service-records?activityId=${id}`),
    );
    expect(records.items.map((r) => [r.volunteerId, r.status])).toEqual([[ids.memberA, 'pending']]);
    const confirmed = await leader.post('/api/service-records/confirm', {
      ids: records.items.map((r) => r.id),
      includeZeroHours: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ confirmed: 1 });
  });

  it('sees the sign-ups of their activity, including volunteers from outside the team who signed up', async () => {
    const signups = await ok<Array<{ volunteerId: number; volunteerName: string }>>(
      leader.get(`/api/activities/${ids.activityA}/signups`),
    );
    expect(signups.map((s) => s.volunteerId).sort((a, b) => a - b)).toEqual(
      [ids.memberA, ids.participant].sort((a, b) => a - b),
    );
  });

  it('sees and reviews only the credit records of their teams’ activities', async () => {
    const page = await ok<{ items: Array<{ id: number; kind: string; source: string }>; total: number }>(
      leader.get('/api/service-records?pageSize=200'),
    );
    const listed = page.items.map((r) => r.id);
    expect(listed).toEqual(expect.arrayContaining([ids.recordA, ids.recordParticipant]));
    for (const r of page.items) expect([r.source, r.kind]).toEqual(['activity', 'credit']);
    for (const id of [ids.recordB, ids.recordBackfill, ids.recordManual, ids.recordOpening]) {
      expect(listed).not.toContain(id);
      refused(await leader.get(`/api/service-records/${id}`), [404]);
      refused(
        await leader.post(`/api/service-records/${id}/correct`, { hours: 1, reason: '越权更正' }),
        [404],
      );
      refused(await leader.post(`/api/service-records/${id}/reject`, { reason: '越权驳回' }), [404]);
    }
    const before = await tableDigest(t.ctx.db.system, 'service_records');
    expect(
      await ok(
        leader.post('/api/service-records/confirm', {
          ids: [ids.recordB, ids.recordBackfill, ids.recordManual, ids.recordOpening],
        }),
      ),
    ).toEqual({ confirmed: 0 });
    expect(await tableDigest(t.ctx.db.system, 'service_records')).toBe(before);
    // their own team's record: confirmed
    expect(await ok(leader.post('/api/service-records/confirm', { ids: [ids.recordA] }))).toEqual({
      confirmed: 1,
    });
  });

  it('sees only their team and its sub-teams', async () => {
    const mine = await teamsBelow(ids.teamA);
    const page = await ok<{ items: Array<{ id: number }> }>(leader.get('/api/teams?pageSize=200'));
    expect(page.items.map((x) => x.id).sort((a, b) => a - b)).toEqual([...mine].sort((a, b) => a - b));
    const tree = await ok<Array<{ id: number; children: unknown[] }>>(leader.get('/api/teams/tree'));
    const flat: number[] = [];
    const walk = (nodes: Array<{ id: number; children: unknown[] }>) =>
      nodes.forEach((n) => {
        flat.push(n.id);
        walk(n.children as Array<{ id: number; children: unknown[] }>);
      });
    walk(tree);
    expect(flat.sort((a, b) => a - b)).toEqual([...mine].sort((a, b) => a - b));
    await ok(leader.get(`/api/teams/${ids.teamA1}/members`));
    refused(await leader.get(`/api/teams/${ids.teamB}`), [404]);
    refused(await leader.get(`/api/teams/${ids.teamB}/members`), [404]);
  });

  it('still reads the org’s plans', async () => {
    await ok(leader.get('/api/plans'));
  });
});

describe('row-level security for a team leader', () => {
  it('shows only the team’s rows through the application role', async () => {
    const mine = await teamsBelow(ids.teamA);
    const seen = await asLeaderSettings(String(ids.teamA), async (tx) => ({
      activities: await tx.selectFrom('activities').select(['id', 'team_id']).execute(),
      records: await tx.selectFrom('service_records').select(['id', 'source', 'kind', 'source_id']).execute(),
      events: await tx.selectFrom('service_record_events').select('record_id').execute(),
      members: await tx.selectFrom('team_members').select(['team_id']).execute(),
      teams: await tx.selectFrom('teams').select('id').execute(),
      volunteers: await tx.selectFrom('volunteers').select('id').execute(),
      signups: await tx.selectFrom('activity_signups').select('activity_id').execute(),
    }));
    const activityIds = seen.activities.map((a) => a.id);
    expect(activityIds).toEqual(expect.arrayContaining([ids.activityA, ids.activityA1]));
    for (const a of seen.activities) expect(mine).toContain(Number(a.team_id));
    for (const r of seen.records) {
      expect([r.source, r.kind]).toEqual(['activity', 'credit']);
      expect(activityIds).toContain(Number(r.source_id));
    }
    const recordIds = seen.records.map((r) => r.id);
    expect(recordIds).toEqual(expect.arrayContaining([ids.recordA, ids.recordParticipant]));
    for (const e of seen.events) expect(recordIds).toContain(e.record_id);
    for (const m of seen.members) expect(mine).toContain(Number(m.team_id));
    expect(seen.teams.map((x) => x.id).sort((a, b) => a - b)).toEqual([...mine].sort((a, b) => a - b));
    for (const s of seen.signups) expect(activityIds).toContain(s.activity_id);
    // the volunteers: the team's members and those taking part in its activities, nobody else
    const volunteerIds = seen.volunteers.map((v) => v.id);
    expect(volunteerIds).toEqual(expect.arrayContaining([ids.memberA, ids.memberA1, ids.participant]));
    for (const id of [ids.memberB, ids.outsider]) expect(volunteerIds).not.toContain(id);
    const { rows: expected } = await sql<{ id: number }>`
      SELECT v.id::int AS id FROM volunteers v
      WHERE EXISTS (SELECT 1 FROM team_members m WHERE m.volunteer_id = v.id
                      AND m.status IN ('pending', 'active') AND m.team_id = ANY(${mine}::bigint[]))
         OR (v.org_path <@ ${station.path}::ltree
             AND (EXISTS (SELECT 1 FROM activity_signups s JOIN activities a ON a.id = s.activity_id
                          WHERE s.volunteer_id = v.id AND a.team_id = ANY(${mine}::bigint[]))
               OR EXISTS (SELECT 1 FROM activity_checkins c JOIN activities a ON a.id = c.activity_id
                          WHERE c.volunteer_id = v.id AND a.team_id = ANY(${mine}::bigint[]))))`.execute(
      t.ctx.db.system,
    );
    expect([...volunteerIds].sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
  });

  it('refuses writes outside the team', async () => {
    await expect(
      asLeaderSettings(String(ids.teamA), (tx) =>
        tx
          .insertInto('activities')
          .values({
            activity_no: `HD-RLS-${uniqueCode('')}`,
            org_id: station.id,
            org_path: station.path,
            title: '越权活动',
            form: 'bang',
            place: '越权地点',
            starts_at: new Date(Date.now() + DAY),
            ends_at: new Date(Date.now() + DAY + HOUR),
            capacity: 5,
            team_id: ids.teamB,
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await asLeaderSettings(String(ids.teamA), (tx) =>
      tx.updateTable('activities').set({ title: '篡改' }).where('id', '=', ids.activityB).executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    await expect(
      asLeaderSettings(String(ids.teamA), (tx) =>
        tx
          .insertInto('activity_signups')
          .values({
            activity_id: ids.activityB,
            volunteer_id: ids.memberA,
            org_path: station.path,
            status: 'confirmed',
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asLeaderSettings(String(ids.teamA), (tx) => tx.selectFrom('activity_plans').select('id').execute()),
    ).resolves.toBeDefined();
    await expect(
      asLeaderSettings(String(ids.teamA), (tx) =>
        tx
          .insertInto('activity_plans')
          .values({ org_id: station.id, org_path: station.path, year: 2032, title: '越权计划' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('limits nothing without a team: the station admin’s scope sees every team’s rows', async () => {
    const seen = await inScope(t.ctx.db.app, station.path, (tx) =>
      tx.selectFrom('activities').select('id').where('id', 'in', [ids.activityA, ids.activityB]).execute(),
    );
    expect(seen).toHaveLength(2);
  });

  it('shows nothing to a leader bound to no team', async () => {
    const counts = await asLeaderSettings('0', async (tx) => {
      const n = async (table: string) =>
        Number(
          (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(tx)).rows[0]!
            .n,
        );
      return {
        activities: await n('activities'),
        signups: await n('activity_signups'),
        records: await n('service_records'),
        volunteers: await n('volunteers'),
        members: await n('team_members'),
        teams: await n('teams'),
      };
    });
    expect(counts).toEqual({ activities: 0, signups: 0, records: 0, volunteers: 0, members: 0, teams: 0 });
  });

  it('inScope takes the team from a team leader’s account, so no call site can forget it', async () => {
    const leaderOf = (teamId: number | null) => ({
      userId: leaderUserId,
      role: 'team_leader' as const,
      orgPath: station.path,
      teamId,
    });
    const activities = (scope: Parameters<typeof inScope>[1]) =>
      inScope(t.ctx.db.app, scope, (tx) =>
        tx
          .selectFrom('activities')
          .select('id')
          .where('id', 'in', [ids.activityA, ids.activityB])
          .execute()
          .then((rows) => rows.map((r) => r.id)),
      );
    expect(await activities(leaderOf(ids.teamB))).toEqual([ids.activityB]);
    expect(await activities(leaderOf(null))).toEqual([]);
    expect(
      (
        await activities({ userId: leaderUserId, role: 'station_admin', orgPath: station.path, teamId: null })
      ).sort(),
    ).toEqual([ids.activityA, ids.activityB].sort());
  });
});

describe('a team leader bound to no team', () => {
  it('sees empty lists and no record, never the whole station', async () => {
    const username = `leader${uniqueCode('').toLowerCase()}`;
    await createUser(t.ctx.db.system, username, 'team_leader', station.id);
    const unbound = as(t.app, await login(t.app, username));
    const me = await ok<{ user: { teamId: number | null } }>(unbound.get('/api/auth/me'));
    expect(me.user.teamId).toBeNull();
    for (const url of ['/api/volunteers', '/api/activities', '/api/service-records', '/api/teams'])
      expect(await ok(unbound.get(url)), url).toMatchObject({ items: [], total: 0 });
    expect(await ok(unbound.get('/api/teams/tree'))).toEqual([]);
    refused(await unbound.get(`/api/volunteers/${ids.memberA}`), [404]);
    refused(await unbound.get(`/api/activities/${ids.activityA}`), [404]);
    refused(await unbound.get(`/api/service-records/${ids.recordA}`), [404]);
    refused(await unbound.post('/api/activities', activityInput()), [400, 403]);
  });
});
