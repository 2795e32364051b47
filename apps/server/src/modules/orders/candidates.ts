// The volunteers a dispatcher may pick for an order, with what the ranking needs: skills and
// categories, their village's coordinates, their open load and their residents' ratings. The
// ranking itself is the pure rankCandidates (contracts); this is only the database side.
import { sql } from 'kysely';
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
}

/** Active volunteers under `scopePath` whose service categories or skills fit the need. */
export async function candidateRows(tx: Tx, need: CandidateNeed): Promise<CandidateRow[]> {
  // Under row-level security only leakproof conditions (equalities) may drive an index, so the
  // area's orgs come first and their volunteers are read by org_id; the history is aggregated
  // once per candidate (one index probe) instead of in three correlated subqueries.
  const { rows } = await sql<CandidateRow>`
    SELECT c.*, h.open_load, h.avg_rating, h.ratings
    FROM (
      SELECT v.id, v.name, v.skills, v.service_categories, v.availability, g.latitude, g.longitude
      FROM orgs g JOIN volunteers v ON v.org_id = g.id
      WHERE g.path <@ ${need.scopePath}::ltree AND v.org_path <@ ${need.scopePath}::ltree
        AND v.status = 'active'
        AND (v.service_categories @> ARRAY[${need.serviceCategory}]::text[] OR v.skills && ${need.skills}::text[])
      LIMIT 2000) c
    CROSS JOIN LATERAL (
      -- an aggregate without GROUP BY: one row for every candidate, zeros when no history
      SELECT count(*) FILTER (WHERE a.status = 'claimed' AND x.status IN ('claimed', 'in_service'))::int AS open_load,
        (avg(x.rating) FILTER (WHERE a.status = 'served'))::float AS avg_rating,
        (count(x.rating) FILTER (WHERE a.status = 'served'))::int AS ratings
      FROM order_assignees a JOIN orders x ON x.id = a.order_id
      WHERE a.volunteer_id = c.id AND a.status IN ('claimed', 'served')) h`.execute(tx);
  return rows;
}
