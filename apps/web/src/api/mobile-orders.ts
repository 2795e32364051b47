// The order loop on the mobile face: the resident's menu, 点单 and tracking link (no account), and
// the volunteer's 派给我的.
import { api, call, type BodyOf, type ResponseOf } from './http';

export type PublicMenu = ResponseOf<'/api/public/menu', 'get'>;
/** One published service a resident of the village may order. */
export type PublicMenuItem = PublicMenu['items'][number];
export type PlaceOrderInput = BodyOf<'/api/public/orders', 'post'>;
export type PlacedOrder = ResponseOf<'/api/public/orders', 'post'>;
/** What the resident's tracking page shows; the timeline names no staff or volunteers. */
export type Tracking = ResponseOf<'/api/public/orders/{token}', 'get'>;
/** An order offered to / claimed by the signed-in volunteer. */
export type MyOrder = ResponseOf<'/api/me/orders', 'get'>[number];
export type Position = BodyOf<'/api/me/orders/{id}/start', 'post'>;

const own = { skipSessionHandler: true };
const byToken = (token: string) => ({ params: { path: { token } } });
const byId = (id: number) => ({ params: { path: { id } } });

export const publicOrdersApi = {
  menu: (orgId: number) => call(api.GET('/api/public/menu', { params: { query: { orgId } } }), own),
  place: (body: PlaceOrderInput) => call(api.POST('/api/public/orders', { body }), own),
  track: (token: string) => call(api.GET('/api/public/orders/{token}', byToken(token)), own),
  rate: (token: string, rating: number, comment?: string) =>
    call(
      api.POST('/api/public/orders/{token}/rate', {
        ...byToken(token),
        body: comment ? { rating, comment } : { rating },
      }),
      own,
    ),
  reopen: (token: string, reason: string) =>
    call(api.POST('/api/public/orders/{token}/reopen', { ...byToken(token), body: { reason } }), own),
  cancel: (token: string, reason: string) =>
    call(api.POST('/api/public/orders/{token}/cancel', { ...byToken(token), body: { reason } }), own),
};

export const myOrdersApi = {
  list: () => call(api.GET('/api/me/orders')),
  claim: (id: number) => call(api.POST('/api/me/orders/{id}/claim', byId(id))),
  decline: (id: number, reason: string) =>
    call(api.POST('/api/me/orders/{id}/decline', { ...byId(id), body: { reason } })),
  start: (id: number, position: Position) =>
    call(api.POST('/api/me/orders/{id}/start', { ...byId(id), body: position })),
  finish: (id: number, note: string, position: Position) =>
    call(api.POST('/api/me/orders/{id}/finish', { ...byId(id), body: { note, ...position } })),
};
