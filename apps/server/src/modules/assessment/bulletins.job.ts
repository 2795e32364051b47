// 月通报、季调度、年总结 at each period's end: once a month, quarter or year has ended (China time),
// the bulletin of the county and of every active institute is published for it, unless an admin
// already published it. Runs as the system, under the scheduler's lock; idempotent (the unique key
// of a bulletin is its org, kind and period).
import { sql } from 'kysely';
import type { Job } from '../../platform/jobs/scheduler.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { chinaDate } from '../../platform/time.ts';
import { publishBulletin } from './bulletins.service.ts';
import { PERIOD_KINDS, periodOf, previousPeriod } from './periods.ts';

export async function publishEndedPeriods(ctx: AppContext, tx: Tx): Promise<{ published: number }> {
  const today = chinaDate(ctx.now());
  const orgs = await tx
    .selectFrom('orgs')
    .select([sql<string>`id::text`.as('id'), sql<string>`path::text`.as('path'), 'name'])
    .where((eb) =>
      eb.or([eb('kind', '=', 'center'), eb.and([eb('kind', '=', 'institute'), eb('status', '=', 'active')])]),
    )
    .orderBy('path')
    .execute();
  let published = 0;
  for (const kind of PERIOD_KINDS) {
    const period = previousPeriod(periodOf(kind, today));
    const done = await tx
      .selectFrom('assessment_bulletins')
      .select(sql<string>`org_id::text`.as('org_id'))
      .where('period_kind', '=', kind)
      .where('period', '=', period.key)
      .execute();
    const have = new Set(done.map((d) => d.org_id));
    for (const org of orgs.filter((o) => !have.has(o.id))) {
      const id = await publishBulletin(
        tx,
        { id: Number(org.id), path: org.path, name: org.name },
        period,
        null,
        ctx.now(),
        ctx.config.assessmentMinRatings,
      );
      if (id !== null) published += 1;
    }
  }
  return { published };
}

export const bulletinsJob: Job<{ published: number }> = {
  name: 'assessment.bulletins',
  everyMs: 15 * 60_000,
  run: publishEndedPeriods,
};
