// Households (户) and residents' civic points (群众文明积分, issue 14; seeds 002 §四(四)2, 003 §五(一)5):
// a station's household register (phone sealed and masked, reveal audited; no ID numbers), the
// village rule list (the county's defaults and the station's own), awards from a rule with an
// evidence photo (a second person confirms those above the station's threshold; voiding reverses),
// each village's public board, and a resident's view of their household. It owns households,
// household_rules, household_settings and household_awards; points move through modules/points.
// The store (above it) redeems for a household at the counter through householdAtCounter, and for
// a linked resident on H5 through residentHousehold.
import { defineModule } from '../../platform/module.ts';
import { householdsRoutes } from './households.routes.ts';

export {
  AWARD_SOURCE,
  householdAtCounter,
  householdHonourCandidates,
  householdLabels,
  residentHousehold,
  type HouseholdHonourCandidate,
} from './households.service.ts';

export const householdsModule = defineModule({
  name: 'households',
  description: '群众文明积分：户籍登记、村规积分项、记分与第二人确认、作废冲正、村文明积分榜',
  routes: [householdsRoutes],
  permissions: ['household.read', 'household.manage', 'household.award', 'household.own'],
  tables: ['households', 'household_rules', 'household_settings', 'household_awards'],
});
