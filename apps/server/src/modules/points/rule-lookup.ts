// Which rule of the 积分管理办法 applies to a service at an org on a day: for each kind, the rule of
// the nearest org at or above it (a station's local rule before its institute's, before the
// centre's) that is valid on that day; the latest-starting one when an org has several.
import { sql } from 'kysely';
import { ruleValidOn, type PointRuleKind } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';

export interface AppliedRule {
  id: number;
  kind: PointRuleKind;
  points: number;
  version: number;
  orgPath: string;
}

export interface StoredRule extends AppliedRule {
  validFrom: string;
  validTo: string | null;
}

/** The day (YYYY-MM-DD) in China of an instant: rules are valid by the local calendar. */
export const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const isAtOrAbove = (ancestor: string, path: string) => path === ancestor || path.startsWith(`${ancestor}.`);

/** The rules in force at `orgPath` on `day`, one per kind (a pure choice among `rules`). */
export function pickRules(
  rules: readonly StoredRule[],
  orgPath: string,
  day: string,
): Map<PointRuleKind, AppliedRule> {
  const candidates = rules
    .filter((r) => isAtOrAbove(r.orgPath, orgPath) && ruleValidOn(r.validFrom, r.validTo, day))
    .sort(
      (a, b) =>
        b.orgPath.split('.').length - a.orgPath.split('.').length ||
        b.validFrom.localeCompare(a.validFrom) ||
        b.id - a.id,
    );
  const found = new Map<PointRuleKind, AppliedRule>();
  for (const r of candidates) {
    if (!found.has(r.kind))
      found.set(r.kind, { id: r.id, kind: r.kind, points: r.points, version: r.version, orgPath: r.orgPath });
  }
  return found;
}

/** Every rule set at `orgPath` or above it. */
export async function rulesAbove(tx: Tx, orgPath: string): Promise<StoredRule[]> {
  const rows = await tx
    .selectFrom('point_rules')
    .select([
      'id',
      'kind',
      'points',
      'version',
      'valid_from',
      'valid_to',
      sql<string>`org_path::text`.as('org_path'),
    ])
    .where(sql<boolean>`org_path @> ${orgPath}::ltree`)
    .execute();
  return rows.map(storedRuleOf);
}

export function storedRuleOf(r: {
  id: number | string;
  kind: string;
  points: number;
  version: number;
  valid_from: string;
  valid_to: string | null;
  org_path: string;
}): StoredRule {
  return {
    id: Number(r.id),
    kind: r.kind as PointRuleKind,
    points: r.points,
    version: r.version,
    orgPath: r.org_path,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

export async function rulesAt(tx: Tx, orgPath: string, at: Date): Promise<Map<PointRuleKind, AppliedRule>> {
  return pickRules(await rulesAbove(tx, orgPath), orgPath, chinaDay(at));
}
