// 活动档案 on the demo county: the year's and each month's figures come from the database over every
// activity — not from the rows a page happened to load — and a month's activities are listed page
// by page in date order, whatever their number (the county has over 3,000 a year: the old page
// loaded the latest 2,000 and lost January to April).
import { sql } from 'kysely';
import { OUR_FESTIVALS } from '@civic/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';

let t: TestContext;
let center: ReturnType<typeof as>;
let stationAdmin: ReturnType<typeof as>;
let station: OrgRef;
let centerId: number;
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

interface Counts {
  total: number;
  held: number;
  cancelled: number;
  festival: number;
  complete: number;
}
interface Archive {
  year: number;
  stats: Counts & { activeMonths: number };
  months: Array<Counts & { month: number }>;
}

beforeAll(async () => {
  t = await createTestContext();
  center = as(t.app, await login(t.app, 'demo-center'));
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  centerId = (await orgOfUser(t.ctx.db.system, 'demo-center')).id;
});
afterAll(async () => t?.close());

/** The figures counted straight from the table (as the owner, no row-level security), per month. */
async function expectedMonths(path: string): Promise<Map<number, Counts>> {
  const { rows } = await sql<Counts & { month: number }>`
    SELECT extract(month FROM a.starts_at AT TIME ZONE 'Asia/Shanghai')::int AS month,
      count(*)::int AS total,
      count(*) FILTER (WHERE a.status NOT IN ('draft', 'cancelled'))::int AS held,
      count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled,
      count(*) FILTER (WHERE a.status NOT IN ('draft', 'cancelled')
        AND a.festival = ANY(${[...OUR_FESTIVALS]}::text[]))::int AS festival,
      count(*) FILTER (WHERE a.status NOT IN ('draft', 'cancelled') AND btrim(coalesce(a.summary, '')) <> ''
        AND EXISTS (SELECT 1 FROM activity_photos f WHERE f.activity_id = a.id)
        AND EXISTS (SELECT 1 FROM activity_checkins c WHERE c.activity_id = a.id))::int AS complete
    FROM activities a
    WHERE a.org_path <@ ${path}::ltree
      AND to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') = ${String(year)}
    GROUP BY 1`.execute(t.ctx.db.system);
  return new Map(rows.map((r) => [r.month, r]));
}

describe('活动档案', () => {
  it('counts the whole county’s year per month in the database, every activity included', async () => {
    // one of them complete (summary, photo, sign-in sheet), so that figure is not trivially zero
    const db = t.ctx.db.system;
    const done = await db
      .selectFrom('activities as a')
      .select(['a.id', 'a.org_path'])
      .where('a.status', '=', 'archived')
      .where(sql<boolean>`to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') = ${String(year)}`)
      .where(sql<boolean>`EXISTS (SELECT 1 FROM activity_checkins c WHERE c.activity_id = a.id)`)
      .orderBy('a.starts_at')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('activities')
      .set({ summary: '活动总结：老人们很满意' })
      .where('id', '=', done.id)
      .execute();
    const centerUser = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-center')
      .executeTakeFirstOrThrow();
    const upload = await db
      .insertInto('uploads')
      .values({
        org_path: done.org_path,
        uploaded_by: centerUser.id,
        file_name: 'photo.jpg',
        mime_type: 'image/jpeg',
        byte_size: 3,
        sha256: '0'.repeat(64),
        content: Buffer.from([0xff, 0xd8, 0xff]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('activity_photos')
      .values({ activity_id: done.id, upload_id: upload.id, org_path: done.org_path })
      .execute();

    const res = await center.get(`/api/activities/archive?year=${year}&orgId=${centerId}`);
    expect(res.statusCode, res.body).toBe(200);
    const archive = res.json() as Archive;
    const expected = await expectedMonths((await orgOfUser(db, 'demo-center')).path);
    expect(archive.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const m of archive.months) {
      const e = expected.get(m.month) ?? { total: 0, held: 0, cancelled: 0, festival: 0, complete: 0 };
      expect({ ...m, month: undefined }, `month ${m.month}`).toEqual({ ...e, month: undefined });
    }
    const sum = (key: keyof Counts) => [...expected.values()].reduce((n, r) => n + r[key], 0);
    expect(archive.stats).toEqual({
      total: sum('total'),
      held: sum('held'),
      cancelled: sum('cancelled'),
      festival: sum('festival'),
      complete: sum('complete'),
      activeMonths: [...expected.values()].filter((r) => r.held > 0).length,
    });
    // the demo county holds more than a page ever loaded, January included
    expect(archive.stats.total).toBeGreaterThan(2000);
    expect(archive.months[0]!.total).toBeGreaterThan(0);
    expect(archive.stats.complete).toBeGreaterThanOrEqual(1);
  });

  it('lists a month page by page in date order, with the month’s total', async () => {
    const expected = await expectedMonths((await orgOfUser(t.ctx.db.system, 'demo-center')).path);
    const january = `from=${year}-01-01&to=${year}-01-31`;
    const first = (
      await center.get(`/api/activities?orgId=${centerId}&${january}&order=asc&page=1&pageSize=50`)
    ).json() as {
      items: Array<{ id: number; startsAt: string }>;
      total: number;
    };
    expect(first.total).toBe(expected.get(1)!.total);
    const starts = first.items.map((a) => a.startsAt);
    expect(starts).toEqual([...starts].sort());
    const earliest = await t.ctx.db.system
      .selectFrom('activities')
      .select(['id'])
      .where('starts_at', '>=', new Date(`${year}-01-01T00:00:00+08:00`))
      .orderBy('starts_at')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(first.items[0]!.id).toBe(earliest.id);
    // the last page holds the rest: nothing is lost between pages
    const pages = Math.ceil(first.total / 50);
    const last = (
      await center.get(`/api/activities?orgId=${centerId}&${january}&order=asc&page=${pages}&pageSize=50`)
    ).json() as { items: unknown[] };
    expect(last.items).toHaveLength(first.total - (pages - 1) * 50);
  });

  it('counts only the caller’s own subtree, never a unit above it', async () => {
    const own = (await stationAdmin.get(`/api/activities/archive?year=${year}`)).json() as Archive;
    const expected = await expectedMonths(station.path);
    expect(own.stats.total).toBe([...expected.values()].reduce((n, r) => n + r.total, 0));
    // the county above is not the station's to count: nothing of it
    const above = (
      await stationAdmin.get(`/api/activities/archive?year=${year}&orgId=${centerId}`)
    ).json() as Archive;
    expect(above.stats.total).toBe(0);
  });

  it('refuses a year out of range with a clear message', async () => {
    const res = await center.get('/api/activities/archive?year=1999');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toMatch(/年度须在 2000–2100 年之间/);
  });
});
