// Assessment (考核): the per-org per-day rollup of the facts the indicators sum (org_day_facts:
// activities held, service records and hours confirmed, orders received, closed and closed on time,
// ratings), kept in the same transaction as the facts by the domain events of activities, hours and
// orders, rebuilt and checked from the recorded facts (`npm run assessment:rebuild`), and the unit
// figures over a period (单位指标). It owns org_day_facts.
import { defineModule } from '../../platform/module.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { bulletinsJob } from './bulletins.job.ts';
import { bulletinsRoutes } from './bulletins.routes.ts';
import { assessmentEventHandlers } from './facts.ts';
import { combineHandlers, rankingEventHandlers } from './rankings.facts.ts';
import { rankingRoutes } from './rankings.routes.ts';
import { screenRoutes } from './screen.routes.ts';

export { FACT_COUNTERS, type FactCounter } from './facts.ts';
export {
  allocateFromBulletin,
  publishBulletin,
  readSettings,
  type BulletinForAllocation,
} from './bulletins.service.ts';
export { periodOf, previousPeriod } from './periods.ts';
export { publishEndedPeriods } from './bulletins.job.ts';
export {
  checkRollup,
  describeRebuild,
  rebuildRollup,
  recomputeFacts,
  replaceRollup,
  storedFacts,
  type RebuildReport,
} from './recompute.ts';
export {
  checkRankingRollups,
  describeRankingRebuild,
  replaceRankingRollups,
  suspendRankingTriggers,
  type RankingRebuildReport,
} from './rankings.recompute.ts';

export const assessmentModule = defineModule({
  name: 'assessment',
  description:
    '考核：按单位按日汇总的业务数据（活动、时长、点单、评价），按志愿者、按队伍按月的排行汇总（志愿者另按单位按月、季、年），重算核对，单位指标，实践排行，考核指标与目标，月通报/季调度/年总结，奖补资金，数据大屏',
  routes: [assessmentRoutes, bulletinsRoutes, rankingRoutes, screenRoutes],
  jobs: [bulletinsJob],
  permissions: ['assessment.read', 'assessment.publish', 'assessment.manage'],
  tables: [
    'org_day_facts',
    'org_month_facts',
    'volunteer_month_facts',
    'volunteer_ranking_facts',
    'volunteer_ranking_sizes',
    'team_month_facts',
    'assessment_indicators',
    'assessment_bulletins',
    'assessment_fund_allocations',
  ],
  events: combineHandlers(assessmentEventHandlers, rankingEventHandlers),
});
