// The volunteer figures of an org subtree that other modules show (the big screen's totals): one
// count over the subtree through the org_path index, under the caller's RLS scope.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

/** Active volunteers registered in the subtree of `orgPath` (suspended and withdrawn not counted). */
export async function countActiveVolunteers(tx: Tx, orgPath: string): Promise<number> {
  const row = await tx
    .selectFrom('volunteers')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(sql<boolean>`org_path <@ ${orgPath}::ltree`)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return row.n;
}
