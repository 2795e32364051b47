// Teams (志愿服务队伍): /api/teams and their members.
import {
  api,
  call,
  toQuery,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
  type Schema,
} from './http';

export type TeamListItem = ItemOf<'/api/teams'>;
export type TeamDetail = ResponseOf<'/api/teams/{id}', 'get'>;
export type TeamTreeNode = Schema<'TeamTreeNode'>;
export type TeamMember = ItemOf<'/api/teams/{id}/members'>;
export type TeamInput = BodyOf<'/api/teams', 'post'>;
export type TeamPatch = BodyOf<'/api/teams/{id}', 'patch'>;
export type TeamListQuery = Filters<QueryOf<'/api/teams', 'get'>>;
export type TeamMemberQuery = Filters<QueryOf<'/api/teams/{id}/members', 'get'>>;
export type AddMembersResult = ResponseOf<'/api/teams/{id}/members', 'post'>;
type MemberRole = BodyOf<'/api/teams/{id}/members/{memberId}', 'patch'>['role'];

const byId = (id: number) => ({ params: { path: { id } } });
const member = (id: number, memberId: number) => ({ params: { path: { id, memberId } } });

export const teamsApi = {
  tree: (orgId?: number | null) =>
    call(api.GET('/api/teams/tree', { params: { query: orgId ? { orgId } : {} } })),
  list: (query: TeamListQuery) => call(api.GET('/api/teams', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/teams/{id}', byId(id))),
  create: (body: TeamInput) => call(api.POST('/api/teams', { body })),
  update: (id: number, body: TeamPatch) => call(api.PATCH('/api/teams/{id}', { ...byId(id), body })),
  dissolve: (id: number) => call(api.POST('/api/teams/{id}/dissolve', byId(id))),
  members: (id: number, query: TeamMemberQuery) =>
    call(api.GET('/api/teams/{id}/members', { params: { path: { id }, query: toQuery(query) } })),
  addMembers: (id: number, volunteerIds: number[], role?: MemberRole) =>
    call(
      api.POST('/api/teams/{id}/members', { ...byId(id), body: { volunteerIds, ...(role ? { role } : {}) } }),
    ),
  setRole: (id: number, memberId: number, role: MemberRole) =>
    call(api.PATCH('/api/teams/{id}/members/{memberId}', { ...member(id, memberId), body: { role } })),
  approve: (id: number, memberId: number, note?: string) =>
    call(
      api.POST('/api/teams/{id}/members/{memberId}/approve', {
        ...member(id, memberId),
        body: note ? { note } : {},
      }),
    ),
  reject: (id: number, memberId: number, note?: string) =>
    call(
      api.POST('/api/teams/{id}/members/{memberId}/reject', {
        ...member(id, memberId),
        body: note ? { note } : {},
      }),
    ),
  removeMember: (id: number, memberId: number) =>
    call(api.DELETE('/api/teams/{id}/members/{memberId}', member(id, memberId))),
};
