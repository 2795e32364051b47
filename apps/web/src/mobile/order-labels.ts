// How the order loop reads on the mobile pages: the six steps of the progress bar, the words for
// each timeline entry, the tag colour of a status. Labels come from @civic/contracts.
import {
  ORDER_ACTIONS,
  ORDER_STATUS_LABELS,
  SERVICE_CATEGORY_LABELS,
  type OrderStatus,
  type ServiceCategory,
} from '@civic/contracts';

/** 点单 → 制单 → 派单 → 接单 → 实施 → 评单 (seed 004 §8). */
export const ORDER_STEPS = ['点单', '制单', '派单', '接单', '实施', '评单'] as const;

/**
 * The step in progress for a status (the ones before it are done); ORDER_STEPS.length when the
 * order is closed, null when it left the loop (rejected, merged, cancelled).
 */
export function stepOf(status: OrderStatus): number | null {
  switch (status) {
    case 'submitted':
      return 1;
    case 'accepted':
      return 2;
    case 'dispatched':
      return 3;
    case 'claimed':
    case 'in_service':
      return 4;
    case 'served':
      return 5;
    case 'closed':
      return ORDER_STEPS.length;
    default:
      return null;
  }
}

/** Timeline actions that are not transitions of ORDER_ACTIONS. */
const EXTRA_ACTION_LABELS: Record<string, string> = { submit: '点单', escalate: '超时督办' };

export function actionLabel(action: string): string {
  if (action in EXTRA_ACTION_LABELS) return EXTRA_ACTION_LABELS[action]!;
  const rule = (ORDER_ACTIONS as Record<string, { label: string } | undefined>)[action];
  return rule?.label ?? action;
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
