// Activities, plans, check-in and service hours (issue 6): dictionaries with their Chinese labels,
// the activity lifecycle as data, the hour-rounding rule and the geofence test. Pure functions,
// shared by the server, the console and H5.
import { distanceKm } from './matching.ts';

/** 讲/评/帮/乐/庆/树/行 (seeds 001 and 003). */
export const ACTIVITY_FORMS = ['jiang', 'ping', 'bang', 'le', 'qing', 'shu', 'xing'] as const;
export type ActivityForm = (typeof ACTIVITY_FORMS)[number];
/**
 * 茶乡微讲堂 (seed 004 §6): a 宣讲 held monthly in a household's courtyard, whose spread over a
 * town's villages is assessed (≥ 30%). It stays a 讲 (理论宣讲) activity, marked as a 微讲堂.
 */
export const MICRO_LECTURE_FORM: ActivityForm = 'jiang';
export const MICRO_LECTURE_LABEL = '茶乡微讲堂';
export const ACTIVITY_FORM_LABELS: Record<ActivityForm, string> = {
  jiang: '讲（理论宣讲）',
  ping: '评（道德评议）',
  bang: '帮（志愿帮扶）',
  le: '乐（文体娱乐）',
  qing: '庆（节日庆典）',
  shu: '树（典型选树）',
  xing: '行（文明实践行动）',
};
export const ACTIVITY_FORM_SHORT: Record<ActivityForm, string> = {
  jiang: '讲',
  ping: '评',
  bang: '帮',
  le: '乐',
  qing: '庆',
  shu: '树',
  xing: '行',
};

/** 我们的节日, plus the commemorative days the seeds name. */
export const FESTIVALS = [
  'spring',
  'lantern',
  'qingming',
  'dragon_boat',
  'qixi',
  'mid_autumn',
  'double_ninth',
  'laba',
  'lei_feng',
  'national_day',
] as const;
export type Festival = (typeof FESTIVALS)[number];
export const FESTIVAL_LABELS: Record<Festival, string> = {
  spring: '春节',
  lantern: '元宵',
  qingming: '清明',
  dragon_boat: '端午',
  qixi: '七夕',
  mid_autumn: '中秋',
  double_ninth: '重阳',
  laba: '腊八',
  lei_feng: '学雷锋纪念日',
  national_day: '国庆',
};
/** The traditional festivals counted as "结合'我们的节日'活动" (seed 003). */
export const OUR_FESTIVALS: readonly Festival[] = [
  'spring',
  'lantern',
  'qingming',
  'dragon_boat',
  'qixi',
  'mid_autumn',
  'double_ninth',
];

export const ACTIVITY_AUDIENCES = ['volunteers', 'public'] as const;
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number];
export const ACTIVITY_AUDIENCE_LABELS: Record<ActivityAudience, string> = {
  volunteers: '仅志愿者报名',
  public: '面向群众开放',
};

export const ACTIVITY_STATUSES = [
  'draft',
  'published',
  'in_progress',
  'finished',
  'archived',
  'cancelled',
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  draft: '草稿',
  published: '报名中',
  in_progress: '进行中',
  finished: '已结束',
  archived: '已归档',
  cancelled: '已取消',
};

/** Who may move an activity from which status to which. */
export const ACTIVITY_ACTIONS = {
  publish: { from: ['draft'], to: 'published' },
  start: { from: ['published'], to: 'in_progress' },
  finish: { from: ['published', 'in_progress'], to: 'finished' },
  archive: { from: ['finished'], to: 'archived' },
  cancel: { from: ['draft', 'published', 'in_progress'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly ActivityStatus[]; to: ActivityStatus }>;
export type ActivityAction = keyof typeof ACTIVITY_ACTIONS;
export const ACTIVITY_ACTION_LABELS: Record<ActivityAction, string> = {
  publish: '发布',
  start: '开始',
  finish: '结束',
  archive: '归档',
  cancel: '取消',
};

export function canActivity(action: ActivityAction, status: ActivityStatus): boolean {
  return (ACTIVITY_ACTIONS[action].from as readonly ActivityStatus[]).includes(status);
}

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'no_show'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  no_show: '未到场',
};

export const CHECKIN_METHODS = ['qr', 'manual', 'override', 'close', 'card'] as const;
export type CheckinMethod = (typeof CHECKIN_METHODS)[number];
export const CHECKIN_METHOD_LABELS: Record<CheckinMethod, string> = {
  qr: '扫码',
  manual: '组织者代签',
  override: '组织者核准（超出范围）',
  close: '活动结束自动签退',
  card: '组织者扫志愿者证',
};

// ---------------------------------------------------------------- service hours

export const SERVICE_RECORD_KINDS = ['credit', 'backfill', 'manual', 'opening', 'self'] as const;
export type ServiceRecordKind = (typeof SERVICE_RECORD_KINDS)[number];
export const SERVICE_RECORD_KIND_LABELS: Record<ServiceRecordKind, string> = {
  credit: '签到时长',
  backfill: '补录时长',
  manual: '手工录入',
  opening: '历史时长',
  self: '随时记',
};
export const SERVICE_RECORD_SOURCES = ['activity', 'order', 'manual', 'opening', 'self'] as const;
export type ServiceRecordSource = (typeof SERVICE_RECORD_SOURCES)[number];
export const SERVICE_RECORD_SOURCE_LABELS: Record<ServiceRecordSource, string> = {
  activity: '活动',
  order: '点单服务',
  manual: '其他服务',
  opening: '平台启用前历史记录',
  self: '志愿者随时记',
};

/**
 * Where hours served before the platform come from: another system's export (e.g. 志愿汇, 全国
 * 志愿服务信息系统) or a paper register (登记簿) of a village or team. They enter as 'opening'
 * records, confirmed by a second person like manual hours, and count in the lifetime total.
 */
export const OPENING_ORIGINS = ['system', 'register'] as const;
export type OpeningOrigin = (typeof OPENING_ORIGINS)[number];
export const OPENING_ORIGIN_LABELS: Record<OpeningOrigin, string> = {
  system: '其他系统导入',
  register: '纸质登记簿',
};
/** An opening record sums years of service; one above this is a typo, not a history. */
export const MAX_OPENING_HOURS = 20_000;
/** The earliest day an opening record's period may start. */
export const EARLIEST_OPENING_DATE = '1980-01-01';

/**
 * What is wrong with an opening record's period (YYYY-MM-DD, both days included) for `hours`, with
 * the field it concerns; empty when nothing is. `today` is the calendar day in China.
 */
export function openingPeriodProblems(
  hours: number,
  periodFrom: string,
  periodTo: string,
  today: string,
): Array<{ field: 'periodFrom' | 'periodTo' | 'hours'; message: string }> {
  const problems: Array<{ field: 'periodFrom' | 'periodTo' | 'hours'; message: string }> = [];
  if (periodFrom < EARLIEST_OPENING_DATE)
    problems.push({ field: 'periodFrom', message: `起始日期不能早于 ${EARLIEST_OPENING_DATE}` });
  if (periodTo > today) problems.push({ field: 'periodTo', message: '截止日期不能晚于今天' });
  if (periodFrom > periodTo) problems.push({ field: 'periodTo', message: '截止日期不能早于起始日期' });
  if (problems.length === 0) {
    const days = Math.round((Date.parse(periodTo) - Date.parse(periodFrom)) / 86_400_000) + 1;
    if (hours > days * 24)
      problems.push({ field: 'hours', message: `历史时长 ${hours} 小时超过所填期间（${days} 天）的总时数` });
  }
  return problems;
}
export const SERVICE_RECORD_STATUSES = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;
export type ServiceRecordStatus = (typeof SERVICE_RECORD_STATUSES)[number];
export const SERVICE_RECORD_STATUS_LABELS: Record<ServiceRecordStatus, string> = {
  pending: '待确认',
  confirmed: '已确认',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

/**
 * Limits of a volunteer's own service log (随时记, seed 000 "随时来、随时做、随时记"): small services
 * done on one's own — helping a neighbour, sweeping a lane — not a second way to enter activities.
 * Every pending or confirmed self-logged record counts towards them.
 * - 3 a day: a morning, an afternoon and an evening errand;
 * - 8 hours a day, one working day, and at most 8 hours in one record;
 * - 20 hours a week (a party member's yearly requirement is 20 hours: one week of unchecked logs may not
 *   fill more than a year of it); regular, longer service belongs in an activity with check-in;
 * - at least 15 minutes (the smallest step that rounds to hours the stations use);
 * - logged within 30 days (a station can still ask around), never in the future.
 */
export const SELF_LOG_LIMITS = {
  perDay: 3,
  hoursPerDay: 8,
  hoursPerWeek: 20,
  maxHoursPerRecord: 8,
  minMinutes: 15,
  maxAgeDays: 30,
} as const;

export const HOUR_STEPS = [1, 6, 15, 30, 60] as const;
export type HourStep = (typeof HOUR_STEPS)[number];
export const HOUR_ROUNDINGS = ['down', 'nearest', 'up'] as const;
export type HourRounding = (typeof HOUR_ROUNDINGS)[number];
export const HOUR_ROUNDING_LABELS: Record<HourRounding, string> = {
  down: '向下取整',
  nearest: '四舍五入',
  up: '向上取整',
};

export interface HourRule {
  /** round to this many minutes (30: to 0.5 h) */
  stepMinutes: HourStep;
  rounding: HourRounding;
}
/** Without a rule of its own or above: round down to 0.5 h. */
export const DEFAULT_HOUR_RULE: HourRule = { stepMinutes: 30, rounding: 'down' };
/** No single record may claim more than a day. */
export const MAX_RECORD_HOURS = 24;

/**
 * The hours credited for `minutes` of service: capped at `capMinutes` (the activity's length),
 * rounded to the rule's step, and given in tenths of an hour (6 min) in the rule's direction, so
 * rounding down never credits a minute more than served and nothing exceeds the cap.
 */
export function roundServiceHours(
  minutes: number,
  rule: HourRule = DEFAULT_HOUR_RULE,
  capMinutes?: number,
): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  const cap = Math.min(
    MAX_RECORD_HOURS * 60,
    capMinutes !== undefined && Number.isFinite(capMinutes) ? Math.max(0, capMinutes) : Infinity,
  );
  // a tiny tolerance so 89.9999 minutes of float arithmetic is not a step short
  const round = (x: number) =>
    rule.rounding === 'up'
      ? Math.ceil(x - 1e-9)
      : rule.rounding === 'nearest'
        ? Math.round(x)
        : Math.floor(x + 1e-9);
  const stepped = Math.min(round(Math.min(minutes, cap) / rule.stepMinutes) * rule.stepMinutes, cap);
  const tenths = Math.min(round(stepped / 6), Math.floor(cap / 6 + 1e-9));
  return tenths / 10;
}

/** Minutes between two instants (rounded down), 0 when the end is not after the start. */
export function minutesBetween(start: Date, end: Date): number {
  return Math.max(0, Math.floor((end.getTime() - start.getTime()) / 60_000));
}

// ---------------------------------------------------------------- geofence

export interface GeofenceCheck {
  inside: boolean;
  /** metres from the activity's place, rounded */
  distanceM: number;
}

/** Whether a position is within `radiusM` metres of the place (great-circle distance). */
export function checkGeofence(
  place: { latitude: number; longitude: number },
  position: { latitude: number; longitude: number },
  radiusM: number,
): GeofenceCheck {
  const distanceM = Math.round(
    distanceKm(place.latitude, place.longitude, position.latitude, position.longitude) * 1000,
  );
  return { inside: distanceM <= radiusM, distanceM };
}

/** Check-in opens this long before the start; check-out closes this long after the end. */
export const CHECKIN_OPENS_BEFORE_MIN = 60;
export const CHECKOUT_CLOSES_AFTER_MIN = 120;
/** The QR code on the organiser's screen changes this often; a code is good for two periods. */
export const QR_PERIOD_SECONDS = 30;
