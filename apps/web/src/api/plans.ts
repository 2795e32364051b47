// Yearly activity plans (活动计划: 年有计划、季有主题、月有重点、周有安排): the typed client for /api/plans,
// /api/plan-items and the residents' /api/public/plans (apps/server/src/modules/activities/plans.routes.ts).
import type { ActivityAudience, ActivityForm, ActivityStatus, Festival } from '@civic/contracts';
import type { ActivityView } from './activities';
import { http, request } from './http';
import type { Id, OkResponse, Page, PageQuery } from './types';

export type PlanStatus = 'draft' | 'published';
/** own: the org asked for; above: an org above it (read-only reference); below: an org below. */
export type PlanRelation = 'own' | 'above' | 'below';

export interface PlanView {
  id: Id;
  orgId: Id;
  orgName: string;
  year: number;
  title: string;
  summary: string | null;
  /** The four quarters' themes (季有主题), in order; '' when not set yet. */
  quarterThemes: string[];
  status: PlanStatus;
  publishedAt: string | null;
  itemCount: number;
  convertedCount: number;
  relation: PlanRelation;
  /** The caller manages the plan's org; plans of the orgs above are read-only. */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PlanItemActivity {
  id: Id;
  activityNo: string;
  title: string;
  status: ActivityStatus;
  startsAt: string;
}

export interface PlanItem {
  id: Id;
  planId: Id;
  month: number;
  /** null: the month's focus (月有重点); 1–5: a weekly item (周有安排). */
  week: number | null;
  title: string;
  description: string | null;
  form: ActivityForm | null;
  festival: Festival | null;
  /** YYYY-MM-DD inside the plan's year and month. */
  plannedOn: string | null;
  /** Set once the item was turned into an activity. */
  activityId: Id | null;
  /** That activity, when the caller may see it (an org above's activity is not shown). */
  activity: PlanItemActivity | null;
}

export interface PlanMonth<T = PlanItem> {
  month: number;
  focus: T | null;
  weeks: T[];
}

export interface PlanDetail extends PlanView {
  months: PlanMonth[];
}

export interface PlanListQuery extends PageQuery {
  orgId?: Id | null;
  year?: number | null;
  includeBelow?: boolean;
}

export interface PlanInput {
  orgId?: Id;
  year: number;
  title: string;
  summary?: string | null;
  quarterThemes: string[];
}

export type PlanPatch = Partial<Pick<PlanInput, 'title' | 'summary' | 'quarterThemes'>>;

export interface PlanItemInput {
  month: number;
  week: number | null;
  title: string;
  description?: string | null;
  form?: ActivityForm | null;
  festival?: Festival | null;
  plannedOn?: string | null;
}

export type PlanItemPatch = Partial<PlanItemInput>;

/** When, where and how many; title, form, festival and description default from the item. */
export interface ToActivityInput {
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number;
  title?: string;
  form?: ActivityForm;
  festival?: Festival | null;
  description?: string | null;
  audience?: ActivityAudience;
}

export interface ToActivityResult {
  item: PlanItem;
  activity: ActivityView;
}

export interface PublicPlanItem {
  id: Id;
  month: number;
  week: number | null;
  title: string;
  description: string | null;
  form: ActivityForm | null;
  festival: Festival | null;
  plannedOn: string | null;
  activity: { id: Id; startsAt: string; place: string; status: ActivityStatus } | null;
}

export interface PublicPlan {
  orgId: Id;
  orgName: string;
  year: number;
  plan: {
    id: Id;
    orgId: Id;
    orgName: string;
    year: number;
    title: string;
    summary: string | null;
    quarterThemes: string[];
    publishedAt: string | null;
    /** The org asked for has no published plan: this is the nearest one above it. */
    inherited: boolean;
    months: PlanMonth<PublicPlanItem>[];
  } | null;
}

const planPath = (id: Id) => `/api/plans/${encodeURIComponent(id)}`;
const itemPath = (id: Id) => `/api/plan-items/${encodeURIComponent(id)}`;

export const plansApi = {
  list: (query: PlanListQuery) => http.get<Page<PlanView>>('/api/plans', query),
  get: (id: Id) => http.get<PlanDetail>(planPath(id)),
  create: (body: PlanInput) => http.post<PlanDetail>('/api/plans', body),
  update: (id: Id, body: PlanPatch) => request<PlanDetail>(planPath(id), { method: 'PUT', body }),
  publish: (id: Id) => http.post<PlanDetail>(`${planPath(id)}/publish`),
  addItem: (planId: Id, body: PlanItemInput) => http.post<PlanItem>(`${planPath(planId)}/items`, body),
  updateItem: (id: Id, body: PlanItemPatch) => request<PlanItem>(itemPath(id), { method: 'PUT', body }),
  removeItem: (id: Id) => http.delete<OkResponse>(itemPath(id)),
  toActivity: (id: Id, body: ToActivityInput) =>
    http.post<ToActivityResult>(`${itemPath(id)}/to-activity`, body),
};

export const publicPlansApi = {
  get: (orgId: Id, year?: number) => http.get<PublicPlan>('/api/public/plans', { orgId, year }),
};
