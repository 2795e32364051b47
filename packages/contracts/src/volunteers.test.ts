import { describe, expect, it } from 'vitest';
import { maskMobile, normalizeMobile, isMobile } from './phone.ts';
import {
  AGE_RANGE_LABELS,
  ageRangeOf,
  partyRequirement,
  PARTY_YEARLY_HOURS,
  STAR_THRESHOLDS,
  starLevel,
  starProgress,
  VOLUNTEER_CATEGORIES,
  VOLUNTEER_CATEGORY_LABELS,
} from './volunteers.ts';

describe('star levels (星级志愿者)', () => {
  it('awards a star at each threshold of lifetime hours', () => {
    expect(STAR_THRESHOLDS).toEqual([100, 300, 600, 1000, 1500]);
    const cases: Array<[hours: number, level: number]> = [
      [0, 0],
      [99.9, 0],
      [100, 1],
      [299.9, 1],
      [300, 2],
      [600, 3],
      [1000, 4],
      [1499.9, 4],
      [1500, 5],
      [9999, 5],
    ];
    for (const [hours, level] of cases) expect(starLevel(hours), `${hours} h`).toBe(level);
  });

  it('reports the hours to the next star, and none beyond five stars', () => {
    expect(starProgress(0)).toEqual({ level: 0, nextThreshold: 100, hoursToNext: 100 });
    expect(starProgress(99.9)).toEqual({ level: 0, nextThreshold: 100, hoursToNext: 0.1 });
    expect(starProgress(100)).toEqual({ level: 1, nextThreshold: 300, hoursToNext: 200 });
    expect(starProgress(1234.5)).toEqual({ level: 4, nextThreshold: 1500, hoursToNext: 265.5 });
    expect(starProgress(1500)).toEqual({ level: 5, nextThreshold: null, hoursToNext: null });
    expect(starProgress(2000)).toEqual({ level: 5, nextThreshold: null, hoursToNext: null });
  });
});

describe("party members' yearly hours", () => {
  it('does not apply to the masses and other statuses', () => {
    expect(partyRequirement('masses', 0)).toBeNull();
    expect(partyRequirement('league_member', 50)).toBeNull();
    expect(partyRequirement('democratic_party', 0)).toBeNull();
  });

  it('asks 20 hours a year of full and probationary party members', () => {
    expect(PARTY_YEARLY_HOURS).toBe(20);
    expect(partyRequirement('party_member', 0)).toEqual({ required: 20, done: 0, remaining: 20, met: false });
    expect(partyRequirement('probationary_member', 12.5)).toEqual({
      required: 20,
      done: 12.5,
      remaining: 7.5,
      met: false,
    });
    expect(partyRequirement('party_member', 19.9)).toMatchObject({ remaining: 0.1, met: false });
    expect(partyRequirement('party_member', 20)).toEqual({ required: 20, done: 20, remaining: 0, met: true });
    expect(partyRequirement('party_member', 35)).toEqual({ required: 20, done: 35, remaining: 0, met: true });
  });
});

describe('dictionaries', () => {
  it('lists every category code with a Chinese label', () => {
    expect(VOLUNTEER_CATEGORIES).toEqual(Object.keys(VOLUNTEER_CATEGORY_LABELS));
    for (const code of VOLUNTEER_CATEGORIES)
      expect(VOLUNTEER_CATEGORY_LABELS[code]).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('age ranges', () => {
  it('puts each age in its range, with bounds at the guardian and adult ages', () => {
    const cases: Array<[number, string]> = [
      [0, '未满14岁'],
      [13, '未满14岁'],
      [14, '14–17岁'],
      [17, '14–17岁'],
      [18, '18–29岁'],
      [29, '18–29岁'],
      [30, '30–39岁'],
      [39, '30–39岁'],
      [40, '40–49岁'],
      [65, '60–69岁'],
      [70, '70岁及以上'],
      [120, '70岁及以上'],
    ];
    for (const [age, label] of cases) expect(AGE_RANGE_LABELS[ageRangeOf(age)], `age ${age}`).toBe(label);
  });
});

describe('volunteer phone numbers', () => {
  it('normalises +86 with spaces to 11 digits and masks the middle four', () => {
    expect(normalizeMobile('+86 139 1234 5678')).toBe('13912345678');
    expect(isMobile('+86 139 1234 5678')).toBe(true);
    expect(maskMobile(normalizeMobile('+86 139 1234 5678'))).toBe('139****5678');
    expect(maskMobile('123')).toBe('***');
  });
});
