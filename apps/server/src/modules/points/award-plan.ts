// What a confirmed service record earns under the rules in force (以时长为基础、服务评价为补充, seed
// 004 §12): points per hour for every confirmed hour, points per activity attended or per order
// completed, and the bonuses — a 我们的节日 activity, a professional team's service, a 5-star rating
// of the order. A pure function: the award handler and the demo seed both compute with it, so the
// seeded ledger is what the platform itself would have written.
import { pointsForRecord, type PointRuleKind } from '@civic/contracts';
import type { AppliedRule } from './rule-lookup.ts';

/** A confirmed service record with the facts its bonuses depend on. */
export interface RecordForPoints {
  hours: number;
  source: string;
  /** credit, backfill, manual or opening */
  kind: string;
  /** the activity's title or the order's number, for the reasons */
  sourceLabel: string | null;
  festival: boolean;
  professional: boolean;
  /** the resident's rating of the order, when rated */
  rating: number | null;
}

export interface PlannedAward {
  ruleKind: PointRuleKind;
  rule: AppliedRule;
  points: number;
  reason: string;
}

/** Every award a record earns (awards of 0 points are left out). */
export function plannedAwards(
  rules: ReadonlyMap<PointRuleKind, AppliedRule>,
  record: RecordForPoints,
): PlannedAward[] {
  const wanted: Array<[PointRuleKind, string]> = [];
  const label = record.sourceLabel ?? '';
  const where =
    record.kind === 'opening'
      ? '平台启用前历史时长'
      : record.source === 'activity'
        ? `参加活动“${label}”`
        : record.source === 'order'
          ? `点单服务 ${label}`
          : '志愿服务';
  wanted.push(['hour', `${where}，服务 ${record.hours} 小时`]);
  if (record.kind !== 'opening') {
    if (record.source === 'activity') {
      wanted.push(['activity', `参加活动“${label}”`]);
      if (record.festival) wanted.push(['festival', `“我们的节日”活动“${label}”加分`]);
      if (record.professional) wanted.push(['professional', `专业志愿服务“${label}”加分`]);
    }
    if (record.source === 'order') {
      wanted.push(['order', `完成点单服务 ${label}`]);
      if (record.rating === 5) wanted.push(['five_star', `点单服务 ${label} 获群众五星评价加分`]);
    }
  }
  const planned: PlannedAward[] = [];
  for (const [ruleKind, reason] of wanted) {
    const rule = rules.get(ruleKind);
    if (!rule) continue;
    const points = pointsForRecord(rule, record.hours);
    if (points > 0) planned.push({ ruleKind, rule, points, reason });
  }
  return planned;
}
