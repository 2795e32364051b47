// Activities (活动管理): the typed client for /api/activities, /api/activity-series and the
// check-in routes (apps/server/src/modules/activities/activities.routes.ts, checkin.routes.ts).
import type {
  ActivityAudience,
  ActivityForm,
  ActivityStatus,
  CheckinMethod,
  Festival,
  Platform,
  ServiceRecordStatus,
  SignupStatus,
} from '@civic/contracts';
import { download, http, request } from './http';
import type { Id, OkResponse, Page, PageQuery } from './types';

export interface ActivityView {
  id: Id;
  activityNo: string;
  orgId: Id;
  orgName: string;
  seriesId: Id | null;
  planItemId: Id | null;
  title: string;
  platform: Platform | null;
  projectId: Id | null;
  projectName: string | null;
  teamId: Id | null;
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
  summary: string | null;
  videoLinks: string[];
  /** Photos in the archive. */
  photoCount: number;
  createdAt: string;
  /** The caller manages it (its own subtree); activities of the orgs above are read-only. */
  editable: boolean;
}

export interface ActivityInput {
  title: string;
  form: ActivityForm;
  platform?: Platform | null;
  projectId?: Id | null;
  teamId?: Id | null;
  festival?: Festival | null;
  description?: string | null;
  place: string;
  /** Both or neither; without them the org's own coordinates are used. */
  latitude?: number | null;
  longitude?: number | null;
  geofenceM?: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  signupOpensAt?: string | null;
  signupClosesAt?: string | null;
  audience?: ActivityAudience;
  /** Defaults to the caller's own org. */
  orgId?: Id;
}

export type ActivityPatch = Partial<Omit<ActivityInput, 'orgId'>>;

export type SeriesFrequency = 'weekly' | 'monthly';

export interface SeriesInput extends ActivityInput {
  frequency: SeriesFrequency;
  /** 2–60 occurrences, the first one at `startsAt`. */
  occurrences: number;
}

export interface SeriesCreated {
  seriesId: Id;
  activityIds: Id[];
}

export interface ActivityListQuery extends PageQuery {
  keyword?: string;
  orgId?: Id | null;
  status?: ActivityStatus | '';
  form?: ActivityForm | '';
  festival?: Festival | '';
  /** YYYY-MM-DD (Beijing time), on the start date. */
  from?: string;
  to?: string;
  seriesId?: Id | null;
}

export type LifecycleAction = 'publish' | 'start' | 'finish' | 'archive';

export interface ArchiveInput {
  summary?: string | null;
  videoLinks?: string[];
}

export interface ActivityPhoto {
  id: Id;
  uploadId: string;
  caption: string | null;
  createdAt: string;
}

export type SignupSource = 'self' | 'leader' | 'admin';

export interface SignupView {
  id: Id;
  activityId: Id;
  volunteerId: Id;
  volunteerName: string;
  volunteerNo: string;
  status: SignupStatus;
  source: SignupSource;
  /** 1-based place on the waitlist, for waitlisted sign-ups. */
  waitlistPosition: number | null;
  attendanceConfirmedAt: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  createdAt: string;
}

export interface AddSignupsResult {
  confirmed: number;
  waitlisted: number;
  skipped: number;
}

export interface RemoveSignupResult {
  ok: true;
  promotedVolunteerId: Id | null;
}

export type CheckinDirection = 'in' | 'out';

/** The rotating code on the organiser's screen: `url` is the same-origin H5 page carrying the token. */
export interface CheckinCode {
  token: string;
  url: string;
  direction: CheckinDirection;
  expiresAt: string;
  /** When the screen should fetch the next code. */
  refreshAt: string;
  periodSeconds: number;
}

export interface ManualCheckinInput {
  volunteerId: Id;
  direction: CheckinDirection;
  /** Record it although the volunteer is outside the geofence or the time window (audited). */
  override?: boolean;
  reason?: string;
}

export interface ManualCheckinResult {
  direction: CheckinDirection;
  volunteerId: Id;
  at: string;
  method: CheckinMethod;
  /** Already checked in (or out): nothing new was written. */
  alreadyDone: boolean;
  /** The hours of the pending record a check-out created. */
  hours?: number;
}

/** One line of the sign-in sheet (签到表): a signed-up volunteer, or a walk-in who checked in. */
export interface CheckinRow {
  volunteerId: Id;
  volunteerName: string;
  volunteerNo: string | null;
  /** null: a walk-in at an activity open to everyone. */
  signupStatus: SignupStatus | null;
  attendanceConfirmedAt: string | null;
  checkedInAt: string | null;
  inMethod: CheckinMethod | null;
  /** Metres from the place when the volunteer scanned; null for a manual check-in. */
  distanceM: number | null;
  checkedOutAt: string | null;
  outMethod: CheckinMethod | null;
  note: string | null;
  /** The credited hours, once checked out. */
  hours: number | null;
  recordStatus: ServiceRecordStatus | null;
}

export interface SignInSheet {
  activity: {
    id: Id;
    activityNo: string;
    title: string;
    orgName: string;
    place: string;
    startsAt: string;
    endsAt: string;
    status: ActivityStatus;
  };
  totals: { signedUp: number; checkedIn: number; checkedOut: number; noShows: number; hours: number };
  items: CheckinRow[];
}

const activityPath = (id: Id) => `/api/activities/${encodeURIComponent(id)}`;

export const activitiesApi = {
  list: (query: ActivityListQuery) => http.get<Page<ActivityView>>('/api/activities', query),
  get: (id: Id) => http.get<ActivityView>(activityPath(id)),
  create: (body: ActivityInput) => http.post<ActivityView>('/api/activities', body),
  createSeries: (body: SeriesInput) => http.post<SeriesCreated>('/api/activity-series', body),
  update: (id: Id, body: ActivityPatch) => request<ActivityView>(activityPath(id), { method: 'PUT', body }),
  act: (id: Id, action: LifecycleAction) => http.post<ActivityView>(`${activityPath(id)}/${action}`),
  cancel: (id: Id, reason: string) => http.post<ActivityView>(`${activityPath(id)}/cancel`, { reason }),

  updateArchive: (id: Id, body: ArchiveInput) =>
    request<ActivityView>(`${activityPath(id)}/archive`, { method: 'PUT', body }),
  photos: (id: Id) => http.get<ActivityPhoto[]>(`${activityPath(id)}/photos`),
  addPhoto: (id: Id, uploadId: string, caption?: string | null) =>
    http.post<OkResponse>(`${activityPath(id)}/photos`, caption ? { uploadId, caption } : { uploadId }),
  removePhoto: (id: Id, photoId: Id) =>
    http.delete<OkResponse>(`${activityPath(id)}/photos/${encodeURIComponent(photoId)}`),

  signups: (id: Id) => http.get<SignupView[]>(`${activityPath(id)}/signups`),
  addSignups: (id: Id, volunteerIds: Id[]) =>
    http.post<AddSignupsResult>(`${activityPath(id)}/signups`, { volunteerIds }),
  removeSignup: (id: Id, volunteerId: Id) =>
    http.delete<RemoveSignupResult>(`${activityPath(id)}/signups/${encodeURIComponent(volunteerId)}`),

  checkinCode: (id: Id, direction: CheckinDirection) =>
    http.get<CheckinCode>(`${activityPath(id)}/checkin-code`, { direction }),
  checkins: (id: Id) => http.get<SignInSheet>(`${activityPath(id)}/checkins`),
  manualCheckin: (id: Id, body: ManualCheckinInput) =>
    http.post<ManualCheckinResult>(`${activityPath(id)}/checkins`, body),
  exportCheckins: (id: Id, fallbackName: string) =>
    download(`${activityPath(id)}/checkins.xlsx`, undefined, fallbackName),
};

/** The address of an archive photo (GET /api/uploads/:id). */
export const photoUrl = (uploadId: string) => `/api/uploads/${encodeURIComponent(uploadId)}`;
