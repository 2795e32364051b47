// Health: the liveness/readiness probe. Owns no table.
import { defineModule } from '../../platform/module.ts';
import { healthRoutes } from './health.routes.ts';

export const healthModule = defineModule({
  name: 'health',
  description: '健康检查',
  routes: [healthRoutes],
  tables: [],
});
