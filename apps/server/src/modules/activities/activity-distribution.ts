// The spread of an org subtree's held activities over the five service platforms (五大服务平台) and
// the activity forms (讲评帮乐庆树行), as other modules show it (the big screen). Activities held =
// finished (or archived afterwards), counted on the day they began, as the assessment rollup counts
// them. One pass over the period's activities through the starts_at index.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

export interface ActivityDistribution {
  /** held activities per platform; `null` = not attached to a platform */
  byPlatform: Array<{ platform: string | null; count: number }>;
  byForm: Array<{ form: string; count: number }>;
}

/** Held activities of the subtree of `orgPath` that began on or after the China day `fromDay`. */
export async function activityDistribution(
  tx: Tx,
  orgPath: string,
  fromDay: string,
): Promise<ActivityDistribution> {
  const { rows } = await sql<{ platform: string | null; form: string; n: number }>`
    SELECT platform, form, count(*)::int AS n
      FROM activities
     WHERE starts_at >= (${fromDay}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
       AND org_path <@ ${orgPath}::ltree
       AND status IN ('finished', 'archived')
     GROUP BY platform, form`.execute(tx);
  const byPlatform = new Map<string | null, number>();
  const byForm = new Map<string, number>();
  for (const r of rows) {
    byPlatform.set(r.platform, (byPlatform.get(r.platform) ?? 0) + r.n);
    byForm.set(r.form, (byForm.get(r.form) ?? 0) + r.n);
  }
  return {
    byPlatform: [...byPlatform].map(([platform, count]) => ({ platform, count })),
    byForm: [...byForm].map(([form, count]) => ({ form, count })),
  };
}
