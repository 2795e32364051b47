// The calendar buckets of volunteer_ranking_facts (migration 0032) a volunteer board's whole months
// are read from: its months as calendar years, quarters and months, each added or (to save rows)
// taken off — February to December is the year less January, 3 buckets read instead of 6. A period
// that is one bucket (a month, a calendar quarter or year: every choice of the period picker but a
// custom range) has its first page read off an index in rank order.

export interface Bucket {
  /** 1, 3 or 12 */
  months: 1 | 3 | 12;
  /** its first day, YYYY-MM-01 */
  starts: string;
  /** added (1) or taken off (-1) */
  sign: 1 | -1;
}

const indexOf = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
};
const dayOf = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;

/** Months lo..hi (indexes, one calendar year) as the fewest whole years, quarters and months, in order. */
function cover(lo: number, hi: number, sign: 1 | -1): Bucket[] {
  const out: Bucket[] = [];
  let i = lo;
  while (i <= hi) {
    const months = i % 12 === 0 && i + 11 <= hi ? 12 : i % 3 === 0 && i + 2 <= hi ? 3 : 1;
    out.push({ months, starts: dayOf(i), sign });
    i += months;
  }
  return out;
}

/**
 * The buckets whose signed sum is the months from `from` (a first day) to `to` (a last day), per
 * calendar year the fewer of: its months covered, or its whole year less the months not covered.
 */
export function bucketsOf(from: string, to: string): Bucket[] {
  const first = indexOf(from);
  const last = indexOf(to);
  const out: Bucket[] = [];
  for (let year = Math.floor(first / 12); year <= Math.floor(last / 12); year += 1) {
    const lo = Math.max(first, year * 12);
    const hi = Math.min(last, year * 12 + 11);
    const added = cover(lo, hi, 1);
    const lessened = [
      { months: 12 as const, starts: dayOf(year * 12), sign: 1 as const },
      ...cover(year * 12, lo - 1, -1),
      ...cover(hi + 1, year * 12 + 11, -1),
    ];
    out.push(...(lessened.length < added.length ? lessened : added));
  }
  return out;
}
