// Projects (项目库) and the service menu (服务清单): /api/projects and /api/menu-items.
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

export type ProjectListItem = ItemOf<'/api/projects'>;
export type ProjectDetail = ResponseOf<'/api/projects/{id}', 'get'>;
export type ProjectInput = BodyOf<'/api/projects', 'post'>;
export type ProjectPatch = BodyOf<'/api/projects/{id}', 'patch'>;
export type ProjectListQuery = Filters<QueryOf<'/api/projects', 'get'>>;
type ProjectStatus = BodyOf<'/api/projects/{id}/status', 'post'>['status'];

export type MenuItemView = ResponseOf<'/api/menu-items/{id}', 'get'>;
export type MenuItemInput = BodyOf<'/api/menu-items', 'post'>;
export type MenuItemPatch = BodyOf<'/api/menu-items/{id}', 'patch'>;
export type MenuItemListQuery = Filters<QueryOf<'/api/menu-items', 'get'>>;

const byId = (id: number) => ({ params: { path: { id } } });

export const projectsApi = {
  list: (query: ProjectListQuery) => call(api.GET('/api/projects', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/projects/{id}', byId(id))),
  create: (body: ProjectInput) => call(api.POST('/api/projects', { body })),
  update: (id: number, body: ProjectPatch) => call(api.PATCH('/api/projects/{id}', { ...byId(id), body })),
  changeStatus: (id: number, status: ProjectStatus, note?: string) =>
    call(api.POST('/api/projects/{id}/status', { ...byId(id), body: note ? { status, note } : { status } })),
  copy: (id: number, year: number) =>
    call(api.POST('/api/projects/{id}/copy', { ...byId(id), body: { year } })),
};

export const menuItemsApi = {
  list: (query: MenuItemListQuery) => call(api.GET('/api/menu-items', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/menu-items/{id}', byId(id))),
  create: (body: MenuItemInput) => call(api.POST('/api/menu-items', { body })),
  update: (id: number, body: MenuItemPatch) => call(api.PATCH('/api/menu-items/{id}', { ...byId(id), body })),
  withdraw: (id: number) => call(api.POST('/api/menu-items/{id}/withdraw', byId(id))),
  publish: (id: number) => call(api.POST('/api/menu-items/{id}/publish', byId(id))),
};
