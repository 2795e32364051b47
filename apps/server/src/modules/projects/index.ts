// Projects: the project library (确立→招募→实施→评估→优化) and the service menu residents order from.
import { defineModule } from '../../platform/module.ts';
import { projectsRoutes } from './projects.routes.ts';

export { findOwnerOrg, findProject } from './projects.service.ts';

export const projectsModule = defineModule({
  name: 'projects',
  description: '项目库与服务清单',
  routes: [projectsRoutes],
  permissions: ['project.read', 'project.write'],
  tables: ['projects', 'project_status_history', 'menu_items'],
});
