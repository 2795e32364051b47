// 活动档案's figures: an org subtree's activities of one year counted per month in the database —
// held, cancelled, 结合"我们的节日", and with their materials complete (summary, photos, sign-in
// sheet) — so the year's totals never depend on how many rows a page happened to load. The page
// lists each month's activities through the paged activity list.
import { sql } from 'kysely';
import { OUR_FESTIVALS } from '@civic/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { inTeams, ledTeamIds } from '../teams/index.ts';
import type { ArchiveQuery, ActivityArchive } from './activities.schema.ts';

/** Beijing time has no daylight saving: local time is UTC + 8 h. */
const BEIJING_OFFSET = sql`interval '8 hours'`;

interface MonthRow {
  month: number;
  total: number;
  held: number;
  cancelled: number;
  festival: number;
  complete: number;
}

export async function archiveSummary(
  ctx: AppContext,
  actor: Actor,
  query: ArchiveQuery,
): Promise<ActivityArchive> {
  return inScope(ctx.db.app, actor, async (tx) => {
    const empty = { year: query.year, months: monthsOf([]), stats: statsOf([]) };
    let path = actor.orgPath;
    if (query.orgId) {
      const org = await tx.selectFrom('orgs').select('path').where('id', '=', query.orgId).executeTakeFirst();
      if (!org) return empty;
      path = org.path;
    }
    const teams = await ledTeamIds(tx, actor);
    const from = new Date(`${query.year}-01-01T00:00:00+08:00`);
    const to = new Date(`${query.year + 1}-01-01T00:00:00+08:00`);
    // "held": announced and not cancelled (a draft has not been announced yet)
    const { rows } = await sql<MonthRow>`
      WITH year_activities AS (
        SELECT a.id, a.status, a.festival, a.summary,
               extract(month FROM (a.starts_at AT TIME ZONE 'UTC') + ${BEIJING_OFFSET})::int AS month,
               a.status NOT IN ('draft', 'cancelled') AS held
        FROM activities a
        WHERE a.org_path <@ ${actor.orgPath}::ltree AND a.org_path <@ ${path}::ltree
          AND a.starts_at >= ${from} AND a.starts_at < ${to}
          AND ${teams ? inTeams('a.team_id', teams) : sql`true`})
      SELECT month,
        count(*)::int AS total,
        count(*) FILTER (WHERE held)::int AS held,
        count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
        count(*) FILTER (WHERE held AND festival = ANY(${[...OUR_FESTIVALS]}::text[]))::int AS festival,
        count(*) FILTER (WHERE held AND btrim(coalesce(summary, '')) <> ''
          AND EXISTS (SELECT 1 FROM activity_photos f WHERE f.activity_id = y.id)
          AND EXISTS (SELECT 1 FROM activity_checkins c WHERE c.activity_id = y.id))::int AS complete
      FROM year_activities y
      GROUP BY month`.execute(tx);
    return { year: query.year, months: monthsOf(rows), stats: statsOf(rows) };
  });
}

/** All twelve months, in order; a month without activities counts zero. */
function monthsOf(rows: readonly MonthRow[]): ActivityArchive['months'] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const r = byMonth.get(i + 1);
    return {
      month: i + 1,
      total: r?.total ?? 0,
      held: r?.held ?? 0,
      cancelled: r?.cancelled ?? 0,
      festival: r?.festival ?? 0,
      complete: r?.complete ?? 0,
    };
  });
}

function statsOf(rows: readonly MonthRow[]): ActivityArchive['stats'] {
  const sum = (key: keyof MonthRow) => rows.reduce((n, r) => n + r[key], 0);
  return {
    total: sum('total'),
    held: sum('held'),
    cancelled: sum('cancelled'),
    festival: sum('festival'),
    complete: sum('complete'),
    activeMonths: rows.filter((r) => r.held > 0).length,
  };
}
