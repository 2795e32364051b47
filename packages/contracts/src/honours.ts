// Honours (礼遇褒奖, issue 14): the sample rules of a yearly list (评选). Seeds 001 and 004 §12:
// 以时长为基础、服务评价为补充 — hours are the base of eligibility and of the hours list; the points
// list (whose awards carry the service's rating bonuses) is the supplement.

/** Only volunteers with at least this many confirmed hours in the year are ranked (the yearly 20 hours of seed 003). */
export const HONOUR_MIN_HOURS = 20;
/** The default length of each list. */
export const HONOUR_TOP = 20;

/** Why a volunteer of the org is left out of the year's lists. */
export const HONOUR_EXCLUSION_LABELS = {
  too_few_hours: '年度确认时长不足',
  disputed: '年度内有被驳回或待审核的服务记录',
} as const;
export type HonourExclusion = keyof typeof HONOUR_EXCLUSION_LABELS;
