// How the order loop reads on the mobile pages. Volunteers (派给我的) read the loop's own words from
// @civic/contracts (待接单, 待实施 …); residents (the tracking page, 我的点单) read plain ones — the
// service they ordered and 已受理 → 已安排志愿者 → 服务中 → 已完成 — never the staff's 制单, 派单 or 评单.
import {
  ORDER_STATUS_LABELS,
  SERVICE_CATEGORY_LABELS,
  type OrderStatus,
  type ServiceCategory,
} from '@civic/contracts';

/** The resident's progress bar: what has happened to their need, in their words. */
export const RESIDENT_STEPS = ['已受理', '已安排志愿者', '服务中', '已完成'] as const;

/**
 * The step in progress for a status (the ones before it are done); RESIDENT_STEPS.length once the
 * service is done, null when the need left the loop (rejected, merged, cancelled).
 */
export function residentStepOf(status: OrderStatus): number | null {
  switch (status) {
    case 'submitted':
      return 0;
    case 'accepted':
    case 'dispatched':
      return 1;
    case 'claimed':
    case 'in_service':
      return 2;
    case 'served':
    case 'closed':
      return RESIDENT_STEPS.length;
    default:
      return null;
  }
}

const RESIDENT_STATUS_LABELS: Record<OrderStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  dispatched: '正在安排志愿者',
  claimed: '已安排志愿者',
  in_service: '服务中',
  served: '已完成',
  closed: '已完成',
  rejected: '未受理',
  merged: '已合并办理',
  cancelled: '已撤销',
};

export function residentStatusLabel(status: string | null | undefined): string {
  if (!status) return '';
  return (RESIDENT_STATUS_LABELS as Record<string, string>)[status] ?? '';
}

/** Each entry of the resident's timeline; `changed` is false for a step that kept the status. */
const RESIDENT_ACTION_LABELS: Record<string, string> = {
  submit: '提交需求',
  accept: '已受理',
  reject: '未受理',
  merge: '与相同的需求合并办理',
  cancel: '撤销',
  dispatch: '正在安排志愿者',
  redispatch: '重新安排志愿者',
  claim: '已安排志愿者',
  decline: '重新安排志愿者',
  start: '开始服务',
  finish: '服务完成',
  rate: '您的评价',
  evaluate: '办结',
  auto_close: '办结',
  reopen: '重新办理',
  escalate: '督促加快办理',
};

export function residentActionLabel(action: string): string {
  return RESIDENT_ACTION_LABELS[action] ?? '办理';
}

export function statusLabel(status: string | null | undefined): string {
  if (!status) return '';
  return (ORDER_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function categoryLabel(category: string | null | undefined): string {
  if (!category) return '其他';
  return SERVICE_CATEGORY_LABELS[category as ServiceCategory] ?? category;
}

/** Vant's grey 'default' tag is too pale for AA contrast, so it is not used. */
export type TagType = 'primary' | 'success' | 'warning' | 'danger';

export function statusTag(status: OrderStatus): TagType {
  switch (status) {
    case 'closed':
    case 'served':
      return 'success';
    case 'rejected':
    case 'cancelled':
      return 'danger';
    case 'submitted':
    case 'accepted':
    case 'dispatched':
      return 'warning';
    default:
      return 'primary';
  }
}

/** Minutes as 约 1.5 小时 / 约 45 分钟. */
export function durationText(minutes: number): string {
  if (minutes >= 60) {
    const hours = Math.round((minutes / 60) * 10) / 10;
    return `约 ${hours} 小时`;
  }
  return `约 ${minutes} 分钟`;
}
