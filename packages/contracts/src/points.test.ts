import { describe, expect, it } from 'vitest';
import {
  adjustmentNeedsSecondPerson,
  DEFAULT_POINT_RULES,
  localRuleExceeds,
  POINT_RULE_KIND_LABELS,
  POINT_RULE_KINDS,
  pointsForRecord,
  ruleValidOn,
} from './points.ts';

describe('points rule arithmetic', () => {
  it('gives per-hour points for every confirmed hour, rounded half up to whole points', () => {
    expect(pointsForRecord({ kind: 'hour', points: 10 }, 2.5)).toBe(25);
    expect(pointsForRecord({ kind: 'hour', points: 3 }, 0.5)).toBe(2); // 1.5 → 2
    expect(pointsForRecord({ kind: 'hour', points: 3 }, 1.5)).toBe(5); // 4.5 → 5
    expect(pointsForRecord({ kind: 'hour', points: 10 }, 24)).toBe(240);
  });

  it('gives per-record points once, whatever the hours, and nothing for a 0-hour record', () => {
    expect(pointsForRecord({ kind: 'activity', points: 5 }, 0.5)).toBe(5);
    expect(pointsForRecord({ kind: 'festival', points: 10 }, 8)).toBe(10);
    expect(pointsForRecord({ kind: 'activity', points: 5 }, 0)).toBe(0);
    expect(pointsForRecord({ kind: 'hour', points: 10 }, 0)).toBe(0);
    expect(pointsForRecord({ kind: 'hour', points: 10 }, Number.NaN)).toBe(0);
  });

  it("bounds a local rule by the centre's maximum, or by the centre's points when it set none", () => {
    expect(localRuleExceeds(15, { points: 10, maxPoints: 15 })).toBeNull();
    expect(localRuleExceeds(16, { points: 10, maxPoints: 15 })).toBe(15);
    expect(localRuleExceeds(11, { points: 10, maxPoints: null })).toBe(10);
    expect(localRuleExceeds(10, { points: 10, maxPoints: null })).toBeNull();
    expect(localRuleExceeds(500, undefined)).toBeNull();
  });

  it('applies a rule from its first day through its last, open-ended without one', () => {
    expect(ruleValidOn('2026-01-01', null, '2025-12-31')).toBe(false);
    expect(ruleValidOn('2026-01-01', null, '2026-01-01')).toBe(true);
    expect(ruleValidOn('2026-01-01', '2026-06-30', '2026-06-30')).toBe(true);
    expect(ruleValidOn('2026-01-01', '2026-06-30', '2026-07-01')).toBe(false);
  });

  it('asks a second person for adjustments above the threshold either way', () => {
    expect(adjustmentNeedsSecondPerson(100)).toBe(false);
    expect(adjustmentNeedsSecondPerson(-100)).toBe(false);
    expect(adjustmentNeedsSecondPerson(101)).toBe(true);
    expect(adjustmentNeedsSecondPerson(-101)).toBe(true);
  });

  it('labels every rule kind, and the default rules stay within their own bounds', () => {
    for (const kind of POINT_RULE_KINDS) expect(POINT_RULE_KIND_LABELS[kind]).toMatch(/[\u4e00-\u9fa5]/);
    for (const rule of DEFAULT_POINT_RULES) expect(rule.points).toBeLessThanOrEqual(rule.maxPoints);
    expect(new Set(DEFAULT_POINT_RULES.map((r) => r.kind)).size).toBe(DEFAULT_POINT_RULES.length);
  });
});
