// Activities on the mobile face: the volunteer's list, detail, sign-up and withdrawal, the
// attendance confirmation a reminder asks for, the QR check-in, and the upcoming activities around
// a village for anyone without an account.
import {
  api,
  call,
  toQuery,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

/** A row of the volunteer's lists: the activity with my sign-up's status (null: not signed up). */
export type MyActivityItem = ItemOf<'/api/me/activities'>;
export type MyActivityDetail = ResponseOf<'/api/me/activities/{id}', 'get'>;
export type MyActivity = MyActivityDetail['activity'];
export type MySignup = NonNullable<MyActivityDetail['signup']>;
/** What anyone may see of an upcoming activity around a village. */
export type PublicActivity = ResponseOf<'/api/public/activities/{id}', 'get'>;
export type CheckinInput = BodyOf<'/api/me/checkin', 'post'>;
export type CheckinResult = ResponseOf<'/api/me/checkin', 'post'>;
export type CheckinDirection = CheckinResult['direction'];
export type AttendanceResult = ResponseOf<'/api/me/activities/{id}/attendance', 'post'>;

const byId = (id: number) => ({ params: { path: { id } } });
const own = { skipSessionHandler: true };

export const myActivitiesApi = {
  /** Activities I can sign up for, upcoming first; `mine` for my sign-ups, the newest first. */
  list: (query: Filters<QueryOf<'/api/me/activities', 'get'>> = {}) =>
    call(api.GET('/api/me/activities', { params: { query: toQuery(query) } })),
  detail: (id: number) => call(api.GET('/api/me/activities/{id}', byId(id))),
  signUp: (id: number) => call(api.POST('/api/me/activities/{id}/signup', byId(id))),
  cancelSignup: (id: number) => call(api.POST('/api/me/activities/{id}/cancel-signup', byId(id))),
  confirmAttendance: (id: number) => call(api.POST('/api/me/activities/{id}/attendance', byId(id))),
  checkin: (body: CheckinInput) => call(api.POST('/api/me/checkin', { body })),
};

export const publicActivitiesApi = {
  /** Upcoming activities of a village's station and of the orgs above it. */
  near: (orgId: number) => call(api.GET('/api/public/activities', { params: { query: { orgId } } }), own),
  /** One published activity, for a visitor who followed a link. */
  one: (id: number) => call(api.GET('/api/public/activities/{id}', byId(id)), own),
};
