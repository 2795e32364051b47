// Volunteers: real-name registration on H5, the volunteer register in the console, masking and
// audited reveal of personal data, exports, the Excel import and confirming rejoin requests; the
// volunteer card (志愿者电子证) with its signed QR code, printed and re-issued by the station.
import { defineModule } from '../../platform/module.ts';
import { cardRoutes } from './card.routes.ts';
import { rejoinRoutes } from './rejoin.routes.ts';
import { volunteersRoutes } from './volunteers.routes.ts';

export {
  honourCandidates,
  maskedContacts,
  ownStarLevel,
  volunteerLabels,
  type HonourCandidate,
  type MaskedContact,
} from './honour-candidates.ts';
export { rosterVolunteers, type RosterVolunteer } from './roster.ts';
export { yearHours } from './volunteer-view.ts';
export {
  countActiveVolunteers,
  recountVolunteers,
  registeredVolunteersByOrg,
  volunteerCountDifferences,
} from './subtree-counts.ts';
export { cardHolderStar, cardKey, volunteerByCard, type CardLookup } from './card.service.ts';

export const volunteersModule = defineModule({
  name: 'volunteers',
  description:
    '志愿者：H5 实名注册与本人信息、管理端名册、明文查看、导出、Excel 导入与注销后重新加入的确认、志愿者电子证',
  routes: [volunteersRoutes, rejoinRoutes, cardRoutes],
  permissions: [
    'volunteer.read',
    'volunteer.write',
    'volunteer.export',
    'volunteer.import',
    'volunteer.unmask',
    'volunteer.self',
  ],
  tables: ['volunteers', 'volunteer_imports', 'volunteer_rejoin_requests', 'org_volunteer_counts'],
});
