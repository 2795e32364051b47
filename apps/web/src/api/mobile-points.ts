// Points on the mobile face: the volunteer's balance, lifetime points and ledger (我的积分).
import { api, call, toQuery, type Filters, type ItemOf, type QueryOf, type ResponseOf } from './http';

export type MyPointsEntry = ItemOf<'/api/me/points'>;
export type MyPointsQuery = Filters<QueryOf<'/api/me/points', 'get'>>;

export type MyPrivileges = ResponseOf<'/api/honours/my-privileges', 'get'>;

export const myPointsApi = {
  /** The star level (星级) and the privileges of the volunteer's org and above (礼遇褒奖). */
  privileges: () => call(api.GET('/api/honours/my-privileges')),
  mine: (query: MyPointsQuery = {}) => call(api.GET('/api/me/points', { params: { query: toQuery(query) } })),
};
