// The store (爱心超市) in the console: the items an org offers for points, and the store keeper's
// redemptions — look a pick-up code up, hand over, cancel with a reason.
import {
  api,
  call,
  send,
  toQuery,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

export type StoreItemView = ResponseOf<'/api/store/items/{id}', 'get'>;
export type StoreItemInput = BodyOf<'/api/store/items', 'post'>;
export type StoreItemPatch = BodyOf<'/api/store/items/{id}', 'patch'>;
export type StoreItemQuery = Filters<QueryOf<'/api/store/items', 'get'>>;
export type KeeperRedemption = ItemOf<'/api/store/redemptions'>;
export type RedemptionQuery = Filters<QueryOf<'/api/store/redemptions', 'get'>>;

const byId = (id: number) => ({ params: { path: { id } } });

export const storeItemsApi = {
  list: (query: StoreItemQuery) => call(api.GET('/api/store/items', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/store/items/{id}', byId(id))),
  create: (body: StoreItemInput) => call(api.POST('/api/store/items', { body })),
  update: (id: number, body: StoreItemPatch) =>
    call(api.PATCH('/api/store/items/{id}', { ...byId(id), body })),
  setPhoto: async (id: number, file: File): Promise<StoreItemView> => {
    const form = new FormData();
    form.append('file', file);
    const response = await send(`/api/store/items/${id}/photo`, { method: 'POST', body: form });
    return (await response.json()) as StoreItemView;
  },
};

export const redemptionsApi = {
  list: (query: RedemptionQuery) =>
    call(api.GET('/api/store/redemptions', { params: { query: toQuery(query) } })),
  /** The open redemption of a pick-up code (6 digits or a scanned QR's text). */
  lookup: (code: string, orgId?: number | null) =>
    call(api.GET('/api/store/redemptions/lookup', { params: { query: orgId ? { code, orgId } : { code } } })),
  handover: (id: number) => call(api.POST('/api/store/redemptions/{id}/handover', byId(id))),
  cancel: (id: number, reason: string) =>
    call(api.POST('/api/store/redemptions/{id}/cancel', { ...byId(id), body: { reason } })),
};
