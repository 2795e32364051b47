// Audit: reading and verifying the audit log. Every module appends to the log through
// platform/audit (append-only, in the writer's own transaction); this module owns reading it and
// the sealer that chains the entries into sealed batches.
import { defineModule } from '../../platform/module.ts';
import { auditSealJob } from './audit.jobs.ts';
import { auditRoutes } from './audit.routes.ts';

export const auditModule = defineModule({
  name: 'audit',
  description: '审计日志查询、封存与哈希链校验',
  routes: [auditRoutes],
  jobs: [auditSealJob],
  permissions: ['audit.read'],
  tables: ['audit_log', 'audit_batches', 'audit_seal_fence'],
});
