// Typed client for the order loop on the mobile face: the resident's menu, 点单 and tracking link
// (no account), and the volunteer's 派给我的. Shapes follow docs/api.md, "Orders — the core loop
// (issue 5)" and the public menu of the projects module.
import type {
  OrderAction,
  OrderChannel,
  OrderPriority,
  OrderStatus,
  ServiceCategory,
} from '@civic/contracts';
import { http } from './http';
import type { Id, OkResponse } from './types';

/** One published service a resident of the village may order. */
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

export interface PlaceOrderInput {
  stationId: Id;
  menuItemId?: Id | null;
  /** Required without a menu item. */
  serviceCategory?: ServiceCategory;
  description: string;
  address: string;
  contactName: string;
  contactPhone: string;
  /** ISO 8601 with offset. */
  preferredAt?: string | null;
}

/** What the resident's tracking page shows; the timeline names no staff or volunteers. */
export interface Tracking {
  orderNo: string;
  status: OrderStatus;
  serviceCategory: string;
  description: string;
  createdAt: string;
  rejectReason: string | null;
  rating: number | null;
  ratingComment: string | null;
  canRate: boolean;
  canReopen: boolean;
  canCancel: boolean;
  timeline: {
    action: OrderAction | 'submit' | 'escalate' | (string & {});
    toStatus: string | null;
    reason: string | null;
    at: string;
  }[];
}

export interface PlacedOrder {
  orderNo: string;
  trackingToken: string;
  tracking: Tracking;
}

export interface OrderView {
  id: Id;
  orderNo: string;
  status: OrderStatus;
  stageDueAt: string | null;
  overdue: boolean;
  escalationLevel: number;
  orgId: Id;
  orgName: string;
  menuItemId: Id | null;
  projectId: Id | null;
  serviceCategory: string;
  skills: string[];
  description: string;
  address: string;
  contactName: string;
  /** Masked, e.g. 139****9000. */
  contactPhone: string | null;
  channel: OrderChannel;
  preferredAt: string | null;
  agreedAt: string | null;
  priority: OrderPriority;
  volunteersNeeded: number;
  rejectReason: string | null;
  rating: number | null;
  createdAt: string;
  closedAt: string | null;
}

/** An order offered to / claimed by the signed-in volunteer. */
export interface MyOrder extends OrderView {
  offerStatus: 'offered' | 'claimed' | 'served' | (string & {});
  claimedAt: string | null;
}

export interface Position {
  latitude?: number;
  longitude?: number;
}

const enc = (value: Id | string) => encodeURIComponent(String(value));
const pub = { skipSessionHandler: true };

export const publicOrdersApi = {
  menu: (orgId: Id) => http.get<PublicMenu>('/api/public/menu', { orgId: String(orgId) }, pub),
  place: (body: PlaceOrderInput) => http.post<PlacedOrder>('/api/public/orders', body, pub),
  track: (token: string) => http.get<Tracking>(`/api/public/orders/${enc(token)}`, undefined, pub),
  rate: (token: string, rating: number, comment?: string) =>
    http.post<Tracking>(
      `/api/public/orders/${enc(token)}/rate`,
      comment ? { rating, comment } : { rating },
      pub,
    ),
  reopen: (token: string, reason: string) =>
    http.post<Tracking>(`/api/public/orders/${enc(token)}/reopen`, { reason }, pub),
  cancel: (token: string, reason: string) =>
    http.post<Tracking>(`/api/public/orders/${enc(token)}/cancel`, { reason }, pub),
};

export const myOrdersApi = {
  list: () => http.get<MyOrder[]>('/api/me/orders'),
  claim: (id: Id) => http.post<OrderView>(`/api/me/orders/${enc(id)}/claim`, {}),
  decline: (id: Id, reason: string) => http.post<OkResponse>(`/api/me/orders/${enc(id)}/decline`, { reason }),
  start: (id: Id, position: Position) => http.post<OrderView>(`/api/me/orders/${enc(id)}/start`, position),
  finish: (id: Id, note: string, position: Position) =>
    http.post<OrderView>(`/api/me/orders/${enc(id)}/finish`, { note, ...position }),
};
