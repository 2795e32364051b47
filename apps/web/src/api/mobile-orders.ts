// The order loop on the mobile face: the resident's menu, 点单 and tracking link (no account) or
// their account's orders (我的), the photos of an order, and the volunteer's 派给我的.
import { api, call, upload, type BodyOf, type ResponseOf } from './http';

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
/** One of the orders linked to a resident's account. */
export type ResidentOrder = ResponseOf<'/api/me/requests', 'get'>[number];
export type PhoneCodeSent = ResponseOf<'/api/me/requests/phone-code', 'post'>;
export type ResidentContact = ResponseOf<'/api/me/orders/{id}/contact', 'post'>;
export type UploadedPhoto = ResponseOf<'/api/public/orders/{token}/photos', 'post'>;
export type EvidencePhoto = ResponseOf<'/api/me/orders/{id}/photos', 'post'>;

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
  /** A photo of the need, added by whoever holds the tracking link (also right after 点单). */
  addPhoto: (token: string, file: Blob, name: string) =>
    upload('/api/public/orders/{token}/photos', file, undefined, {
      ...own,
      url: `/api/public/orders/${encodeURIComponent(token)}/photos`,
      name,
    }),
};

/** A resident's account: the orders linked to it, and finding earlier ones by phone with a code. */
export const residentOrdersApi = {
  list: () => call(api.GET('/api/me/requests')),
  place: (body: PlaceOrderInput) => call(api.POST('/api/me/requests', { body })),
  track: (id: number) => call(api.GET('/api/me/requests/{id}', byId(id))),
  rate: (id: number, rating: number, comment?: string) =>
    call(
      api.POST('/api/me/requests/{id}/rate', {
        ...byId(id),
        body: comment ? { rating, comment } : { rating },
      }),
    ),
  reopen: (id: number, reason: string) =>
    call(api.POST('/api/me/requests/{id}/reopen', { ...byId(id), body: { reason } })),
  cancel: (id: number, reason: string) =>
    call(api.POST('/api/me/requests/{id}/cancel', { ...byId(id), body: { reason } })),
  sendCode: (phone: string) => call(api.POST('/api/me/requests/phone-code', { body: { phone } })),
  link: (phone: string, code: string) => call(api.POST('/api/me/requests/link', { body: { phone, code } })),
};

export const myOrdersApi = {
  list: () => call(api.GET('/api/me/orders')),
  claim: (id: number) => call(api.POST('/api/me/orders/{id}/claim', byId(id))),
  decline: (id: number, reason: string) =>
    call(api.POST('/api/me/orders/{id}/decline', { ...byId(id), body: { reason } })),
  start: (id: number, position: Position) =>
    call(api.POST('/api/me/orders/{id}/start', { ...byId(id), body: position })),
  finish: (id: number, note: string, position: Position, photoIds?: string[]) =>
    call(
      api.POST('/api/me/orders/{id}/finish', {
        ...byId(id),
        body: { note, ...position, ...(photoIds ? { photoIds } : {}) },
      }),
    ),
  /** The resident's name and full phone; only while serving the order, and every time audited. */
  contact: (id: number) => call(api.POST('/api/me/orders/{id}/contact', byId(id))),
  /** An evidence photo of the service under way, bound to the order. */
  addPhoto: (id: number, file: Blob, name: string) =>
    upload('/api/me/orders/{id}/photos', file, undefined, { url: `/api/me/orders/${id}/photos`, name }),
};
