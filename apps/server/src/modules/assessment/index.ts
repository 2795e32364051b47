// Assessment (考核): the per-org per-day rollup of the facts the indicators sum (org_day_facts:
// activities held, service records and hours confirmed, orders received, closed and closed on time,
// ratings), kept in the same transaction as the facts by the domain events of activities, hours and
// orders, rebuilt and checked from the recorded facts (`npm run assessment:rebuild`), and the unit
// figures over a period (单位指标). It owns org_day_facts.
import { defineModule } from '../../platform/module.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { assessmentEventHandlers } from './facts.ts';
import { screenRoutes } from './screen.routes.ts';

export { FACT_COUNTERS, type FactCounter } from './facts.ts';
export {
  checkRollup,
  describeRebuild,
  rebuildRollup,
  recomputeFacts,
  replaceRollup,
  storedFacts,
  type RebuildReport,
} from './recompute.ts';

export const assessmentModule = defineModule({
  name: 'assessment',
  description: '考核：按单位按日汇总的业务数据（活动、时长、点单、评价），重算核对，单位指标',
  routes: [assessmentRoutes, screenRoutes],
  permissions: ['assessment.read'],
  tables: ['org_day_facts', 'org_month_facts'],
  events: assessmentEventHandlers,
});
