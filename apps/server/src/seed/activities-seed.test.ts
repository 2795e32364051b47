import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_FORMS,
  checkGeofence,
  FESTIVAL_LABELS,
  OUR_FESTIVALS,
  roundServiceHours,
  starLevel,
} from '@civic/contracts';
import { festivalDate, lunarDateByIcu, qingmingDay, SEED_FESTIVALS } from './activities-data.ts';
import {
  beijingDate,
  buildActivitiesSeed,
  lastFestivalDates,
  TEAHOUSE_SERIES_TITLE,
  type ActivitiesSeed,
  type ActivitiesSeedInput,
  type ActivityOrg,
  type SeedActivity,
} from './activities-gen.ts';
import { buildCountyOrgs } from './county-data.ts';
import type { OrgRef } from './org-ref.ts';
import { buildCountyVolunteerSeed } from './volunteers-seed.ts';

const DAY = 86_400_000;

/** The orgs seedDemoIfEmpty writes (ids in listing order), with what the activities seed reads. */
function countyOrgs(): { refs: OrgRef[]; orgs: ActivityOrg[] } {
  const byCode = new Map<string, OrgRef>();
  const refs: OrgRef[] = [];
  const orgs: ActivityOrg[] = [];
  buildCountyOrgs().forEach((org, index) => {
    const parent = org.parentCode ? byCode.get(org.parentCode) : undefined;
    const ref = {
      id: index + 1,
      path: parent ? `${parent.path}.${index + 1}` : String(index + 1),
      name: org.name,
      kind: org.kind,
      parentId: parent?.id ?? null,
    };
    byCode.set(org.code, ref);
    refs.push(ref);
    if (org.kind === 'center' || org.kind === 'institute' || org.kind === 'station')
      orgs.push({
        ...ref,
        kind: org.kind,
        shortName: org.shortName,
        latitude: org.latitude,
        longitude: org.longitude,
      });
  });
  return { refs, orgs };
}

const { refs, orgs } = countyOrgs();
const orgById = new Map(orgs.map((o) => [o.id, o]));
const center = orgs.find((o) => o.kind === 'center')!;
const institutes = orgs.filter((o) => o.kind === 'institute');
const stations = orgs.filter((o) => o.kind === 'station');
const demoStation = stations.find((s) => s.parentId === institutes[0]!.id)!;

function inputAt(now: Date): ActivitiesSeedInput & { priorHours: Map<number, number> } {
  const county = buildCountyVolunteerSeed(refs, now);
  const volunteers = county.volunteers
    .map((v, i) => ({
      id: i + 1,
      orgId: v.orgId,
      since: v.consentAt,
      status: v.status,
      hours: v.lifetimeHours,
    }))
    .filter((v) => v.status === 'active');
  const demoVolunteer = volunteers.find((v) => v.orgId === demoStation.id)!;
  return {
    now,
    orgs,
    volunteers: volunteers.map(({ id, orgId, since }) => ({ id, orgId, since })),
    regularTeams: new Map(orgs.map((o) => [o.id, 1000 + o.id])),
    professionalTeams: new Map([
      ['理论宣讲', 1],
      ['文化惠民', 2],
      ['爱心医疗', 3],
    ]),
    projects: new Map([
      ['理论宣讲', { id: 14, platform: 'theory' }],
      ['文化惠民', { id: 15, platform: 'culture_arts' }],
    ]),
    admins: new Map([
      [center.id, 1],
      [institutes[0]!.id, 2],
      [demoStation.id, 3],
    ]),
    demoStationId: demoStation.id,
    demoVolunteerId: demoVolunteer.id,
    priorHours: new Map(volunteers.map((v) => [v.id, v.hours])),
  };
}

const NOW = new Date('2026-11-24T02:47:00Z');
const input = inputAt(NOW);
const seed = buildActivitiesSeed(input);
const demoVolunteerId = input.demoVolunteerId!;

const past = (s: ActivitiesSeed) =>
  s.activities.filter((a) => a.endsAt.getTime() < NOW.getTime() && a.status !== 'cancelled');
const lengthMinutes = (a: SeedActivity) => (a.endsAt.getTime() - a.startsAt.getTime()) / 60_000;

describe('festival dates', () => {
  it('knows 我们的节日 of 2025–2027 on their real dates', () => {
    expect(SEED_FESTIVALS.map((f) => festivalDate(f, 2026))).toEqual([
      '2026-02-17',
      '2026-03-03',
      '2026-04-05',
      '2026-06-19',
      '2026-08-19',
      '2026-09-25',
      '2026-10-18',
    ]);
    expect(festivalDate('spring', 2025)).toBe('2025-01-29');
    expect(festivalDate('mid_autumn', 2025)).toBe('2025-10-06');
    expect(festivalDate('spring', 2027)).toBe('2027-02-06');
    expect(festivalDate('lantern', 2027)).toBe('2027-02-20');
    expect(festivalDate('double_ninth', 2027)).toBe('2027-10-08');
    expect([2024, 2025, 2026, 2027, 2028].map(qingmingDay)).toEqual([4, 4, 5, 5, 4]);
  });

  it('agrees with ICU’s Chinese calendar where ICU is right', () => {
    if (lunarDateByIcu(2026, 1, 1) === null) return; // a Node without full ICU
    for (const year of [2025, 2026, 2028]) {
      expect(lunarDateByIcu(year, 1, 1)).toBe(festivalDate('spring', year));
      expect(lunarDateByIcu(year, 5, 5)).toBe(festivalDate('dragon_boat', year));
      expect(lunarDateByIcu(year, 8, 15)).toBe(festivalDate('mid_autumn', year));
    }
    // beyond the table ICU answers (a day off at worst); the seed never needs it before 2030
    expect(festivalDate('mid_autumn', 2031)).toMatch(/^2031-(09|10)-\d\d$/);
  });

  it('takes the last date of each festival before today', () => {
    const last = Object.fromEntries(lastFestivalDates('2026-02-10'));
    expect(last.spring).toBe('2025-01-29');
    expect(last.double_ninth).toBe('2025-10-29');
    expect(Object.fromEntries(lastFestivalDates('2026-11-24')).spring).toBe('2026-02-17');
  });
});

describe('demo activities', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(buildActivitiesSeed(inputAt(NOW)))).toBe(JSON.stringify(seed));
  });

  it('gives every institute ≥ 15 activities in the past year, ≥ 5 on the festivals’ real dates', () => {
    const real = new Map(lastFestivalDates(beijingDate(NOW)));
    for (const institute of institutes) {
      const own = past(seed).filter((a) => a.org.id === institute.id);
      expect(own.length, institute.name).toBeGreaterThanOrEqual(15);
      const festive = own.filter((a) => a.festival && OUR_FESTIVALS.includes(a.festival));
      expect(new Set(festive.map((a) => a.festival)).size, institute.name).toBeGreaterThanOrEqual(5);
      for (const a of festive) expect(beijingDate(a.startsAt)).toBe(real.get(a.festival as never));
    }
    for (const a of seed.activities) expect(a.startsAt.getTime()).toBeGreaterThan(NOW.getTime() - 366 * DAY);
  });

  it('has busy stations and laggards, every form and realistic titles', () => {
    const perStation = stations.map((s) => past(seed).filter((a) => a.org.id === s.id).length);
    expect(perStation.filter((n) => n >= 12).length).toBeGreaterThan(stations.length * 0.6);
    expect(perStation.filter((n) => n < 8).length).toBeGreaterThan(5);
    expect(Math.min(...perStation)).toBeGreaterThanOrEqual(2);
    expect(new Set(seed.activities.map((a) => a.form))).toEqual(new Set(ACTIVITY_FORMS));
    for (const a of seed.activities) {
      expect(a.title.length).toBeLessThanOrEqual(60);
      expect(a.place.length).toBeLessThanOrEqual(120);
      expect(a.endsAt.getTime()).toBeGreaterThan(a.startsAt.getTime());
      if (a.festival) expect(FESTIVAL_LABELS[a.festival]).toBeDefined();
      if (a.seriesKey === null) expect([a.latitude, a.longitude]).toEqual([a.org.latitude, a.org.longitude]);
    }
    const festivalTitles = seed.activities.filter((a) => a.festival === 'mid_autumn').map((a) => a.title);
    expect(festivalTitles.every((t) => t.includes('中秋'))).toBe(true);
    // days of the year stay on their day, seasons in their season
    const on = (title: string) =>
      new Set(seed.activities.filter((a) => a.title === title).map((a) => beijingDate(a.startsAt).slice(5)));
    expect([...on('国庆升旗仪式')].every((d) => d === '10-01')).toBe(true);
    expect([...on('“七一”主题党日活动')].every((d) => d === '07-01')).toBe(true);
    expect([...on('助农采茶志愿服务')].every((d) => ['03', '04', '05'].includes(d.slice(0, 2)))).toBe(true);
  });

  it('keeps the counters equal to the sign-ups, from the org’s own volunteers', () => {
    const homeOf = new Map(input.volunteers.map((v) => [v.id, v.orgId]));
    const problems: string[] = [];
    for (const a of seed.activities) {
      const ids = a.signups.map((s) => s.volunteerId);
      if (new Set(ids).size !== ids.length) problems.push(`${a.key}: duplicate sign-up`);
      const held = a.signups.filter((s) => s.status === 'confirmed' || s.status === 'no_show').length;
      if (a.confirmedCount !== held) problems.push(`${a.key}: confirmed_count`);
      if (a.waitlistCount !== a.signups.filter((s) => s.status === 'waitlisted').length)
        problems.push(`${a.key}: waitlist_count`);
      if (held > a.capacity || (a.waitlistCount > 0 && held !== a.capacity))
        problems.push(`${a.key}: capacity`);
      for (const id of ids) {
        const home = orgById.get(homeOf.get(id)!)!;
        if (home.path !== a.org.path && !home.path.startsWith(`${a.org.path}.`))
          problems.push(`${a.key}: volunteer ${id} from elsewhere`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('checks in ~80% of those signed up, within the fence, with hours rounded and capped', () => {
    const done = past(seed);
    const signed = done.flatMap((a) => a.signups.filter((s) => s.status !== 'cancelled'));
    const attended = done.reduce((sum, a) => sum + a.checkins.length, 0);
    expect(attended / signed.length).toBeGreaterThan(0.75);
    expect(attended / signed.length).toBeLessThan(0.9);
    const problems: string[] = [];
    for (const a of done) {
      const checkedIn = new Set(a.checkins.map((c) => c.volunteerId));
      for (const s of a.signups) {
        if (s.status === 'no_show' && checkedIn.has(s.volunteerId))
          problems.push(`${a.key}: no-show checked in`);
        if (checkedIn.has(s.volunteerId) && s.status !== 'confirmed')
          problems.push(`${a.key}: ${s.status} checked in`);
      }
      for (const c of a.checkins) {
        if (c.checkedOutAt!.getTime() < c.checkedInAt.getTime()) problems.push(`${a.key}: out before in`);
        if (
          c.inLatitude !== null &&
          !checkGeofence(a, { latitude: c.inLatitude, longitude: c.inLongitude! }, 300).inside
        )
          problems.push(`${a.key}: outside the fence`);
      }
      for (const r of a.records) {
        if (r.hours % 0.5 !== 0 || r.hours > lengthMinutes(a) / 60)
          problems.push(`${a.key}: hours ${r.hours}`);
        if (
          r.kind === 'credit' &&
          (!checkedIn.has(r.volunteerId) ||
            r.hours !== roundServiceHours(r.minutes, undefined, lengthMinutes(a)))
        )
          problems.push(`${a.key}: credit record`);
        if (r.status !== 'pending' && r.reviewedAt!.getTime() >= NOW.getTime())
          problems.push(`${a.key}: reviewed later`);
      }
    }
    expect(problems).toEqual([]);
    const records = seed.activities.flatMap((a) => a.records);
    const share = (status: string) => records.filter((r) => r.status === status).length / records.length;
    expect(share('confirmed')).toBeGreaterThan(0.9);
    expect(share('pending')).toBeGreaterThan(0.005);
    expect(records.some((r) => r.status === 'rejected')).toBe(true);
    const backfills = records.filter((r) => r.kind === 'backfill');
    expect(backfills.length).toBeGreaterThan(0);
    for (const r of backfills)
      expect([r.status, r.needsEvidence, Boolean(r.note)]).toEqual(['pending', true, true]);
  });

  it('leaves star levels spread once this year’s confirmed hours are added', () => {
    const added = new Map<number, number>();
    for (const r of seed.activities.flatMap((a) => a.records))
      if (r.status === 'confirmed') added.set(r.volunteerId, (added.get(r.volunteerId) ?? 0) + r.hours);
    const levels = new Map<number, number>();
    for (const [id, prior] of input.priorHours) {
      const level = starLevel(prior + (added.get(id) ?? 0));
      levels.set(level, (levels.get(level) ?? 0) + 1);
    }
    expect(levels.size).toBeGreaterThanOrEqual(5);
    expect(levels.get(0)! / input.priorHours.size).toBeGreaterThan(0.3);
    expect(Math.max(...added.values())).toBeLessThan(200);
    expect(added.size).toBeGreaterThan(input.priorHours.size * 0.8);
  });

  it('publishes a yearly plan per institute: four themes, twelve focuses, weekly items linked', () => {
    expect(seed.plans.map((p) => p.org.id).sort()).toEqual([center, ...institutes].map((o) => o.id).sort());
    const byKey = new Map(seed.activities.map((a) => [a.key, a]));
    for (const plan of seed.plans) {
      expect(plan.year).toBe(2026);
      expect(plan.quarterThemes).toHaveLength(4);
      expect(plan.items.filter((i) => i.week === null).map((i) => i.month)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
      ]);
      const linked = plan.items.filter((i) => i.activityKey !== null);
      expect(linked.length).toBeGreaterThan(10);
      for (const item of plan.items) {
        if (item.plannedOn)
          expect(item.plannedOn.slice(0, 7)).toBe(`2026-${String(item.month).padStart(2, '0')}`);
        if (item.activityKey === null) continue;
        const a = byKey.get(item.activityKey)!;
        expect(a.org.id).toBe(plan.org.id);
        expect(beijingDate(a.startsAt)).toBe(item.plannedOn);
      }
      expect(plan.items.length).toBeLessThanOrEqual(300);
    }
  });

  it('runs 茶乡微讲堂 monthly, mid-month, at the demo institute', () => {
    expect(seed.series).toHaveLength(1);
    const series = seed.series[0]!;
    expect([series.title, series.org.id]).toEqual([TEAHOUSE_SERIES_TITLE, institutes[0]!.id]);
    const occurrences = seed.activities.filter((a) => a.seriesKey === series.key);
    expect(occurrences).toHaveLength(series.occurrences);
    expect(occurrences.length).toBeGreaterThanOrEqual(12);
    for (const a of occurrences) expect(beijingDate(a.startsAt).slice(8)).toBe('15');
    expect(occurrences.some((a) => a.status === 'published')).toBe(true);
  });

  it('has towns above and below the 30% of villages holding a 茶乡微讲堂, and professional teams on and off target', () => {
    // October 2026: the share of each town's stations that held a finished 微讲堂
    const held = new Set(
      seed.activities
        .filter(
          (a) =>
            a.microLecture &&
            a.form === 'jiang' &&
            (a.status === 'finished' || a.status === 'archived') &&
            beijingDate(a.startsAt).startsWith('2026-10') &&
            a.org.kind === 'station',
        )
        .map((a) => a.org.id),
    );
    const shares = institutes.map((i) => {
      const own = stations.filter((s) => s.parentId === i.id);
      return own.filter((s) => held.has(s.id)).length / Math.max(1, own.length);
    });
    expect(shares.filter((x) => x >= 0.3).length).toBeGreaterThanOrEqual(3);
    expect(shares.filter((x) => x < 0.3).length).toBeGreaterThanOrEqual(3);
    // the professional teams' activities over the past year: some reach 12, some do not
    const byTeam = new Map<number, number>();
    for (const a of past(seed))
      if (a.teamId !== null && a.teamId < 1000) byTeam.set(a.teamId, (byTeam.get(a.teamId) ?? 0) + 1);
    expect([...byTeam.values()].some((n) => n >= 12)).toBe(true);
    expect([...byTeam.values()].some((n) => n < 12)).toBe(true);
  });

  it('stages the demo: an activity in progress, open ones with a waitlist, the demo volunteer’s hours', () => {
    const atDemo = seed.activities.filter((a) => a.org.id === demoStation.id);
    const live = atDemo.filter((a) => a.status === 'in_progress');
    expect(live).toHaveLength(1);
    expect(live[0]!.startsAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(live[0]!.endsAt.getTime()).toBeGreaterThan(NOW.getTime() + 30 * 60_000);
    expect(live[0]!.signups.find((s) => s.volunteerId === demoVolunteerId)?.status).toBe('confirmed');
    expect(live[0]!.checkins.some((c) => c.volunteerId === demoVolunteerId)).toBe(false);
    expect(live[0]!.checkins.length).toBeGreaterThan(0);

    const upcoming = atDemo.filter((a) => a.status === 'published');
    expect(upcoming.length).toBeGreaterThanOrEqual(2);
    for (const a of upcoming) {
      expect(a.startsAt.getTime()).toBeLessThan(NOW.getTime() + 28 * DAY);
      expect(a.signupOpensAt.getTime()).toBeLessThan(NOW.getTime());
      expect((a.signupClosesAt ?? a.startsAt).getTime()).toBeGreaterThan(NOW.getTime());
    }
    expect(upcoming.some((a) => a.waitlistCount > 0)).toBe(true);
    const mine = upcoming.filter((a) => a.signups.some((s) => s.volunteerId === demoVolunteerId));
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.length).toBeLessThanOrEqual(2);

    const myRecords = seed.activities.flatMap((a) =>
      a.records.filter((r) => r.volunteerId === demoVolunteerId),
    );
    expect(myRecords.some((r) => r.status === 'confirmed')).toBe(true);
    expect(myRecords.some((r) => r.status === 'pending')).toBe(true);

    for (const institute of institutes) {
      const open = seed.activities.filter((a) => a.org.id === institute.id && a.status === 'published');
      expect(open.length, institute.name).toBeGreaterThanOrEqual(1);
    }
    expect(seed.activities.some((a) => a.org.kind === 'institute' && a.waitlistCount > 0)).toBe(true);
  });

  it('holds up on another day of the year (before 春节, on the 1st of a month)', () => {
    for (const day of ['2027-02-01T09:00:00Z', '2026-03-15T01:00:00Z']) {
      const now = new Date(day);
      const other = buildActivitiesSeed(inputAt(now));
      for (const institute of institutes) {
        const own = other.activities.filter(
          (a) => a.org.id === institute.id && a.endsAt < now && a.status !== 'cancelled',
        );
        expect(own.length, `${day} ${institute.name}`).toBeGreaterThanOrEqual(15);
        expect(
          own.filter((a) => a.festival && OUR_FESTIVALS.includes(a.festival)).length,
        ).toBeGreaterThanOrEqual(5);
      }
      expect(other.activities.filter((a) => a.status === 'in_progress')).toHaveLength(1);
    }
  });
});
