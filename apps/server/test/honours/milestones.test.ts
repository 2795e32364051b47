// 时长里程碑: confirming the hours that take a volunteer's lifetime total to a star level's hours
// grants the milestone once, in that transaction, and tells the volunteer — also when another
// station's admin confirms them (the volunteer's org outside that admin's scope); the console lists
// the year's milestones of a unit's subtree only; the demo county's milestones are what its records
// reached.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAR_THRESHOLDS } from '@civic/contracts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';
import { XSS } from '../support/xss.ts';

const HOUR = 3_600_000;

let t: TestContext;
let station: OrgRef;
let otherStation: OrgRef;
let stationAdmin: ReturnType<typeof as>;
let otherAdmin: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  otherAdmin = as(t.app, await login(t.app, 'demo-station2'));
}, 120_000);
afterAll(async () => t?.close());

/** `count` finished 8-hour activities of `org` a day apart, each with the volunteer's pending record. */
async function pendingRecords(org: OrgRef, volunteerId: number, count: number): Promise<number[]> {
  const db = t.ctx.db.system;
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const ends = new Date(t.ctx.now().getTime() - (i + 1) * 24 * HOUR);
    const starts = new Date(ends.getTime() - 8 * HOUR);
    const activity = await db
      .insertInto('activities')
      .values({
        activity_no: `MS${crypto.randomBytes(5).toString('hex')}`,
        org_id: org.id,
        org_path: org.path,
        title: `长期陪护志愿服务 ${XSS}`,
        form: 'bang',
        place: '镇敬老院',
        starts_at: starts,
        ends_at: ends,
        capacity: 50,
        status: 'finished',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto('service_records')
      .values({
        volunteer_id: volunteerId,
        org_path: org.path,
        source: 'activity',
        source_id: activity.id,
        kind: 'credit',
        status: 'pending',
        started_at: starts,
        ended_at: ends,
        minutes: 480,
        hours: 8,
        created_at: t.ctx.now(),
        updated_at: t.ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}

async function milestonesOf(volunteerId: number) {
  const { rows } = await sql<{ hours: number; reached_at: Date }>`
    SELECT hours, reached_at FROM hour_milestones WHERE volunteer_id = ${volunteerId} ORDER BY hours`.execute(
    t.ctx.db.system,
  );
  return rows;
}

async function notificationsOf(volunteerId: number) {
  const { rows } = await sql<{ title: string; link: string }>`
    SELECT title, link FROM notifications WHERE volunteer_id = ${volunteerId} AND kind = 'honours.milestone'
     ORDER BY id`.execute(t.ctx.db.system);
  return rows;
}

describe('a volunteer reaching 100 hours', () => {
  let volunteer: RegisteredVolunteer;

  beforeAll(async () => {
    volunteer = await registerVolunteer(t, station.id);
  });

  it('is granted the milestone once, when the confirmation crosses it, and told so', async () => {
    const ids = await pendingRecords(station, volunteer.id, 13);
    // 12 × 8 = 96 hours: no milestone yet
    expect(
      (await stationAdmin.post('/api/service-records/confirm', { ids: ids.slice(0, 12) })).json(),
    ).toEqual({
      confirmed: 12,
    });
    expect(await milestonesOf(volunteer.id)).toEqual([]);
    expect(await notificationsOf(volunteer.id)).toEqual([]);

    // the 13th takes the total to 104
    const before = Date.now();
    expect((await stationAdmin.post('/api/service-records/confirm', { ids: [ids[12]!] })).json()).toEqual({
      confirmed: 1,
    });
    const granted = await milestonesOf(volunteer.id);
    expect(granted.map((m) => m.hours)).toEqual([100]);
    expect(granted[0]!.reached_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await notificationsOf(volunteer.id)).toEqual([
      { title: '恭喜您累计志愿服务满 100 小时', link: '/my-points' },
    ]);

    // H5 我的积分 shows it
    const mine = await as(t.app, volunteer.session).get('/api/honours/my-privileges');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      starLevel: 1,
      lifetimeHours: 104,
      milestones: [{ hours: 100, starLevel: 1, reachedAt: granted[0]!.reached_at.toISOString() }],
    });
  });

  it('is not granted it again when more hours are confirmed below the next one', async () => {
    const ids = await pendingRecords(station, volunteer.id, 2);
    await stationAdmin.post('/api/service-records/confirm', { ids });
    expect((await milestonesOf(volunteer.id)).map((m) => m.hours)).toEqual([100]);
    expect(await notificationsOf(volunteer.id)).toHaveLength(1);
  });

  it('is granted it when another station confirms hours of its own activity (the volunteer outside its scope)', async () => {
    const other = await registerVolunteer(t, station.id);
    const own = await pendingRecords(station, other.id, 11);
    await stationAdmin.post('/api/service-records/confirm', { ids: own });
    expect(await milestonesOf(other.id)).toEqual([]);
    const served = await pendingRecords(otherStation, other.id, 2);
    const res = await otherAdmin.post('/api/service-records/confirm', { ids: served });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ confirmed: 2 });
    expect((await milestonesOf(other.id)).map((m) => m.hours)).toEqual([100]);
    expect(await notificationsOf(other.id)).toHaveLength(1);
  });

  it('is listed in the console for its own station and the town above, not for another station', async () => {
    const year = new Date(t.ctx.now().getTime() + 8 * HOUR).getUTCFullYear();
    const res = await stationAdmin.get(`/api/honours/milestones?year=${year}&hours=100&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    const row = page.items.find((i: { volunteerId: number }) => i.volunteerId === volunteer.id);
    expect(row).toMatchObject({
      hours: 100,
      starLevel: 1,
      name: volunteer.name,
      volunteerNo: volunteer.volunteerNo,
    });
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);

    const town = as(t.app, await login(t.app, 'demo-institute'));
    const byTown = (
      await town.get(`/api/honours/milestones?year=${year}&orgId=${station.id}&pageSize=200`)
    ).json();
    expect(byTown.items.some((i: { volunteerId: number }) => i.volunteerId === volunteer.id)).toBe(true);

    const elsewhere = (await otherAdmin.get(`/api/honours/milestones?year=${year}&pageSize=200`)).json();
    expect(elsewhere.items.some((i: { volunteerId: number }) => i.volunteerId === volunteer.id)).toBe(false);
    // another station's unit is not the caller's to ask for
    const refused = await otherAdmin.get(`/api/honours/milestones?year=${year}&orgId=${station.id}`);
    expect(refused.statusCode).toBe(404);
    const bad = await stationAdmin.get(`/api/honours/milestones?year=${year}&hours=150`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('100、300、600、1000、1500');
  });
});

describe('the demo county', () => {
  it('holds exactly the milestones its volunteers’ confirmed hours reached', async () => {
    const { rows } = await sql<{ volunteer_id: number; hours: number; held: boolean }>`
      SELECT v.id AS volunteer_id, t.hours,
             EXISTS (SELECT 1 FROM hour_milestones m WHERE m.volunteer_id = v.id AND m.hours = t.hours) AS held
        FROM volunteers v CROSS JOIN unnest(${[...STAR_THRESHOLDS]}::integer[]) AS t(hours)
       WHERE v.lifetime_hours >= t.hours`.execute(t.ctx.db.system);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => !r.held)).toEqual([]);
    const extra = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM hour_milestones m JOIN volunteers v ON v.id = m.volunteer_id
       WHERE v.lifetime_hours < m.hours`.execute(t.ctx.db.system);
    expect(extra.rows[0]!.n).toBe(0);
  });
});
