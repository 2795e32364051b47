// The rows of a volunteer board (实践排行·志愿者) from the per-unit rollup (volunteer_ranking_facts,
// migration 0032): an org's row of a volunteer holds what the volunteer did in the org's subtree, per
// calendar month, quarter and year. A board by hours, orders or points over one bucket reads its page
// off the index in rank order and its size from volunteer_ranking_sizes; any other board sums its
// buckets' rows per volunteer and ranks them with rank(). Either way: value DESC, then volunteer_id;
// equal values share a rank (1, 2, 2, 4); a volunteer is listed when the figure is not zero (ratings:
// when rated), and an average below the minimum sample is listed after the ranked, unranked.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { bucketsOf } from './rankings.buckets.ts';
import type { VOLUNTEER_METRICS } from './rankings.schema.ts';

type VolunteerMetric = (typeof VOLUNTEER_METRICS)[number];

export interface VolunteerBoardRow {
  volunteer_id: string;
  service_hours: string;
  service_records: string;
  orders_served: string;
  rating_sum: string;
  rating_count: string;
  points: string;
  value: string | null;
  rank: number | null;
}

export interface VolunteerBoardRows {
  rows: VolunteerBoardRow[];
  total: number;
  ranked: number;
}

/** The column a metric ranks by, where a bucket's row holds it as is. */
const COLUMN = { hours: 'service_hours', orders: 'orders_served', points: 'points' } as const;

const COUNTERS = 'service_hours, service_records, orders_served, rating_sum, rating_count, points';

export async function volunteerBoardRows(
  db: Executor,
  orgId: number,
  q: { from: string; to: string; metric: VolunteerMetric; page: number; pageSize: number },
  minRatings: number,
): Promise<VolunteerBoardRows> {
  const buckets = bucketsOf(q.from, q.to);
  const offset = (q.page - 1) * q.pageSize;
  const one = buckets.length === 1 ? buckets[0]! : null;
  if (one && q.metric !== 'rating') {
    const column = sql.ref(COLUMN[q.metric]);
    const key = sql`org_id = ${orgId} AND months = ${one.months} AND starts = ${one.starts}::date`;
    const { rows } = await sql<Omit<VolunteerBoardRow, 'rank'>>`
      SELECT volunteer_id, ${sql.raw(COUNTERS)}, ${column}::numeric AS value
        FROM volunteer_ranking_facts
       WHERE ${key} AND ${column} <> 0
       ORDER BY ${column} DESC, volunteer_id
       LIMIT ${q.pageSize} OFFSET ${offset}`.execute(db);
    const { rows: size } = await sql<{ n: number }>`
      SELECT ${column} AS n FROM volunteer_ranking_sizes WHERE ${key}`.execute(db);
    const total = Number(size[0]?.n ?? 0);
    // a rank is 1 + the listed entries above: for the page's first, counted (past the first page);
    // for the next ones, the same as the one before when equal, else its place on the board
    let rank = 1;
    if (rows.length > 0 && offset > 0) {
      const { rows: above } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM volunteer_ranking_facts
         WHERE ${key} AND ${column} <> 0 AND ${column} > ${rows[0]!.value}::numeric`.execute(db);
      rank = 1 + above[0]!.n;
    }
    const out = rows.map((r, i) => {
      if (i > 0 && Number(r.value) !== Number(rows[i - 1]!.value)) rank = offset + i + 1;
      return { ...r, rank };
    });
    return { rows: out, total, ranked: total };
  }

  const value = {
    hours: sql`s.service_hours`,
    orders: sql`s.orders_served::numeric`,
    points: sql`s.points::numeric`,
    rating: sql`CASE WHEN s.rating_count >= ${minRatings} THEN round(s.rating_sum::numeric / s.rating_count, 2) END`,
  }[q.metric];
  const listed = {
    hours: sql`s.service_hours <> 0`,
    orders: sql`s.orders_served <> 0`,
    points: sql`s.points <> 0`,
    rating: sql`s.rating_count > 0`,
  }[q.metric];
  const periods = sql.join(
    buckets.map((b) => sql`(${b.months}::smallint, ${b.starts}::date, ${b.sign}::int)`),
    sql`, `,
  );
  const { rows } = await sql<VolunteerBoardRow & { total: string; ranked: string }>`
    WITH b (months, starts, sign) AS (VALUES ${periods}),
    s AS (
      SELECT f.volunteer_id, sum(b.sign * f.service_hours) AS service_hours,
             sum(b.sign * f.service_records) AS service_records, sum(b.sign * f.orders_served) AS orders_served,
             sum(b.sign * f.rating_sum) AS rating_sum, sum(b.sign * f.rating_count) AS rating_count,
             sum(b.sign * f.points) AS points
        FROM volunteer_ranking_facts f JOIN b ON b.months = f.months AND b.starts = f.starts
       WHERE f.org_id = ${orgId}
         ${one && q.metric === 'rating' ? sql`AND f.rating_count <> 0` : sql``}
       GROUP BY f.volunteer_id),
    v AS (SELECT s.*, ${value} AS value FROM s WHERE ${listed})
    SELECT v.*, CASE WHEN value IS NULL THEN NULL ELSE rank() OVER (ORDER BY value DESC NULLS LAST) END AS rank,
           count(*) OVER () AS total, count(value) OVER () AS ranked
      FROM v ORDER BY value DESC NULLS LAST, volunteer_id
     LIMIT ${q.pageSize} OFFSET ${offset}`.execute(db);
  if (rows.length === 0 && q.page > 1) {
    // past the last page: the board's size, from its first entry
    const head = await volunteerBoardRows(db, orgId, { ...q, page: 1, pageSize: 1 }, minRatings);
    return { rows: [], total: head.total, ranked: head.ranked };
  }
  return {
    rows: rows.map((r) => ({ ...r, rank: r.rank === null ? null : Number(r.rank) })),
    total: Number(rows[0]?.total ?? 0),
    ranked: Number(rows[0]?.ranked ?? 0),
  };
}
