// Typed client for activities on the mobile face: the volunteer's list, detail, sign-up and
// withdrawal, the attendance confirmation a reminder asks for, the QR check-in, and the upcoming
// activities around a village for anyone without an account. Shapes follow
// apps/server/src/modules/activities/activities.routes.ts and checkin.routes.ts.
import type {
  ActivityAudience,
  ActivityForm,
  ActivityStatus,
  Festival,
  SignupStatus,
} from '@civic/contracts';
import { http } from './http';
import type { Id, OkResponse, PageQuery } from './types';

/** An activity as a volunteer sees it (the fields the H5 pages use of the server's view). */
export interface MyActivity {
  id: Id;
  activityNo: string;
  orgId: Id;
  orgName: string;
  title: string;
  projectName: string | null;
  teamName: string | null;
  form: ActivityForm;
  festival: Festival | null;
  description: string | null;
  place: string;
  latitude: number | null;
  longitude: number | null;
  /** The check-in radius around the place, in metres. */
  geofenceM: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  audience: ActivityAudience;
  status: ActivityStatus;
  cancelReason: string | null;
  confirmedCount: number;
  waitlistCount: number;
  checkedInCount: number;
}

/** A row of the volunteer's lists: the activity with my sign-up's status (null: not signed up). */
export interface MyActivityItem extends MyActivity {
  myStatus: SignupStatus | null;
}

export interface MyActivityPage {
  items: MyActivityItem[];
  total: number;
}

/** My own sign-up for an activity. */
export interface MySignup {
  id: Id;
  status: SignupStatus;
  source: string;
  /** 1-based place on the waitlist, for a waitlisted sign-up. */
  waitlistPosition: number | null;
  attendanceConfirmedAt: string | null;
  /** When the day-before reminder went out. */
  remindedAt: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  createdAt: string;
}

export interface MyActivityDetail {
  activity: MyActivity;
  signup: MySignup | null;
}

/** What anyone may see of an upcoming activity around a village. */
export interface PublicActivity {
  id: Id;
  title: string;
  orgName: string;
  form: ActivityForm;
  festival: Festival | null;
  description: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  audience: ActivityAudience;
  capacity: number;
  confirmedCount: number;
  status: ActivityStatus;
}

export type CheckinDirection = 'in' | 'out';

export interface CheckinInput {
  /** The token of the scanned QR code, sent as it came. */
  token: string;
  latitude?: number;
  longitude?: number;
  /** Metres, as the browser reports it. */
  accuracy?: number;
}

export interface CheckinResult {
  direction: CheckinDirection;
  activityId: Id;
  activityTitle: string;
  /** The recorded time (the first one when this was a retry). */
  at: string;
  distanceM: number | null;
  /** Already checked in (or out) before: nothing new was written. */
  alreadyDone: boolean;
  /** The hours of the record a check-out created (pending the organiser's confirmation). */
  hours?: number;
}

export interface AttendanceResult extends OkResponse {
  attendanceConfirmedAt: string;
}

const enc = (value: Id | string) => encodeURIComponent(String(value));

export const myActivitiesApi = {
  /** Activities I can sign up for, upcoming first; `mine` for my sign-ups, the newest first. */
  list: (query: PageQuery & { mine?: boolean } = {}) =>
    http.get<MyActivityPage>('/api/me/activities', {
      page: query.page,
      pageSize: query.pageSize,
      mine: query.mine ? 'true' : undefined,
    }),
  detail: (id: Id) => http.get<MyActivityDetail>(`/api/me/activities/${enc(id)}`),
  signUp: (id: Id) => http.post<MyActivityDetail>(`/api/me/activities/${enc(id)}/signup`, {}),
  cancelSignup: (id: Id) => http.post<MyActivityDetail>(`/api/me/activities/${enc(id)}/cancel-signup`, {}),
  confirmAttendance: (id: Id) => http.post<AttendanceResult>(`/api/me/activities/${enc(id)}/attendance`, {}),
  checkin: (body: CheckinInput) => http.post<CheckinResult>('/api/me/checkin', body),
};

export const publicActivitiesApi = {
  /** Upcoming activities of a village's station and of the orgs above it. */
  near: (orgId: Id) =>
    http.get<PublicActivity[]>(
      '/api/public/activities',
      { orgId: String(orgId) },
      { skipSessionHandler: true },
    ),
  /** One published activity, for a visitor who followed a link. */
  one: (id: Id | string) =>
    http.get<PublicActivity>(`/api/public/activities/${id}`, undefined, { skipSessionHandler: true }),
};
