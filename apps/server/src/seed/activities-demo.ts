/**
 * 东风社区 (the demo-station account's station) staged for a walk-through: the hours of an activity
 * two days ago waiting for review, with two 补录 requests; an activity in progress right now so the
 * QR screen and the demo volunteer's scan work; and three ahead, one full with a waitlist.
 */
import { type ActivityForm, minutesBetween, roundServiceHours } from '@civic/contracts';
import { BACKFILL_NOTE } from './activities-data.ts';
import { type ActivityFactory, sample } from './activities-attendance.ts';
import {
  type ActivitiesSeedInput,
  type ActivityOrg,
  addDays,
  beijingDate,
  between,
  DAY,
  HOUR,
  MINUTE,
  type Rng,
} from './activities-model.ts';

/**
 * 东风社区 for the demo: an activity two days ago waiting for its hours to be confirmed (with two
 * 补录 requests), one in progress right now (QR screen; the demo volunteer has not scanned yet),
 * and three ahead — the demo volunteer signed up to two, one of them full with a waitlist.
 */
export function stageDemoStation(
  factory: ActivityFactory,
  input: ActivitiesSeedInput,
  rng: Rng,
  station: ActivityOrg,
): void {
  const { build, jitter, poolOf, zeal } = factory;
  const { now, admins } = input;
  const today = beijingDate(now);
  const recent = build(station, {
    date: addDays(today, -2),
    title: '为高龄老人打扫庭院',
    form: 'bang',
    festival: null,
    reach: 3,
    hour: 9,
    minute: 0,
    length: 180,
  });
  if (recent.status !== 'cancelled') {
    for (const r of recent.records) {
      r.status = 'pending';
      r.reviewedAt = null;
      r.reviewedBy = null;
      r.rejectReason = null;
    }
    // two who came without their phones: no-shows by the scan, 补录 by the station admin
    const noShows = recent.signups.filter((s) => s.status === 'no_show').slice(0, 2);
    for (const s of recent.signups) {
      if (noShows.length >= 2) break;
      if (s.status !== 'confirmed' || s.volunteerId === input.demoVolunteerId) continue;
      s.status = 'no_show';
      recent.checkins = recent.checkins.filter((c) => c.volunteerId !== s.volunteerId);
      recent.records = recent.records.filter((r) => r.volunteerId !== s.volunteerId);
      noShows.push(s);
    }
    const minutes = minutesBetween(recent.startsAt, recent.endsAt);
    const hours = roundServiceHours(minutes);
    for (const s of noShows)
      recent.records.push({
        volunteerId: s.volunteerId,
        kind: 'backfill',
        status: 'pending',
        startedAt: recent.startsAt,
        endedAt: recent.endsAt,
        minutes: Math.round(hours * 60),
        hours,
        note: BACKFILL_NOTE,
        needsEvidence: true,
        createdBy: admins.get(station.id) ?? null,
        createdAt: new Date(now.getTime() - 20 * HOUR),
        reviewedBy: null,
        reviewedAt: null,
        rejectReason: null,
      });
  }

  // in progress now: started an hour ago, ends in two
  const startsAt = new Date(Math.floor((now.getTime() - HOUR) / (5 * MINUTE)) * 5 * MINUTE);
  const live = build(
    station,
    {
      date: beijingDate(startsAt),
      title: '“文明实践365”志愿服务集中日',
      form: 'xing',
      festival: null,
      reach: 5,
      capacity: 20,
    },
    { upcoming: true },
  );
  live.startsAt = startsAt;
  live.endsAt = new Date(startsAt.getTime() + 3 * HOUR);
  live.status = 'in_progress';
  live.signupClosesAt = null;
  live.createdAt = new Date(startsAt.getTime() - 7 * DAY);
  live.publishedAt = live.signupOpensAt = new Date(startsAt.getTime() - 6 * DAY);
  live.updatedAt = startsAt;
  live.signups = [];
  const pool = poolOf(station).filter((v) => v.since.getTime() < live.publishedAt.getTime());
  const people = sample(rng, pool, Math.min(12, pool.length), zeal);
  const me = pool.find((v) => v.id === input.demoVolunteerId);
  if (me && !people.includes(me)) people[people.length - 1] = me;
  people.forEach((v, i) => {
    live.signups.push({
      volunteerId: v.id,
      status: 'confirmed',
      source: 'self',
      createdAt: new Date(live.publishedAt.getTime() + (i + 1) * 3 * HOUR),
      cancelledAt: null,
      remindedAt: new Date(startsAt.getTime() - DAY),
      attendanceConfirmedAt: v === me || rng() < 0.5 ? new Date(startsAt.getTime() - 20 * HOUR) : null,
    });
    // a few have scanned already; the demo volunteer has not
    if (v !== me && i < 5) {
      const spot = jitter(live);
      live.checkins.push({
        volunteerId: v.id,
        checkedInAt: new Date(
          Math.min(now.getTime() - MINUTE, startsAt.getTime() + between(rng, -15, 30) * MINUTE),
        ),
        inMethod: 'qr',
        inLatitude: spot.latitude,
        inLongitude: spot.longitude,
        inDistanceM: spot.distanceM,
        checkedOutAt: null,
        outMethod: null,
        outLatitude: null,
        outLongitude: null,
        recordedBy: null,
      });
    }
  });
  live.confirmedCount = live.signups.length;
  live.waitlistCount = 0;

  const ahead: Array<[days: number, title: string, form: ActivityForm, full: boolean, me: boolean]> = [
    [2, '防范电信网络诈骗宣讲', 'jiang', false, true],
    [9, '义诊巡诊进村', 'bang', true, true],
    [16, '广场舞展演', 'le', false, false],
  ];
  for (const [days, title, form, full, withMe] of ahead) {
    const a = build(
      station,
      { date: addDays(today, days), title, form, festival: null, reach: 6 },
      { upcoming: true, full },
    );
    const mine = a.signups.find((s) => s.volunteerId === input.demoVolunteerId);
    if (withMe && !mine && input.demoVolunteerId !== null && me) {
      // she signed up early: take the place of the last confirmed one, who moves to the waitlist
      const confirmed = a.signups.filter((s) => s.status === 'confirmed');
      if (confirmed.length >= a.capacity) confirmed[confirmed.length - 1]!.status = 'waitlisted';
      a.signups.push({
        volunteerId: input.demoVolunteerId,
        status: 'confirmed',
        source: 'self',
        createdAt: new Date(a.signupOpensAt.getTime() + HOUR),
        cancelledAt: null,
        remindedAt: null,
        attendanceConfirmedAt: null,
      });
    } else if (!withMe && mine) {
      a.signups = a.signups.filter((s) => s !== mine);
    }
    a.confirmedCount = a.signups.filter((s) => s.status === 'confirmed').length;
    a.waitlistCount = a.signups.filter((s) => s.status === 'waitlisted').length;
  }
}
