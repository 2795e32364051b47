// Orders (点单/派单): the staff side of /api/orders, and the staff's in-app notifications.
// Contact phones arrive masked.
import {
  api,
  call,
  download,
  toQuery,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

export type OrderView = ItemOf<'/api/orders'>;
export type OrderDetail = ResponseOf<'/api/orders/{id}', 'get'>;
export type OrderEvent = OrderDetail['events'][number];
export type OrderAssignee = OrderDetail['assignees'][number];
export type OrderListQuery = Filters<QueryOf<'/api/orders', 'get'>>;
export type OrderCount = ResponseOf<'/api/orders/counts', 'get'>[number];
/** The workbench's filters (the list, its badges and the export take the same ones). */
export type OrderFilters = Filters<QueryOf<'/api/orders/counts', 'get'>>;
export type OrderExportQuery = Filters<QueryOf<'/api/orders/export', 'get'>>;
/** 代点单: the public 点单 body plus where the need came in. */
export type StaffOrderInput = BodyOf<'/api/orders', 'post'>;
export type PlacedOrder = ResponseOf<'/api/orders', 'post'>;
/** 制单: what the vetter settles when accepting; left-out fields keep the resident's choice. */
export type AcceptInput = BodyOf<'/api/orders/{id}/accept', 'post'>;
/** 派单: exactly one of volunteerIds, teamId, stationId. */
export type DispatchInput = BodyOf<'/api/orders/{id}/dispatch', 'post'>;
export type OrderCandidate = ResponseOf<'/api/orders/{id}/candidates', 'get'>[number];
export type PublicMenu = ResponseOf<'/api/public/menu', 'get'>;
export type PublicMenuItem = PublicMenu['items'][number];
export type AppNotification = ItemOf<'/api/notifications'>;
export type NotificationPage = ResponseOf<'/api/notifications', 'get'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const ordersApi = {
  list: (query: OrderListQuery) => call(api.GET('/api/orders', { params: { query: toQuery(query) } })),
  counts: (filters: OrderFilters = {}) =>
    call(api.GET('/api/orders/counts', { params: { query: toQuery(filters) } })),
  /** The list's rows under the same filters and tab as an Excel file (phones masked). */
  export: (query: OrderExportQuery) => download('/api/orders/export', toQuery(query), '群众需求.xlsx'),
  get: (id: number) => call(api.GET('/api/orders/{id}', byId(id))),
  place: (body: StaffOrderInput) => call(api.POST('/api/orders', { body })),
  accept: (id: number, body: AcceptInput) => call(api.POST('/api/orders/{id}/accept', { ...byId(id), body })),
  reject: (id: number, reason: string) =>
    call(api.POST('/api/orders/{id}/reject', { ...byId(id), body: { reason } })),
  merge: (id: number, intoId: number) =>
    call(api.POST('/api/orders/{id}/merge', { ...byId(id), body: { intoId } })),
  cancel: (id: number, reason: string) =>
    call(api.POST('/api/orders/{id}/cancel', { ...byId(id), body: { reason } })),
  candidates: (id: number) => call(api.GET('/api/orders/{id}/candidates', byId(id))),
  dispatch: (id: number, body: DispatchInput) =>
    call(api.POST('/api/orders/{id}/dispatch', { ...byId(id), body })),
  evaluate: (id: number, evaluation: string) =>
    call(api.POST('/api/orders/{id}/evaluate', { ...byId(id), body: { evaluation } })),
  /** The published menu items covering a village station (the residents' menu). */
  menu: (stationId: number) => call(api.GET('/api/public/menu', { params: { query: { orgId: stationId } } })),
};

export const notificationsApi = {
  list: (query: Filters<QueryOf<'/api/notifications', 'get'>> = {}) =>
    call(api.GET('/api/notifications', { params: { query: toQuery(query) } })),
  read: (id: number) => call(api.POST('/api/notifications/{id}/read', byId(id))),
};

/** The resident's tracking page for a token (the link staff read out or send). */
export function trackingUrl(token: string): string {
  return `${window.location.origin}/h5/track/${encodeURIComponent(token)}`;
}
