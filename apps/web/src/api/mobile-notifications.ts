// A volunteer's in-app messages on H5 (an order offered to them, reminders).
import { api, call, toQuery, type Filters, type ItemOf, type QueryOf } from './http';

export type Notification = ItemOf<'/api/me/notifications'>;
type Query = QueryOf<'/api/me/notifications', 'get'>;

export const myNotificationsApi = {
  list: (query: Filters<Query> = {}) =>
    call(
      api.GET('/api/me/notifications', {
        params: { query: toQuery<Query>({ page: 1, pageSize: 20, ...query }) },
      }),
    ),
  read: (id: number) => call(api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })),
  readAll: () => call(api.POST('/api/me/notifications/read-all')),
};
