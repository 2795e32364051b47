// The volunteer figures of an org subtree that other modules show (the big screen's totals): one
// count under the caller's RLS scope, read by org_id from the covering index of migration 0007 (it
// holds what the policy needs, so the count need not visit the table's rows).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

/** Active volunteers registered in the subtree of `orgPath` (suspended and withdrawn not counted). */
export async function countActiveVolunteers(tx: Tx, orgPath: string): Promise<number> {
  const row = await tx
    .selectFrom('volunteers')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', 'in', (eb) =>
      eb
        .selectFrom('orgs')
        .select('id')
        .where(sql<boolean>`path <@ ${orgPath}::ltree`),
    )
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return row.n;
}
