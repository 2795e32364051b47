// The volunteer figures of an org subtree that other modules show (the big screen's totals, the
// assessment's 注册志愿者): sums of the per-org head counts (org_volunteer_counts, migration 0031),
// which triggers on volunteers keep in the same transaction as every registration, suspension,
// withdrawal and move — one row per org instead of one per volunteer. Read under the caller's scope.
import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/database.ts';

/** Active volunteers registered in the subtree of `orgPath` (suspended and withdrawn not counted). */
export async function countActiveVolunteers(tx: Tx, orgPath: string): Promise<number> {
  const row = await tx
    .selectFrom('org_volunteer_counts')
    .select(sql<number>`coalesce(sum(active), 0)::int`.as('n'))
    .where(sql<boolean>`org_path <@ ${orgPath}::ltree`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * The volunteers of each org under `rootPath` registered before `before` and not withdrawn (today),
 * by org path: today's count less those registered since (a recent range of the created_at index).
 */
export async function registeredVolunteersByOrg(
  tx: Tx,
  rootPath: string,
  before: Date,
): Promise<Array<{ path: string; n: number }>> {
  const { rows } = await sql<{ path: string; n: string }>`
    SELECT path, sum(n) AS n FROM (
      SELECT org_path::text AS path, registered AS n FROM org_volunteer_counts
       WHERE org_path <@ ${rootPath}::ltree AND registered > 0
      UNION ALL
      SELECT org_path::text, -count(*) FROM volunteers
       WHERE created_at >= ${before} AND status <> 'withdrawn' AND org_path <@ ${rootPath}::ltree
       GROUP BY org_path) c
     GROUP BY path`.execute(tx);
  return rows.map((r) => ({ path: r.path, n: Number(r.n) })).filter((r) => r.n !== 0);
}

/** Today's counts against a fresh count of the volunteers: the orgs whose stored counts differ. */
export async function volunteerCountDifferences(tx: Executor) {
  const { rows } = await sql<{
    org_id: string;
    org_path: string;
    stored_registered: number;
    stored_active: number;
    registered: number;
    active: number;
  }>`
    WITH fresh AS (
      SELECT org_id, count(*) FILTER (WHERE status <> 'withdrawn')::int AS registered,
             count(*) FILTER (WHERE status = 'active')::int AS active
        FROM volunteers GROUP BY org_id)
    SELECT coalesce(c.org_id, f.org_id) AS org_id, o.path::text AS org_path,
           coalesce(c.registered, 0) AS stored_registered, coalesce(c.active, 0) AS stored_active,
           coalesce(f.registered, 0) AS registered, coalesce(f.active, 0) AS active
      FROM org_volunteer_counts c FULL JOIN fresh f ON f.org_id = c.org_id
      JOIN orgs o ON o.id = coalesce(c.org_id, f.org_id)
     WHERE coalesce(c.registered, 0) <> coalesce(f.registered, 0)
        OR coalesce(c.active, 0) <> coalesce(f.active, 0)
        OR (c.org_id IS NOT NULL AND c.org_path <> o.path)
     ORDER BY 1`.execute(tx);
  return rows.map((r) => ({
    orgId: Number(r.org_id),
    orgPath: r.org_path,
    stored: { registered: r.stored_registered, active: r.stored_active },
    counted: { registered: r.registered, active: r.active },
  }));
}

/** Replaces the stored counts with a fresh count of the volunteers (`assessment:rebuild --fix`). */
export async function recountVolunteers(tx: Tx): Promise<number> {
  await sql`DELETE FROM org_volunteer_counts`.execute(tx);
  const { numAffectedRows } = await sql`
    INSERT INTO org_volunteer_counts (org_id, org_path, registered, active)
    SELECT v.org_id, o.path, count(*) FILTER (WHERE v.status <> 'withdrawn'),
           count(*) FILTER (WHERE v.status = 'active')
      FROM volunteers v JOIN orgs o ON o.id = v.org_id
     GROUP BY v.org_id, o.path`.execute(tx);
  return Number(numAffectedRows ?? 0);
}
