// 数据大屏 (GET /api/assessment/screen) on a small hand-made town with known answers: a new
// institute with two stations and a point, volunteers (one suspended), teams (one dissolved),
// activities (held, cancelled, held 13 months ago), service records (confirmed and pending) and
// orders (closed, overdue, waiting) — recorded as facts, the rollup rebuilt from them — and read
// back by the centre: totals, the 12-month trend, the ranking boards, the order feed with the
// overdue order flagged, the platform and form spread and the units on their coordinates. And the
// demo county's screen agrees with the rollup and the registers it is read from.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceRollup } from '../../src/modules/assessment/index.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser, uniqueCode, type OrgRef } from '../support/org-factories.ts';

// China noon of 15 November 2026: the current month is 2026-11, the trend runs 2025-12 … 2026-11
const NOW = new Date('2026-11-15T04:00:00Z');
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

let t: TestContext;
let center: ReturnType<typeof as>;
let town: OrgRef;
let east: OrgRef;
let west: OrgRef;
const orderIds: Record<string, number> = {};

async function createOrg(
  parentId: number,
  kind: string,
  name: string,
  coords: { latitude: number; longitude: number } | null,
): Promise<OrgRef> {
  const res = await center.post('/api/orgs', { parentId, kind, code: uniqueCode('SC'), name, ...coords });
  expect(res.statusCode, res.body).toBe(200);
  return t.ctx.db.system
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('id', '=', res.json().id)
    .executeTakeFirstOrThrow() as Promise<OrgRef>;
}

/** `n` volunteers at `org`, copied from the demo's (new blind indexes), with `status`. */
async function volunteersAt(org: OrgRef, n: number, status: string, tag: string): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO volunteers (org_id, org_path, name, gender, birth_date, id_number_enc, id_number_index,
        political_status, categories, skills, service_categories, availability, consent_version, consent_at,
        consent_channel, status, source)
    SELECT ${org.id}, ${org.path}::ltree, name, gender, birth_date, id_number_enc,
        ${`screen-${tag}-`} || id, political_status, categories, skills, service_categories, availability,
        consent_version, consent_at, consent_channel, ${status}, 'import'
      FROM volunteers WHERE status = 'active' ORDER BY id LIMIT ${n}
    RETURNING id`.execute(t.ctx.db.system);
  return rows.map((r) => Number(r.id));
}

async function team(org: OrgRef, name: string, status: string) {
  await t.ctx.db.system
    .insertInto('teams')
    .values({ org_id: org.id, org_path: org.path, name, tier: 'squad', kind: 'regular', status })
    .execute();
}

async function activity(org: OrgRef, startsAt: Date, status: string, platform: string | null, form: string) {
  await t.ctx.db.system
    .insertInto('activities')
    .values({
      activity_no: `SC${crypto.randomBytes(5).toString('hex')}`,
      org_id: org.id,
      org_path: org.path,
      title: '大屏测试活动',
      form,
      platform,
      place: '村委会',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 2 * HOUR),
      finished_at: status === 'finished' ? new Date(startsAt.getTime() + 2 * HOUR) : null,
      capacity: 30,
      status,
    })
    .execute();
}

async function record(volunteerId: number, org: OrgRef, startedAt: Date, hours: number, status: string) {
  await t.ctx.db.system
    .insertInto('service_records')
    .values({
      volunteer_id: volunteerId,
      org_path: org.path,
      source: 'manual',
      kind: 'manual',
      status,
      started_at: startedAt,
      ended_at: new Date(startedAt.getTime() + hours * HOUR),
      minutes: hours * 60,
      hours,
      reviewed_at: status === 'confirmed' ? startedAt : null,
      created_at: startedAt,
    })
    .execute();
}

async function order(
  key: string,
  org: OrgRef,
  createdAt: Date,
  status: string,
  extra: { closedAt?: Date; stageDueAt?: Date } = {},
) {
  const sample = await t.ctx.db.system
    .selectFrom('orders')
    .select(['contact_phone_enc', 'contact_phone_index'])
    .executeTakeFirstOrThrow();
  const row = await t.ctx.db.system
    .insertInto('orders')
    .values({
      org_id: org.id,
      org_path: org.path,
      service_category: 'elderly',
      description: '张大爷家的水管坏了（住址与电话不上大屏）',
      address: '大屏村 3 组',
      contact_name: '张大爷',
      contact_phone_enc: sample.contact_phone_enc,
      contact_phone_index: sample.contact_phone_index,
      tracking_hash: crypto.randomBytes(32).toString('hex'),
      channel: 'phone',
      status,
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: extra.closedAt ?? null,
      stage_due_at: extra.stageDueAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  orderIds[key] = Number(row.id);
}

beforeAll(async () => {
  t = await createTestContext();
  t.setNow(NOW);
  center = as(t.app, await login(t.app, 'demo-center'));
  const centerOrg = await orgOfUser(t.ctx.db.system, 'demo-center');
  town = await createOrg(centerOrg.id, 'institute', '大屏测试镇实践所', { latitude: 28.1, longitude: 113.2 });
  east = await createOrg(town.id, 'station', '大屏东村实践站', { latitude: 28.12, longitude: 113.25 });
  west = await createOrg(town.id, 'station', '大屏西村实践站', { latitude: 28.08, longitude: 113.15 });
  await createOrg(east.id, 'point', '大屏东村屋场', null);

  const eastVolunteers = await volunteersAt(east, 3, 'active', 'e');
  await volunteersAt(west, 1, 'active', 'w');
  await volunteersAt(west, 1, 'suspended', 'ws');
  await team(east, '大屏东村志愿服务小队', 'active');
  await team(east, '大屏东村已解散小队', 'dissolved');
  await team(town, '大屏镇志愿服务队', 'active');

  await activity(east, at('2026-11-03T01:00:00Z'), 'finished', 'theory', 'jiang');
  await activity(east, at('2026-11-10T01:00:00Z'), 'finished', 'theory', 'jiang');
  await activity(east, at('2026-10-08T01:00:00Z'), 'finished', null, 'bang');
  await activity(west, at('2026-11-05T01:00:00Z'), 'finished', 'culture_arts', 'le');
  await activity(west, at('2026-11-06T01:00:00Z'), 'cancelled', 'health', 'le');
  await activity(west, at('2025-10-20T01:00:00Z'), 'finished', 'science', 'xing'); // 13 months ago

  await record(eastVolunteers[0]!, east, at('2026-11-10T01:00:00Z'), 3, 'confirmed');
  await record(eastVolunteers[1]!, east, at('2026-10-05T01:00:00Z'), 2, 'confirmed');
  await record(eastVolunteers[2]!, east, at('2026-11-11T01:00:00Z'), 4, 'pending');
  const westVolunteer = await t.ctx.db.system
    .selectFrom('volunteers')
    .select('id')
    .where('org_id', '=', west.id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  await record(Number(westVolunteer.id), west, at('2026-11-12T01:00:00Z'), 1.5, 'confirmed');

  await order('closed', east, at('2026-10-20T02:00:00Z'), 'closed', { closedAt: at('2026-11-02T02:00:00Z') });
  await order('overdue', east, at('2026-11-14T02:00:00Z'), 'dispatched', {
    stageDueAt: new Date(NOW.getTime() - HOUR),
  });
  await order('waiting', west, at('2026-11-15T03:00:00Z'), 'accepted', {
    stageDueAt: new Date(NOW.getTime() + 24 * HOUR),
  });

  await t.ctx.db.system.transaction().execute((tx) => replaceRollup(tx));
}, 180_000);
afterAll(async () => t?.close());

describe('the screen of a small town', () => {
  it('gives the known totals, trend, boards, feed, spread and map', async () => {
    const res = await center.get(`/api/assessment/screen?orgId=${town.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.orgName).toBe('大屏测试镇实践所');
    expect(s.month).toBe('2026-11');
    const units = Object.fromEntries(
      s.totals.units.map((u: { kind: string; count: number }) => [u.kind, u.count]),
    );
    expect(units).toEqual({ institute: 1, station: 2, point: 1 });
    expect(s.totals).toMatchObject({
      teams: 2,
      volunteers: 4,
      serviceHours: 6.5,
      activitiesHeld: 5,
      ordersReceived: 3,
      ordersClosed: 1,
      ordersOpen: 2,
      ordersOverdue: 1,
    });
    expect(s.thisMonth).toEqual({
      month: '2026-11',
      activitiesHeld: 3,
      serviceRecords: 2,
      serviceHours: 4.5,
      ordersReceived: 2,
      ordersClosed: 1,
    });
    expect(s.trend.map((m: { month: string }) => m.month)).toEqual([
      '2025-12',
      ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    ]);
    expect(s.trend[10]).toEqual({
      month: '2026-10',
      activitiesHeld: 1,
      serviceRecords: 1,
      serviceHours: 2,
      ordersReceived: 1,
      ordersClosed: 0,
    });
    expect(s.trend.slice(0, 10).every((m: { activitiesHeld: number }) => m.activitiesHeld === 0)).toBe(true);

    expect(s.rankings.stations.byHours).toEqual([
      { orgId: east.id, name: '大屏东村实践站', value: 3 },
      { orgId: west.id, name: '大屏西村实践站', value: 1.5 },
    ]);
    expect(s.rankings.stations.byActivities).toEqual([
      { orgId: east.id, name: '大屏东村实践站', value: 2 },
      { orgId: west.id, name: '大屏西村实践站', value: 1 },
    ]);
    expect(s.rankings.institutes.byHours).toEqual([{ orgId: town.id, name: '大屏测试镇实践所', value: 4.5 }]);

    expect(
      s.orders.map((o: { id: number; overdue: boolean; status: string }) => [o.id, o.status, o.overdue]),
    ).toEqual([
      [orderIds.waiting, 'accepted', false],
      [orderIds.overdue, 'dispatched', true],
      [orderIds.closed, 'closed', false],
    ]);
    // no resident's name, address, phone or words on the screen
    expect(res.body).not.toContain('张大爷');
    expect(res.body).not.toContain('大屏村 3 组');

    const spread = (rows: Array<{ count: number } & Record<string, unknown>>, key: string) =>
      Object.fromEntries(rows.map((r) => [String(r[key]), r.count]));
    expect(spread(s.platforms, 'platform')).toEqual({ theory: 2, culture_arts: 1, null: 1 });
    expect(spread(s.forms, 'form')).toEqual({ jiang: 2, bang: 1, le: 1 });

    expect(
      s.units.map((u: { orgId: number; serviceHours: number; latitude: number }) => [
        u.orgId,
        u.serviceHours,
        u.latitude,
      ]),
    ).toEqual([
      [town.id, 4.5, 28.1],
      [east.id, 3, 28.12],
      [west.id, 1.5, 28.08],
    ]);
  });

  it("another town's institute cannot open it (404 in Chinese)", async () => {
    const other = as(t.app, await login(t.app, 'demo-institute'));
    const res = await other.get(`/api/assessment/screen?orgId=${town.id}`);
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('the demo county', () => {
  it("the centre's screen agrees with the rollup and the registers", async () => {
    const res = await center.get('/api/assessment/screen');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const db = t.ctx.db.system;
    const { rows } = await sql<{ hours: string; activities: number; volunteers: number; teams: number }>`
      SELECT (SELECT coalesce(sum(service_hours), 0) FROM org_month_facts)::text AS hours,
             (SELECT coalesce(sum(activities_held), 0) FROM org_month_facts)::int AS activities,
             (SELECT count(*) FROM volunteers WHERE status = 'active')::int AS volunteers,
             (SELECT count(*) FROM teams WHERE status = 'active')::int AS teams`.execute(db);
    const r = rows[0]!;
    expect(s.totals.serviceHours).toBeCloseTo(Number(r.hours), 1);
    expect(s.totals.activitiesHeld).toBe(r.activities);
    expect(s.totals.volunteers).toBe(r.volunteers);
    expect(s.totals.teams).toBe(r.teams);
    expect(
      s.trend.reduce((sum: number, m: { serviceHours: number }) => sum + m.serviceHours, 0),
    ).toBeGreaterThan(0);
    expect(s.rankings.stations.byHours.length).toBeGreaterThan(1);
    expect(s.units.length).toBeGreaterThan(1);
  });
});
