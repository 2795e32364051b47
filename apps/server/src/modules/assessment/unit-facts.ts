// The recorded facts of every assessed unit (the centre, its institutes and stations) under an org,
// each over its own subtree, for a period: a handful of grouped queries, whatever the number of
// units. Activities, hours, orders and ratings are summed from the rollups (org_day_facts /
// org_month_facts); the levels at the period's end (volunteers, teams, posts, the latest site
// inspection) are counted from their tables as of that day. Runs in the caller's scope (RLS).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import { publicityFigures } from '../publicity/index.ts';
import { taskFigures } from '../tasks/index.ts';
import { trainingFigures } from '../trainings/index.ts';
import { registeredVolunteersByOrg } from '../volunteers/index.ts';
import { wholeMonths } from './assessment.service.ts';
import { FACT_COUNTERS, type FactCounter } from './facts.ts';
import { bucketsOf } from './rankings.buckets.ts';
import { teamOnTarget, type AssessedKind, type UnitFacts } from './indicators.ts';
import { daysBetween, nextDay, type Period } from './periods.ts';

const CHINA_DAY = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Asia/Shanghai')::date`);
/** The instant a China date begins. */
const chinaMidnight = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
/** Since when an org or a team exists: its founding date when recorded, else the day it was entered. */
const SINCE = (alias: string) =>
  sql.raw(`coalesce(${alias}founded_on, (${alias}created_at AT TIME ZONE 'Asia/Shanghai')::date)`);

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
async function unitsOf(db: Tx, rootPath: string, period: Period): Promise<UnitRow[]> {
  const { rows } = await sql<UnitRow>`
    SELECT id, path::text AS path, name, kind, status, resident_population AS population,
           to_char(${SINCE('')}, 'YYYY-MM-DD') AS created_on
      FROM orgs
     WHERE path <@ ${rootPath}::ltree
       AND kind IN ('center', 'institute', 'station')
       AND ${SINCE('')} <= ${period.end}::date
       AND (status = 'active' OR ${CHINA_DAY('archived_at')} >= ${period.start}::date)
     ORDER BY nlevel(path), code`.execute(db);
  return rows;
}

/** Sums `n` of each row into every assessed unit its path lies in (itself and its ancestors). */
function rollUp(rows: readonly { path: string; n: number }[], unitsOver: (path: string) => string[]) {
  const out = new Map<string, number>();
  for (const r of rows) for (const u of unitsOver(r.path)) out.set(u, (out.get(u) ?? 0) + r.n);
  return out;
}

/** The facts of every assessed unit under `rootPath` in `period`, in tree order. */
export async function unitFacts(db: Tx, rootPath: string, period: Period): Promise<UnitFacts[]> {
  const units = await unitsOf(db, rootPath, period);
  if (units.length === 0) return [];
  // each query groups by the fact's own org path (a few thousand rows at most); the paths are then
  // summed into the units above them here, instead of joining every unit with every fact
  const unitPaths = new Set(units.map((u) => u.path));
  const over = new Map<string, string[]>();
  const unitsOver = (path: string) => {
    let found = over.get(path);
    if (!found) {
      const labels = path.split('.');
      found = labels.map((_, i) => labels.slice(0, i + 1).join('.')).filter((p) => unitPaths.has(p));
      over.set(path, found);
    }
    return found;
  };
  const end = period.end;
  const endExclusive = nextDay(end);
  const { wholeFrom, wholeUntil } = wholeMonths(period.start, end);
  const days = daysBetween(period.start, end);
  const cols = sql.raw(FACT_COUNTERS.join(', '));

  const { rows: sumRows } = await sql<{ path: string } & Record<FactCounter, string>>`
    SELECT org_path::text AS path,
           ${sql.raw(FACT_COUNTERS.map((c) => `sum(${c})::numeric AS ${c}`).join(', '))}
      FROM (SELECT org_path, ${cols} FROM org_day_facts
             WHERE org_path <@ ${rootPath}::ltree
               AND ((day >= ${period.start}::date AND day < ${wholeFrom}::date)
                    OR (day >= ${wholeUntil}::date AND day <= ${end}::date))
            UNION ALL
            SELECT org_path, ${cols} FROM org_month_facts
             WHERE org_path <@ ${rootPath}::ltree
               AND month >= ${wholeFrom}::date AND month < ${wholeUntil}::date) f
     GROUP BY org_path`.execute(db);
  const sums = new Map<string, Record<FactCounter, number>>();
  for (const r of sumRows)
    for (const u of unitsOver(r.path)) {
      const acc =
        sums.get(u) ?? (Object.fromEntries(FACT_COUNTERS.map((c) => [c, 0])) as Record<FactCounter, number>);
      for (const c of FACT_COUNTERS) acc[c] += Number(r[c]);
      sums.set(u, acc);
    }

  const counted = async (query: ReturnType<typeof sql<{ path: string; n: string }>>) =>
    rollUp(
      (await query.execute(db)).rows.map((r) => ({ path: r.path, n: Number(r.n) })),
      unitsOver,
    );
  // registered by the period's end and not withdrawn: the volunteers module's per-org counts
  const volunteers = rollUp(
    await registeredVolunteersByOrg(db, rootPath, new Date(`${endExclusive}T00:00:00+08:00`)),
    unitsOver,
  );
  const teams = await counted(
    sql`SELECT t.org_path::text AS path, count(*) AS n FROM teams t
         WHERE t.org_path <@ ${rootPath}::ltree AND t.status = 'active' AND ${SINCE('t.')} <= ${end}::date
         GROUP BY t.org_path`,
  );
  const posts = await counted(
    sql`SELECT p.path::text AS path, 1 AS n FROM orgs p
         WHERE p.path <@ ${rootPath}::ltree AND p.kind = 'post' AND ${SINCE('p.')} <= ${end}::date
           AND (p.status = 'active' OR ${CHINA_DAY('p.archived_at')} > ${end}::date)`,
  );
  // the volunteers with a confirmed record in the period (whole months), counted once per unit
  // however many of its orgs they served: for one calendar bucket a stored count per unit, for a
  // custom range one grouped distinct count per depth of the units' paths over the monthly rollup
  const monthFrom = `${period.start.slice(0, 7)}-01`;
  const monthTo = `${end.slice(0, 7)}-01`;
  const active = new Map<string, number>();
  const buckets = bucketsOf(monthFrom, end);
  const bucket = buckets.length === 1 && buckets[0]!.sign === 1 ? buckets[0]! : null;
  if (bucket) {
    // a month, a calendar quarter or year (every period but a custom range): the rankings keep each
    // unit's count of volunteers with a confirmed record in the bucket (volunteer_ranking_sizes)
    const { rows } = await sql<{ path: string; n: number }>`
      SELECT org_path::text AS path, service_records AS n FROM volunteer_ranking_sizes
       WHERE org_path <@ ${rootPath}::ltree AND months = ${bucket.months}
         AND starts = ${bucket.starts}::date AND service_records > 0`.execute(db);
    for (const r of rows) if (unitPaths.has(r.path)) active.set(r.path, r.n);
  } else {
    for (const depth of [...new Set(units.map((x) => x.path.split('.').length))]) {
      const { rows } = await sql<{ path: string; n: string }>`
        SELECT subpath(org_path, 0, ${depth})::text AS path, count(DISTINCT volunteer_id) AS n
          FROM volunteer_month_facts
         WHERE org_path <@ ${rootPath}::ltree AND nlevel(org_path) >= ${depth}
           AND month BETWEEN ${monthFrom}::date AND ${monthTo}::date AND service_records > 0
         GROUP BY 1`.execute(db);
      for (const r of rows) if (unitPaths.has(r.path)) active.set(r.path, Number(r.n));
    }
  }
  // every station in the period, and whether its latest inspection up to the period's end passed; a
  // station never inspected counts as not passing
  const { rows: stations } = await sql<{ path: string; passed: boolean | null }>`
    WITH latest AS (
      SELECT DISTINCT ON (i.org_id) i.org_id, i.passed
        FROM inspections i
       WHERE i.org_path <@ ${rootPath}::ltree AND i.inspected_on <= ${end}::date
       ORDER BY i.org_id, i.inspected_on DESC, i.id DESC)
    SELECT s.path::text AS path, l.passed
      FROM orgs s LEFT JOIN latest l ON l.org_id = s.id
     WHERE s.path <@ ${rootPath}::ltree AND s.kind = 'station' AND ${SINCE('s.')} <= ${end}::date
       AND (s.status = 'active' OR ${CHINA_DAY('s.archived_at')} >= ${period.start}::date)`.execute(db);
  const siteCount = rollUp(
    stations.map((x) => ({ path: x.path, n: 1 })),
    unitsOver,
  );
  const sitePassed = rollUp(
    stations.map((x) => ({ path: x.path, n: x.passed ? 1 : 0 })),
    unitsOver,
  );

  // the stations that held a finished 茶乡微讲堂 (a 讲 marked micro_lecture) in the period, themselves
  // or a point below them: the few such activities of the period by a partial index (migration 0034),
  // grouped by org, each org then mapped to the station it lies in
  const { rows: lectureOrgs } = await sql<{ path: string }>`
    SELECT org_path::text AS path FROM activities
     WHERE org_path <@ ${rootPath}::ltree AND micro_lecture AND status IN ('finished', 'archived')
       AND starts_at >= ${chinaMidnight(period.start)} AND starts_at < ${chinaMidnight(endExclusive)}
     GROUP BY org_path`.execute(db);
  const stationPaths = new Set(stations.map((x) => x.path));
  const lectureStations = new Set(
    lectureOrgs.flatMap((r) => unitsOver(r.path).filter((p) => stationPaths.has(p))),
  );
  const microLectures = rollUp(
    [...lectureStations].map((path) => ({ path, n: 1 })),
    unitsOver,
  );

  // the professional teams (服务队 with a yearly service target) that existed in the period, and
  // their services in it from the per-team monthly rollup (team_month_facts, whole months: periods
  // are months, quarters and years): activities they organised and held + orders dispatched to them
  // and closed
  const { rows: proTeams } = await sql<{ path: string; target: number; since: string; services: string }>`
    SELECT t.org_path::text AS path, t.yearly_service_target AS target,
           to_char(${SINCE('t.')}, 'YYYY-MM-DD') AS since,
           coalesce(sum(f.activities_held + f.orders_closed), 0) AS services
      FROM teams t
      LEFT JOIN team_month_facts f ON f.team_id = t.id AND f.month BETWEEN ${monthFrom}::date AND ${monthTo}::date
     WHERE t.org_path <@ ${rootPath}::ltree AND t.kind = 'professional' AND t.status = 'active'
       AND t.yearly_service_target IS NOT NULL AND ${SINCE('t.')} <= ${end}::date
     GROUP BY t.id`.execute(db);
  const existedShareFrom = (since: string) =>
    Math.min(1, daysBetween(since > period.start ? since : period.start, end) / days);
  const proTeamCount = rollUp(
    proTeams.map((x) => ({ path: x.path, n: 1 })),
    unitsOver,
  );
  const proTeamsOnTarget = rollUp(
    proTeams.map((x) => ({
      path: x.path,
      n: teamOnTarget(Number(x.services), x.target, period.months, existedShareFrom(x.since)) ? 1 : 0,
    })),
    unitsOver,
  );

  // projects done: those of the year that first reached 评估效果 (implementation complete) in the
  // period, from their status history (a project cycles back to 招募 after 优化, so its current
  // status does not say whether it was done)
  const projectsDone = await counted(
    sql`SELECT p.org_path::text AS path, count(*) AS n
          FROM projects p
          JOIN LATERAL (SELECT min(h.changed_at) AS at FROM project_status_history h
                         WHERE h.project_id = p.id AND h.to_status = 'evaluating') d ON true
         WHERE p.org_path <@ ${rootPath}::ltree
           AND d.at >= ${chinaMidnight(period.start)} AND d.at < ${chinaMidnight(endExclusive)}
           AND p.year = extract(year FROM d.at AT TIME ZONE 'Asia/Shanghai')
         GROUP BY p.org_path`,
  );

  // work tasks due in the period, by recipient (tasks module)
  const tasks = await taskFigures(db, rootPath, period.start, end);
  const tasksAssigned = rollUp(
    tasks.map((x) => ({ path: x.orgPath, n: x.assigned })),
    unitsOver,
  );
  const tasksApproved = rollUp(
    tasks.map((x) => ({ path: x.orgPath, n: x.approved })),
    unitsOver,
  );

  // publicity pieces published in the period, per quota level (publicity module)
  const pieces = await publicityFigures(db, rootPath, period.start, end);
  const publicityOf = (level: 'province' | 'city' | 'county') =>
    rollUp(
      pieces.map((x) => ({ path: x.orgPath, n: x[level] })),
      unitsOver,
    );
  const publicity = {
    province: publicityOf('province'),
    city: publicityOf('city'),
    county: publicityOf('county'),
  };
  // held trainings by the day they started (trainings module)
  const trainingsHeld = rollUp(
    (await trainingFigures(db, rootPath, period.start, end)).map((x) => ({ path: x.orgPath, n: x.held })),
    unitsOver,
  );

  const populationOf = (unit: UnitRow): number | null => {
    if (unit.population !== null) return unit.population;
    // not recorded on the unit itself: the sum of the stations' below it, when any recorded one
    const below = units.filter((x) => x.kind === 'station' && x.path.startsWith(`${unit.path}.`));
    const known = below.filter((x) => x.population !== null);
    return known.length > 0 ? known.reduce((s, x) => s + x.population!, 0) : null;
  };
  return units.map((unit): UnitFacts => {
    const s = sums.get(unit.path);
    const num = (c: FactCounter) => s?.[c] ?? 0;
    const site = { sites: siteCount.get(unit.path) ?? 0, passed: sitePassed.get(unit.path) ?? 0 };
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
      tasksAssigned: tasksAssigned.get(unit.path) ?? 0,
      tasksApproved: tasksApproved.get(unit.path) ?? 0,
      stationsOnTarget: null,
      stations: unit.kind === 'station' ? 0 : site.sites,
      microLectureStations: microLectures.get(unit.path) ?? 0,
      professionalTeams: proTeamCount.get(unit.path) ?? 0,
      professionalTeamsOnTarget: proTeamsOnTarget.get(unit.path) ?? 0,
      projectsDone: projectsDone.get(unit.path) ?? 0,
      publicity: {
        province: publicity.province.get(unit.path) ?? 0,
        city: publicity.city.get(unit.path) ?? 0,
        county: publicity.county.get(unit.path) ?? 0,
      },
      trainingsHeld: trainingsHeld.get(unit.path) ?? 0,
    };
  });
}
