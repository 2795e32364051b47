import { describe, expect, it } from 'vitest';
import { DEFAULT_POINT_RULES, type PointRuleKind } from '@civic/contracts';
import { plannedAwards, type RecordForPoints } from './award-plan.ts';
import type { AppliedRule } from './rule-lookup.ts';

const RULES = new Map<PointRuleKind, AppliedRule>(
  DEFAULT_POINT_RULES.map((r, i) => [
    r.kind,
    { id: i + 1, kind: r.kind, points: r.points, version: 1, orgPath: 'c' },
  ]),
);

const record = (over: Partial<RecordForPoints> = {}): RecordForPoints => ({
  hours: 2,
  source: 'activity',
  kind: 'credit',
  sourceLabel: '敬老助餐',
  festival: false,
  professional: false,
  rating: null,
  ...over,
});

const summary = (r: RecordForPoints, rules = RULES) =>
  Object.fromEntries(plannedAwards(rules, r).map((a) => [a.ruleKind, a.points]));

describe('awards of a confirmed service record', () => {
  it('an activity: points per hour and per activity attended', () => {
    expect(summary(record())).toEqual({ hour: 20, activity: 5 });
  });

  it('a 我们的节日 activity of a professional team earns both bonuses', () => {
    expect(summary(record({ festival: true, professional: true, hours: 1.5 }))).toEqual({
      hour: 15,
      activity: 5,
      festival: 10,
      professional: 10,
    });
  });

  it('an order: per hour and per order, and the 5-star bonus only for a rating of 5', () => {
    expect(summary(record({ source: 'order', sourceLabel: 'D1', rating: 4 }))).toEqual({
      hour: 20,
      order: 5,
    });
    expect(summary(record({ source: 'order', sourceLabel: 'D1', rating: 5 }))).toEqual({
      hour: 20,
      order: 5,
      five_star: 10,
    });
  });

  it('historical (opening) and manual hours earn the hour points only', () => {
    expect(summary(record({ kind: 'opening', source: 'opening', hours: 12 }))).toEqual({ hour: 120 });
    expect(summary(record({ kind: 'manual', source: 'manual', hours: 3 }))).toEqual({ hour: 30 });
  });

  it('a 0-hour record earns nothing; a missing rule gives nothing of its kind', () => {
    expect(summary(record({ hours: 0, festival: true }))).toEqual({});
    const noActivity = new Map(RULES);
    noActivity.delete('activity');
    expect(summary(record(), noActivity)).toEqual({ hour: 20 });
  });

  it('carries the rule id and version, and a reason in words', () => {
    const [hour] = plannedAwards(RULES, record({ hours: 1 }));
    expect(hour).toMatchObject({ ruleKind: 'hour', rule: { id: 1, version: 1 }, points: 10 });
    expect(hour!.reason).toBe('参加活动“敬老助餐”，服务 1 小时');
  });
});
