// The pure parts of assessment: periods, ranks with ties, and the reward allocation that always sums
// to the pool to the fen, however the scores fall.
import { describe, expect, it } from 'vitest';
import { allocateByScore, rankByScore } from './indicators.ts';
import { parsePeriod, periodOf, previousPeriod } from './periods.ts';

describe('periods', () => {
  it('reads months, quarters and years and refuses malformed keys', () => {
    expect(parsePeriod('month', '2024-02')).toMatchObject({
      start: '2024-02-01',
      end: '2024-02-29',
      months: 1,
    });
    expect(parsePeriod('quarter', '2026-Q4')).toMatchObject({
      start: '2026-10-01',
      end: '2026-12-31',
      months: 3,
      label: '2026年第四季度',
    });
    expect(parsePeriod('year', '2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-31', months: 12 });
    for (const [kind, key] of [
      ['month', '2026-13'],
      ['month', '2026-1'],
      ['quarter', '2026-Q0'],
      ['year', '1999'],
      ['year', '26'],
    ] as const)
      expect(parsePeriod(kind, key)).toBeNull();
  });

  it('finds the period before, across a year', () => {
    expect(previousPeriod(periodOf('month', '2026-01-15')).key).toBe('2025-12');
    expect(previousPeriod(periodOf('quarter', '2026-02-01')).key).toBe('2025-Q4');
    expect(previousPeriod(periodOf('year', '2026-12-07')).key).toBe('2025');
  });
});

describe('rankByScore', () => {
  it('gives ties one rank and skips the places they take, and ranks no unit without a score', () => {
    const items = [{ score: 80 }, { score: 95 }, { score: 80 }, { score: null }, { score: 70 }];
    const ranks = rankByScore(items);
    expect(items.map((i) => ranks.get(i) ?? null)).toEqual([2, 1, 2, null, 4]);
  });
});

describe('allocateByScore', () => {
  it('splits in proportion to the scores, the odd fen to the largest remainders', () => {
    const out = allocateByScore(100, [
      { orgId: 1, score: 1 },
      { orgId: 2, score: 1 },
      { orgId: 3, score: 1 },
    ]);
    expect([...out.values()].sort()).toEqual([33, 33, 34]);
    // equal remainders: the lower org id gets the fen
    expect(out.get(1)).toBe(34);
  });

  it('always sums to the pool to the fen (random pools and scores)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round += 1) {
      const pool = Math.floor(random() * 10 ** (1 + Math.floor(random() * 10))) + 1;
      const units = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, i) => ({
        orgId: i + 1,
        score: Math.round(random() * 1000) / 10,
      }));
      if (units.every((u) => u.score === 0)) continue;
      const out = allocateByScore(pool, units);
      expect([...out.values()].reduce((s, v) => s + v, 0)).toBe(pool);
      for (const u of units) {
        const exact = (pool * u.score) / units.reduce((s, x) => s + x.score, 0);
        expect(Math.abs(out.get(u.orgId)! - exact)).toBeLessThan(1.000001);
      }
    }
  });
});
