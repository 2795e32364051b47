// The derived figures of a unit: the on-time rate needs a closed order, the average rating a
// minimum sample (a unit with one perfect order does not top the board), hours keep one decimal;
// and the comparison of the rollup with the facts names every counter that differs.
import { describe, expect, it } from 'vitest';
import { figuresOf, wholeMonths } from './assessment.service.ts';
import { FACT_COUNTERS, type FactCounter } from './facts.ts';
import { compareFacts, type FactRow } from './recompute.ts';

const unit = { id: 7, name: '东风社区实践站', kind: 'station', status: 'active' };
const sums = (s: Partial<Record<FactCounter, number>>) =>
  ({ ...Object.fromEntries(FACT_COUNTERS.map((c) => [c, 0])), ...s }) as Record<FactCounter, number>;

describe('figuresOf', () => {
  it('gives no rate without a closed order and no average below the minimum sample', () => {
    const f = figuresOf(unit, sums({ rating_sum: 5, rating_count: 1 }), 10);
    expect(f.onTimeRate).toBeNull();
    expect(f.averageRating).toBeNull();
    expect(f.ratingCount).toBe(1);
    expect(f.archived).toBe(false);
  });

  it('rounds the on-time rate to one decimal and the average to two, at the minimum sample', () => {
    const f = figuresOf(
      { ...unit, status: 'archived' },
      sums({
        orders_closed: 3,
        orders_closed_on_time: 2,
        rating_sum: 47,
        rating_count: 10,
        service_hours: 3.5000001,
      }),
      10,
    );
    expect(f.onTimeRate).toBe(66.7);
    expect(f.averageRating).toBe(4.7);
    expect(f.serviceHours).toBe(3.5);
    expect(f.archived).toBe(true);
  });
});

describe('compareFacts', () => {
  const row = (orgId: number, day: string, s: Partial<Record<FactCounter, number>>) =>
    ({ orgId, day, ...sums(s) }) as FactRow;

  it('treats a missing row as zeros and names each differing counter', () => {
    const stored = [row(1, '2026-11-01', { activities_held: 1 }), row(2, '2026-11-02', { service_hours: 2 })];
    const facts = [
      row(1, '2026-11-01', { activities_held: 1 }),
      row(3, '2026-11-03', { rating_count: 1, rating_sum: 5 }),
    ];
    expect(compareFacts(stored, facts)).toEqual([
      { orgId: 2, day: '2026-11-02', counter: 'service_hours', rollup: 2, facts: 0 },
      { orgId: 3, day: '2026-11-03', counter: 'rating_sum', rollup: 0, facts: 5 },
      { orgId: 3, day: '2026-11-03', counter: 'rating_count', rollup: 0, facts: 1 },
    ]);
    // an all-zero stored row equals no row
    expect(compareFacts([row(4, '2026-11-04', {})], [])).toEqual([]);
  });
});

describe('wholeMonths', () => {
  it('splits a period into its whole months and the days at either end', () => {
    expect(wholeMonths('2026-11-01', '2026-11-30')).toEqual({
      wholeFrom: '2026-11-01',
      wholeUntil: '2026-12-01',
    });
    expect(wholeMonths('2026-10-31', '2026-12-01')).toEqual({
      wholeFrom: '2026-11-01',
      wholeUntil: '2026-12-01',
    });
    expect(wholeMonths('2026-01-01', '2026-12-31')).toEqual({
      wholeFrom: '2026-01-01',
      wholeUntil: '2027-01-01',
    });
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual({
      wholeFrom: '2024-02-01',
      wholeUntil: '2024-03-01',
    });
    // no whole month: the days alone (both bounds the day after the period)
    expect(wholeMonths('2026-11-10', '2026-11-10')).toEqual({
      wholeFrom: '2026-11-11',
      wholeUntil: '2026-11-11',
    });
    expect(wholeMonths('2026-11-02', '2026-12-30')).toEqual({
      wholeFrom: '2026-12-31',
      wholeUntil: '2026-12-31',
    });
    expect(wholeMonths('2026-11-02', '2027-01-30')).toEqual({
      wholeFrom: '2026-12-01',
      wholeUntil: '2027-01-01',
    });
  });
});
