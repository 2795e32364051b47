// The pure parts of assessment: periods, ranks with ties, the figures and targets of the 茶乡微讲堂,
// professional-team and project indicators, and the reward allocation that always sums to the pool
// to the fen, however the scores fall.
import { describe, expect, it } from 'vitest';
import {
  actualOf,
  allocateByScore,
  rankByScore,
  scoreUnit,
  targetOf,
  teamOnTarget,
  type IndicatorSetting,
  type UnitFacts,
} from './indicators.ts';
import { parsePeriod, periodOf, previousPeriod } from './periods.ts';

describe('periods', () => {
  it('reads months, quarters and years and refuses malformed keys', () => {
    expect(parsePeriod('month', '2024-02')).toMatchObject({
      start: '2024-02-01',
      end: '2024-02-29',
      months: 1,
    });
    expect(parsePeriod('quarter', '2026-Q4')).toMatchObject({
      start: '2026-10-01',
      end: '2026-12-31',
      months: 3,
      label: '2026年第四季度',
    });
    expect(parsePeriod('year', '2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-31', months: 12 });
    for (const [kind, key] of [
      ['month', '2026-13'],
      ['month', '2026-1'],
      ['quarter', '2026-Q0'],
      ['year', '1999'],
      ['year', '26'],
    ] as const)
      expect(parsePeriod(kind, key)).toBeNull();
  });

  it('finds the period before, across a year', () => {
    expect(previousPeriod(periodOf('month', '2026-01-15')).key).toBe('2025-12');
    expect(previousPeriod(periodOf('quarter', '2026-02-01')).key).toBe('2025-Q4');
    expect(previousPeriod(periodOf('year', '2026-12-07')).key).toBe('2025');
  });
});

const town: UnitFacts = {
  orgId: 1,
  path: '1.2',
  name: '测试镇实践所',
  kind: 'institute',
  archived: false,
  existedShare: 1,
  activitiesHeld: 0,
  festivalActivitiesHeld: 0,
  serviceHours: 0,
  ordersClosed: 0,
  ordersClosedOnTime: 0,
  ratingSum: 0,
  ratingCount: 0,
  volunteers: 0,
  population: null,
  activeVolunteers: 0,
  sitesPassed: 0,
  sites: 0,
  posts: 0,
  teams: 0,
  tasksAssigned: 0,
  tasksApproved: 0,
  stationsOnTarget: null,
  stations: 0,
  microLectureStations: 0,
  professionalTeams: 0,
  professionalTeamsOnTarget: 0,
  projectsDone: 0,
  publicity: { province: 0, city: 0, county: 0 },
  trainingsHeld: 0,
};

describe('the 集中培训 indicator', () => {
  it('counts the held trainings of the period, 0 (not 无数据) for a unit that held none', () => {
    expect(actualOf('trainings', { ...town, trainingsHeld: 3 }, 10)).toBe(3);
    expect(actualOf('trainings', town, 10)).toBe(0);
    // 2 a year (seed 004 §11): 0.5 a quarter, 2 a year; a town created mid-year owes its share
    const setting = { code: 'trainings', target: 2 } as const;
    expect(targetOf(setting, 12, 1)).toBe(2);
    expect(targetOf(setting, 3, 1)).toBe(0.5);
    expect(targetOf(setting, 12, 0.5)).toBe(1);
    const settings: IndicatorSetting[] = [
      { orgKind: 'institute', code: 'trainings', seq: 1, target: 2, weight: 10, enabled: true },
    ];
    expect(scoreUnit({ ...town, trainingsHeld: 1 }, settings, 12, 10).results[0]).toMatchObject({
      actual: 1,
      target: 2,
    });
    expect(scoreUnit({ ...town, trainingsHeld: 1 }, settings, 12, 10).score).toBe(50);
  });
});

describe('the 茶乡微讲堂, professional-team and project indicators', () => {
  it('gives the share of stations that held a 微讲堂, and 无数据 for a town without stations', () => {
    expect(actualOf('micro_lecture_stations', { ...town, sites: 7, microLectureStations: 2 }, 10)).toBe(28.6);
    expect(actualOf('micro_lecture_stations', { ...town, sites: 10, microLectureStations: 3 }, 10)).toBe(30);
    expect(actualOf('micro_lecture_stations', town, 10)).toBeNull();
    // a rate: the 30% is the target of a month, a quarter and a year alike
    const setting = { code: 'micro_lecture_stations', target: 30 } as const;
    expect(targetOf(setting, 1, 0.5)).toBe(30);
    expect(targetOf(setting, 12, 1)).toBe(30);
  });

  it('gives the share of professional teams on target, and 无数据 where there are none', () => {
    const centre = { ...town, kind: 'center' as const, professionalTeams: 12, professionalTeamsOnTarget: 9 };
    expect(actualOf('professional_teams_on_target', centre, 10)).toBe(75);
    expect(actualOf('professional_teams_on_target', { ...centre, professionalTeams: 0 }, 10)).toBeNull();
    expect(targetOf({ code: 'professional_teams_on_target', target: 100 }, 3, 1)).toBe(100);
  });

  it('prorates a team’s yearly service target to the period and to the days it existed', () => {
    // 12 a year: 1 a month, 3 a quarter
    expect(teamOnTarget(1, 12, 1, 1)).toBe(true);
    expect(teamOnTarget(0, 12, 1, 1)).toBe(false);
    expect(teamOnTarget(2, 12, 3, 1)).toBe(false);
    expect(teamOnTarget(3, 12, 3, 1)).toBe(true);
    // founded on 16 October: 16 of 31 days owe 12 × 1/12 × 16/31 = 0.52 services, so 1 is enough
    expect(teamOnTarget(1, 12, 1, 16 / 31)).toBe(true);
    expect(teamOnTarget(0, 12, 1, 16 / 31)).toBe(false);
    // a target of 0 is met by anything
    expect(teamOnTarget(0, 0, 12, 1)).toBe(true);
  });

  it('counts projects done against the yearly target prorated to the period (12 a year: 3 a quarter)', () => {
    const centre = { ...town, kind: 'center' as const, projectsDone: 2 };
    expect(actualOf('projects_done', centre, 10)).toBe(2);
    const setting = { code: 'projects_done', target: 12 } as const;
    expect(targetOf(setting, 12, 1)).toBe(12);
    expect(targetOf(setting, 3, 1)).toBe(3);
    expect(targetOf(setting, 1, 1)).toBe(1);
    const settings: IndicatorSetting[] = [
      { orgKind: 'center', code: 'projects_done', seq: 1, target: 12, weight: 50, enabled: true },
      {
        orgKind: 'center',
        code: 'professional_teams_on_target',
        seq: 2,
        target: 100,
        weight: 50,
        enabled: true,
      },
    ];
    // a quarter: 2 of 3 projects (66.7%), 9 of 12 teams (75% of 100%): (50 × 0.667 + 50 × 0.75) / 100
    const score = scoreUnit(
      { ...centre, professionalTeams: 12, professionalTeamsOnTarget: 9 },
      settings,
      3,
      10,
    );
    expect(score.results.map((r) => [r.code, r.actual, r.target, r.completion, r.rag])).toEqual([
      ['projects_done', 2, 3, 66.7, 'red'],
      ['professional_teams_on_target', 75, 100, 75, 'red'],
    ]);
    expect(score.score).toBe(70.8);
  });
});

describe('rankByScore', () => {
  it('gives ties one rank and skips the places they take, and ranks no unit without a score', () => {
    const items = [{ score: 80 }, { score: 95 }, { score: 80 }, { score: null }, { score: 70 }];
    const ranks = rankByScore(items);
    expect(items.map((i) => ranks.get(i) ?? null)).toEqual([2, 1, 2, null, 4]);
  });
});

describe('allocateByScore', () => {
  it('splits in proportion to the scores, the odd fen to the largest remainders', () => {
    const out = allocateByScore(100, [
      { orgId: 1, score: 1 },
      { orgId: 2, score: 1 },
      { orgId: 3, score: 1 },
    ]);
    expect([...out.values()].sort()).toEqual([33, 33, 34]);
    // equal remainders: the lower org id gets the fen
    expect(out.get(1)).toBe(34);
  });

  it('always sums to the pool to the fen (random pools and scores)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round += 1) {
      const pool = Math.floor(random() * 10 ** (1 + Math.floor(random() * 10))) + 1;
      const units = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, i) => ({
        orgId: i + 1,
        score: Math.round(random() * 1000) / 10,
      }));
      if (units.every((u) => u.score === 0)) continue;
      const out = allocateByScore(pool, units);
      expect([...out.values()].reduce((s, v) => s + v, 0)).toBe(pool);
      for (const u of units) {
        const exact = (pool * u.score) / units.reduce((s, x) => s + x.score, 0);
        expect(Math.abs(out.get(u.orgId)! - exact)).toBeLessThan(1.000001);
      }
    }
  });
});

describe('the publicity indicator (宣传稿件, seed 004 §13)', () => {
  const withPieces = (province: number, city: number, county: number) => ({
    ...town,
    publicity: { province, city, county },
  });

  it('counts each level up to its yearly quota: province 1, city 2, county 3', () => {
    expect(actualOf('publicity', withPieces(0, 0, 0), 10)).toBe(0);
    expect(actualOf('publicity', withPieces(1, 2, 3), 10)).toBe(6);
    // more county pieces do not make up for the missing province and city ones
    expect(actualOf('publicity', withPieces(0, 0, 9), 10)).toBe(3);
    expect(actualOf('publicity', withPieces(4, 1, 1), 10)).toBe(3);
    expect(actualOf('publicity', withPieces(2, 5, 2), 10)).toBe(5);
    expect(actualOf('publicity', withPieces(1, 2, 30), 10)).toBe(6);
  });

  it('reaches the yearly target of 6 exactly when every quota is met, and prorates shorter periods', () => {
    const settings: IndicatorSetting[] = [
      { orgKind: 'institute', code: 'publicity', seq: 1, target: 6, weight: 5, enabled: true },
    ];
    const year = (p: number, c: number, k: number) =>
      scoreUnit(withPieces(p, c, k), settings, 12, 10).results[0]!;
    expect(year(1, 2, 3)).toMatchObject({ actual: 6, target: 6, completion: 100, rag: 'green' });
    expect(year(1, 2, 2)).toMatchObject({ actual: 5, completion: 83.3, rag: 'amber' });
    expect(year(0, 5, 9)).toMatchObject({ actual: 5, completion: 83.3, rag: 'amber' });
    expect(year(0, 0, 0)).toMatchObject({ actual: 0, completion: 0, rag: 'red' });
    // a quarter owes 6 × 3 / 12 = 1.5
    expect(scoreUnit(withPieces(0, 0, 2), settings, 3, 10).results[0]).toMatchObject({
      actual: 2,
      target: 1.5,
      rag: 'green',
    });
  });
});
