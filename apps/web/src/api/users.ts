// Accounts of the staff (用户) and the roles they may hold.
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

export type RoleInfo = ResponseOf<'/api/roles', 'get'>[number];
export type User = ItemOf<'/api/users'>;
export type UserListQuery = Filters<QueryOf<'/api/users', 'get'>>;
export type UserCreateBody = BodyOf<'/api/users', 'post'>;
export type UserPatch = BodyOf<'/api/users/{id}', 'patch'>;
export type TeamOption = ResponseOf<'/api/users/team-options', 'get'>[number];

const byId = (id: number) => ({ params: { path: { id } } });

export const usersApi = {
  roles: () => call(api.GET('/api/roles')),
  list: (query: UserListQuery) => call(api.GET('/api/users', { params: { query: toQuery(query) } })),
  /** The active teams of one org: those a team leader's account there may be bound to. */
  teamOptions: (orgId: number) => call(api.GET('/api/users/team-options', { params: { query: { orgId } } })),
  create: (body: UserCreateBody) => call(api.POST('/api/users', { body })),
  update: (id: number, body: UserPatch) => call(api.PATCH('/api/users/{id}', { ...byId(id), body })),
  resetPassword: (id: number) => call(api.POST('/api/users/{id}/reset-password', byId(id))),
  unlock: (id: number) => call(api.POST('/api/users/{id}/unlock', byId(id))),
  disable: (id: number) => call(api.POST('/api/users/{id}/disable', byId(id))),
  enable: (id: number) => call(api.POST('/api/users/{id}/enable', byId(id))),
  resetTotp: (id: number) => call(api.POST('/api/users/{id}/reset-totp', byId(id))),
  /** Privileged accounts waiting for a second person (audit admin or centre admin) to activate them. */
  pendingActivations: () => call(api.GET('/api/users/pending-activation')),
  activate: (id: number) => call(api.POST('/api/users/{id}/activate', byId(id))),
};
