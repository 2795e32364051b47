// Rankings (实践排行): the demo county's per-volunteer and per-team rollups equal the rebuild; a
// hand-made institute with known answers (ties share a rank, a unit or volunteer below the minimum
// sample is listed after the ranked ones, an archived station leaves the board unless asked for,
// teams by their activities and hours, volunteers by hours, orders, ratings and points); the public
// top lists mask names; and a random mix of writes through the services keeps rollup == rebuild.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRankingRollups } from '../../src/modules/assessment/index.ts';
import { as, createTestContext, login, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser, uniqueCode, type OrgRef } from '../support/org-factories.ts';

const HOUR = 3_600_000;
const NOV = 'from=2026-11-01&to=2026-11-30';

let t: TestContext;
let center: ReturnType<typeof as>;
let centerOrg: OrgRef;
let volunteers: Array<{ id: number; name: string }>;
let nextVolunteer = 0;

beforeAll(async () => {
  t = await createTestContext();
  center = as(t.app, await login(t.app, 'demo-center'));
  centerOrg = await orgOfUser(t.ctx.db.system, 'demo-center');
  volunteers = await t.ctx.db.system
    .selectFrom('volunteers')
    .select(['id', 'name'])
    .where('status', '=', 'active')
    .orderBy('id', 'desc')
    .limit(300)
    .execute();
}, 120_000);
afterAll(async () => t?.close());

const volunteer = () => volunteers[nextVolunteer++ % volunteers.length]!;

async function expectRollupsEqualRebuild() {
  const report = await checkRankingRollups(t.ctx.db.system);
  expect(report.differences).toEqual([]);
  expect(report.ok).toBe(true);
}

// units tie-break on their code: a zero-padded creation number first, so 甲 < 乙 < 丙 < 丁 whatever
// uniqueCode's counter (shared by every file of the worker) has reached
let created = 0;
async function createOrg(parentId: number, kind: 'institute' | 'station', name: string): Promise<OrgRef> {
  created += 1;
  const code = `RK${String(created).padStart(3, '0')}-${uniqueCode('RK')}`;
  const res = await center.post('/api/orgs', { parentId, kind, code, name });
  expect(res.statusCode, res.body).toBe(200);
  const { id } = res.json() as { id: number };
  return (await t.ctx.db.system
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as OrgRef;
}

async function createTeam(org: OrgRef, name: string) {
  const { id } = await t.ctx.db.system
    .insertInto('teams')
    .values({ org_id: org.id, org_path: org.path, name, tier: 'squad', kind: 'regular' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function activity(org: OrgRef, startsAt: Date, teamId: number | null = null) {
  return t.ctx.db.system
    .insertInto('activities')
    .values({
      activity_no: `RK${crypto.randomBytes(5).toString('hex')}`,
      org_id: org.id,
      org_path: org.path,
      team_id: teamId,
      title: '排行测试活动',
      form: 'bang',
      place: '村委会',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 2 * HOUR),
      capacity: 50,
      status: 'published',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function finish(activityId: number) {
  const res = await center.post(`/api/activities/${activityId}/finish`);
  expect(res.statusCode, res.body).toBe(200);
}

/** A pending credit record (of an activity or an order) for the volunteer, to be confirmed. */
async function pendingRecord(
  source: 'activity' | 'order',
  sourceId: number,
  orgPath: string,
  volunteerId: number,
  startedAt: Date,
  hours: number,
) {
  const { id } = await t.ctx.db.system
    .insertInto('service_records')
    .values({
      volunteer_id: volunteerId,
      org_path: orgPath,
      source,
      source_id: sourceId,
      kind: 'credit',
      status: 'pending',
      started_at: startedAt,
      ended_at: new Date(startedAt.getTime() + hours * HOUR),
      minutes: hours * 60,
      hours,
      created_at: t.ctx.now(),
      updated_at: t.ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function confirm(ids: number[]) {
  const res = await center.post('/api/service-records/confirm', { ids });
  expect(res.statusCode, res.body).toBe(200);
}

async function correct(id: number, hours: number) {
  const res = await center.post(`/api/service-records/${id}/correct`, { hours, reason: '核对签到表' });
  expect(res.statusCode, res.body).toBe(200);
}

const pub = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, remoteAddress: nextIp() });

async function placeOrder(station: OrgRef) {
  const res = await pub('POST', '/api/public/orders', {
    stationId: station.id,
    serviceCategory: 'elderly',
    description: '独居老人需要上门帮忙打扫',
    address: '村东头',
    contactName: '王阿姨',
    contactPhone: '13900139000',
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { orderNo: string; trackingToken: string };
  const row = await t.ctx.db.system
    .selectFrom('orders')
    .select(['id', 'org_path'])
    .where('order_no', '=', body.orderNo)
    .executeTakeFirstOrThrow();
  return { id: row.id, orgPath: row.org_path, token: body.trackingToken };
}

/** Skips the loop's middle: the volunteers served it (and the team it was dispatched to, if any). */
async function markServed(orderId: number, orgPath: string, served: number[], teamId: number | null = null) {
  await t.ctx.db.system
    .updateTable('orders')
    .set({ status: 'served', dispatched_team_id: teamId })
    .where('id', '=', orderId)
    .execute();
  for (const v of served)
    await t.ctx.db.system
      .insertInto('order_assignees')
      .values({ order_id: orderId, volunteer_id: v, org_path: orgPath, status: 'served' })
      .execute();
}

async function rate(token: string, rating: number) {
  const res = await pub('POST', `/api/public/orders/${token}/rate`, { rating });
  expect(res.statusCode, res.body).toBe(200);
}

async function evaluate(orderId: number) {
  const res = await center.post(`/api/orders/${orderId}/evaluate`, { evaluation: '已办结' });
  expect(res.statusCode, res.body).toBe(200);
}

async function reopen(token: string) {
  const res = await pub('POST', `/api/public/orders/${token}/reopen`, { reason: '还是没修好' });
  expect(res.statusCode, res.body).toBe(200);
}

const today = () => new Date(t.ctx.now().getTime() + 8 * HOUR).toISOString().slice(0, 10);
const thisMonth = () => `from=${today().slice(0, 8)}01&to=${today()}`;
const monthEnd = () => {
  const [y, m] = today().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

async function board(path: string) {
  const res = await center.get(path);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    ranked: number;
    minSample: number | null;
    rows: Array<Record<string, unknown> & { rank: number | null; value: number | null }>;
  };
}

describe('the demo county', () => {
  it('has rankings rollups equal to the rebuild from its facts', async () => {
    const report = await checkRankingRollups(t.ctx.db.system);
    expect(report.volunteerRows).toBeGreaterThan(100);
    expect(report.teamRows).toBeGreaterThan(10);
    expect(report.differences).toEqual([]);
  });

  it('keeps its rollups by trigger again once seeded (the seed loads with them suspended)', async () => {
    const { rows } = await sql<{ tgname: string; tgenabled: string }>`
      SELECT tgname, tgenabled FROM pg_trigger
       WHERE tgname IN ('point_entries_volunteer_month', 'volunteer_month_facts_ranking')
       ORDER BY tgname`.execute(t.ctx.db.system);
    expect(rows).toEqual([
      { tgname: 'point_entries_volunteer_month', tgenabled: 'O' },
      { tgname: 'volunteer_month_facts_ranking', tgenabled: 'O' },
    ]);
  });
});

describe('a hand-made institute with known answers', () => {
  let inst: OrgRef;
  let a: OrgRef;
  let b: OrgRef;
  let c: OrgRef;
  let d: OrgRef;
  let t1: number;
  let t2: number;
  const v = () => volunteers.slice(0, 4);

  it('ranks stations by activities held, ties sharing a rank, the archived one left out unless asked for', async () => {
    inst = await createOrg(centerOrg.id, 'institute', '排行测试街道');
    a = await createOrg(inst.id, 'station', '排行甲村');
    b = await createOrg(inst.id, 'station', '排行乙村');
    c = await createOrg(inst.id, 'station', '排行丙村');
    d = await createOrg(inst.id, 'station', '排行丁村');
    t1 = await createTeam(a, '排行甲村小队');
    t2 = await createTeam(b, '排行乙村小队');
    const day = (n: number) => new Date(Date.UTC(2026, 10, n, 2));
    const held = [
      await activity(a, day(3), t1),
      await activity(a, day(5), t1),
      await activity(b, day(4), t2),
      await activity(b, day(6), t2),
      await activity(c, day(7)),
      await activity(d, day(8)),
      await activity(d, day(9)),
      await activity(d, day(10)),
    ];
    for (const x of held) await finish(x.id);
    // a cancelled activity is never held
    const cancelled = await activity(c, day(11));
    expect(
      (await center.post(`/api/activities/${cancelled.id}/cancel`, { reason: '天气原因' })).statusCode,
    ).toBe(200);
    // hours in November: v0 2 + 1 = 3 (both at 甲村), v1 1 (corrected to 2) + 1 = 3 (乙村), v2 2 (丙村)
    const [v0, v1, v2] = v();
    const records = [
      await pendingRecord('activity', held[0]!.id, a.path, v0!.id, day(3), 2),
      await pendingRecord('activity', held[1]!.id, a.path, v0!.id, day(5), 1),
      await pendingRecord('activity', held[2]!.id, b.path, v1!.id, day(4), 1),
      await pendingRecord('activity', held[3]!.id, b.path, v1!.id, day(6), 1),
      await pendingRecord('activity', held[4]!.id, c.path, v2!.id, day(7), 2),
    ];
    await confirm(records);
    // a correction changes the figure of the month the service began
    await correct(records[2]!, 2);
    expect((await center.post(`/api/orgs/${d.id}/archive`)).statusCode).toBe(200);
    await expectRollupsEqualRebuild();

    const units = await board(`/api/assessment/rankings/units?orgId=${inst.id}&${NOV}&metric=activities`);
    expect(units.rows.map((r) => [r.name, r.rank, r.value])).toEqual([
      ['排行甲村', 1, 2],
      ['排行乙村', 1, 2],
      ['排行丙村', 3, 1],
    ]);
    const withArchived = await board(
      `/api/assessment/rankings/units?orgId=${inst.id}&${NOV}&metric=activities&includeArchived=true`,
    );
    expect(withArchived.rows[0]).toMatchObject({ name: '排行丁村', rank: 1, value: 3, archived: true });
    expect(withArchived.rows.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
    // the institute among the institutes of the county: its figure is its whole subtree's, the
    // archived station's history included (as in 单位指标)
    const institutes = await board(`/api/assessment/rankings/units?${NOV}&metric=activities&kind=institute`);
    expect(institutes.rows.find((r) => r.orgId === inst.id)).toMatchObject({ activitiesHeld: 8 });
    const hours = await board(`/api/assessment/rankings/units?orgId=${inst.id}&${NOV}&metric=hours`);
    expect(hours.rows.map((r) => [r.name, r.rank, r.value])).toEqual([
      ['排行甲村', 1, 3],
      ['排行乙村', 1, 3],
      ['排行丙村', 3, 2],
    ]);
  });

  it('ranks volunteers and teams by hours and activities, ties sharing a rank', async () => {
    const [v0, v1, v2] = v();
    const vols = await board(`/api/assessment/rankings/volunteers?orgId=${inst.id}&${NOV}&metric=hours`);
    expect(vols.rows.map((r) => [r.volunteerId, r.rank, r.value])).toEqual(
      [
        [v0!.id, 1, 3],
        [v1!.id, 1, 3],
      ]
        .sort((x, y) => x[0]! - y[0]!)
        .concat([[v2!.id, 3, 2]]),
    );
    expect(vols.rows[0]).toMatchObject({
      name: expect.any(String),
      volunteerNo: expect.stringMatching(/^ZY/),
    });
    // the points the ledger gave for those hours, month by month, are the volunteers' points
    const ledger = await t.ctx.db.system
      .selectFrom('point_entries')
      .select(['holder_id', (eb) => eb.fn.sum<string>('lifetime_delta').as('points')])
      .where('holder_type', '=', 'volunteer')
      .where(sql<boolean>`org_path <@ ${inst.path}::ltree`)
      .where(
        sql<boolean>`(occurred_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2026-11-01' AND '2026-11-30'`,
      )
      .groupBy('holder_id')
      .execute();
    const points = await board(`/api/assessment/rankings/volunteers?orgId=${inst.id}&${NOV}&metric=points`);
    expect(Object.fromEntries(points.rows.map((r) => [r.volunteerId, r.value]))).toEqual(
      Object.fromEntries(
        ledger.filter((l) => Number(l.points) !== 0).map((l) => [l.holder_id, Number(l.points)]),
      ),
    );
    const teams = await board(`/api/assessment/rankings/teams?orgId=${inst.id}&${NOV}&metric=activities`);
    expect(teams.rows.map((r) => [r.teamId, r.rank, r.value])).toEqual([
      [t1, 1, 2],
      [t2, 1, 2],
    ]);
    const teamHours = await board(`/api/assessment/rankings/teams?orgId=${inst.id}&${NOV}&metric=hours`);
    expect(teamHours.rows.map((r) => [r.teamId, r.rank, r.value])).toEqual([
      [t1, 1, 3],
      [t2, 1, 3],
    ]);
    // paging: the second page of one holds the second entry, the board's size unchanged
    const page2 = await board(
      `/api/assessment/rankings/teams?orgId=${inst.id}&${NOV}&metric=activities&pageSize=1&page=2`,
    );
    expect(page2).toMatchObject({ total: 2, rows: [{ teamId: t2, rank: 1 }] });
    const past = await board(
      `/api/assessment/rankings/teams?orgId=${inst.id}&${NOV}&metric=activities&pageSize=1&page=5`,
    );
    expect(past).toMatchObject({ total: 2, rows: [] });
  });

  it('lists units and volunteers below the minimum sample after the ranked ones (样本不足)', async () => {
    const [v0, v1] = v();
    // 甲村: 10 orders rated 4 (v0 served three of them); 丙村: one order rated 5 (v1 served it)
    for (let i = 0; i < 10; i += 1) {
      const o = await placeOrder(a);
      await markServed(o.id, o.orgPath, i < 3 ? [v0!.id] : []);
      await rate(o.token, i === 0 ? 5 : i === 1 ? 3 : 4);
      await evaluate(o.id);
    }
    const one = await placeOrder(c);
    await markServed(one.id, one.orgPath, [v1!.id]);
    await rate(one.token, 5);
    await evaluate(one.id);
    await expectRollupsEqualRebuild();

    const rating = await board(
      `/api/assessment/rankings/units?orgId=${inst.id}&${thisMonth()}&metric=rating`,
    );
    expect(rating.minSample).toBe(10);
    expect(rating.rows.map((r) => [r.name, r.rank, r.value])).toEqual([
      ['排行甲村', 1, 4],
      ['排行乙村', null, null],
      ['排行丙村', null, null],
    ]);
    expect(rating.rows[2]).toMatchObject({ ratingCount: 1, averageRating: null });
    expect(rating.ranked).toBe(1);
    const onTime = await board(
      `/api/assessment/rankings/units?orgId=${inst.id}&${thisMonth()}&metric=onTimeRate`,
    );
    expect(onTime.rows[0]).toMatchObject({ name: '排行甲村', rank: 1, value: 100 });
    expect(onTime.rows[2]).toMatchObject({ rank: null, onTimeRate: null });

    const month = `from=${today().slice(0, 8)}01&to=${monthEnd()}`;
    const vr = await board(`/api/assessment/rankings/volunteers?orgId=${inst.id}&${month}&metric=rating`);
    expect(vr.minSample).toBe(3);
    expect(vr.rows.map((r) => [r.volunteerId, r.rank, r.value])).toEqual([
      [v0!.id, 1, 4],
      [v1!.id, null, null],
    ]);
  });

  it('serves public top lists with masked names and no volunteer number', async () => {
    const [v0] = v();
    const res = await pub(
      'GET',
      `/api/public/rankings/volunteers?orgId=${inst.id}&${NOV}&metric=hours&top=1`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { rows: Array<Record<string, unknown>> };
    expect(body.rows).toHaveLength(1);
    expect(Object.keys(body.rows[0]!).sort()).toEqual(['name', 'orgName', 'rank', 'value']);
    expect(JSON.stringify(body)).not.toContain(v0!.name.length > 1 ? v0!.name : '\u0000');
    const units = await pub('GET', `/api/public/rankings/units?orgId=${inst.id}&${NOV}&metric=activities`);
    expect(units.json().rows.map((r: { name: string }) => r.name)).toEqual([
      '排行甲村',
      '排行乙村',
      '排行丙村',
    ]);
    // below the sample is not on a public board at all
    const rating = await pub(
      'GET',
      `/api/public/rankings/units?orgId=${inst.id}&${thisMonth()}&metric=rating`,
    );
    expect(rating.json().rows).toHaveLength(1);
    const teams = await pub('GET', `/api/public/rankings/teams?orgId=${inst.id}&${NOV}&metric=hours`);
    expect(teams.statusCode).toBe(200);
    // an archived unit has no public board; a bad metric is a Chinese 400
    expect(
      (await pub('GET', `/api/public/rankings/units?orgId=${d.id}&${NOV}&metric=hours`)).statusCode,
    ).toBe(404);
    const bad = await pub('GET', `/api/public/rankings/units?${NOV}&metric=fame`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/排行指标/);
  });
});

/** mulberry32: a small seeded PRNG, so a failing mix can be replayed from its seed. */
function prng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let y = Math.imul(x ^ (x >>> 15), 1 | x);
    y = (y + Math.imul(y ^ (y >>> 7), 61 | y)) ^ y;
    return ((y ^ (y >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a random mix of writes through the services', () => {
  it('keeps the rankings rollups equal to the rebuild', async () => {
    const random = prng(Number(process.env.ROLLUP_SEED ?? 20261207));
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const inst = await createOrg(centerOrg.id, 'institute', '排行随机街道');
    const stations = [
      await createOrg(inst.id, 'station', '排行随机一村'),
      await createOrg(inst.id, 'station', '排行随机二村'),
    ];
    const teams = [
      await createTeam(stations[0]!, '随机一队'),
      await createTeam(stations[1]!, '随机二队'),
      null,
    ];
    const finished: Array<{ id: number; org_path: string; starts_at: Date }> = [];
    const pending: number[] = [];
    const confirmed: number[] = [];
    const served: Array<{ id: number; token: string }> = [];
    const closed: Array<{ id: number; token: string }> = [];
    const done = new Set<string>();
    for (let step = 0; step < 70; step += 1) {
      const op = Math.floor(random() * 8);
      const station = pick(stations);
      if (op === 0 || finished.length === 0) {
        const startsAt = new Date(t.ctx.now().getTime() - Math.floor(random() * 24 * 70) * HOUR - 3 * HOUR);
        const x = await activity(station, startsAt, pick(teams));
        await finish(x.id);
        finished.push(x);
        done.add('finish');
      } else if (op === 1 || op === 2) {
        const x = pick(finished);
        const vol = volunteer().id;
        const exists = await t.ctx.db.system
          .selectFrom('service_records')
          .select('id')
          .where('source', '=', 'activity')
          .where('source_id', '=', x.id)
          .where('volunteer_id', '=', vol)
          .executeTakeFirst();
        if (!exists)
          pending.push(
            await pendingRecord(
              'activity',
              x.id,
              x.org_path,
              vol,
              x.starts_at,
              1 + Math.floor(random() * 4) / 2,
            ),
          );
      } else if (op === 3 && pending.length > 0) {
        const batch = pending.splice(0, 1 + Math.floor(random() * pending.length));
        await confirm(batch);
        confirmed.push(...batch);
        done.add('confirm');
      } else if (op === 4 && confirmed.length > 0) {
        const id = pick(confirmed);
        const row = await t.ctx.db.system
          .selectFrom('service_records')
          .select('hours')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const hours = 0.5 + Math.floor(random() * 6) / 2;
        if (hours !== Number(row.hours)) {
          await correct(id, hours);
          done.add('correct');
        }
      } else if (op === 5) {
        const o = await placeOrder(station);
        const who = [volunteer().id, ...(random() < 0.5 ? [volunteer().id] : [])];
        await markServed(o.id, o.orgPath, who, pick(teams));
        const recs = [];
        for (const vol of who)
          recs.push(
            await pendingRecord(
              'order',
              o.id,
              o.orgPath,
              vol,
              new Date(t.ctx.now().getTime() - 5 * HOUR),
              1.5,
            ),
          );
        if (random() < 0.7) {
          await confirm(recs);
          confirmed.push(...recs);
        } else pending.push(...recs);
        served.push(o);
        done.add('serve');
      } else if (op === 6 && served.length > 0) {
        const o = served.splice(Math.floor(random() * served.length), 1)[0]!;
        await rate(o.token, 1 + Math.floor(random() * 5));
        await evaluate(o.id);
        closed.push(o);
        done.add('rate');
      } else if (op === 7 && closed.length > 0) {
        const o = closed.splice(Math.floor(random() * closed.length), 1)[0]!;
        await reopen(o.token);
        done.add('reopen');
      }
      if (step % 20 === 19) await expectRollupsEqualRebuild();
    }
    await expectRollupsEqualRebuild();
    expect([...done].sort()).toEqual(['confirm', 'correct', 'finish', 'rate', 'reopen', 'serve']);
  }, 180_000);
});
