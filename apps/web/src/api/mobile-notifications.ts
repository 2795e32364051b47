// Typed client for a volunteer's in-app messages on H5 (an order offered to them, reminders).
import { http } from './http';
import type { Id, OkResponse } from './types';

export interface Notification {
  id: Id;
  kind: string;
  title: string;
  body: string | null;
  /** an H5 path to open, e.g. /tasks */
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
}

export const myNotificationsApi = {
  list: (params: { page?: number; pageSize?: number; unread?: boolean } = {}) =>
    http.get<NotificationPage>('/api/me/notifications', {
      page: params.page ?? 1,
      pageSize: params.pageSize ?? 20,
      ...(params.unread ? { unread: 'true' } : {}),
    }),
  read: (id: Id) => http.post<OkResponse>(`/api/me/notifications/${id}/read`),
  readAll: () => http.post<{ updated: number }>('/api/me/notifications/read-all'),
};
