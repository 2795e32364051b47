// Yearly activity plans (活动计划: 年有计划、季有主题、月有重点、周有安排): /api/plans, /api/plan-items
// and the residents' /api/public/plans.
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

export type PlanView = ItemOf<'/api/plans'>;
export type PlanDetail = ResponseOf<'/api/plans/{id}', 'get'>;
export type PlanMonth = PlanDetail['months'][number];
export type PlanItem = ResponseOf<'/api/plan-items/{id}', 'put'>;
export type PlanListQuery = Filters<QueryOf<'/api/plans', 'get'>>;
export type PlanInput = BodyOf<'/api/plans', 'post'>;
export type PlanPatch = BodyOf<'/api/plans/{id}', 'put'>;
export type PlanItemInput = BodyOf<'/api/plans/{id}/items', 'post'>;
export type PlanItemPatch = BodyOf<'/api/plan-items/{id}', 'put'>;
/** When, where and how many; title, form, festival and description default from the item. */
export type ToActivityInput = BodyOf<'/api/plan-items/{id}/to-activity', 'post'>;
export type ToActivityResult = ResponseOf<'/api/plan-items/{id}/to-activity', 'post'>;
export type PublicPlan = ResponseOf<'/api/public/plans', 'get'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const plansApi = {
  list: (query: PlanListQuery) => call(api.GET('/api/plans', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/plans/{id}', byId(id))),
  create: (body: PlanInput) => call(api.POST('/api/plans', { body })),
  update: (id: number, body: PlanPatch) => call(api.PUT('/api/plans/{id}', { ...byId(id), body })),
  publish: (id: number) => call(api.POST('/api/plans/{id}/publish', byId(id))),
  addItem: (planId: number, body: PlanItemInput) =>
    call(api.POST('/api/plans/{id}/items', { ...byId(planId), body })),
  updateItem: (id: number, body: PlanItemPatch) =>
    call(api.PUT('/api/plan-items/{id}', { ...byId(id), body })),
  removeItem: (id: number) => call(api.DELETE('/api/plan-items/{id}', byId(id))),
  toActivity: (id: number, body: ToActivityInput) =>
    call(api.POST('/api/plan-items/{id}/to-activity', { ...byId(id), body })),
};

export const publicPlansApi = {
  get: (orgId: number, year?: number) =>
    call(api.GET('/api/public/plans', { params: { query: year ? { orgId, year } : { orgId } } })),
};
