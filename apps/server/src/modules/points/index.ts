// Points (积分): the rules of the 积分管理办法 (the centre's, and local rules an institute or station
// adds within the centre's bounds), the append-only ledger (积分流水) with each holder's balance and
// lifetime points, awards that follow confirmed, corrected and rejected service records, activity
// no-shows and 5-star ratings (the domain events hours, activities and orders emit), manual
// adjustments (a second person confirms large ones), and the check that every balance equals its
// entries. It owns point_rules, point_entries, point_balances and point_adjustments; the store
// (above it) spends and refunds through the functions exported here, inside its own transactions.
import { defineModule } from '../../platform/module.ts';
import { pointsEventHandlers } from './awards.ts';
import { pointsRoutes } from './points.routes.ts';

export { householdYearPoints, volunteerYearPoints } from './year-points.ts';
export { describePoints, verifyPoints, type PointsReport } from './verify.ts';
export { plannedAwards, type RecordForPoints } from './award-plan.ts';
export { awardKey, RECORD_SOURCE } from './awards.ts';
export { chinaDay, pickRules, storedRuleOf, type StoredRule } from './rule-lookup.ts';
export {
  awardHouseholdPoints,
  INSUFFICIENT_POINTS,
  pointBalance,
  refundPoints,
  reverseEntry,
  spendPoints,
  type Balance,
  type LedgerEntry,
  type PointHolder,
  type SpendInput,
} from './ledger.ts';

export const pointsModule = defineModule({
  name: 'points',
  description: '积分：积分管理办法（规则）、积分流水与余额、服务时长自动计分、人工调整、我的积分',
  routes: [pointsRoutes],
  permissions: ['points.read', 'points.write', 'points.rules'],
  tables: ['point_rules', 'point_entries', 'point_balances', 'point_adjustments'],
  events: pointsEventHandlers,
});
