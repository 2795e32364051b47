// The audit log (审计日志) and the check of its hash chain.
import { api, call, toQuery, type Filters, type ItemOf, type QueryOf } from './http';

export type AuditLogItem = ItemOf<'/api/audit-logs'>;
export type AuditLogQuery = Filters<QueryOf<'/api/audit-logs', 'get'>>;

export const auditApi = {
  list: (query: AuditLogQuery) => call(api.GET('/api/audit-logs', { params: { query: toQuery(query) } })),
  verify: () => call(api.GET('/api/audit-logs/verify')),
};
