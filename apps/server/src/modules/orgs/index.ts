// Orgs: the network of centre, institutes, stations, points, posts and bases, the five service
// platforms, and the site standards (八有) with their inspections.
import { defineModule } from '../../platform/module.ts';
import { orgsRoutes } from './orgs.routes.ts';
import { siteStandardsRoutes } from './site-standards.routes.ts';

export { insertPresetStandards } from './site-standard-presets.ts';

export const orgsModule = defineModule({
  name: 'orgs',
  description: '组织网络、五大服务平台、阵地标准与检查',
  routes: [orgsRoutes, siteStandardsRoutes],
  permissions: ['org.read', 'org.write', 'org.export', 'site.read', 'site.write'],
  tables: ['orgs', 'platforms', 'site_standards', 'site_standard_items', 'inspections', 'inspection_results'],
});
