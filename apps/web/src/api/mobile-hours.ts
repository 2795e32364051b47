// Service hours on the mobile face: the volunteer's own records with their totals, the team
// leader's (or deputy's) confirmation of their teams' credit hours, and the volunteer's own log
// (随时记) and card (志愿者电子证).
import {
  api,
  call,
  send,
  upload,
  toQuery,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

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

/** One of my self-logged services (随时记). */
export type SelfLog = ItemOf<'/api/me/self-logs'>;
export type SelfLogInput = BodyOf<'/api/me/self-logs', 'post'>;
export type SelfLogQuery = Filters<QueryOf<'/api/me/self-logs', 'get'>>;
export type VolunteerCard = ResponseOf<'/api/me/volunteer-card', 'get'>;

export const selfLogApi = {
  list: (query: SelfLogQuery = {}) =>
    call(api.GET('/api/me/self-logs', { params: { query: toQuery(query) } })),
  create: (body: SelfLogInput) => call(api.POST('/api/me/self-logs', { body })),
  withdraw: (id: number) => call(api.POST('/api/me/self-logs/{id}/withdraw', { params: { path: { id } } })),
  /** A photo of the service, sent after the record is made (multipart field `file`). */
  addPhoto: async (id: number, file: Blob, name: string) => {
    const form = new FormData();
    form.append('file', file, name);
    const response = await send(`/api/me/self-logs/${id}/photos`, { method: 'POST', body: form });
    return (await response.json()) as ResponseOf<'/api/me/self-logs/{id}/photos', 'post'>;
  },
};

export type CardPrivileges = ResponseOf<'/api/me/volunteer-card/privileges', 'get'>;

export const cardApi = {
  mine: () => call(api.GET('/api/me/volunteer-card')),
  /** The privileges my star level earns, printed on the card (honours). */
  privileges: () => call(api.GET('/api/me/volunteer-card/privileges')),
  /** Sets the photo on my card (the phone shrinks it first); answers where to read it. */
  setPhoto: (file: Blob, name: string) => upload('/api/me/volunteer-card/photo', file, undefined, { name }),
};
