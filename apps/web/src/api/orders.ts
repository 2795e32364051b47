// Orders: the typed client for docs/api.md "Orders — the core loop (issue 5)" (the staff side) and
// the staff's in-app notifications. Contact phones arrive masked.
import type {
  OrderAction,
  OrderChannel,
  OrderPriority,
  OrderStage,
  OrderStatus,
  ServiceCategory,
  Skill,
} from '@civic/contracts';
import { http } from './http';
import type { Id, OkResponse, Page, PageQuery } from './types';

export interface OrderView {
  id: Id;
  orderNo: string;
  status: OrderStatus;
  /** When the current stage's deadline runs out; null for finished orders. */
  stageDueAt: string | null;
  overdue: boolean;
  /** > 0 once the missed stage was escalated to the parent org (督办). */
  escalationLevel: number;
  /** The resident's village station. */
  orgId: Id;
  orgName: string;
  menuItemId: Id | null;
  projectId: Id | null;
  serviceCategory: ServiceCategory;
  skills: Skill[];
  description: string;
  address: string;
  contactName: string;
  /** Masked, e.g. 138****5678. */
  contactPhone: string | null;
  channel: OrderChannel;
  preferredAt: string | null;
  agreedAt: string | null;
  priority: OrderPriority;
  volunteersNeeded: number;
  dispatchedOrgId: Id | null;
  dispatchedTeamId: Id | null;
  mergedIntoId: Id | null;
  rejectReason: string | null;
  rating: number | null;
  ratingComment: string | null;
  evaluation: string | null;
  createdAt: string;
  closedAt: string | null;
}

/** Who made a step: the OrderActor kinds, plus `staff` for a 代点单. */
export type OrderEventActorKind =
  'resident' | 'vetter' | 'dispatcher' | 'volunteer' | 'evaluator' | 'system' | 'staff';

export interface OrderEvent {
  /** An OrderAction, or `submit` (点单) / `escalate` (超时督办). */
  action: OrderAction | 'submit' | 'escalate' | (string & {});
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorKind: OrderEventActorKind | (string & {});
  actorName: string | null;
  reason: string | null;
  /** where a dispatch sent the order */
  target: string | null;
  createdAt: string;
}

export type OrderAssigneeStatus = 'offered' | 'claimed' | 'declined' | 'withdrawn' | 'served';

export interface OrderAssignee {
  volunteerId: Id;
  name: string | null;
  status: OrderAssigneeStatus;
  claimedAt: string | null;
}

export interface OrderDetail extends OrderView {
  events: OrderEvent[];
  assignees: OrderAssignee[];
}

export interface OrderListQuery extends PageQuery {
  status?: OrderStatus | '';
  stage?: OrderStage | '';
  /** true: only overdue; '' (or left out): all. */
  overdue?: boolean | '';
  /** Order number (exact), or part of the description or address. */
  keyword?: string;
}

export interface OrderCount {
  status: OrderStatus;
  count: number;
  overdue: number;
}

/** 代点单: the public 点单 body plus where the need came in. */
export interface StaffOrderInput {
  channel: 'phone' | 'visit';
  stationId: Id;
  menuItemId?: Id | null;
  /** Required without a menu item. */
  serviceCategory?: ServiceCategory;
  description: string;
  address: string;
  contactName: string;
  contactPhone: string;
  preferredAt?: string | null;
}

export interface PlacedOrder {
  /** Shown once: the resident's tracking page is /h5/track/<trackingToken>. */
  trackingToken: string;
  order: OrderDetail;
}

/** 制单: what the vetter settles when accepting; left-out fields keep the resident's choice. */
export interface AcceptInput {
  serviceCategory?: ServiceCategory;
  skills?: Skill[];
  priority?: OrderPriority;
  projectId?: Id | null;
  volunteersNeeded?: number;
  agreedAt?: string | null;
}

/** 派单: exactly one of the three. */
export type DispatchInput = { volunteerIds: Id[] } | { teamId: Id } | { stationId: Id };

export interface OrderCandidate {
  id: Id;
  name: string;
  score: number;
  distanceKm: number | null;
  reasons: string[];
}

export interface PublicMenuItem {
  id: Id;
  title: string;
  description: string | null;
  serviceCategory: ServiceCategory;
  typicalMinutes: number;
  volunteersNeeded: number;
  ownerOrgName: string;
  projectName: string | null;
}

export interface PublicMenu {
  orgId: Id;
  orgName: string;
  items: PublicMenuItem[];
}

export interface AppNotification {
  id: Id;
  kind: string;
  title: string;
  body: string | null;
  /** A console path, e.g. /orders/12. */
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}

const orderPath = (id: Id) => `/api/orders/${encodeURIComponent(id)}`;

export const ordersApi = {
  list: (query: OrderListQuery) => http.get<Page<OrderView>>('/api/orders', query),
  counts: () => http.get<OrderCount[]>('/api/orders/counts'),
  get: (id: Id) => http.get<OrderDetail>(orderPath(id)),
  place: (body: StaffOrderInput) => http.post<PlacedOrder>('/api/orders', body),
  accept: (id: Id, body: AcceptInput) => http.post<OrderDetail>(`${orderPath(id)}/accept`, body),
  reject: (id: Id, reason: string) => http.post<OrderDetail>(`${orderPath(id)}/reject`, { reason }),
  merge: (id: Id, intoId: Id) => http.post<OrderDetail>(`${orderPath(id)}/merge`, { intoId }),
  cancel: (id: Id, reason: string) => http.post<OrderDetail>(`${orderPath(id)}/cancel`, { reason }),
  candidates: (id: Id) => http.get<OrderCandidate[]>(`${orderPath(id)}/candidates`),
  dispatch: (id: Id, body: DispatchInput) => http.post<OrderDetail>(`${orderPath(id)}/dispatch`, body),
  evaluate: (id: Id, evaluation: string) =>
    http.post<OrderDetail>(`${orderPath(id)}/evaluate`, { evaluation }),
  /** The published menu items covering a village station (the residents' menu). */
  menu: (stationId: Id) => http.get<PublicMenu>('/api/public/menu', { orgId: String(stationId) }),
};

export const notificationsApi = {
  list: (query: PageQuery & { unread?: boolean | '' } = {}) =>
    http.get<NotificationPage>('/api/notifications', query),
  read: (id: Id) => http.post<OkResponse>(`/api/notifications/${encodeURIComponent(id)}/read`),
};

/** The resident's tracking page for a token (the link staff read out or send). */
export function trackingUrl(token: string): string {
  return `${window.location.origin}/h5/track/${encodeURIComponent(token)}`;
}
