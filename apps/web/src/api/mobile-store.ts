// The store (爱心超市) on the mobile face: my balance and the items I can redeem, redeeming, and my
// redemptions (我的兑换) with their pick-up codes.
import { api, call, toQuery, type Filters, type ItemOf, type QueryOf, type ResponseOf } from './http';

export type ShopView = ResponseOf<'/api/me/store', 'get'>;
export type ShopItem = ShopView['items'][number];
export type MyRedemption = ItemOf<'/api/me/store/redemptions'>;
export type MyRedemptionQuery = Filters<QueryOf<'/api/me/store/redemptions', 'get'>>;

const byId = (id: number) => ({ params: { path: { id } } });

export const myStoreApi = {
  shop: () => call(api.GET('/api/me/store')),
  redeem: (itemId: number) => call(api.POST('/api/me/store/redemptions', { body: { itemId } })),
  mine: (query: MyRedemptionQuery = {}) =>
    call(api.GET('/api/me/store/redemptions', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/me/store/redemptions/{id}', byId(id))),
  cancel: (id: number) => call(api.POST('/api/me/store/redemptions/{id}/cancel', { ...byId(id), body: {} })),
};
