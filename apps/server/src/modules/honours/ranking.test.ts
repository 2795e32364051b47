import { describe, expect, it } from 'vitest';
import { HONOUR_MIN_HOURS, HOUSEHOLD_HONOUR_MIN_AWARDS } from '@civic/contracts';
import {
  exclusionOf,
  householdExclusionOf,
  rankByHours,
  rankByPoints,
  rankHouseholds,
  type YearFigures,
} from './ranking.ts';

const v = (
  id: number,
  no: string,
  yearHours: number,
  yearPoints: number,
  records = 1,
  extra: Partial<YearFigures> = {},
) => ({
  id,
  volunteerNo: no,
  yearHours,
  yearPoints,
  records,
  pending: 0,
  rejected: 0,
  ...extra,
});

describe('honours sample rules', () => {
  it('asks for the minimum confirmed hours of the year', () => {
    expect(HONOUR_MIN_HOURS).toBe(20);
    expect(exclusionOf(v(1, 'A', 19.5, 999))).toBe('too_few_hours');
    expect(exclusionOf(v(1, 'A', 20, 0))).toBeNull();
    expect(exclusionOf(v(1, 'A', 5, 0), 5)).toBeNull();
  });

  it('leaves out a volunteer with a rejected or pending record of the year', () => {
    expect(exclusionOf(v(1, 'A', 80, 80, 5, { rejected: 1 }))).toBe('disputed');
    expect(exclusionOf(v(1, 'A', 80, 80, 5, { pending: 2 }))).toBe('disputed');
    // too few hours is named first
    expect(exclusionOf(v(1, 'A', 3, 80, 5, { rejected: 1 }))).toBe('too_few_hours');
  });

  it('ranks by hours, then points, records and the volunteer number', () => {
    const list = [
      v(1, 'V003', 40, 10, 3),
      v(2, 'V002', 40, 10, 4),
      v(3, 'V001', 40, 10, 4),
      v(4, 'V009', 40, 50, 1),
      v(5, 'V000', 60, 0, 1),
    ];
    expect(rankByHours(list).map((x) => x.id)).toEqual([5, 4, 3, 2, 1]);
    // the input order does not matter
    expect(rankByHours([...list].reverse()).map((x) => x.id)).toEqual([5, 4, 3, 2, 1]);
  });

  it('ranks by points, then hours, records and the volunteer number', () => {
    const list = [
      v(1, 'V003', 30, 50, 2),
      v(2, 'V002', 40, 50, 1),
      v(3, 'V001', 30, 50, 2),
      v(4, 'V004', 20, 90),
    ];
    expect(rankByPoints(list).map((x) => x.id)).toEqual([4, 2, 3, 1]);
  });
});

describe('文明户榜', () => {
  const h = (id: number, householdNo: string, yearPoints: number, postedAwards: number, extra = {}) => ({
    id,
    householdNo,
    orgName: '东风社区',
    yearPoints,
    postedAwards,
    voidedAwards: 0,
    ...extra,
  });

  it('leaves out too few awards and any voided award of the year', () => {
    expect(householdExclusionOf(h(1, '1-1', 50, HOUSEHOLD_HONOUR_MIN_AWARDS))).toBeNull();
    expect(householdExclusionOf(h(1, '1-1', 50, HOUSEHOLD_HONOUR_MIN_AWARDS - 1))).toBe('too_few_awards');
    expect(householdExclusionOf(h(1, '1-1', 50, 5, { voidedAwards: 1 }))).toBe('voided');
  });

  it('ranks by points, then awards, village, household number (shorter first), id', () => {
    const ranked = rankHouseholds([
      h(1, '1-10', 20, 2),
      h(2, '1-9', 20, 2),
      h(3, '2-1', 20, 3),
      h(4, '1-1', 30, 2),
      h(5, '1-1', 20, 2, { orgName: '北关村' }),
      h(6, '1-9', 20, 2),
    ]);
    expect(ranked.map((x) => x.id)).toEqual([4, 3, 2, 6, 1, 5]);
  });
});
