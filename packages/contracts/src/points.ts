// Points (积分, issue 14): the kinds of rule of the 积分管理办法 and of ledger entry, their Chinese
// labels, and the arithmetic of an award — 以时长为基础、服务评价为补充 (seed 004 §12): points per
// confirmed hour, per activity attended or order completed, bonuses for 我们的节日 activities, a
// 5-star rating and professional service, a penalty for a no-show. Pure functions, shared by the
// server, the console and H5.

export const POINT_RULE_KINDS = [
  'hour',
  'activity',
  'order',
  'festival',
  'five_star',
  'professional',
  'no_show',
] as const;
export type PointRuleKind = (typeof POINT_RULE_KINDS)[number];
export const POINT_RULE_KIND_LABELS: Record<PointRuleKind, string> = {
  hour: '每服务 1 小时',
  activity: '每参加 1 次活动',
  order: '每完成 1 个点单服务',
  festival: '“我们的节日”活动加分',
  five_star: '群众五星评价加分',
  professional: '专业志愿服务加分',
  no_show: '报名后未到场扣分',
};
/** Rules whose points are deducted rather than awarded. */
export const PENALTY_RULE_KINDS: readonly PointRuleKind[] = ['no_show'];

export const POINT_ENTRY_KINDS = ['award', 'penalty', 'adjust', 'spend', 'reversal', 'refund'] as const;
export type PointEntryKind = (typeof POINT_ENTRY_KINDS)[number];
export const POINT_ENTRY_KIND_LABELS: Record<PointEntryKind, string> = {
  award: '获得',
  penalty: '扣分',
  adjust: '人工调整',
  spend: '兑换',
  reversal: '撤销',
  refund: '退回',
};

export const POINT_HOLDER_TYPES = ['volunteer', 'household'] as const;
export type PointHolderType = (typeof POINT_HOLDER_TYPES)[number];

export const POINT_ADJUSTMENT_STATUSES = ['pending', 'confirmed', 'cancelled'] as const;
export type PointAdjustmentStatus = (typeof POINT_ADJUSTMENT_STATUSES)[number];
export const POINT_ADJUSTMENT_STATUS_LABELS: Record<PointAdjustmentStatus, string> = {
  pending: '待第二人确认',
  confirmed: '已生效',
  cancelled: '已撤回',
};

/** A manual adjustment of more than this many points (either way) needs a second person. */
export const ADJUSTMENT_SECOND_PERSON_THRESHOLD = 100;
/** The most points one rule may give or take. */
export const MAX_RULE_POINTS = 10000;

/** The county's rules of the demo and of a new county (积分管理办法, seeds 000 §三(三), 001, 004 §12). */
export const DEFAULT_POINT_RULES: ReadonlyArray<{
  kind: PointRuleKind;
  points: number;
  maxPoints: number;
  note: string;
}> = [
  { kind: 'hour', points: 10, maxPoints: 15, note: '以服务时长为基础：每确认 1 小时计 10 分' },
  { kind: 'activity', points: 5, maxPoints: 10, note: '每参加 1 次文明实践活动（时长经确认）计 5 分' },
  { kind: 'order', points: 5, maxPoints: 10, note: '每完成 1 个群众点单服务（时长经确认）计 5 分' },
  { kind: 'festival', points: 10, maxPoints: 20, note: '参加“我们的节日”主题活动另加 10 分' },
  { kind: 'five_star', points: 10, maxPoints: 20, note: '服务评价为补充：群众五星评价另加 10 分' },
  { kind: 'professional', points: 10, maxPoints: 20, note: '专业志愿服务队的服务另加 10 分' },
  { kind: 'no_show', points: 5, maxPoints: 10, note: '报名后无故未到场扣 5 分' },
];

/** A rule as the arithmetic sees it. */
export interface PointRuleTerms {
  kind: PointRuleKind;
  points: number;
}

/**
 * The points a rule gives for one confirmed service record: per hour (rounded half up to whole
 * points), or once per record for the rules that count a record (an activity, an order, a bonus).
 * 0 hours earn nothing, not even the per-record points: a record that credited no service is not
 * an attendance.
 */
export function pointsForRecord(rule: PointRuleTerms, hours: number): number {
  if (!(hours > 0)) return 0;
  if (rule.kind === 'hour') return Math.round(hours * rule.points);
  return rule.points;
}

/** A local rule may not give more than the centre's bound for its kind (none set: the centre's points). */
export function localRuleExceeds(
  points: number,
  centre: { points: number; maxPoints: number | null } | undefined,
): number | null {
  if (!centre) return null;
  const bound = centre.maxPoints ?? centre.points;
  return points > bound ? bound : null;
}

/** Whether a rule valid from `from` to `to` (dates, `to` inclusive or open) applies on `day` (YYYY-MM-DD). */
export function ruleValidOn(from: string, to: string | null, day: string): boolean {
  return from <= day && (to === null || day <= to);
}

/** Whether a manual adjustment of `points` must wait for a second person. */
export function adjustmentNeedsSecondPerson(points: number): boolean {
  return Math.abs(points) > ADJUSTMENT_SECOND_PERSON_THRESHOLD;
}
