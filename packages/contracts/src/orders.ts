// The order loop (seed 004 §8): 群众点单 → 中心制单 → 所站派单 → 志愿者接单 → 实施 → 评单.
// The legal transitions and who may make each are data, in one place; the server enforces them
// and the pages use the same table to show what can be done next.

export const ORDER_STATUS_LABELS = {
  submitted: '待制单',
  accepted: '待派单',
  dispatched: '待接单',
  claimed: '待实施',
  in_service: '实施中',
  served: '待评单',
  closed: '已办结',
  rejected: '已驳回',
  merged: '已合并',
  cancelled: '已撤销',
} as const;
export type OrderStatus = keyof typeof ORDER_STATUS_LABELS;
export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS) as OrderStatus[];
export const FINAL_ORDER_STATUSES: readonly OrderStatus[] = ['closed', 'rejected', 'merged', 'cancelled'];

/** Who makes a transition: the resident, staff who vet (制单), dispatch (派单), evaluate, the serving volunteer, or the scheduler. */
export type OrderActor = 'resident' | 'vetter' | 'dispatcher' | 'volunteer' | 'evaluator' | 'system';

export const ORDER_ACTIONS = {
  accept: { from: ['submitted'], to: 'accepted', by: ['vetter'], label: '受理制单' },
  reject: { from: ['submitted'], to: 'rejected', by: ['vetter'], label: '驳回', reason: true },
  merge: { from: ['submitted'], to: 'merged', by: ['vetter'], label: '合并重复需求' },
  cancel: {
    from: ['submitted', 'accepted'],
    to: 'cancelled',
    by: ['resident', 'vetter'],
    label: '撤销',
    reason: true,
  },
  dispatch: { from: ['accepted'], to: 'dispatched', by: ['dispatcher'], label: '派单' },
  redispatch: { from: ['dispatched'], to: 'dispatched', by: ['dispatcher'], label: '改派' },
  claim: { from: ['dispatched'], to: 'claimed', by: ['volunteer'], label: '接单' },
  decline: { from: ['dispatched'], to: 'accepted', by: ['volunteer'], label: '拒单', reason: true },
  start: { from: ['claimed'], to: 'in_service', by: ['volunteer'], label: '开始服务' },
  finish: { from: ['in_service'], to: 'served', by: ['volunteer'], label: '完成服务' },
  rate: { from: ['served', 'closed'], to: null, by: ['resident'], label: '评价' },
  evaluate: { from: ['served'], to: 'closed', by: ['evaluator'], label: '评单办结' },
  auto_close: { from: ['served'], to: 'closed', by: ['system'], label: '逾期自动办结' },
  reopen: { from: ['closed'], to: 'accepted', by: ['resident'], label: '需求未解决，重新办理', reason: true },
} as const satisfies Record<
  string,
  {
    from: readonly OrderStatus[];
    to: OrderStatus | null;
    by: readonly OrderActor[];
    label: string;
    reason?: boolean;
  }
>;
export type OrderAction = keyof typeof ORDER_ACTIONS;

export type TransitionCheck =
  { ok: true; to: OrderStatus } | { ok: false; code: 'ILLEGAL_TRANSITION' | 'NOT_ALLOWED'; message: string };

/** Whether `actor` may take `action` on an order in `status`; the message is for the user. */
export function checkTransition(
  status: OrderStatus,
  action: OrderAction,
  actor: OrderActor,
): TransitionCheck {
  const rule = ORDER_ACTIONS[action];
  if (!(rule.by as readonly OrderActor[]).includes(actor)) {
    return { ok: false, code: 'NOT_ALLOWED', message: `您不能对该需求执行“${rule.label}”` };
  }
  if (!(rule.from as readonly OrderStatus[]).includes(status)) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: `该需求当前为“${ORDER_STATUS_LABELS[status]}”，不能执行“${rule.label}”`,
    };
  }
  return { ok: true, to: rule.to ?? status };
}

/** The actions an actor could take next on an order in `status` (for the pages' buttons). */
export function nextActions(status: OrderStatus, actor: OrderActor): OrderAction[] {
  return (Object.keys(ORDER_ACTIONS) as OrderAction[]).filter((a) => checkTransition(status, a, actor).ok);
}

export const ORDER_CHANNEL_LABELS = {
  online: '群众线上点单',
  phone: '电话代点单',
  visit: '上门走访代点单',
  open311: '标准接口',
} as const;
export type OrderChannel = keyof typeof ORDER_CHANNEL_LABELS;

export const ORDER_PRIORITY_LABELS = { normal: '一般', urgent: '紧急' } as const;
export type OrderPriority = keyof typeof ORDER_PRIORITY_LABELS;

/** The stage whose deadline runs while an order is in a status. */
export const ORDER_STAGE_OF: Partial<Record<OrderStatus, OrderStage>> = {
  submitted: 'vet',
  accepted: 'dispatch',
  dispatched: 'claim',
  claimed: 'service',
  in_service: 'service',
  served: 'review',
};
export const ORDER_STAGE_LABELS = {
  vet: '制单',
  dispatch: '派单',
  claim: '接单',
  service: '实施',
  review: '评单',
} as const;
export type OrderStage = keyof typeof ORDER_STAGE_LABELS;

/**
 * Default stage deadlines (configurable per org): 制单 1 working day, 派单 1 day, 接单 1 day,
 * 实施 by the agreed time, 评单 7 days then auto-close.
 */
export const DEFAULT_ORDER_DEADLINES = {
  vetWorkingDays: 1,
  dispatchHours: 24,
  claimHours: 24,
  reviewDays: 7,
  reopenDays: 7,
} as const;
export type OrderDeadlines = { [K in keyof typeof DEFAULT_ORDER_DEADLINES]: number };

/** Adds working days (Monday–Friday, China time); holidays are not modelled. */
export function addWorkingDays(from: Date, days: number): Date {
  const shanghai = 8 * 3600_000;
  let t = from.getTime();
  let left = days;
  while (left > 0) {
    t += 86_400_000;
    const weekday = new Date(t + shanghai).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(t);
}
