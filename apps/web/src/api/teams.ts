// Teams: the typed client for docs/api.md "Teams (issue 4)".
import type {
  Platform,
  ServiceCategory,
  TeamKind,
  TeamMemberRole,
  TeamMemberStatus,
  TeamStatus,
  TeamTier,
} from '@civic/contracts';
import { http } from './http';
import type { Id, OkResponse, Page, PageQuery } from './types';

export interface TeamListItem {
  id: Id;
  name: string;
  tier: TeamTier;
  kind: TeamKind;
  orgId: Id;
  orgName: string;
  parentId: Id | null;
  parentName: string | null;
  platform: Platform | null;
  responsibleUnit: string | null;
  yearlyServiceTarget: number | null;
  serviceCategories: ServiceCategory[];
  leaderName: string | null;
  memberCount: number;
  pendingCount: number;
  acceptingApplications: boolean;
  status: TeamStatus;
}

export interface TeamDetail extends TeamListItem {
  description: string | null;
  foundedOn: string | null;
  deputies: { volunteerId: Id; name: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface TeamTreeNode {
  id: Id;
  name: string;
  tier: TeamTier;
  kind: TeamKind;
  orgName: string;
  memberCount: number;
  status: TeamStatus;
  children: TeamTreeNode[];
}

export interface TeamMember {
  /** The membership id. */
  id: Id;
  volunteerId: Id;
  volunteerNo: string;
  name: string;
  /** Masked. */
  phone: string | null;
  orgName: string;
  role: TeamMemberRole;
  status: TeamMemberStatus;
  source: 'admin' | 'application';
  applicationNote: string | null;
  decisionNote: string | null;
  appliedAt: string;
  joinedAt: string | null;
}

export interface TeamInput {
  orgId: Id;
  parentId?: Id | null;
  name: string;
  tier: TeamTier;
  kind: TeamKind;
  platform?: Platform | null;
  responsibleUnit?: string | null;
  yearlyServiceTarget?: number | null;
  serviceCategories?: ServiceCategory[];
  description?: string | null;
  foundedOn?: string | null;
  acceptingApplications?: boolean;
}

export type TeamPatch = Partial<Omit<TeamInput, 'orgId'>>;

export interface TeamListQuery extends PageQuery {
  keyword?: string;
  orgId?: Id | null;
  tier?: TeamTier | '';
  kind?: TeamKind | '';
  status?: TeamStatus | '';
}

export interface TeamMemberQuery extends PageQuery {
  status?: TeamMemberStatus | '';
  role?: TeamMemberRole | '';
  keyword?: string;
}

export interface AddMembersResult {
  added: number;
  skipped: number;
}

const teamPath = (id: Id) => `/api/teams/${encodeURIComponent(id)}`;
const memberPath = (teamId: Id, memberId: Id) =>
  `${teamPath(teamId)}/members/${encodeURIComponent(memberId)}`;

export const teamsApi = {
  tree: (orgId?: Id | null) => http.get<TeamTreeNode[]>('/api/teams/tree', { orgId }),
  list: (query: TeamListQuery) => http.get<Page<TeamListItem>>('/api/teams', query),
  get: (id: Id) => http.get<TeamDetail>(teamPath(id)),
  create: (body: TeamInput) => http.post<TeamDetail>('/api/teams', body),
  update: (id: Id, body: TeamPatch) => http.patch<TeamDetail>(teamPath(id), body),
  dissolve: (id: Id) => http.post<TeamDetail>(`${teamPath(id)}/dissolve`),
  members: (id: Id, query: TeamMemberQuery) => http.get<Page<TeamMember>>(`${teamPath(id)}/members`, query),
  addMembers: (id: Id, volunteerIds: Id[], role?: TeamMemberRole) =>
    http.post<AddMembersResult>(`${teamPath(id)}/members`, { volunteerIds, ...(role ? { role } : {}) }),
  setRole: (id: Id, memberId: Id, role: TeamMemberRole) =>
    http.patch<TeamMember>(memberPath(id, memberId), { role }),
  approve: (id: Id, memberId: Id, note?: string) =>
    http.post<TeamMember>(`${memberPath(id, memberId)}/approve`, note ? { note } : {}),
  reject: (id: Id, memberId: Id, note?: string) =>
    http.post<TeamMember>(`${memberPath(id, memberId)}/reject`, note ? { note } : {}),
  removeMember: (id: Id, memberId: Id) => http.delete<OkResponse>(memberPath(id, memberId)),
};
