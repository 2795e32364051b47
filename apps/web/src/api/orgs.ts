import { download, http } from './http';
import type {
  Id,
  Org,
  OrgCreateBody,
  OrgEditableFields,
  OrgListQuery,
  OrgTreeNode,
  Page,
  PlatformInfo,
  PlatformPatch,
} from './types';

const orgPath = (id: Id) => `/api/orgs/${encodeURIComponent(id)}`;

export const orgsApi = {
  tree: () => http.get<OrgTreeNode[]>('/api/orgs/tree'),
  list: (query: OrgListQuery) => http.get<Page<Org>>('/api/orgs', query),
  export: (query: Omit<OrgListQuery, 'page' | 'pageSize'>) =>
    download('/api/orgs/export', query, '组织列表.xlsx'),
  get: (id: Id) => http.get<Org>(orgPath(id)),
  create: (body: OrgCreateBody) => http.post<Org>('/api/orgs', body),
  update: (id: Id, body: OrgEditableFields) => http.patch<Org>(orgPath(id), body),
  move: (id: Id, parentId: Id) => http.post<Org>(`${orgPath(id)}/move`, { parentId }),
  archive: (id: Id) => http.post<Org>(`${orgPath(id)}/archive`),
  restore: (id: Id) => http.post<Org>(`${orgPath(id)}/restore`),
  remove: (id: Id) => http.delete<unknown>(orgPath(id)),
};

export const platformsApi = {
  list: () => http.get<PlatformInfo[]>('/api/platforms'),
  update: (id: Id, body: PlatformPatch) =>
    http.patch<PlatformInfo>(`/api/platforms/${encodeURIComponent(id)}`, body),
};
