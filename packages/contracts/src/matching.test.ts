import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  MATCH_MAX_KM,
  MATCH_MAX_LOAD,
  MATCH_WEIGHTS,
  rankCandidates,
  slotOf,
  type MatchCandidate,
  type MatchNeed,
  type RankedCandidate,
} from './matching.ts';

// 西乡县城 and 汉中市区 (approximate).
const XIXIANG = { lat: 32.98, lon: 107.77 };
const HANZHONG = { lat: 33.07, lon: 107.03 };
/** About 1.11 km per 0.01° of latitude. */
const northOf = (km: number) => ({ latitude: XIXIANG.lat + km / 111.2, longitude: XIXIANG.lon });

// 2024-06-04 is a Tuesday, 2024-06-08 a Saturday; China time is UTC+8.
const china = (isoLocal: string) => new Date(`${isoLocal}+08:00`);
const TUESDAY_MORNING = china('2024-06-04T10:00:00');

const need = (overrides: Partial<MatchNeed> = {}): MatchNeed => ({
  serviceCategory: 'elderly',
  skills: ['护理', '理发'],
  latitude: XIXIANG.lat,
  longitude: XIXIANG.lon,
  preferredAt: TUESDAY_MORNING,
  ...overrides,
});

const candidate = (id: number, overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({
  id,
  name: `志愿者${id}`,
  skills: [],
  serviceCategories: [],
  availability: [],
  ...northOf(5),
  openLoad: 0,
  averageRating: null,
  ratingCount: 0,
  ...overrides,
});

const byId = (ranked: RankedCandidate[], id: number) => {
  const found = ranked.find((r) => r.id === id);
  if (!found) throw new Error(`candidate ${id} missing`);
  return found;
};

/** A small seeded generator (mulberry32), so the property check is reproducible. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('distanceKm', () => {
  it('is zero for the same point', () => {
    expect(distanceKm(XIXIANG.lat, XIXIANG.lon, XIXIANG.lat, XIXIANG.lon)).toBe(0);
  });

  it('measures 西乡县城 to 汉中 at about 69–70 km, either way round', () => {
    const km = distanceKm(XIXIANG.lat, XIXIANG.lon, HANZHONG.lat, HANZHONG.lon);
    expect(km).toBeGreaterThan(69);
    expect(km).toBeLessThan(70);
    expect(distanceKm(HANZHONG.lat, HANZHONG.lon, XIXIANG.lat, XIXIANG.lon)).toBeCloseTo(km, 9);
  });

  it('gives about 111.2 km per degree of latitude and a shorter degree of longitude at 33°N', () => {
    expect(distanceKm(33, 107, 34, 107)).toBeCloseTo(111.2, 1);
    const lonDegree = distanceKm(33, 107, 33, 108);
    expect(lonDegree).toBeGreaterThan(93);
    expect(lonDegree).toBeLessThan(94);
  });

  it('stays finite for antipodal points (half the circumference)', () => {
    const km = distanceKm(0, 0, 0, 180);
    expect(Number.isFinite(km)).toBe(true);
    expect(km).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('slotOf (China time)', () => {
  it('is weekdays on Tuesday 10:00, weekends on Saturday 10:00, evenings on Tuesday 19:30', () => {
    expect(slotOf(TUESDAY_MORNING)).toBe('weekdays');
    expect(slotOf(china('2024-06-08T10:00:00'))).toBe('weekends');
    expect(slotOf(china('2024-06-04T19:30:00'))).toBe('evenings');
  });

  it('uses China time, not UTC', () => {
    // Tuesday 19:30 in China is 11:30 UTC: still day time in UTC.
    expect(new Date('2024-06-04T11:30:00Z')).toEqual(china('2024-06-04T19:30:00'));
    expect(slotOf(new Date('2024-06-04T11:30:00Z'))).toBe('evenings');
    // Saturday 07:00 in China is Friday 23:00 UTC.
    expect(slotOf(new Date('2024-06-07T23:00:00Z'))).toBe('weekends');
    // Monday 07:00 in China is Sunday 23:00 UTC.
    expect(slotOf(new Date('2024-06-09T23:00:00Z'))).toBe('weekdays');
    // Sunday 01:00 in China is Saturday 17:00 UTC.
    expect(slotOf(new Date('2024-06-08T17:00:00Z'))).toBe('weekends');
  });

  it('starts evenings at 18:00 sharp', () => {
    expect(slotOf(china('2024-06-04T17:59:59'))).toBe('weekdays');
    expect(slotOf(china('2024-06-04T18:00:00'))).toBe('evenings');
    expect(slotOf(china('2024-06-04T23:59:00'))).toBe('evenings');
    expect(slotOf(china('2024-06-05T00:00:00'))).toBe('weekdays');
  });
});

describe('rankCandidates', () => {
  it('returns [] for no candidates', () => {
    expect(rankCandidates(need(), [])).toEqual([]);
  });

  it('ranks a candidate with the right category and skills above a closer one without', () => {
    const fit = candidate(1, { serviceCategories: ['elderly'], skills: ['护理', '理发'], ...northOf(15) });
    const near = candidate(2, { serviceCategories: ['law'], skills: ['法律咨询'], ...northOf(0.3) });
    const ranked = rankCandidates(need(), [near, fit]);
    expect(ranked.map((r) => r.id)).toEqual([1, 2]);
    expect(ranked[0]!.distanceKm!).toBeGreaterThan(ranked[1]!.distanceKm!);
  });

  it('ranks the nearer of two otherwise equal candidates first', () => {
    const far = candidate(1, { serviceCategories: ['elderly'], ...northOf(12) });
    const near = candidate(2, { serviceCategories: ['elderly'], ...northOf(3) });
    const ranked = rankCandidates(need(), [far, near]);
    expect(ranked.map((r) => r.id)).toEqual([2, 1]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('gives no distance points beyond the maximum distance, but still shows it', () => {
    const atMax = rankCandidates(need(), [candidate(1, northOf(MATCH_MAX_KM + 1))])[0]!;
    const farAway = rankCandidates(need(), [candidate(1, northOf(60))])[0]!;
    expect(atMax.score).toBe(farAway.score);
    expect(farAway.reasons).toContain('距离约 60 公里');
  });

  it('reduces the score with the open load, down to nothing at the maximum load', () => {
    const loads = [0, 1, 3, MATCH_MAX_LOAD, MATCH_MAX_LOAD + 4];
    const ranked = rankCandidates(
      need(),
      loads.map((openLoad, i) => candidate(i + 1, { openLoad })),
    );
    expect(ranked.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    const scores = loads.map((_, i) => byId(ranked, i + 1).score);
    expect(scores[0]! - scores[1]!).toBeCloseTo(MATCH_WEIGHTS.load / MATCH_MAX_LOAD, 5);
    expect(scores[0]! - scores[3]!).toBeCloseTo(MATCH_WEIGHTS.load, 5);
    expect(scores[3]).toBe(scores[4]);
    expect(byId(ranked, 1).reasons).toContain('当前无在办需求');
    expect(byId(ranked, 3).reasons).toContain('当前在办 3 单');
  });

  it('raises the score with good ratings, and treats no ratings as four stars', () => {
    const ranked = rankCandidates(need(), [
      candidate(1, { averageRating: 3, ratingCount: 4 }),
      candidate(2, { averageRating: 5, ratingCount: 10 }),
      candidate(3),
      candidate(4, { averageRating: 5, ratingCount: 0 }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual([2, 3, 4, 1]);
    expect(byId(ranked, 2).score - byId(ranked, 1).score).toBeCloseTo((2 * MATCH_WEIGHTS.rating) / 5, 5);
    expect(byId(ranked, 3).score).toBe(byId(ranked, 4).score);
    expect(byId(ranked, 2).reasons).toContain('群众评价 5.0 星（10 次）');
    expect(byId(ranked, 3).reasons.some((r) => r.startsWith('群众评价'))).toBe(false);
  });

  it('still ranks a candidate without coordinates: no distance points, no NaN', () => {
    const located = candidate(1, northOf(MATCH_MAX_KM + 5));
    const unknown = candidate(2, { latitude: null, longitude: null });
    const halfKnown = candidate(3, { latitude: XIXIANG.lat, longitude: null });
    const ranked = rankCandidates(need(), [unknown, halfKnown, located]);
    expect(ranked).toHaveLength(3);
    for (const r of ranked) expect(Number.isFinite(r.score), String(r.id)).toBe(true);
    expect(byId(ranked, 2).distanceKm).toBeNull();
    expect(byId(ranked, 3).distanceKm).toBeNull();
    expect(byId(ranked, 2).reasons.some((r) => r.startsWith('距离'))).toBe(false);
    // same score as one beyond the distance limit; a known distance wins the tie, then the id
    expect(byId(ranked, 2).score).toBe(byId(ranked, 1).score);
    expect(ranked.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('handles an order without a village location or a preferred time', () => {
    const ranked = rankCandidates(need({ latitude: null, longitude: null, preferredAt: null }), [
      candidate(1, { availability: ['weekdays', 'weekends', 'evenings'] }),
      candidate(2, { serviceCategories: ['elderly'] }),
    ]);
    expect(ranked.map((r) => [r.id, r.distanceKm])).toEqual([
      [2, null],
      [1, null],
    ]);
    for (const r of ranked) {
      expect(Number.isFinite(r.score)).toBe(true);
      expect(r.reasons).not.toContain('所需时段有空');
    }
  });

  it('counts availability only for the slot of the preferred time', () => {
    const evening = need({ preferredAt: china('2024-06-04T19:30:00') });
    const ranked = rankCandidates(evening, [
      candidate(1, { availability: ['weekdays'] }),
      candidate(2, { availability: ['evenings'] }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual([2, 1]);
    expect(byId(ranked, 2).score - byId(ranked, 1).score).toBeCloseTo(MATCH_WEIGHTS.availability, 5);
    expect(byId(ranked, 2).reasons).toContain('所需时段有空');
    expect(byId(ranked, 1).reasons).not.toContain('所需时段有空');
  });

  it('scores partial skill fit in proportion', () => {
    const ranked = rankCandidates(need(), [
      candidate(1, { skills: ['护理'] }),
      candidate(2, { skills: ['理发', '护理', '烹饪'] }),
      candidate(3),
    ]);
    expect(ranked.map((r) => r.id)).toEqual([2, 1, 3]);
    expect(byId(ranked, 1).score - byId(ranked, 3).score).toBeCloseTo(MATCH_WEIGHTS.skill / 2, 5);
    expect(byId(ranked, 1).reasons).toContain('具备所需专长 1/2');
    expect(byId(ranked, 2).reasons).toContain('具备所需专长 2/2');
    expect(byId(ranked, 3).reasons.some((r) => r.startsWith('具备所需专长'))).toBe(false);
  });

  it('explains the score with the reasons shown to the dispatcher', () => {
    const [best] = rankCandidates(need(), [
      candidate(7, {
        serviceCategories: ['elderly', 'health'],
        skills: ['护理', '理发'],
        availability: ['weekdays'],
        ...northOf(3),
        openLoad: 2,
        averageRating: 4.5,
        ratingCount: 6,
      }),
    ]);
    expect(best!.reasons).toEqual([
      '服务类别对口',
      '具备所需专长 2/2',
      '距离约 3 公里',
      '所需时段有空',
      '当前在办 2 单',
      '群众评价 4.5 星（6 次）',
    ]);
    expect(best!.name).toBe('志愿者7');
    expect(best!.distanceKm).toBeCloseTo(3, 1);
  });

  it('shows distances under a kilometre with one decimal', () => {
    const [r] = rankCandidates(need(), [candidate(1, northOf(0.42))]);
    expect(r!.reasons).toContain('距离约 0.4 公里');
  });

  it('gives a perfect candidate 100 and the least suited almost nothing', () => {
    const perfect = candidate(1, {
      serviceCategories: ['elderly'],
      skills: ['护理', '理发'],
      availability: ['weekdays'],
      latitude: XIXIANG.lat,
      longitude: XIXIANG.lon,
      averageRating: 5,
      ratingCount: 3,
    });
    const worst = candidate(2, { ...northOf(80), openLoad: 9, averageRating: 1, ratingCount: 3 });
    const ranked = rankCandidates(need(), [worst, perfect]);
    expect(ranked.map((r) => [r.id, r.score])).toEqual([
      [1, 100],
      [2, MATCH_WEIGHTS.rating / 5],
    ]);
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('breaks ties by distance, then by id', () => {
    const ranked = rankCandidates(need(), [
      candidate(5, northOf(4)),
      candidate(3, northOf(4)),
      candidate(9, { latitude: null, longitude: null, openLoad: 0 }),
      candidate(4, northOf(4)),
    ]);
    // 5, 3 and 4 have the same score and distance; ids decide
    expect(ranked.slice(0, 3).map((r) => r.id)).toEqual([3, 4, 5]);
    // rounded scores that tie are ordered by distance
    const tied = rankCandidates(need(), [
      candidate(1, { ...northOf(8.002), openLoad: 0 }),
      candidate(2, { ...northOf(8.0), openLoad: 0 }),
    ]);
    expect(tied[0]!.score).toBe(tied[1]!.score);
    expect(tied.map((r) => r.id)).toEqual([2, 1]);
  });

  it('does not reorder or change the input', () => {
    const input = [candidate(2, northOf(9)), candidate(1, northOf(1))];
    const copy = structuredClone(input);
    rankCandidates(need(), input);
    expect(input).toEqual(copy);
  });

  it('keeps scores between 0 and 100 and non-increasing over 200 random candidates', () => {
    const random = seeded(20240604);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const categories = ['elderly', 'health', 'law', 'children', 'culture'];
    const skills = ['护理', '理发', '法律咨询', '心理疏导', '维修', '烹饪'];
    const slots = ['weekdays', 'weekends', 'evenings'];
    const candidates = Array.from({ length: 200 }, (_, i): MatchCandidate => {
      const located = random() > 0.15;
      const rated = random() > 0.3;
      return candidate(1000 - i, {
        serviceCategories: categories.filter(() => random() < 0.3),
        skills: skills.filter(() => random() < 0.3),
        availability: slots.filter(() => random() < 0.5),
        latitude: located ? XIXIANG.lat + (random() - 0.5) * 0.6 : null,
        longitude: located ? XIXIANG.lon + (random() - 0.5) * 0.6 : null,
        openLoad: Math.floor(random() * 8),
        averageRating: rated ? 1 + random() * 4 : null,
        ratingCount: rated ? 1 + Math.floor(random() * 20) : 0,
      });
    });
    for (const preferredAt of [TUESDAY_MORNING, china('2024-06-08T10:00:00'), null]) {
      const n = need({
        preferredAt,
        serviceCategory: pick(categories),
        skills: [pick(skills), pick(skills)],
      });
      const ranked = rankCandidates(n, candidates);
      expect(ranked).toHaveLength(200);
      expect(new Set(ranked.map((r) => r.id)).size).toBe(200);
      for (const [i, r] of ranked.entries()) {
        expect(Number.isFinite(r.score), `score of ${r.id}`).toBe(true);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.reasons.some((s) => s.startsWith('当前'))).toBe(true);
        if (i === 0) continue;
        const prev = ranked[i - 1]!;
        expect(r.score, `position ${i}`).toBeLessThanOrEqual(prev.score);
        if (r.score === prev.score) {
          const d = (x: RankedCandidate) => x.distanceKm ?? Infinity;
          expect(d(r)).toBeGreaterThanOrEqual(d(prev));
          if (d(r) === d(prev)) expect(r.id).toBeGreaterThan(prev.id);
        }
      }
    }
  });
});
