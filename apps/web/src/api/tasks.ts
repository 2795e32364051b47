// Work tasks for units (调度任务) in the console: issuing and withdrawing, the issuer's progress per
// unit and its review (approve with a score, return, extend), and the unit's to-do list and report
// with photos and links.
import {
  api,
  call,
  toQuery,
  upload,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

export type WorkTask = ItemOf<'/api/tasks'>;
export type TaskQuery = Filters<QueryOf<'/api/tasks', 'get'>>;
export type TaskInput = BodyOf<'/api/tasks', 'post'>;
export type TaskAssignment = ItemOf<'/api/tasks/{id}/assignments'>;
export type AssignmentQuery = Filters<QueryOf<'/api/tasks/{id}/assignments', 'get'>>;
export type TodoQuery = Filters<QueryOf<'/api/tasks/todo', 'get'>>;
export type TodoCounts = ResponseOf<'/api/tasks/todo/counts', 'get'>;
export type AssignmentDetail = ResponseOf<'/api/tasks/assignments/{id}', 'get'>;
export type ReportInput = BodyOf<'/api/tasks/assignments/{id}/reports', 'post'>;
export type ApproveInput = BodyOf<'/api/tasks/assignments/{id}/approve', 'post'>;
export type ReturnInput = BodyOf<'/api/tasks/assignments/{id}/return', 'post'>;
export type ExtendInput = BodyOf<'/api/tasks/assignments/{id}/extend', 'post'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const tasksApi = {
  list: (query: TaskQuery) => call(api.GET('/api/tasks', { params: { query: toQuery(query) } })),
  issue: (body: TaskInput) => call(api.POST('/api/tasks', { body })),
  get: (id: number) => call(api.GET('/api/tasks/{id}', byId(id))),
  assignments: (id: number, query: AssignmentQuery) =>
    call(api.GET('/api/tasks/{id}/assignments', { params: { path: { id }, query: toQuery(query) } })),
  cancel: (id: number, reason: string) =>
    call(api.POST('/api/tasks/{id}/cancel', { ...byId(id), body: { reason } })),
  inbox: (query: TodoQuery) => call(api.GET('/api/tasks/todo', { params: { query: toQuery(query) } })),
  todoCounts: () => call(api.GET('/api/tasks/todo/counts', {})),
  assignment: (id: number) => call(api.GET('/api/tasks/assignments/{id}', byId(id))),
  addPhoto: (id: number, file: File) =>
    upload('/api/tasks/assignments/{id}/photos', file, undefined, {
      url: `/api/tasks/assignments/${id}/photos`,
      name: file.name,
    }),
  removePhoto: (id: number, photoId: string) =>
    call(api.DELETE('/api/tasks/assignments/{id}/photos/{photoId}', { params: { path: { id, photoId } } })),
  report: (id: number, body: ReportInput) =>
    call(api.POST('/api/tasks/assignments/{id}/reports', { ...byId(id), body })),
  approve: (id: number, body: ApproveInput) =>
    call(api.POST('/api/tasks/assignments/{id}/approve', { ...byId(id), body })),
  returnReport: (id: number, body: ReturnInput) =>
    call(api.POST('/api/tasks/assignments/{id}/return', { ...byId(id), body })),
  extend: (id: number, body: ExtendInput) =>
    call(api.POST('/api/tasks/assignments/{id}/extend', { ...byId(id), body })),
};
