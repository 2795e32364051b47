// The hour rule that applies to an org's service records: the nearest org at or above it that set
// one, else the platform default.
import { sql } from 'kysely';
import { DEFAULT_HOUR_RULE, type HourRounding, type HourRule, type HourStep } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';

/** The hour rule of the nearest org at or above `orgPath` that set one; else round down to 0.5 h. */
export async function hourRuleFor(tx: Tx, orgPath: string): Promise<HourRule> {
  const row = await tx
    .selectFrom('hour_rules')
    .select(['step_minutes', 'rounding'])
    .where(sql<boolean>`org_path @> ${orgPath}::ltree`)
    .orderBy(sql`nlevel(org_path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? { stepMinutes: row.step_minutes as HourStep, rounding: row.rounding as HourRounding }
    : DEFAULT_HOUR_RULE;
}
