// The sample rules of a yearly honours list (评选), pure so they can be tested on their own.
//
// 以时长为基础、服务评价为补充 (seeds 001, 004 §12):
// - eligible: a volunteer in service (status active) of the org with at least HONOUR_MIN_HOURS
//   confirmed hours in the year (the 20 hours seed 003 asks of party members a year) and no record
//   of the year in dispute — none rejected (a claim the station refused) and none still pending
//   (the year's figure is not settled yet);
// - the hours list ranks by the year's confirmed hours; the points list by the points earned in the
//   year (awards carry the rating and festival bonuses, reversals take them back, spending at the
//   store does not count against anyone);
// - ties are broken deterministically: the other measure of the year (points, or hours), then more
//   confirmed records, then the lower volunteer number (the earlier registration).
import { HONOUR_MIN_HOURS, HOUSEHOLD_HONOUR_MIN_AWARDS } from '@civic/contracts';

export interface YearFigures {
  id: number;
  volunteerNo: string;
  yearHours: number;
  yearPoints: number;
  records: number;
  pending: number;
  rejected: number;
}

export type Exclusion = 'too_few_hours' | 'disputed' | null;

export function exclusionOf(f: YearFigures, minHours = HONOUR_MIN_HOURS): Exclusion {
  if (f.yearHours < minHours) return 'too_few_hours';
  if (f.rejected > 0 || f.pending > 0) return 'disputed';
  return null;
}

const byNo = (a: YearFigures, b: YearFigures) =>
  a.volunteerNo < b.volunteerNo ? -1 : a.volunteerNo > b.volunteerNo ? 1 : a.id - b.id;

export function rankByHours<T extends YearFigures>(eligible: readonly T[]): T[] {
  return [...eligible].sort(
    (a, b) => b.yearHours - a.yearHours || b.yearPoints - a.yearPoints || b.records - a.records || byNo(a, b),
  );
}

export function rankByPoints<T extends YearFigures>(eligible: readonly T[]): T[] {
  return [...eligible].sort(
    (a, b) => b.yearPoints - a.yearPoints || b.yearHours - a.yearHours || b.records - a.records || byNo(a, b),
  );
}

// The household list (文明户榜, seeds 002 §四(四)2 and 003 §五(一)5): households have no service
// hours, so they are ranked by the points earned in the year (the year's awards net of the
// reversals of voided ones; spending at the store does not count against anyone):
// - eligible: an active household of the org's register with at least HOUSEHOLD_HONOUR_MIN_AWARDS
//   awards posted in the year and no award voided in the year (a disputed year is not a 文明户's);
// - ties: more awards posted in the year, then the village (its name), then the household number
//   (shorter first, so 2 before 10), then the register's order.
export interface HouseholdYearFigures {
  id: number;
  householdNo: string;
  orgName: string;
  yearPoints: number;
  postedAwards: number;
  voidedAwards: number;
}

export type HouseholdExclusion = 'too_few_awards' | 'voided' | null;

export function householdExclusionOf(
  f: HouseholdYearFigures,
  minAwards = HOUSEHOLD_HONOUR_MIN_AWARDS,
): HouseholdExclusion {
  if (f.voidedAwards > 0) return 'voided';
  if (f.postedAwards < minAwards) return 'too_few_awards';
  return null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function rankHouseholds<T extends HouseholdYearFigures>(eligible: readonly T[]): T[] {
  return [...eligible].sort(
    (a, b) =>
      b.yearPoints - a.yearPoints ||
      b.postedAwards - a.postedAwards ||
      cmp(a.orgName, b.orgName) ||
      a.householdNo.length - b.householdNo.length ||
      cmp(a.householdNo, b.householdNo) ||
      a.id - b.id,
  );
}
