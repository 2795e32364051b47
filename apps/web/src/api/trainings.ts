// Trainings (培训) in the console: the sessions of the caller's subtree, their attendance from the
// volunteer register, their materials (images, PDF) and the year's counts per unit.
import {
  api,
  call,
  download,
  toQuery,
  upload,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

export type Training = ItemOf<'/api/trainings'>;
export type TrainingQuery = Filters<QueryOf<'/api/trainings', 'get'>>;
export type TrainingInput = BodyOf<'/api/trainings', 'post'>;
export type TrainingUpdate = BodyOf<'/api/trainings/{id}', 'put'>;
export type TrainingAttendee = ItemOf<'/api/trainings/{id}/attendees'>;
export type TrainingMaterial = ResponseOf<'/api/trainings/{id}/materials', 'get'>[number];
export type TrainingSummary = ResponseOf<'/api/trainings/summary', 'get'>;
export type TrainingSummaryQuery = QueryOf<'/api/trainings/summary', 'get'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const trainingsApi = {
  list: (query: TrainingQuery) => call(api.GET('/api/trainings', { params: { query: toQuery(query) } })),
  create: (body: TrainingInput) => call(api.POST('/api/trainings', { body })),
  get: (id: number) => call(api.GET('/api/trainings/{id}', byId(id))),
  update: (id: number, body: TrainingUpdate) => call(api.PUT('/api/trainings/{id}', { ...byId(id), body })),
  markHeld: (id: number) => call(api.POST('/api/trainings/{id}/held', byId(id))),
  cancel: (id: number, reason: string) =>
    call(api.POST('/api/trainings/{id}/cancel', { ...byId(id), body: { reason } })),
  setOtherAttendees: (id: number, otherAttendees: number) =>
    call(api.PUT('/api/trainings/{id}/other-attendees', { ...byId(id), body: { otherAttendees } })),
  attendees: (id: number) => call(api.GET('/api/trainings/{id}/attendees', byId(id))),
  addAttendees: (id: number, volunteerIds: number[]) =>
    call(api.POST('/api/trainings/{id}/attendees', { ...byId(id), body: { volunteerIds } })),
  removeAttendee: (id: number, volunteerId: number) =>
    call(
      api.DELETE('/api/trainings/{id}/attendees/{volunteerId}', { params: { path: { id, volunteerId } } }),
    ),
  materials: (id: number) => call(api.GET('/api/trainings/{id}/materials', byId(id))),
  addMaterial: (id: number, file: File) =>
    upload('/api/trainings/{id}/materials', file, undefined, {
      url: `/api/trainings/${id}/materials`,
      name: file.name,
    }),
  downloadMaterial: (material: TrainingMaterial) => download(material.url, undefined, material.fileName),
  removeMaterial: (id: number, materialId: number) =>
    call(api.DELETE('/api/trainings/{id}/materials/{materialId}', { params: { path: { id, materialId } } })),
  summary: (query: TrainingSummaryQuery) => call(api.GET('/api/trainings/summary', { params: { query } })),
};
