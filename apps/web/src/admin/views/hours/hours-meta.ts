// Tabs, tag colours, the search form and small derived facts for the service-hours pages (the
// labels of kinds, sources, statuses and rounding come from @civic/contracts).
import {
  HOUR_ROUNDING_LABELS,
  MAX_RECORD_HOURS,
  minutesBetween,
  openingPeriodProblems,
  type HourRounding,
  type ServiceRecordKind,
  type ServiceRecordSource,
  type ServiceRecordStatus,
} from '@civic/contracts';
import type { HourRuleView, RecordEventAction, RecordListQuery } from '../../../api/hours';
import type { TagType } from '../../components/tag-types';
import { formatDate, formatDateTime, todayInShanghai } from '../../../utils/format';

export type RecordTabKey = ServiceRecordStatus | 'all';

export const RECORD_TABS: readonly { key: RecordTabKey; label: string }[] = [
  { key: 'pending', label: '待确认' },
  { key: 'confirmed', label: '已确认' },
  { key: 'rejected', label: '已驳回' },
  { key: 'all', label: '全部' },
];

export const isRecordTab = (value: unknown): value is RecordTabKey =>
  RECORD_TABS.some((tab) => tab.key === value);

export const RECORD_STATUS_TAG: Record<ServiceRecordStatus, TagType> = {
  pending: 'warning',
  confirmed: 'success',
  rejected: 'danger',
  withdrawn: 'info',
};

export const RECORD_KIND_TAG: Record<ServiceRecordKind, TagType> = {
  credit: 'primary',
  backfill: 'warning',
  manual: 'info',
  opening: 'success',
  self: 'warning',
};

export const EVENT_LABELS: Record<RecordEventAction, string> = {
  create: '录入',
  confirm: '确认',
  correct: '更正',
  reject: '驳回',
  withdraw: '志愿者撤回',
};

export const EVENT_TAG: Record<RecordEventAction, TagType> = {
  create: 'info',
  confirm: 'success',
  correct: 'warning',
  reject: 'danger',
  withdraw: 'info',
};

/** A volunteer to choose in the 补录 and 手工录入 dialogs. */
export interface VolunteerOption {
  id: number;
  label: string;
}

/** Why a pending record's checkbox is greyed out. */
export const SECOND_PERSON_HINT = '须由另一位管理员确认';

export interface RecordSearch {
  keyword: string;
  kind: ServiceRecordKind | '';
  source: ServiceRecordSource | '';
  orgId: number | null;
  activityId: number | null;
  /** [from, to] as YYYY-MM-DD, or null. */
  dates: [string, string] | null;
}

export function emptyRecordSearch(): RecordSearch {
  return { keyword: '', kind: '', source: '', orgId: null, activityId: null, dates: null };
}

/** The API's filters for a search and a tab (blank fields are dropped by the client). */
export function toRecordQuery(search: RecordSearch, tab: RecordTabKey): RecordListQuery {
  return {
    keyword: search.keyword.trim(),
    kind: search.kind,
    source: search.source,
    orgId: search.orgId,
    activityId: search.activityId,
    from: search.dates?.[0] ?? '',
    to: search.dates?.[1] ?? '',
    status: tab === 'all' ? '' : tab,
  };
}

/** One decimal at most, without a trailing ".0". */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '—';
  return String(Math.round(hours * 10) / 10);
}

/** "按 30 分钟向下取整" */
export function ruleText(rule: { stepMinutes: number; rounding: HourRounding }): string {
  return `按 ${rule.stepMinutes} 分钟${HOUR_ROUNDING_LABELS[rule.rounding] ?? rule.rounding}`;
}

/** Where the rule comes from: the org itself, an org above it, or the platform default. */
export function ruleOrigin(rule: HourRuleView): string {
  if (rule.own) return '本单位自设';
  if (rule.setByOrgName) return `沿用上级单位“${rule.setByOrgName}”的规则`;
  return '平台默认规则';
}

/** The most hours an activity of this length may be credited (as the server counts it). */
export function activityMaxHours(startsAt: string, endsAt: string): number {
  const minutes = minutesBetween(new Date(startsAt), new Date(endsAt));
  return Math.min(MAX_RECORD_HOURS, Math.floor(minutes / 6 + 1e-9) / 10);
}

/** The first problem of an opening record's period for its hours (as the server checks it), or null. */
export function openingPeriodProblem(hours: number, periodFrom: string, periodTo: string): string | null {
  return openingPeriodProblems(hours, periodFrom, periodTo, todayInShanghai())[0]?.message ?? null;
}

/** When a record's service took place: an opening record's period by day, others to the minute. */
export function serviceSpan(record: { kind: string; startedAt: string; endedAt: string }): [string, string] {
  if (record.kind === 'opening') return [formatDate(record.startedAt), formatDate(record.endedAt)];
  return [formatDateTime(record.startedAt), formatDateTime(record.endedAt)];
}
