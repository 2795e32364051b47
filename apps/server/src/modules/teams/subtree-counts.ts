// The team figures of an org subtree that other modules show (the big screen's totals).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

/** Active (not dissolved) teams attached to orgs of the subtree of `orgPath`. */
export async function countActiveTeams(tx: Tx, orgPath: string): Promise<number> {
  const row = await tx
    .selectFrom('teams')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(sql<boolean>`org_path <@ ${orgPath}::ltree`)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return row.n;
}
