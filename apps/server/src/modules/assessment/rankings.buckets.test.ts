import { describe, expect, it } from 'vitest';
import { bucketsOf, type Bucket } from './rankings.buckets.ts';

const short = (buckets: Bucket[]) =>
  buckets.map((b) => `${b.sign < 0 ? '-' : '+'}${b.months}@${b.starts.slice(0, 7)}`);

/** The months (YYYY-MM) a set of buckets sums, each with its multiplicity. */
function monthsOf(buckets: Bucket[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of buckets) {
    const [y, m] = b.starts.split('-').map(Number) as [number, number];
    for (let i = 0; i < b.months; i += 1) {
      const k = y * 12 + m - 1 + i;
      const key = `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
      out.set(key, (out.get(key) ?? 0) + b.sign);
    }
  }
  for (const [k, v] of out) if (v === 0) out.delete(k);
  return out;
}

describe('bucketsOf', () => {
  it('reads a month, a calendar quarter and a calendar year as one bucket', () => {
    expect(short(bucketsOf('2026-11-01', '2026-11-30'))).toEqual(['+1@2026-11']);
    expect(short(bucketsOf('2026-04-01', '2026-06-30'))).toEqual(['+3@2026-04']);
    expect(short(bucketsOf('2026-01-01', '2026-12-31'))).toEqual(['+12@2026-01']);
  });

  it('reads most of a year as the year less the months left out', () => {
    expect(short(bucketsOf('2026-02-01', '2026-12-31'))).toEqual(['+12@2026-01', '-1@2026-01']);
    // the twelve months to November: December of the year before, and this year less December
    expect(short(bucketsOf('2025-12-01', '2026-11-30'))).toEqual(['+1@2025-12', '+12@2026-01', '-1@2026-12']);
  });

  it('adds quarters and months when that reads fewer buckets', () => {
    expect(short(bucketsOf('2026-03-01', '2026-07-31'))).toEqual(['+1@2026-03', '+3@2026-04', '+1@2026-07']);
    expect(short(bucketsOf('2025-10-01', '2027-03-31'))).toEqual(['+3@2025-10', '+12@2026-01', '+3@2027-01']);
  });

  it('sums exactly the months of every range of whole months over three years', () => {
    for (let a = 0; a < 36; a += 1)
      for (let b = a; b < 36; b += 1) {
        const day = (k: number) => `${2025 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
        const expected = new Map<string, number>();
        for (let k = a; k <= b; k += 1) expected.set(day(k), 1);
        const buckets = bucketsOf(`${day(a)}-01`, `${day(b)}-28`);
        expect(monthsOf(buckets)).toEqual(expected);
        // never more buckets than one per month
        expect(buckets.length).toBeLessThanOrEqual(b - a + 1);
      }
  });
});
