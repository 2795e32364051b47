// The volunteers a dispatcher may pick for an order, with what the ranking needs: skills and
// categories, their village's coordinates, their open load and their residents' ratings. The
// ranking itself is the pure rankCandidates (contracts); this is only the database side.
import { sql } from 'kysely';
import { MATCH_MAX_KM, MATCH_WEIGHTS, slotOf } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';

export interface CandidateRow {
  id: number;
  name: string;
  skills: string[];
  service_categories: string[];
  availability: string[];
  latitude: number | null;
  longitude: number | null;
  open_load: number;
  avg_rating: number | null;
  ratings: number;
}

export interface CandidateNeed {
  /** The subtree the candidates come from. */
  scopePath: string;
  serviceCategory: string;
  skills: readonly string[];
  /** The village's coordinates and the wanted time, for the fit that picks who is considered. */
  latitude: number | null;
  longitude: number | null;
  preferredAt: Date | null;
}

/**
 * How many candidates are considered at most: the best by fit (category, skills, distance,
 * availability — 85 of rankCandidates' 100 points), whose history (load, ratings: the other 15)
 * is then read and ranked in full. Reading the history of every matching volunteer of a large
 * institute (thousands) was most of the cost, and an unordered cut used to drop good matches.
 */
export const CANDIDATE_POOL = 300;

/** Active volunteers under `scopePath` whose service categories or skills fit the need. */
export async function candidateRows(tx: Tx, need: CandidateNeed): Promise<CandidateRow[]> {
  // Under row-level security only leakproof conditions (equalities) may drive an index, so the
  // area's orgs come first and their volunteers are read by org_id (an index-only scan, 0007); the
  // best CANDIDATE_POOL by fit then get their history aggregated (one index probe each). Every
  // matching volunteer of the area is scored, so the score is kept cheap: the distance is the
  // village's, computed once per org rather than once per volunteer, the skills are counted without
  // a sub-query, and the policies read the request's scope once per statement (0016).
  const slot = need.preferredAt ? slotOf(need.preferredAt) : null;
  const skills = [...need.skills];
  const skillScore =
    skills.length === 0
      ? sql`0`
      : sql`${MATCH_WEIGHTS.skill}::float8 * (${sql.join(
          skills.map((s) => sql`(v.skills @> ARRAY[${s}]::text[])::int`),
          sql` + `,
        )}) / ${skills.length}`;
  const { rows } = await sql<CandidateRow>`
    SELECT c.id, c.name, c.skills, c.service_categories, c.availability, c.latitude, c.longitude,
      h.open_load, h.avg_rating, h.ratings
    FROM (
      SELECT v.id, v.name, v.skills, v.service_categories, v.availability, g.latitude, g.longitude,
        -- the static part of rankCandidates' score (same weights), to choose whom to rank
        (CASE WHEN v.service_categories @> ARRAY[${need.serviceCategory}]::text[] THEN ${MATCH_WEIGHTS.category} ELSE 0 END
         + ${skillScore}
         + g.near
         + CASE WHEN ${slot}::text IS NOT NULL AND v.availability @> ARRAY[${slot}]::text[]
             THEN ${MATCH_WEIGHTS.availability} ELSE 0 END) AS fit
      FROM (
        -- the area's villages, each with its distance points
        SELECT o.id, o.latitude, o.longitude,
          CASE WHEN ${need.latitude}::float8 IS NOT NULL AND o.latitude IS NOT NULL
            THEN ${MATCH_WEIGHTS.distance}::float8 * greatest(0, 1 - 2 * 6371.0088 * asin(least(1, sqrt(
              sin(radians(o.latitude - ${need.latitude}::float8) / 2) ^ 2
              + cos(radians(${need.latitude}::float8)) * cos(radians(o.latitude))
                * sin(radians(o.longitude - ${need.longitude}::float8) / 2) ^ 2))) / ${MATCH_MAX_KM})
            ELSE 0 END AS near
        FROM orgs o WHERE o.path <@ ${need.scopePath}::ltree
        OFFSET 0) g
        JOIN volunteers v ON v.org_id = g.id
      WHERE v.status = 'active'
        AND (v.service_categories @> ARRAY[${need.serviceCategory}]::text[] OR v.skills && ${skills}::text[])
      ORDER BY fit DESC, v.id
      LIMIT ${CANDIDATE_POOL}) c
    CROSS JOIN LATERAL (
      -- an aggregate without GROUP BY: one row for every candidate, zeros when no history
      SELECT count(*) FILTER (WHERE a.status = 'claimed' AND x.status IN ('claimed', 'in_service'))::int AS open_load,
        (avg(x.rating) FILTER (WHERE a.status = 'served'))::float AS avg_rating,
        (count(x.rating) FILTER (WHERE a.status = 'served'))::int AS ratings
      FROM order_assignees a JOIN orders x ON x.id = a.order_id
      WHERE a.volunteer_id = c.id AND a.status IN ('claimed', 'served')) h`.execute(tx);
  return rows;
}
