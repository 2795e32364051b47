// Audit: reading and verifying the hash-chained audit log. Every module appends to the log through
// platform/audit (append-only, in the writer's own transaction); this module owns reading it.
import { defineModule } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';

export const auditModule = defineModule({
  name: 'audit',
  description: '审计日志查询与哈希链校验',
  routes: [auditRoutes],
  permissions: ['audit.read'],
  tables: ['audit_log', 'audit_chain_head'],
});
