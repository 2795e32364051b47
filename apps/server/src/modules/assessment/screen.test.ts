// The big screen's pure parts: the 12 months it shows and how units are ranked over their subtrees.
import { describe, expect, it } from 'vitest';
import { lastTwelveMonths, rankUnits } from './screen.service.ts';

describe('lastTwelveMonths', () => {
  it('ends with the current month and crosses the year', () => {
    expect(lastTwelveMonths('2026-03-31')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(lastTwelveMonths('2026-12-01')[0]).toBe('2026-01');
  });
});

describe('rankUnits', () => {
  const unit = (id: number, path: string, name: string) => ({
    id,
    path,
    name,
    kind: 'station',
    latitude: null,
    longitude: null,
  });
  const a = unit(1, '1.2.3', '甲村');
  const b = unit(2, '1.2.4', '乙村');
  const c = unit(3, '1.2.5', '丙村');

  it('credits each row to the unit above it (points included), ranks, drops zeros, breaks ties by name', () => {
    const { board, hoursOf } = rankUnits(
      [a, b, c],
      [
        { org_path: '1.2.3', hours: 2, activities: 1 },
        { org_path: '1.2.3.9', hours: 1.5, activities: 1 }, // a point of 甲村
        { org_path: '1.2.4', hours: 3.5, activities: 2 },
        { org_path: '1.2', hours: 100, activities: 9 }, // the institute's own: no station's
      ],
      10,
    );
    expect(board.byHours).toEqual([
      { orgId: 1, name: '甲村', value: 3.5 },
      { orgId: 2, name: '乙村', value: 3.5 },
    ]);
    expect(board.byActivities).toEqual([
      { orgId: 1, name: '甲村', value: 2 },
      { orgId: 2, name: '乙村', value: 2 },
    ]);
    expect(hoursOf.get(3)).toBe(0);
  });

  it('keeps the board to its size', () => {
    const rows = [a, b, c].map((u, i) => ({ org_path: u.path, hours: i + 1, activities: 1 }));
    expect(rankUnits([a, b, c], rows, 2).board.byHours.map((r) => r.orgId)).toEqual([3, 2]);
  });
});
