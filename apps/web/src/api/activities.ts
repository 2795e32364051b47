// Activities (活动管理): /api/activities, /api/activity-series and the check-in routes.
import {
  api,
  call,
  download,
  toQuery,
  type BodyOf,
  type Filters,
  type QueryOf,
  type ResponseOf,
} from './http';

export type ActivityView = ResponseOf<'/api/activities/{id}', 'get'>;
export type ActivityInput = BodyOf<'/api/activities', 'post'>;
export type ActivityPatch = BodyOf<'/api/activities/{id}', 'put'>;
export type SeriesInput = BodyOf<'/api/activity-series', 'post'>;
export type SeriesFrequency = SeriesInput['frequency'];
export type SeriesCreated = ResponseOf<'/api/activity-series', 'post'>;
export type ActivityListQuery = Filters<QueryOf<'/api/activities', 'get'>>;
/** 活动档案's figures of a year, counted by the server per month. */
export type ActivityArchive = ResponseOf<'/api/activities/archive', 'get'>;
export type ArchiveQuery = Filters<QueryOf<'/api/activities/archive', 'get'>>;
export type ArchiveInput = BodyOf<'/api/activities/{id}/archive', 'put'>;
export type ActivityPhoto = ResponseOf<'/api/activities/{id}/photos', 'get'>[number];
export type SignupView = ResponseOf<'/api/activities/{id}/signups', 'get'>[number];
export type SignupSource = SignupView['source'];
export type AddSignupsResult = ResponseOf<'/api/activities/{id}/signups', 'post'>;
export type CheckinDirection = NonNullable<QueryOf<'/api/activities/{id}/checkin-code', 'get'>['direction']>;
/** The rotating code on the organiser's screen: `url` is the same-origin H5 page carrying the token. */
export type CheckinCode = ResponseOf<'/api/activities/{id}/checkin-code', 'get'>;
export type ManualCheckinInput = BodyOf<'/api/activities/{id}/checkins', 'post'>;
export type ManualCheckinResult = ResponseOf<'/api/activities/{id}/checkins', 'post'>;
/** The sign-in sheet (签到表): signed-up volunteers, and walk-ins who checked in. */
export type SignInSheet = ResponseOf<'/api/activities/{id}/checkins', 'get'>;
export type CardCheckinResult = ResponseOf<'/api/activities/{id}/card-checkins', 'post'>;
export type CheckinRow = SignInSheet['items'][number];

const LIFECYCLE = {
  publish: '/api/activities/{id}/publish',
  start: '/api/activities/{id}/start',
  finish: '/api/activities/{id}/finish',
  archive: '/api/activities/{id}/archive',
} as const;
export type LifecycleAction = keyof typeof LIFECYCLE;

const byId = (id: number) => ({ params: { path: { id } } });
const activityPath = (id: number) => `/api/activities/${encodeURIComponent(id)}`;

export const activitiesApi = {
  list: (query: ActivityListQuery) => call(api.GET('/api/activities', { params: { query: toQuery(query) } })),
  archive: (query: ArchiveQuery) =>
    call(api.GET('/api/activities/archive', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/activities/{id}', byId(id))),
  create: (body: ActivityInput) => call(api.POST('/api/activities', { body })),
  createSeries: (body: SeriesInput) => call(api.POST('/api/activity-series', { body })),
  update: (id: number, body: ActivityPatch) => call(api.PUT('/api/activities/{id}', { ...byId(id), body })),
  act: (id: number, action: LifecycleAction) => call(api.POST(LIFECYCLE[action], byId(id))),
  cancel: (id: number, reason: string) =>
    call(api.POST('/api/activities/{id}/cancel', { ...byId(id), body: { reason } })),

  updateArchive: (id: number, body: ArchiveInput) =>
    call(api.PUT('/api/activities/{id}/archive', { ...byId(id), body })),
  photos: (id: number) => call(api.GET('/api/activities/{id}/photos', byId(id))),
  addPhoto: (id: number, uploadId: string, caption?: string | null) =>
    call(
      api.POST('/api/activities/{id}/photos', {
        ...byId(id),
        body: caption ? { uploadId, caption } : { uploadId },
      }),
    ),
  removePhoto: (id: number, photoId: number) =>
    call(api.DELETE('/api/activities/{id}/photos/{photoId}', { params: { path: { id, photoId } } })),

  signups: (id: number) => call(api.GET('/api/activities/{id}/signups', byId(id))),
  addSignups: (id: number, volunteerIds: number[]) =>
    call(api.POST('/api/activities/{id}/signups', { ...byId(id), body: { volunteerIds } })),
  removeSignup: (id: number, volunteerId: number) =>
    call(api.DELETE('/api/activities/{id}/signups/{volunteerId}', { params: { path: { id, volunteerId } } })),

  checkinCode: (id: number, direction: CheckinDirection) =>
    call(api.GET('/api/activities/{id}/checkin-code', { params: { path: { id }, query: { direction } } })),
  checkins: (id: number) => call(api.GET('/api/activities/{id}/checkins', byId(id))),
  manualCheckin: (id: number, body: ManualCheckinInput) =>
    call(api.POST('/api/activities/{id}/checkins', { ...byId(id), body })),
  /** The organiser scanned a volunteer's card (or typed the volunteer number). */
  cardCheckin: (id: number, code: string, direction: CheckinDirection) =>
    call(api.POST('/api/activities/{id}/card-checkins', { ...byId(id), body: { code, direction } })),
  exportCheckins: (id: number, fallbackName: string) =>
    download(`${activityPath(id)}/checkins.xlsx`, undefined, fallbackName),
};

/** The address of an archive photo (GET /api/uploads/:id). */
export const photoUrl = (uploadId: string) => `/api/uploads/${encodeURIComponent(uploadId)}`;
