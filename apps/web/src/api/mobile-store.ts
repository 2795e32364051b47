// The store (爱心超市) on the mobile face: my balance and the items I can redeem, redeeming, and my
// redemptions (我的兑换) with their pick-up codes — for a volunteer (their own points) or for a
// resident linked to a household (the household's points), with the same shapes.
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

/** The same for a resident's household (户积分): the store of their station and above. */
export const householdStoreApi: typeof myStoreApi = {
  shop: () => call(api.GET('/api/me/household/store')),
  redeem: (itemId: number) => call(api.POST('/api/me/household/store/redemptions', { body: { itemId } })),
  mine: (query: MyRedemptionQuery = {}) =>
    call(api.GET('/api/me/household/store/redemptions', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/me/household/store/redemptions/{id}', byId(id))),
  cancel: (id: number) =>
    call(api.POST('/api/me/household/store/redemptions/{id}/cancel', { ...byId(id), body: {} })),
};

/** Whose store a page shows: the volunteer's own, or the resident's household's. */
export type StoreHolder = 'volunteer' | 'household';

export function storeApiOf(holder: StoreHolder): typeof myStoreApi {
  return holder === 'household' ? householdStoreApi : myStoreApi;
}
