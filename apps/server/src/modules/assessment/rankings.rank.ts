// Ranking a list by one metric, shared by every board of 实践排行: the highest value first, equal
// values share a rank (standard competition ranking: 1, 2, 2, 4), and an entry whose rate or average
// rests on too small a sample is not ranked at all but listed after the ranked ones (样本不足), so a
// unit with one perfect order cannot top the board. Within a rank (and among the unranked) the order
// is by the entry's tie-break key, so the list is the same on every request.

export interface Ranked<T> {
  item: T;
  /** null: below the minimum sample, listed after the ranked entries */
  rank: number | null;
  value: number | null;
}

export function rankBy<T>(
  items: readonly T[],
  valueOf: (item: T) => number | null,
  tieBreak: (item: T) => string,
): Ranked<T>[] {
  const withValue = items.map((item) => ({ item, value: valueOf(item) }));
  const cmpKey = (a: { item: T }, b: { item: T }) => {
    const x = tieBreak(a.item);
    const y = tieBreak(b.item);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const ranked = withValue
    .filter((e): e is { item: T; value: number } => e.value !== null)
    .sort((a, b) => b.value - a.value || cmpKey(a, b));
  const unranked = withValue.filter((e) => e.value === null).sort(cmpKey);
  const out: Ranked<T>[] = [];
  ranked.forEach((e, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.value === e.value ? prev.rank : i + 1;
    out.push({ item: e.item, value: e.value, rank });
  });
  for (const e of unranked) out.push({ item: e.item, value: null, rank: null });
  return out;
}

/** A rate in percent to one decimal, or null below the sample. */
export const rateOf = (part: number, whole: number, min: number): number | null =>
  whole >= min && whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

/** An average to two decimals, or null below the sample. */
export const averageOf = (sum: number, count: number, min: number): number | null =>
  count >= min && count > 0 ? Math.round((sum / count) * 100) / 100 : null;
