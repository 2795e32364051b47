// Points on the mobile face: the volunteer's balance, lifetime points and ledger (我的积分).
import { api, call, toQuery, type Filters, type ItemOf, type QueryOf } from './http';

export type MyPointsEntry = ItemOf<'/api/me/points'>;
export type MyPointsQuery = Filters<QueryOf<'/api/me/points', 'get'>>;

export const myPointsApi = {
  mine: (query: MyPointsQuery = {}) => call(api.GET('/api/me/points', { params: { query: toQuery(query) } })),
};
