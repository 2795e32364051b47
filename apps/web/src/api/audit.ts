import { http } from './http';
import type { AuditLogItem, AuditLogQuery, AuditVerifyResult, Page } from './types';

export const auditApi = {
  list: (query: AuditLogQuery) => http.get<Page<AuditLogItem>>('/api/audit-logs', query),
  verify: () => http.get<AuditVerifyResult>('/api/audit-logs/verify'),
};
