// Points (积分) in the console: the rules of the 积分管理办法, holders' balances and ledgers (积分明细),
// and manual adjustments with their second-person confirmation.
import {
  api,
  call,
  toQuery,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

export type PointRuleList = ResponseOf<'/api/points/rules', 'get'>;
export type PointRuleView = PointRuleList['items'][number];
export type PointRuleInput = BodyOf<'/api/points/rules', 'post'>;
export type PointEntryView = ItemOf<'/api/points/entries'>;
export type PointEntryQuery = Filters<QueryOf<'/api/points/entries', 'get'>>;
export type PointHolderView = ResponseOf<'/api/points/holders/{holderType}/{id}', 'get'>;
export type PointAdjustmentView = ItemOf<'/api/points/adjustments'>;
export type PointAdjustmentQuery = Filters<QueryOf<'/api/points/adjustments', 'get'>>;
export type PointAdjustmentInput = BodyOf<'/api/points/adjustments', 'post'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const pointsApi = {
  rules: () => call(api.GET('/api/points/rules')),
  createRule: (body: PointRuleInput) => call(api.POST('/api/points/rules', { body })),
  updateRule: (id: number, body: PointRuleInput) =>
    call(api.PUT('/api/points/rules/{id}', { ...byId(id), body })),
  holder: (id: number) =>
    call(
      api.GET('/api/points/holders/{holderType}/{id}', { params: { path: { holderType: 'volunteer', id } } }),
    ),
  entries: (query: PointEntryQuery) =>
    call(api.GET('/api/points/entries', { params: { query: toQuery(query) } })),
  adjustments: (query: PointAdjustmentQuery) =>
    call(api.GET('/api/points/adjustments', { params: { query: toQuery(query) } })),
  adjust: (body: PointAdjustmentInput) => call(api.POST('/api/points/adjustments', { body })),
  confirmAdjustment: (id: number) => call(api.POST('/api/points/adjustments/{id}/confirm', byId(id))),
  cancelAdjustment: (id: number) => call(api.POST('/api/points/adjustments/{id}/cancel', byId(id))),
};
