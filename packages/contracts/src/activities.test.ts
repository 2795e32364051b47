import { describe, expect, it } from 'vitest';
import {
  checkGeofence,
  DEFAULT_HOUR_RULE,
  MAX_RECORD_HOURS,
  minutesBetween,
  roundServiceHours,
  type HourRule,
} from './activities.ts';

const rule = (stepMinutes: HourRule['stepMinutes'], rounding: HourRule['rounding']): HourRule => ({
  stepMinutes,
  rounding,
});

describe('roundServiceHours', () => {
  it('by default rounds down to half an hour', () => {
    expect(DEFAULT_HOUR_RULE).toEqual({ stepMinutes: 30, rounding: 'down' });
    expect(roundServiceHours(29)).toBe(0);
    expect(roundServiceHours(30)).toBe(0.5);
    expect(roundServiceHours(89)).toBe(1);
    expect(roundServiceHours(90)).toBe(1.5);
    expect(roundServiceHours(179)).toBe(2.5);
    expect(roundServiceHours(180)).toBe(3);
  });

  it('rounds to the nearest step, or up', () => {
    expect(roundServiceHours(74, rule(30, 'nearest'))).toBe(1);
    expect(roundServiceHours(75, rule(30, 'nearest'))).toBe(1.5);
    expect(roundServiceHours(61, rule(30, 'up'))).toBe(1.5);
    expect(roundServiceHours(60, rule(30, 'up'))).toBe(1);
    expect(roundServiceHours(1, rule(60, 'up'))).toBe(1);
    expect(roundServiceHours(119, rule(60, 'down'))).toBe(1);
    expect(roundServiceHours(90, rule(60, 'nearest'))).toBe(2);
  });

  it('with a 6-minute step gives tenths of an hour', () => {
    expect(roundServiceHours(100, rule(6, 'down'))).toBe(1.6);
    expect(roundServiceHours(100, rule(6, 'up'))).toBe(1.7);
    expect(roundServiceHours(45, rule(6, 'nearest'))).toBe(0.8);
  });

  it('rounding down never credits more than was served, at any step', () => {
    expect(roundServiceHours(100, rule(1, 'down'))).toBe(1.6);
    expect(roundServiceHours(105, rule(15, 'down'))).toBe(1.7);
    for (let minutes = 1; minutes <= 600; minutes += 1) {
      for (const step of [1, 6, 15, 30, 60] as const) {
        expect(Math.round(roundServiceHours(minutes, rule(step, 'down')) * 10) * 6).toBeLessThanOrEqual(
          minutes,
        );
      }
    }
  });

  it('a negative cap gives nothing, not a negative record', () => {
    expect(roundServiceHours(100, DEFAULT_HOUR_RULE, -5)).toBe(0);
  });

  it('tolerates float noise at a step boundary', () => {
    expect(roundServiceHours(89.99999999999, rule(30, 'down'))).toBe(1.5);
    expect(roundServiceHours(90.00000000001, rule(30, 'up'))).toBe(1.5);
  });

  it('is capped at the activity length, whatever the rounding', () => {
    expect(roundServiceHours(200, DEFAULT_HOUR_RULE, 90)).toBe(1.5);
    expect(roundServiceHours(100, rule(30, 'up'), 100)).toBe(1.6);
    expect(roundServiceHours(100, rule(60, 'up'), 100)).toBe(1.6);
    expect(roundServiceHours(300, rule(30, 'nearest'), 75)).toBe(1.2);
    expect(roundServiceHours(60, DEFAULT_HOUR_RULE, 0)).toBe(0);
  });

  it('never gives more than a day for one record', () => {
    expect(MAX_RECORD_HOURS).toBe(24);
    expect(roundServiceHours(3 * 24 * 60)).toBe(24);
    expect(roundServiceHours(3 * 24 * 60, rule(60, 'up'), 3 * 24 * 60)).toBe(24);
  });

  it('is 0 for nothing, negative or nonsense minutes', () => {
    for (const m of [0, -1, -600, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(roundServiceHours(m), String(m)).toBe(0);
  });

  it('gives one decimal at most', () => {
    for (let m = 0; m <= 600; m += 7) {
      for (const r of [rule(6, 'down'), rule(30, 'nearest'), rule(60, 'up')]) {
        const h = roundServiceHours(m, r, 480);
        expect(Math.round(h * 10) / 10).toBe(h);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(8);
      }
    }
  });
});

describe('minutesBetween', () => {
  const start = new Date('2026-10-29T01:00:00Z');
  const plus = (ms: number) => new Date(start.getTime() + ms);

  it('counts whole minutes, rounded down', () => {
    expect(minutesBetween(start, plus(90 * 60_000))).toBe(90);
    expect(minutesBetween(start, plus(90 * 60_000 + 59_999))).toBe(90);
    expect(minutesBetween(start, plus(59_999))).toBe(0);
    expect(minutesBetween(start, start)).toBe(0);
  });

  it('is 0 when the end is not after the start', () => {
    expect(minutesBetween(start, plus(-3_600_000))).toBe(0);
  });

  it('spans days (an overnight activity)', () => {
    expect(minutesBetween(start, plus(26 * 3_600_000))).toBe(26 * 60);
  });
});

describe('checkGeofence', () => {
  // 西乡县新时代文明实践中心 (approximate)
  const place = { latitude: 32.983, longitude: 107.766 };
  /** 0.001° of latitude is about 111 m anywhere. */
  const north = (metres: number) => ({
    latitude: place.latitude + metres / 111_195,
    longitude: place.longitude,
  });

  it('is inside at the place itself', () => {
    expect(checkGeofence(place, place, 20)).toEqual({ inside: true, distanceM: 0 });
  });

  it('measures the great-circle distance in whole metres', () => {
    expect(checkGeofence(place, north(111.195), 300).distanceM).toBe(111);
    // longitude degrees shrink with the cosine of the latitude (about 0.839 at 33°)
    const east = { latitude: place.latitude, longitude: place.longitude + 0.001 };
    const d = checkGeofence(place, east, 300).distanceM;
    expect(d).toBeGreaterThanOrEqual(92);
    expect(d).toBeLessThanOrEqual(94);
  });

  it('the radius itself is inside; a metre beyond is outside', () => {
    expect(checkGeofence(place, north(300), 300)).toEqual({ inside: true, distanceM: 300 });
    expect(checkGeofence(place, north(301.4), 300)).toEqual({ inside: false, distanceM: 301 });
  });

  it('is outside from the next village, with the distance to show', () => {
    const far = checkGeofence(place, north(2_500), 300);
    expect(far.inside).toBe(false);
    expect(far.distanceM).toBeGreaterThan(2_490);
    expect(far.distanceM).toBeLessThan(2_510);
  });

  it('is symmetric', () => {
    const a = { latitude: 33.07, longitude: 107.03 };
    expect(checkGeofence(place, a, 100).distanceM).toBe(checkGeofence(a, place, 100).distanceM);
  });
});
