// Service hours on the mobile face: the volunteer's own records with their totals, and the team
// leader's (or deputy's) confirmation of their teams' credit hours.
import { api, call, toQuery, type Filters, type ItemOf, type QueryOf, type ResponseOf } from './http';

/** One of my records (no reviewer names, no notes of the staff). */
export type MyHoursRecord = ItemOf<'/api/me/service-records'>;
export type MyHoursTotals = ResponseOf<'/api/me/service-records', 'get'>['totals'];
export type MyHoursQuery = Filters<QueryOf<'/api/me/service-records', 'get'>>;
type TeamRecordStatus = NonNullable<QueryOf<'/api/me/team-service-records', 'get'>['status']>;

export const myHoursApi = {
  mine: (query: MyHoursQuery = {}) =>
    call(api.GET('/api/me/service-records', { params: { query: toQuery(query) } })),
  /** Credit hours of my teams' activities (leaders and deputies; others get 403 NOT_TEAM_LEADER). */
  team: (status: TeamRecordStatus = 'pending') =>
    call(api.GET('/api/me/team-service-records', { params: { query: { status } } })),
  /** includeZeroHours: the leader was told some of them carry 0 hours (else 409 ZERO_HOURS). */
  confirmTeam: (ids: number[], includeZeroHours = false) =>
    call(api.POST('/api/me/team-service-records/confirm', { body: { ids, includeZeroHours } })),
};
