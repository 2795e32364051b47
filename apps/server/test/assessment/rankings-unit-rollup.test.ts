// The volunteer board's per-unit rollup (volunteer_ranking_facts and volunteer_ranking_sizes,
// migration 0032): every board — a month, a quarter, a year read off the index, custom ranges summed
// from several buckets, every metric, first and later pages — is the board volunteer_month_facts gives
// (the query the board ran before the rollup, kept here as the reference); an org's move takes its
// volunteers' figures from the institute it left to the one it joined; and the rebuild reports a
// per-unit row or a board size that differs from the facts, and replaces them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkRankingRollups,
  describeRankingRebuild,
  replaceRankingRollups,
} from '../../src/modules/assessment/index.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser, uniqueCode, type OrgRef } from '../support/org-factories.ts';

let t: TestContext;
let center: ReturnType<typeof as>;
let centerOrg: OrgRef;
let instituteOrg: OrgRef;
let station: OrgRef;

beforeAll(async () => {
  t = await createTestContext();
  center = as(t.app, await login(t.app, 'demo-center'));
  centerOrg = await orgOfUser(t.ctx.db.system, 'demo-center');
  instituteOrg = await orgOfUser(t.ctx.db.system, 'demo-institute');
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
}, 120_000);
afterAll(async () => t?.close());

type Metric = 'hours' | 'orders' | 'points' | 'rating';
type Org = Pick<OrgRef, 'id' | 'path'>;

interface Board {
  total: number;
  ranked: number;
  rows: Array<{
    rank: number | null;
    value: number | null;
    volunteerId: number;
    serviceHours: number;
    serviceRecords: number;
    ordersServed: number;
    ratingCount: number;
    averageRating: number | null;
    points: number;
  }>;
}

async function board(org: Org, from: string, to: string, metric: Metric, page = 1, pageSize = 20) {
  const res = await center.get(
    `/api/assessment/rankings/volunteers?orgId=${org.id}&from=${from}&to=${to}&metric=${metric}&page=${page}&pageSize=${pageSize}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Board;
}

/** The board as the monthly rollup gives it: the query the board ran before the per-unit rollup. */
async function reference(org: Org, from: string, to: string, metric: Metric, page = 1, pageSize = 20) {
  const min = t.ctx.config.rankingMinVolunteerRatings;
  const value = {
    hours: sql`s.service_hours`,
    orders: sql`s.orders_served::numeric`,
    points: sql`s.points::numeric`,
    rating: sql`CASE WHEN s.rating_count >= ${min} THEN round(s.rating_sum::numeric / s.rating_count, 2) END`,
  }[metric];
  const listed = {
    hours: sql`s.service_hours <> 0`,
    orders: sql`s.orders_served <> 0`,
    points: sql`s.points <> 0`,
    rating: sql`s.rating_count > 0`,
  }[metric];
  const { rows } = await sql<Record<string, string | null>>`
    WITH s AS (
      SELECT volunteer_id, sum(service_hours) AS service_hours, sum(service_records) AS service_records,
             sum(orders_served) AS orders_served, sum(rating_sum) AS rating_sum,
             sum(rating_count) AS rating_count, sum(points) AS points
        FROM volunteer_month_facts
       WHERE org_path <@ ${org.path}::ltree AND month >= ${from}::date AND month <= ${to}::date
       GROUP BY volunteer_id),
    v AS (SELECT s.*, ${value} AS value FROM s WHERE ${listed})
    SELECT v.*, CASE WHEN value IS NULL THEN NULL ELSE rank() OVER (ORDER BY value DESC NULLS LAST) END AS rank,
           count(*) OVER () AS total, count(value) OVER () AS ranked
      FROM v ORDER BY value DESC NULLS LAST, volunteer_id
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(t.ctx.db.system);
  const n = (x: string | null | undefined) => (x === null || x === undefined ? null : Number(x));
  return {
    total: n(rows[0]?.total) ?? null,
    ranked: n(rows[0]?.ranked) ?? null,
    rows: rows.map((r) => ({
      rank: n(r.rank),
      value: n(r.value),
      volunteerId: Number(r.volunteer_id),
      serviceHours: Number(r.service_hours),
      serviceRecords: Number(r.service_records),
      ordersServed: Number(r.orders_served),
      ratingCount: Number(r.rating_count),
      points: Number(r.points),
    })),
  };
}

const shape = (b: Board) => ({
  total: b.rows.length > 0 ? b.total : null,
  ranked: b.rows.length > 0 ? b.ranked : null,
  rows: b.rows.map((r) => ({
    rank: r.rank,
    value: r.value,
    volunteerId: r.volunteerId,
    serviceHours: r.serviceHours,
    serviceRecords: r.serviceRecords,
    ordersServed: r.ordersServed,
    ratingCount: r.ratingCount,
    points: r.points,
  })),
});

async function expectSameBoard(org: Org, from: string, to: string, metric: Metric, page = 1, size = 20) {
  const [ours, theirs] = [
    await board(org, from, to, metric, page, size),
    await reference(org, from, to, metric, page, size),
  ];
  expect(shape(ours), `${org.path} ${from}…${to} ${metric} page ${page}×${size}`).toEqual(theirs);
  return ours;
}

const PERIODS: Array<[string, string]> = [
  ['2026-11-01', '2026-11-30'], // a month
  ['2026-10-01', '2026-12-31'], // a quarter
  ['2026-01-01', '2026-12-31'], // a year
  ['2026-02-01', '2026-11-30'], // the year less two months
  ['2025-12-01', '2026-11-30'], // across a year's boundary
  ['2026-03-01', '2026-07-31'], // a month, a quarter, a month
];

describe('the demo county', () => {
  it('has every board the monthly rollup gives: periods, metrics, pages and subtrees', async () => {
    let listed = 0;
    for (const org of [centerOrg, instituteOrg, station])
      for (const [from, to] of PERIODS)
        for (const metric of ['hours', 'orders', 'points', 'rating'] as const) {
          const first = await expectSameBoard(org, from, to, metric);
          listed += first.rows.length;
          // a later page of three (ranks carried over from the entries above), and one past the end
          if (first.total > 3) await expectSameBoard(org, from, to, metric, 2, 3);
          const past = await board(org, from, to, metric, 1000, 100);
          expect({ total: past.total, ranked: past.ranked, rows: past.rows }).toEqual({
            total: first.total,
            ranked: first.ranked,
            rows: [],
          });
        }
    expect(listed).toBeGreaterThan(0);
  }, 120_000);
});

describe("an org's move", () => {
  it("takes its volunteers' figures from the institute it left to the one it joined", async () => {
    const res = await center.post('/api/orgs', {
      parentId: centerOrg.id,
      kind: 'institute',
      code: uniqueCode('RU'),
      name: '排行迁入街道',
    });
    expect(res.statusCode, res.body).toBe(200);
    const target = (await t.ctx.db.system
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('id', '=', (res.json() as { id: number }).id)
      .executeTakeFirstOrThrow()) as OrgRef;
    const YEAR: [string, string] = ['2026-01-01', '2026-12-31'];
    const before = await board(station, ...YEAR, 'hours', 1, 100);
    expect(before.total).toBeGreaterThan(0);
    const empty = await board(target, ...YEAR, 'hours');
    expect(empty.total).toBe(0);

    const moved = await center.post(`/api/orgs/${station.id}/move`, { parentId: target.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const newStation = { id: station.id, path: `${target.path}.${station.id}` };

    // the station's own board is as it was; the institute it joined now has it, every period
    expect(await board(newStation, ...YEAR, 'hours', 1, 100)).toEqual(before);
    const joined = await board(target, ...YEAR, 'hours', 1, 100);
    expect(joined.total).toBe(before.total);
    expect(joined.rows).toEqual(before.rows);
    for (const org of [newStation, target, instituteOrg, centerOrg])
      for (const [from, to] of PERIODS)
        for (const metric of ['hours', 'points'] as const) await expectSameBoard(org, from, to, metric);
    const report = await checkRankingRollups(t.ctx.db.system);
    expect(report.differences).toEqual([]);
  }, 120_000);
});

describe('the rebuild', () => {
  it('reports a per-unit row and a board size that differ from the facts, and replaces them', async () => {
    const row = await t.ctx.db.system
      .selectFrom('volunteer_ranking_facts')
      .select(['org_id', 'volunteer_id', 'months', 'starts'])
      .where('org_id', '=', centerOrg.id)
      .where('months', '=', 12)
      .where(sql<boolean>`service_hours <> 0`)
      .orderBy('volunteer_id')
      .executeTakeFirstOrThrow();
    const starts = sql<string>`to_char(starts, 'YYYY-MM-DD')`;
    const bucket = await t.ctx.db.system
      .selectFrom('volunteer_ranking_facts')
      .select(starts.as('starts'))
      .where('org_id', '=', row.org_id)
      .where('volunteer_id', '=', row.volunteer_id)
      .where('months', '=', 12)
      .executeTakeFirstOrThrow();
    await sql`UPDATE volunteer_ranking_facts SET service_hours = service_hours + 2.5
      WHERE org_id = ${row.org_id} AND volunteer_id = ${row.volunteer_id} AND months = 12 AND starts = ${bucket.starts}::date`.execute(
      t.ctx.db.system,
    );
    const size = await t.ctx.db.system
      .selectFrom('volunteer_ranking_sizes')
      .select(starts.as('starts'))
      .where('org_id', '=', instituteOrg.id)
      .where('months', '=', 1)
      .orderBy('starts')
      .executeTakeFirstOrThrow();
    await sql`UPDATE volunteer_ranking_sizes SET points = points + 1
      WHERE org_id = ${instituteOrg.id} AND months = 1 AND starts = ${size.starts}::date`.execute(
      t.ctx.db.system,
    );
    const { rows: stored } = await sql<{ h: string; z: number }>`
      SELECT (SELECT service_hours FROM volunteer_ranking_facts WHERE org_id = ${row.org_id}
                AND volunteer_id = ${row.volunteer_id} AND months = 12 AND starts = ${bucket.starts}::date) AS h,
             (SELECT points FROM volunteer_ranking_sizes WHERE org_id = ${instituteOrg.id} AND months = 1
                AND starts = ${size.starts}::date) AS z`.execute(t.ctx.db.system);

    const report = await checkRankingRollups(t.ctx.db.system);
    expect(report.ok).toBe(false);
    expect(report.differences).toEqual([
      {
        table: 'volunteer_ranking_facts',
        key: `${row.org_id}:${row.volunteer_id}`,
        month: bucket.starts,
        counter: 'year.service_hours',
        rollup: Number(stored[0]!.h),
        facts: Number(stored[0]!.h) - 2.5,
      },
      {
        table: 'volunteer_ranking_sizes',
        key: `${instituteOrg.id}`,
        month: size.starts,
        counter: 'month.points',
        rollup: stored[0]!.z,
        facts: stored[0]!.z - 1,
      },
    ]);
    const lines = describeRankingRebuild(report);
    expect(lines[0]).toContain('2 处不一致');
    expect(lines.join('\n')).toContain(
      `volunteer_ranking_facts ${row.org_id}:${row.volunteer_id} ${bucket.starts} year.service_hours`,
    );

    await t.ctx.db.system.transaction().execute((tx) => replaceRankingRollups(tx));
    const after = await checkRankingRollups(t.ctx.db.system);
    expect(after.differences).toEqual([]);
    expect(after.unitRows).toBeGreaterThan(0);
    // the trigger is on again: a write after the rebuild still reaches the per-unit rows
    const { rows: triggers } = await sql<{ enabled: string }>`
      SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'volunteer_month_facts_ranking'`.execute(
      t.ctx.db.system,
    );
    expect(triggers).toEqual([{ enabled: 'O' }]);
  }, 120_000);
});
