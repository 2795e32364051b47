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

/**
 * The household list (文明户榜): a household of the org's register (active) is ranked only with at
 * least this many awards posted in the year (a single good deed is not yet a 文明户) …
 */
export const HOUSEHOLD_HONOUR_MIN_AWARDS = 2;

/** Why a household of the org is left out of the year's 文明户榜. */
export const HOUSEHOLD_EXCLUSION_LABELS = {
  too_few_awards: `年度记入的文明积分不足 ${HOUSEHOLD_HONOUR_MIN_AWARDS} 次`,
  voided: '年度内有被作废的文明积分',
} as const;
export type HouseholdExclusion = keyof typeof HOUSEHOLD_EXCLUSION_LABELS;

/** The 文明户榜's sample rules as the console page and the export's rules sheet state them. */
export const HOUSEHOLD_HONOUR_RULES = [
  `文明户榜入选条件：在册户，年度内记入文明积分不少于 ${HOUSEHOLD_HONOUR_MIN_AWARDS} 次，且年度内无被作废的文明积分`,
  '文明户榜按年度获得积分排序（年度记分减去作废冲正，兑换消费不扣减）；并列时依次比较年度记分次数、所属村（社区）、户号',
] as const;
