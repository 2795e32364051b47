// What the order pages share: the inbox tabs, the labels of the timeline, and which of the state
// machine's next actions the signed-in staff member may take (from @civic/contracts' nextActions).
import {
  nextActions,
  ORDER_ACTIONS,
  type OrderAction,
  type OrderActor,
  type OrderStage,
  type OrderStatus,
  type Permission,
} from '@civic/contracts';
import type { OrderCount, OrderListQuery } from '../../../api/orders';

export type OrderTabKey = OrderStage | 'closed' | 'all';

export interface OrderTab {
  key: OrderTabKey;
  label: string;
  /** The statuses counted on the tab's badge (none: every status). */
  statuses: readonly OrderStatus[];
  query: Pick<OrderListQuery, 'stage' | 'status'>;
}

export const ORDER_TABS: readonly OrderTab[] = [
  { key: 'vet', label: '待制单', statuses: ['submitted'], query: { stage: 'vet' } },
  { key: 'dispatch', label: '待派单', statuses: ['accepted'], query: { stage: 'dispatch' } },
  { key: 'claim', label: '待接单', statuses: ['dispatched'], query: { stage: 'claim' } },
  {
    key: 'service',
    label: '待实施·实施中',
    statuses: ['claimed', 'in_service'],
    query: { stage: 'service' },
  },
  { key: 'review', label: '待评单', statuses: ['served'], query: { stage: 'review' } },
  { key: 'closed', label: '已办结', statuses: ['closed'], query: { status: 'closed' } },
  { key: 'all', label: '全部', statuses: [], query: {} },
];

/** The tab's badge: how many orders, and how many of them are past their stage deadline. */
export function tabCount(tab: OrderTab, counts: readonly OrderCount[]): { count: number; overdue: number } {
  const rows = tab.statuses.length ? counts.filter((c) => tab.statuses.includes(c.status)) : counts;
  return rows.reduce((sum, row) => ({ count: sum.count + row.count, overdue: sum.overdue + row.overdue }), {
    count: 0,
    overdue: 0,
  });
}

/** Timeline labels: the state machine's actions plus the two events outside it. */
export function eventLabel(action: string): string {
  if (action === 'submit') return '点单';
  if (action === 'escalate') return '超时督办';
  return (ORDER_ACTIONS as Record<string, { label: string }>)[action]?.label ?? action;
}

export const ACTOR_KIND_LABELS: Record<string, string> = {
  resident: '群众',
  staff: '工作人员代点单',
  vetter: '制单',
  dispatcher: '派单',
  volunteer: '志愿者',
  evaluator: '评单',
  system: '系统',
};

/** An assignee's status (the server sends it as text). */
export const ASSIGNEE_STATUS_LABELS: Readonly<Record<string, string>> = {
  offered: '待接单',
  claimed: '已接单',
  declined: '已拒单',
  withdrawn: '已撤回',
  served: '已服务',
};

/** Each staff role of the order loop and the permission that grants it. */
const ACTOR_PERMISSIONS: readonly [OrderActor, Permission][] = [
  ['vetter', 'order.vet'],
  ['dispatcher', 'order.dispatch'],
  ['evaluator', 'order.evaluate'],
];

/**
 * The staff actions the console offers, in the buttons' order (the others are the resident's, the
 * volunteer's or the scheduler's).
 */
export const CONSOLE_ACTIONS = [
  'accept',
  'dispatch',
  'redispatch',
  'evaluate',
  'merge',
  'reject',
  'cancel',
] as const satisfies readonly OrderAction[];
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

/** The buttons to show for an order in `status` to a user holding `can`'s permissions. */
export function availableActions(status: OrderStatus, can: (p: Permission) => boolean): ConsoleAction[] {
  const allowed = new Set<OrderAction>(
    ACTOR_PERMISSIONS.filter(([, permission]) => can(permission)).flatMap(([actor]) =>
      nextActions(status, actor),
    ),
  );
  return CONSOLE_ACTIONS.filter((action) => allowed.has(action));
}

export const ACTION_BUTTON_LABELS: Record<ConsoleAction, string> = {
  accept: '受理',
  reject: '驳回',
  merge: '合并',
  cancel: '撤销',
  dispatch: '派单',
  redispatch: '改派',
  evaluate: '评单',
};

/**
 * What an order waits for, said to a user who has no button for it — who acts next — so an order
 * without buttons is never a puzzle (a station sees a 待制单 order of its village: 制单 is the
 * institute's or the centre's, then the station dispatches).
 */
export function waitingFor(status: OrderStatus, can: (p: Permission) => boolean): string {
  const actions = availableActions(status, can);
  if (actions.length > 0) return '';
  switch (status) {
    case 'submitted':
      return '待制单：由实践所或实践中心受理、驳回或合并（制单），受理后即可派单。';
    case 'accepted':
      return '待派单：由实践所或实践站派单。';
    case 'dispatched':
      return '待接单：等待志愿者接单（志愿者拒单后回到待派单）。';
    case 'claimed':
      return '待实施：志愿者已接单，按约定时间上门并在手机上开始服务。';
    case 'in_service':
      return '实施中：志愿者完成服务后进入评单。';
    case 'served':
      return '待评单：由负责评单的工作人员评单办结，逾期自动办结。';
    case 'merged':
      return '已合并到另一条需求，由那一条继续办理。';
    default:
      return '本需求已结束，无需再办理。';
  }
}
