// Orgs (阵地/组织) and the six platforms: /api/orgs, /api/platforms.
import {
  api,
  call,
  download,
  toQuery,
  type BodyOf,
  type Filters,
  type QueryOf,
  type ResponseOf,
  type Schema,
} from './http';

export type OrgTreeNode = Schema<'OrgTreeNode'>;
export type Org = ResponseOf<'/api/orgs/{id}', 'get'>;
export type OrgCreateBody = BodyOf<'/api/orgs', 'post'>;
/** Fields editable through PATCH /api/orgs/:id (null clears a field). */
export type OrgEditableFields = BodyOf<'/api/orgs/{id}', 'patch'>;
export type OrgListQuery = Filters<QueryOf<'/api/orgs', 'get'>>;
export type PlatformInfo = ResponseOf<'/api/platforms', 'get'>[number];
export type PlatformPatch = BodyOf<'/api/platforms/{id}', 'patch'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const orgsApi = {
  tree: () => call(api.GET('/api/orgs/tree')),
  list: (query: OrgListQuery) => call(api.GET('/api/orgs', { params: { query: toQuery(query) } })),
  export: (query: Omit<OrgListQuery, 'page' | 'pageSize'>) =>
    download('/api/orgs/export', query, '组织列表.xlsx'),
  get: (id: number) => call(api.GET('/api/orgs/{id}', byId(id))),
  create: (body: OrgCreateBody) => call(api.POST('/api/orgs', { body })),
  update: (id: number, body: OrgEditableFields) => call(api.PATCH('/api/orgs/{id}', { ...byId(id), body })),
  move: (id: number, parentId: number) =>
    call(api.POST('/api/orgs/{id}/move', { ...byId(id), body: { parentId } })),
  archive: (id: number) => call(api.POST('/api/orgs/{id}/archive', byId(id))),
  restore: (id: number) => call(api.POST('/api/orgs/{id}/restore', byId(id))),
  remove: (id: number) => call(api.DELETE('/api/orgs/{id}', byId(id))),
};

export const platformsApi = {
  list: () => call(api.GET('/api/platforms')),
  update: (id: number, body: PlatformPatch) => call(api.PATCH('/api/platforms/{id}', { ...byId(id), body })),
};
