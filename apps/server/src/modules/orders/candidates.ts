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
  const { rows } = await sql<CandidateRow>`
    SELECT v.id, v.name, v.skills, v.service_categories, v.availability, g.latitude, g.longitude,
      (SELECT count(*) FROM order_assignees a JOIN orders x ON x.id = a.order_id
        WHERE a.volunteer_id = v.id AND a.status = 'claimed' AND x.status IN ('claimed', 'in_service'))::int AS open_load,
      (SELECT avg(x.rating)::float FROM order_assignees a JOIN orders x ON x.id = a.order_id
        WHERE a.volunteer_id = v.id AND a.status = 'served' AND x.rating IS NOT NULL) AS avg_rating,
      (SELECT count(x.rating) FROM order_assignees a JOIN orders x ON x.id = a.order_id
        WHERE a.volunteer_id = v.id AND a.status = 'served')::int AS ratings
    FROM volunteers v JOIN orgs g ON g.id = v.org_id
    WHERE v.status = 'active' AND v.org_path <@ ${need.scopePath}::ltree
      AND (v.service_categories @> ARRAY[${need.serviceCategory}]::text[] OR v.skills && ${need.skills}::text[])
    LIMIT 2000`.execute(tx);
  return rows;
}
