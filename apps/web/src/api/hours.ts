// Service hours (服务时长) in the console: the typed client for the hour rules and the service
// records' review, 补录 and manual records (apps/server/src/modules/activities/hours.routes.ts).
import type {
  HourRounding,
  HourStep,
  ServiceRecordKind,
  ServiceRecordSource,
  ServiceRecordStatus,
} from '@civic/contracts';
import { http, request } from './http';
import type { Id, Page, PageQuery } from './types';

/** The rule that applies to an org, and which org set it (null: the platform default). */
export interface HourRuleView {
  orgId: Id;
  stepMinutes: HourStep;
  rounding: HourRounding;
  /** The org set this rule itself (恢复上级规则 removes it). */
  own: boolean;
  setByOrgId: Id | null;
  setByOrgName: string | null;
}

export interface HourRuleInput {
  stepMinutes: HourStep;
  rounding: HourRounding;
}

export interface ServiceRecordView {
  id: Id;
  volunteerId: Id;
  volunteerName: string;
  volunteerNo: string;
  source: ServiceRecordSource;
  sourceId: Id | null;
  /** The activity's title, the order's number, or a manual record's description. */
  sourceTitle: string;
  kind: ServiceRecordKind;
  status: ServiceRecordStatus;
  hours: number;
  minutes: number;
  startedAt: string;
  endedAt: string;
  /** 补录 reason or the manual record's description. */
  note: string | null;
  rejectReason: string | null;
  createdAt: string;
  createdByName: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  /** The most the record may be corrected to: the activity's length, else 24 h. */
  maxHours: number;
  /** Pending, and not entered by the caller (补录 and manual hours need a second person). */
  confirmable: boolean;
}

export type RecordEventAction = 'create' | 'confirm' | 'correct' | 'reject';

export interface ServiceRecordEvent {
  id: Id;
  action: RecordEventAction;
  fromHours: number | null;
  toHours: number | null;
  reason: string | null;
  actorName: string | null;
  createdAt: string;
}

export interface ServiceRecordDetail extends ServiceRecordView {
  events: ServiceRecordEvent[];
  evidenceUploadIds: string[];
}

export interface RecordListQuery extends PageQuery {
  status?: ServiceRecordStatus | '';
  kind?: ServiceRecordKind | '';
  source?: ServiceRecordSource | '';
  /** The volunteer's name (part of it) or volunteer number. */
  keyword?: string;
  activityId?: Id | null;
  orgId?: Id | null;
  /** YYYY-MM-DD (Beijing time), on the record's end; both days included. */
  from?: string;
  to?: string;
}

export interface BackfillInput {
  activityId: Id;
  volunteerId: Id;
  hours: number;
  reason: string;
  evidenceUploadIds: string[];
}

export interface ManualInput {
  volunteerId: Id;
  /** ISO instants with an offset. */
  startedAt: string;
  endedAt: string;
  description: string;
  evidenceUploadIds: string[];
}

export interface ConfirmResult {
  confirmed: number;
}

const recordPath = (id: Id) => `/api/service-records/${encodeURIComponent(id)}`;
const rulePath = (orgId: Id) => `/api/hour-rules/${encodeURIComponent(orgId)}`;

export const hoursApi = {
  effectiveRule: (orgId?: Id | null) =>
    http.get<HourRuleView>('/api/hour-rules/effective', orgId ? { orgId } : undefined),
  setRule: (orgId: Id, body: HourRuleInput) =>
    request<HourRuleView>(rulePath(orgId), { method: 'PUT', body }),
  clearRule: (orgId: Id) => http.delete<HourRuleView>(rulePath(orgId)),

  list: (query: RecordListQuery) => http.get<Page<ServiceRecordView>>('/api/service-records', query),
  get: (id: Id) => http.get<ServiceRecordDetail>(recordPath(id)),
  confirm: (ids: Id[]) => http.post<ConfirmResult>('/api/service-records/confirm', { ids }),
  correct: (id: Id, body: { hours: number; reason: string }) =>
    http.post<ServiceRecordDetail>(`${recordPath(id)}/correct`, body),
  reject: (id: Id, reason: string) => http.post<ServiceRecordDetail>(`${recordPath(id)}/reject`, { reason }),
  backfill: (body: BackfillInput) => http.post<ServiceRecordDetail>('/api/service-records/backfill', body),
  manual: (body: ManualInput) => http.post<ServiceRecordDetail>('/api/service-records/manual', body),
};
