// Which rule of the 积分管理办法 applies to a service at an org on a day: for each kind, the rule of
// the nearest org at or above it (a station's local rule before its institute's, before the
// centre's) that is valid on that day; the latest-starting one when an org has several.
import { sql } from 'kysely';
import type { PointRuleKind } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';

export interface AppliedRule {
  id: number;
  kind: PointRuleKind;
  points: number;
  version: number;
  orgPath: string;
}

/** The day (YYYY-MM-DD) in China of an instant: rules are valid by the local calendar. */
export const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function rulesAt(tx: Tx, orgPath: string, at: Date): Promise<Map<PointRuleKind, AppliedRule>> {
  const day = chinaDay(at);
  const rows = await tx
    .selectFrom('point_rules')
    .select(['id', 'kind', 'points', 'version', sql<string>`org_path::text`.as('org_path')])
    .where(sql<boolean>`org_path @> ${orgPath}::ltree`)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .orderBy(sql`nlevel(org_path)`, 'desc')
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const found = new Map<PointRuleKind, AppliedRule>();
  for (const r of rows) {
    const kind = r.kind as PointRuleKind;
    if (!found.has(kind))
      found.set(kind, { id: Number(r.id), kind, points: r.points, version: r.version, orgPath: r.org_path });
  }
  return found;
}
