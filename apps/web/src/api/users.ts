import { http } from './http';
import type { Id, Page, RoleInfo, User, UserCreateBody, UserListQuery, UserPatch } from './types';

const userPath = (id: Id) => `/api/users/${encodeURIComponent(id)}`;

export const usersApi = {
  roles: () => http.get<RoleInfo[]>('/api/roles'),
  list: (query: UserListQuery) => http.get<Page<User>>('/api/users', query),
  create: (body: UserCreateBody) => http.post<{ user: User; initialPassword: string }>('/api/users', body),
  update: (id: Id, body: UserPatch) => http.patch<User>(userPath(id), body),
  resetPassword: (id: Id) => http.post<{ initialPassword: string }>(`${userPath(id)}/reset-password`),
  unlock: (id: Id) => http.post<User>(`${userPath(id)}/unlock`),
  disable: (id: Id) => http.post<User>(`${userPath(id)}/disable`),
  enable: (id: Id) => http.post<User>(`${userPath(id)}/enable`),
  resetTotp: (id: Id) => http.post<User>(`${userPath(id)}/reset-totp`),
};
