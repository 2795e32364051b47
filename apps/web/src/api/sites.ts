// Site standards (阵地建设标准), inspections (检查) and photo uploads.
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

export type SiteStandard = ResponseOf<'/api/site-standards', 'get'>[number];
export type SiteStandardBody = BodyOf<'/api/site-standards', 'post'>;
export type Coverage = ResponseOf<'/api/site-standards/coverage', 'get'>;
export type CoverageRow = Coverage['rows'][number];
export type InspectionListItem = ItemOf<'/api/inspections'>;
export type InspectionDetail = ResponseOf<'/api/inspections/{id}', 'get'>;
export type InspectionResult = InspectionDetail['results'][number];
export type InspectionListQuery = Filters<QueryOf<'/api/inspections', 'get'>>;
export type InspectionCreateBody = BodyOf<'/api/inspections', 'post'>;
export type Photo = ResponseOf<'/api/uploads', 'post'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const siteStandardsApi = {
  list: () => call(api.GET('/api/site-standards')),
  create: (body: SiteStandardBody) => call(api.POST('/api/site-standards', { body })),
  update: (id: number, body: SiteStandardBody) =>
    call(api.PATCH('/api/site-standards/{id}', { ...byId(id), body })),
  coverage: (standardId: number) =>
    call(api.GET('/api/site-standards/coverage', { params: { query: { standardId } } })),
};

export const inspectionsApi = {
  list: (query: InspectionListQuery) =>
    call(api.GET('/api/inspections', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/inspections/{id}', byId(id))),
  create: (body: InspectionCreateBody) => call(api.POST('/api/inspections', { body })),
};

export const uploadsApi = {
  upload: (file: File) => upload('/api/uploads', file),
};
