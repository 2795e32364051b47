// The demo county's bulletins: last month's 月通报 and last quarter's 季调度 for the county and every
// institute, published from the rollup of everything seeded before (the county's by demo-center, the
// institutes' by the period-end job), and a reward allocation from last quarter's county bulletin.
// The current month and quarter are left to the live report, and the job publishes the year's
// 年总结 when it first runs.
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/database.ts';
import { chinaDate } from '../platform/time.ts';
import {
  allocateFromBulletin,
  periodOf,
  previousPeriod,
  publishBulletin,
  type BulletinForAllocation,
} from '../modules/assessment/index.ts';
import type { OrgRef } from './org-ref.ts';

export async function insertDemoBulletins(ctx: AppContext, tx: Tx, orgs: OrgRef[]) {
  const now = ctx.now();
  const today = chinaDate(now);
  const admin = await tx
    .selectFrom('users')
    .select(sql<string>`id::text`.as('id'))
    .where('username', '=', 'demo-center')
    .executeTakeFirst();
  const by = admin ? Number(admin.id) : null;
  const units = orgs.filter((o) => o.kind === 'center' || o.kind === 'institute');
  let bulletins = 0;
  let countyQuarter: number | null = null;
  for (const kind of ['month', 'quarter'] as const) {
    const period = previousPeriod(periodOf(kind, today));
    for (const org of units) {
      const id = await publishBulletin(
        tx,
        { id: org.id, path: org.path, name: org.name },
        period,
        org.kind === 'center' ? by : null,
        now,
        ctx.config.assessmentMinRatings,
      );
      if (id === null) continue;
      bulletins += 1;
      if (kind === 'quarter' && org.kind === 'center') countyQuarter = id;
    }
  }
  let allocations = 0;
  if (countyQuarter !== null && by !== null) {
    const { content } = await tx
      .selectFrom('assessment_bulletins')
      .select(sql<BulletinForAllocation['report']>`content`.as('content'))
      .where('id', '=', countyQuarter)
      .executeTakeFirstOrThrow();
    const scores = content.rows.filter((r) => r.kind === 'station' && r.score !== null).map((r) => r.score!);
    // the better half of the stations share the pool (the median score as the threshold)
    const sorted = [...scores].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    await allocateFromBulletin(
      tx,
      { id: countyQuarter, report: content },
      {
        poolYuan: 500_000,
        unitKind: 'station',
        minScore: median,
        note: '以奖代补：用于阵地建设与志愿服务项目',
      },
      by,
      now,
    );
    allocations = 1;
  }
  return { bulletins, fundAllocations: allocations };
}
