// Typed client for service hours on the mobile face: the volunteer's own records with their totals,
// and the team leader's (or deputy's) confirmation of their teams' credit hours. Shapes follow
// apps/server/src/modules/activities/hours.routes.ts (/api/me/service-records, /api/me/team-…).
import type { ServiceRecordKind, ServiceRecordSource, ServiceRecordStatus } from '@civic/contracts';
import { http } from './http';
import type { ConfirmResult, ServiceRecordView } from './hours';
import type { Id, Page, PageQuery } from './types';

export interface MyHoursTotals {
  /** Confirmed hours over the years. */
  lifetimeHours: number;
  /** Confirmed hours this year (China time). */
  yearHours: number;
  /** Hours still waiting for confirmation. */
  pendingHours: number;
  starLevel: number;
}

/** One of my records (no reviewer names, no notes of the staff). */
export interface MyHoursRecord {
  id: Id;
  source: ServiceRecordSource;
  /** The activity's title, the order's number, or the description of other service. */
  sourceTitle: string;
  kind: ServiceRecordKind;
  status: ServiceRecordStatus;
  hours: number;
  minutes: number;
  startedAt: string;
  endedAt: string;
  rejectReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

export interface MyHours extends Page<MyHoursRecord> {
  totals: MyHoursTotals;
}

export interface MyHoursQuery extends PageQuery {
  status?: ServiceRecordStatus | '';
}

export const myHoursApi = {
  mine: (query: MyHoursQuery = {}) => http.get<MyHours>('/api/me/service-records', query),
  /** Credit hours of my teams' activities (leaders and deputies; others get 403 NOT_TEAM_LEADER). */
  team: (status: ServiceRecordStatus = 'pending') =>
    http.get<Page<ServiceRecordView>>('/api/me/team-service-records', { status }),
  confirmTeam: (ids: Id[]) => http.post<ConfirmResult>('/api/me/team-service-records/confirm', { ids }),
};
