// Projects (项目库) and the service menu (服务清单): the typed client for /api/projects and
// /api/menu-items (apps/server/src/modules/projects/projects.schema.ts).
import type { MenuItemStatus, Platform, ProjectStatus, ServiceCategory, Skill } from '@civic/contracts';
import { http } from './http';
import type { Id, Page, PageQuery } from './types';

export interface ProjectListItem {
  id: Id;
  name: string;
  year: number;
  platform: Platform | null;
  serviceCategory: ServiceCategory | null;
  ownerOrgId: Id;
  ownerOrgName: string;
  responsibleTeamId: Id | null;
  responsibleTeamName: string | null;
  responsibleUnit: string | null;
  yearlyTarget: number | null;
  status: ProjectStatus;
  copiedFromId: Id | null;
  menuItemCount: number;
  /** The caller manages it (its own subtree); projects of the orgs above are read-only. */
  editable: boolean;
}

export interface ProjectStatusChange {
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus;
  note: string | null;
  changedByName: string | null;
  changedAt: string;
}

export interface ProjectDetail extends ProjectListItem {
  description: string | null;
  targetGroups: string | null;
  history: ProjectStatusChange[];
  createdAt: string;
  updatedAt: string;
}

export interface ProjectInput {
  name: string;
  year: number;
  platform?: Platform | null;
  serviceCategory?: ServiceCategory | null;
  responsibleTeamId?: Id | null;
  responsibleUnit?: string | null;
  description?: string | null;
  targetGroups?: string | null;
  yearlyTarget?: number | null;
  /** Defaults to the caller's own org. */
  ownerOrgId?: Id;
}

export type ProjectPatch = Partial<Omit<ProjectInput, 'ownerOrgId'>>;

export interface ProjectListQuery extends PageQuery {
  keyword?: string;
  year?: number | null;
  platform?: Platform | '';
  status?: ProjectStatus | '';
  orgId?: Id | null;
}

export interface MenuItemView {
  id: Id;
  title: string;
  serviceCategory: ServiceCategory;
  skills: Skill[];
  description: string | null;
  projectId: Id | null;
  projectName: string | null;
  ownerOrgId: Id;
  ownerOrgName: string;
  areaOrgId: Id;
  areaOrgName: string;
  typicalMinutes: number;
  volunteersNeeded: number;
  status: MenuItemStatus;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MenuItemInput {
  projectId?: Id | null;
  title: string;
  serviceCategory: ServiceCategory;
  skills?: Skill[];
  description?: string | null;
  areaOrgId: Id;
  typicalMinutes: number;
  volunteersNeeded?: number;
  /** Defaults to the caller's own org. */
  ownerOrgId?: Id;
}

export type MenuItemPatch = Partial<Omit<MenuItemInput, 'ownerOrgId'>>;

export interface MenuItemListQuery extends PageQuery {
  keyword?: string;
  serviceCategory?: ServiceCategory | '';
  status?: MenuItemStatus | '';
  projectId?: Id | null;
  orgId?: Id | null;
}

const projectPath = (id: Id) => `/api/projects/${encodeURIComponent(id)}`;
const menuItemPath = (id: Id) => `/api/menu-items/${encodeURIComponent(id)}`;

export const projectsApi = {
  list: (query: ProjectListQuery) => http.get<Page<ProjectListItem>>('/api/projects', query),
  get: (id: Id) => http.get<ProjectDetail>(projectPath(id)),
  create: (body: ProjectInput) => http.post<ProjectDetail>('/api/projects', body),
  update: (id: Id, body: ProjectPatch) => http.patch<ProjectDetail>(projectPath(id), body),
  changeStatus: (id: Id, status: ProjectStatus, note?: string) =>
    http.post<ProjectDetail>(`${projectPath(id)}/status`, note ? { status, note } : { status }),
  copy: (id: Id, year: number) => http.post<ProjectDetail>(`${projectPath(id)}/copy`, { year }),
};

export const menuItemsApi = {
  list: (query: MenuItemListQuery) => http.get<Page<MenuItemView>>('/api/menu-items', query),
  get: (id: Id) => http.get<MenuItemView>(menuItemPath(id)),
  create: (body: MenuItemInput) => http.post<MenuItemView>('/api/menu-items', body),
  update: (id: Id, body: MenuItemPatch) => http.patch<MenuItemView>(menuItemPath(id), body),
  withdraw: (id: Id) => http.post<MenuItemView>(`${menuItemPath(id)}/withdraw`),
  publish: (id: Id) => http.post<MenuItemView>(`${menuItemPath(id)}/publish`),
};
