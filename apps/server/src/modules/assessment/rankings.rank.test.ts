import { describe, expect, it } from 'vitest';
import { averageOf, rankBy, rateOf } from './rankings.rank.ts';

type U = { name: string; v: number | null };
const rank = (items: U[]) =>
  rankBy(
    items,
    (u) => u.v,
    (u) => u.name,
  ).map((r) => [r.item.name, r.rank]);

describe('rankBy', () => {
  it('shares a rank between equal values and skips the ranks they take (1, 2, 2, 4)', () => {
    expect(
      rank([
        { name: 'd', v: 1 },
        { name: 'c', v: 5 },
        { name: 'b', v: 5 },
        { name: 'a', v: 9 },
      ]),
    ).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('lists entries below the sample after the ranked ones, unranked, whatever their raw figure', () => {
    expect(
      rank([
        { name: 'perfect-but-one-order', v: null },
        { name: 'x', v: 4.2 },
        { name: 'a-small', v: null },
        { name: 'y', v: 4.8 },
      ]),
    ).toEqual([
      ['y', 1],
      ['x', 2],
      ['a-small', null],
      ['perfect-but-one-order', null],
    ]);
  });

  it('ranks zeros too, all sharing the last rank', () => {
    expect(
      rank([
        { name: 'a', v: 0 },
        { name: 'b', v: 0 },
        { name: 'c', v: 3 },
      ]),
    ).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ]);
  });

  it('is empty for no entries', () => {
    expect(rank([])).toEqual([]);
  });
});

describe('sample-guarded figures', () => {
  it('give a rate or an average only from the minimum sample on', () => {
    expect(rateOf(1, 1, 10)).toBeNull();
    expect(rateOf(9, 10, 10)).toBe(90);
    expect(rateOf(0, 0, 1)).toBeNull();
    expect(averageOf(5, 1, 10)).toBeNull();
    expect(averageOf(47, 10, 10)).toBe(4.7);
    expect(averageOf(14, 3, 3)).toBe(4.67);
  });
});
