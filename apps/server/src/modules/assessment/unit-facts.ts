// The recorded facts of every assessed unit (the centre, its institutes and stations) under an org,
// each over its own subtree, for a period: a handful of grouped queries, whatever the number of
// units. Activities, hours, orders and ratings are summed from the rollups (org_day_facts /
// org_month_facts); the levels at the period's end (volunteers, teams, posts, the latest site
// inspection) are counted from their tables as of that day. Runs in the caller's scope (RLS).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { wholeMonths } from './assessment.service.ts';
import { FACT_COUNTERS } from './facts.ts';
import type { AssessedKind, UnitFacts } from './indicators.ts';
import { daysBetween, nextDay, type Period } from './periods.ts';

const CHINA_DAY = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Asia/Shanghai')::date`);

interface UnitRow {
  id: string;
  path: string;
  name: string;
  kind: AssessedKind;
  status: string;
  population: number | null;
  created_on: string;
}

/** The assessed units under `rootPath` that existed in the period (archived ones: until archived). */
async function unitsOf(db: Executor, rootPath: string, period: Period): Promise<UnitRow[]> {
  const { rows } = await sql<UnitRow>`
    SELECT id, path::text AS path, name, kind, status, resident_population AS population,
           to_char(${CHINA_DAY('created_at')}, 'YYYY-MM-DD') AS created_on
      FROM orgs
     WHERE path <@ ${rootPath}::ltree
       AND kind IN ('center', 'institute', 'station')
       AND ${CHINA_DAY('created_at')} <= ${period.end}::date
       AND (status = 'active' OR ${CHINA_DAY('archived_at')} >= ${period.start}::date)
     ORDER BY nlevel(path), code`.execute(db);
  return rows;
}

async function grouped(db: Executor, query: ReturnType<typeof sql<{ path: string; n: string }>>) {
  const { rows } = await query.execute(db);
  return new Map(rows.map((r) => [r.path, Number(r.n)]));
}

/** The facts of every assessed unit under `rootPath` in `period`, in tree order. */
export async function unitFacts(db: Executor, rootPath: string, period: Period): Promise<UnitFacts[]> {
  const units = await unitsOf(db, rootPath, period);
  if (units.length === 0) return [];
  const paths = units.map((u) => u.path);
  const end = period.end;
  const endExclusive = nextDay(end);
  const { wholeFrom, wholeUntil } = wholeMonths(period.start, end);
  const cols = sql.raw(FACT_COUNTERS.join(', '));
  const u = sql`unnest(${paths}::ltree[]) AS u(path)`;

  const { rows: sumRows } = await sql<{ path: string } & Record<string, string>>`
    SELECT u.path::text AS path,
           ${sql.raw(FACT_COUNTERS.map((c) => `coalesce(sum(f.${c}), 0)::numeric AS ${c}`).join(', '))}
      FROM ${u}
      JOIN (SELECT org_path, ${cols} FROM org_day_facts
             WHERE org_path <@ ${rootPath}::ltree
               AND ((day >= ${period.start}::date AND day < ${wholeFrom}::date)
                    OR (day >= ${wholeUntil}::date AND day <= ${end}::date))
            UNION ALL
            SELECT org_path, ${cols} FROM org_month_facts
             WHERE org_path <@ ${rootPath}::ltree
               AND month >= ${wholeFrom}::date AND month < ${wholeUntil}::date) f
        ON f.org_path <@ u.path
     GROUP BY u.path`.execute(db);
  const sums = new Map(sumRows.map((r) => [r.path, r]));

  const volunteers = await grouped(
    db,
    sql`SELECT u.path::text AS path, count(*) AS n FROM ${u}
          JOIN volunteers v ON v.org_path <@ u.path
         WHERE v.org_path <@ ${rootPath}::ltree AND v.status <> 'withdrawn'
           AND v.created_at < (${endExclusive}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
         GROUP BY u.path`,
  );
  const active = await grouped(
    db,
    sql`SELECT u.path::text AS path, count(DISTINCT r.volunteer_id) AS n FROM ${u}
          JOIN service_records r ON r.org_path <@ u.path
         WHERE r.org_path <@ ${rootPath}::ltree AND r.status = 'confirmed' AND r.kind <> 'opening'
           AND r.started_at >= (${period.start}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
           AND r.started_at < (${endExclusive}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
         GROUP BY u.path`,
  );
  const teams = await grouped(
    db,
    sql`SELECT u.path::text AS path, count(*) AS n FROM ${u}
          JOIN teams t ON t.org_path <@ u.path
         WHERE t.org_path <@ ${rootPath}::ltree AND t.status = 'active'
           AND t.created_at < (${endExclusive}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
         GROUP BY u.path`,
  );
  const posts = await grouped(
    db,
    sql`SELECT u.path::text AS path, count(*) AS n FROM ${u}
          JOIN orgs p ON p.path <@ u.path
         WHERE p.path <@ ${rootPath}::ltree AND p.kind = 'post'
           AND ${CHINA_DAY('p.created_at')} <= ${end}::date
           AND (p.status = 'active' OR ${CHINA_DAY('p.archived_at')} > ${end}::date)
         GROUP BY u.path`,
  );
  // every station under the unit (itself, for a station), and whether its latest inspection up to
  // the period's end passed; a station never inspected counts as not passing
  const { rows: siteRows } = await sql<{ path: string; sites: string; passed: string }>`
    WITH latest AS (
      SELECT DISTINCT ON (i.org_id) i.org_id, i.passed
        FROM inspections i
       WHERE i.org_path <@ ${rootPath}::ltree AND i.inspected_on <= ${end}::date
       ORDER BY i.org_id, i.inspected_on DESC, i.id DESC)
    SELECT u.path::text AS path, count(*) AS sites, count(*) FILTER (WHERE l.passed) AS passed
      FROM ${u}
      JOIN orgs s ON s.path <@ u.path AND s.kind = 'station'
                 AND ${CHINA_DAY('s.created_at')} <= ${end}::date
                 AND (s.status = 'active' OR ${CHINA_DAY('s.archived_at')} >= ${period.start}::date)
      LEFT JOIN latest l ON l.org_id = s.id
     GROUP BY u.path`.execute(db);
  const sites = new Map(siteRows.map((r) => [r.path, { sites: Number(r.sites), passed: Number(r.passed) }]));

  const days = daysBetween(period.start, end);
  const populationOf = (unit: UnitRow): number | null => {
    if (unit.population !== null) return unit.population;
    // not recorded on the unit itself: the sum of the stations' below it, when any recorded one
    const below = units.filter((x) => x.kind === 'station' && x.path.startsWith(`${unit.path}.`));
    const known = below.filter((x) => x.population !== null);
    return known.length > 0 ? known.reduce((s, x) => s + x.population!, 0) : null;
  };
  return units.map((unit): UnitFacts => {
    const s = sums.get(unit.path);
    const num = (c: string) => (s ? Number(s[c]) : 0);
    const site = sites.get(unit.path) ?? { sites: 0, passed: 0 };
    const existedFrom = unit.created_on > period.start ? unit.created_on : period.start;
    return {
      orgId: Number(unit.id),
      path: unit.path,
      name: unit.name,
      kind: unit.kind,
      archived: unit.status === 'archived',
      existedShare: Math.min(1, daysBetween(existedFrom, end) / days),
      activitiesHeld: num('activities_held'),
      festivalActivitiesHeld: num('festival_activities_held'),
      serviceHours: num('service_hours'),
      ordersClosed: num('orders_closed'),
      ordersClosedOnTime: num('orders_closed_on_time'),
      ratingSum: num('rating_sum'),
      ratingCount: num('rating_count'),
      volunteers: volunteers.get(unit.path) ?? 0,
      population: populationOf(unit),
      activeVolunteers: active.get(unit.path) ?? 0,
      sitesPassed: site.passed,
      sites: site.sites,
      posts: posts.get(unit.path) ?? 0,
      teams: teams.get(unit.path) ?? 0,
      stationsOnTarget: null,
      stations: unit.kind === 'station' ? 0 : site.sites,
    };
  });
}
