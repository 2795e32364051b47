/**
 * Turns a slot into an activity with its people: who signed up (weighted by each volunteer's zeal,
 * from the org's own volunteers), who came and scanned in and out, the hours closing and review
 * left (rounded as the default rule does, capped at the activity's length), the archive's summary
 * — or, for one still ahead, the sign-ups so far with a waitlist when it is full.
 */
import { checkGeofence, DEFAULT_HOUR_RULE, minutesBetween, roundServiceHours } from '@civic/contracts';
import {
  activitySummary,
  CANCEL_REASONS,
  FORM_PLATFORM,
  PLACE_SUFFIXES,
  REJECT_REASONS,
} from './activities-data.ts';
import {
  type ActivitiesSeedInput,
  type ActivityOrg,
  type ActivitySlot,
  type ActivityVolunteer,
  beijingAt,
  beijingDate,
  between,
  DAY,
  HOUR,
  MINUTE,
  pick,
  type Rng,
  SEED_GEOFENCE_M,
  type SeedActivity,
  type SeedCheckin,
  type SeedSignup,
} from './activities-model.ts';
import { mulberry32 } from './county-data.ts';

/** A volunteer's zeal: how likely they are to sign up, the same in every activity. */
function zealOf(id: number, demoVolunteerId: number | null): number {
  if (id === demoVolunteerId) return 3;
  return 0.15 + mulberry32(Math.imul(id, 0x9e3779b1) >>> 0)();
}

/** Weighted sampling without replacement (Efraimidis–Spirakis), `n` of `pool`. */
export function sample(
  rng: Rng,
  pool: readonly ActivityVolunteer[],
  n: number,
  zeal: (id: number) => number,
) {
  if (n <= 0) return [];
  return pool
    .map((v) => ({ v, key: Math.pow(rng(), 1 / zeal(v.id)) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, n)
    .map((x) => x.v);
}

export interface BuildOptions {
  /** a station that lets its archive slide */
  laggard?: boolean;
  /** still ahead: published, sign-ups open */
  upcoming?: boolean;
  /** ahead and full, with a waitlist */
  full?: boolean;
}

export type ActivityFactory = ReturnType<typeof createActivityFactory>;

/** Builds activities into `activities`, drawing from `rng` (shared with the caller, in order). */
export function createActivityFactory(input: ActivitiesSeedInput, rng: Rng) {
  const { now, admins } = input;
  const activities: SeedActivity[] = [];
  const zeal = (id: number) => zealOf(id, input.demoVolunteerId);
  const stations = input.orgs.filter((o) => o.kind === 'station');

  // who may sign up where: a station's own volunteers, an institute's whole town, the county
  const byStation = new Map<number, ActivityVolunteer[]>();
  for (const v of input.volunteers) {
    const list = byStation.get(v.orgId) ?? [];
    list.push(v);
    byStation.set(v.orgId, list);
  }
  const pools = new Map<number, ActivityVolunteer[]>();
  const poolOf = (org: ActivityOrg): ActivityVolunteer[] => {
    let pool = pools.get(org.id);
    if (!pool) {
      pool =
        org.kind === 'center'
          ? [...input.volunteers]
          : org.kind === 'institute'
            ? stations.filter((s) => s.parentId === org.id).flatMap((s) => byStation.get(s.id) ?? [])
            : (byStation.get(org.id) ?? []);
      pools.set(org.id, pool);
    }
    return pool;
  };

  const build = (org: ActivityOrg, slot: ActivitySlot, options: BuildOptions = {}): SeedActivity => {
    const hour = slot.hour ?? pick(rng, [9, 9, 10, 14, 15]);
    const minute = slot.minute ?? (hour === 9 || hour === 14 ? 30 : 0);
    const length = slot.length ?? pick(rng, [90, 120, 120, 150, 180]);
    const startsAt = beijingAt(slot.date, hour, minute);
    const endsAt = new Date(startsAt.getTime() + length * MINUTE);
    const admin = admins.get(org.id) ?? null;
    const project = slot.projectName ? (input.projects.get(slot.projectName) ?? null) : null;
    const capacity =
      slot.capacity ??
      (org.kind === 'station'
        ? pick(rng, [10, 15, 20, 20, 25, 30])
        : org.kind === 'institute'
          ? pick(rng, [20, 25, 30, 40])
          : pick(rng, [30, 40]));
    const upcoming = options.upcoming === true;
    const createdAt = upcoming
      ? new Date(Math.min(now.getTime() - between(rng, 2, 8) * DAY, startsAt.getTime() - 2 * DAY))
      : new Date(startsAt.getTime() - between(rng, 7, 20) * DAY - between(rng, 0, 8) * HOUR);
    const publishedAt = new Date(createdAt.getTime() + between(rng, 1, 20) * HOUR);
    const closesEarly = startsAt.getTime() - DAY;
    const canCloseEarly = closesEarly > publishedAt.getTime() && (!upcoming || closesEarly > now.getTime());
    const signupClosesAt = canCloseEarly && rng() < 0.5 ? new Date(closesEarly) : null;
    const audience: SeedActivity['audience'] =
      (slot.festival || slot.form === 'le' || slot.form === 'qing') && rng() < 0.6 ? 'public' : 'volunteers';
    const place =
      slot.place ??
      (org.kind === 'station' && rng() < 0.5
        ? `${org.shortName}${pick(rng, PLACE_SUFFIXES.slice(1))}`
        : org.kind === 'station'
          ? org.name
          : rng() < 0.5
            ? org.name
            : `${org.shortName}${pick(rng, ['文化广场', '党群服务中心', '综合文化站'])}`);
    const coords = slot.coords ?? { latitude: org.latitude, longitude: org.longitude };
    const activity: SeedActivity = {
      key: activities.length,
      org,
      seriesKey: slot.seriesKey ?? null,
      title: slot.title,
      platform: project?.platform ?? FORM_PLATFORM[slot.form],
      projectId: project?.id ?? null,
      teamId: slot.teamId === undefined ? (input.regularTeams.get(org.id) ?? null) : slot.teamId,
      form: slot.form,
      microLecture: slot.microLecture ?? false,
      festival: slot.festival,
      description: `${org.shortName}${slot.title}。欢迎志愿者报名参加，请按时到场扫码签到。`,
      place,
      latitude: coords.latitude,
      longitude: coords.longitude,
      startsAt,
      endsAt,
      capacity,
      signupOpensAt: publishedAt,
      signupClosesAt,
      audience,
      status: upcoming ? 'published' : 'finished',
      cancelReason: null,
      summary: null,
      videoLinks: [],
      createdBy: admin,
      createdAt,
      updatedAt: publishedAt,
      publishedAt,
      finishedAt: null,
      archivedAt: null,
      confirmedCount: 0,
      waitlistCount: 0,
      signups: [],
      checkins: [],
      records: [],
    };
    activities.push(activity);
    const pool = poolOf(org).filter((v) => v.since.getTime() < publishedAt.getTime());
    if (upcoming) fillUpcoming(activity, pool, options.full === true);
    else attend(activity, pool, slot.reach, options.laggard === true);
    activity.confirmedCount = activity.signups.filter(
      (s) => s.status === 'confirmed' || s.status === 'no_show',
    ).length;
    activity.waitlistCount = activity.signups.filter((s) => s.status === 'waitlisted').length;
    return activity;
  };

  const signupAt = (a: SeedActivity, latest: number) =>
    new Date(
      a.signupOpensAt.getTime() +
        rng() * Math.max(HOUR, Math.min(latest, a.startsAt.getTime()) - a.signupOpensAt.getTime() - HOUR),
    );

  /** Sign-ups, check-ins and records of a past activity, as closing and review left them. */
  function attend(a: SeedActivity, pool: ActivityVolunteer[], reach: number, laggard: boolean) {
    const share = a.org.kind === 'station' ? 0.45 + rng() * 0.45 : 0.6 + rng() * 0.4;
    const wanted = Math.min(
      a.capacity,
      a.org.kind === 'station'
        ? Math.max(3, Math.round(pool.length * share))
        : Math.round(a.capacity * share),
    );
    const chosen = sample(rng, pool, wanted, zeal);
    // the demo volunteer never misses her own station's activities
    if (a.org.id === input.demoStationId && input.demoVolunteerId !== null) {
      const me = pool.find((v) => v.id === input.demoVolunteerId);
      if (me && !chosen.includes(me))
        chosen[chosen.length > 0 && chosen.length >= a.capacity ? 0 : chosen.length] = me;
    }
    const cancelled = rng() < (a.org.kind === 'station' ? 0.025 : 0.01);
    const finishedAt = new Date(a.endsAt.getTime() + between(rng, 0, 60) * MINUTE);
    const reviewer = admins.get(a.org.id) ?? null;
    const reviewDays = between(rng, 1, 6);
    for (const v of chosen) {
      const createdAt = signupAt(a, a.startsAt.getTime());
      const withdrew = !cancelled && v.id !== input.demoVolunteerId && rng() < 0.04;
      const present = rng() < 0.84 || v.id === input.demoVolunteerId;
      const signup: SeedSignup = {
        volunteerId: v.id,
        status: withdrew ? 'cancelled' : cancelled || present ? 'confirmed' : 'no_show',
        source: rng() < 0.1 ? 'leader' : 'self',
        createdAt,
        cancelledAt: withdrew
          ? new Date(createdAt.getTime() + rng() * (a.startsAt.getTime() - createdAt.getTime()))
          : null,
        remindedAt: new Date(a.startsAt.getTime() - DAY),
        attendanceConfirmedAt:
          !withdrew && rng() < 0.6
            ? new Date(a.startsAt.getTime() - DAY + between(rng, 1, 600) * MINUTE)
            : null,
      };
      a.signups.push(signup);
      if (cancelled || withdrew || !present) continue;
      a.checkins.push(checkinOf(a, v.id));
    }
    if (cancelled) {
      a.status = 'cancelled';
      a.cancelReason = pick(rng, CANCEL_REASONS);
      a.updatedAt = new Date(a.startsAt.getTime() - between(rng, 2, 30) * HOUR);
      return;
    }
    a.finishedAt = finishedAt;
    a.updatedAt = finishedAt;
    for (const c of a.checkins) {
      const startedAt = new Date(Math.max(c.checkedInAt.getTime(), a.startsAt.getTime()));
      const endedAt = new Date(
        Math.max(startedAt.getTime(), Math.min(c.checkedOutAt!.getTime(), a.endsAt.getTime())),
      );
      const minutes = minutesBetween(startedAt, endedAt);
      const reviewedAt = new Date(finishedAt.getTime() + reviewDays * DAY + between(rng, 0, 300) * MINUTE);
      const reviewed = reviewedAt.getTime() < now.getTime() && rng() > 0.012;
      const rejected = reviewed && rng() < 0.006;
      a.records.push({
        volunteerId: c.volunteerId,
        kind: 'credit',
        status: reviewed ? (rejected ? 'rejected' : 'confirmed') : 'pending',
        startedAt,
        endedAt,
        minutes,
        hours: roundServiceHours(minutes, DEFAULT_HOUR_RULE, minutesBetween(a.startsAt, a.endsAt)),
        note: null,
        needsEvidence: false,
        createdBy: null,
        createdAt: c.outMethod === 'close' ? finishedAt : c.checkedOutAt!,
        reviewedBy: reviewed ? reviewer : null,
        reviewedAt: reviewed ? reviewedAt : null,
        rejectReason: rejected ? pick(rng, REJECT_REASONS) : null,
      });
    }
    // the archive: laggards leave theirs unfinished; the last few days are not archived yet
    const attended = a.checkins.length;
    const recent = now.getTime() - a.endsAt.getTime() < 4 * DAY;
    const summarised = !recent ? rng() < (laggard ? 0.45 : 0.95) : rng() < 0.5;
    if (summarised) a.summary = activitySummary(a.form, attended, Math.max(attended, attended * reach));
    const archivedAt = new Date(finishedAt.getTime() + between(rng, 1, 7) * DAY);
    if (summarised && !recent && archivedAt.getTime() < now.getTime() && rng() < (laggard ? 0.5 : 0.88)) {
      a.status = 'archived';
      a.archivedAt = archivedAt;
      a.updatedAt = archivedAt;
      if (rng() < 0.12)
        a.videoLinks = [`https://video.example.org/wmsj/${a.org.id}-${beijingDate(a.startsAt)}.mp4`];
    }
  }

  function checkinOf(a: SeedActivity, volunteerId: number): SeedCheckin {
    const manual = rng() < 0.08;
    const late = rng() < 0.12;
    const checkedInAt = new Date(
      a.startsAt.getTime() +
        (late ? between(rng, 5, 25) : -between(rng, 0, 20)) * MINUTE -
        between(rng, 0, 59) * 1000,
    );
    const spot = jitter(a);
    const closed = rng() < 0.2;
    const checkedOutAt = closed
      ? a.endsAt
      : new Date(
          Math.max(checkedInAt.getTime() + 30 * MINUTE, a.endsAt.getTime() + between(rng, -10, 20) * MINUTE),
        );
    const out = closed ? null : jitter(a);
    return {
      volunteerId,
      checkedInAt,
      inMethod: manual ? 'manual' : 'qr',
      inLatitude: manual ? null : spot.latitude,
      inLongitude: manual ? null : spot.longitude,
      inDistanceM: manual ? null : spot.distanceM,
      checkedOutAt,
      outMethod: closed ? 'close' : 'qr',
      outLatitude: out?.latitude ?? null,
      outLongitude: out?.longitude ?? null,
      recordedBy: manual ? (admins.get(a.org.id) ?? null) : null,
    };
  }

  /** A phone's position somewhere within ~150 m of the place. */
  function jitter(a: SeedActivity) {
    const latitude = Math.round((a.latitude + (rng() - 0.5) * 0.0024) * 1e6) / 1e6;
    const longitude = Math.round((a.longitude + (rng() - 0.5) * 0.0028) * 1e6) / 1e6;
    const { distanceM } = checkGeofence(a, { latitude, longitude }, SEED_GEOFENCE_M);
    return { latitude, longitude, distanceM };
  }

  /** Sign-ups so far of an open activity; a full one has a waitlist. */
  function fillUpcoming(a: SeedActivity, pool: ActivityVolunteer[], full: boolean) {
    if (full)
      a.capacity = Math.min(a.capacity, Math.max(3, Math.min(pool.length - 2, pick(rng, [10, 12, 15]))));
    const wanted = full ? a.capacity + between(rng, 2, 4) : Math.round(a.capacity * (0.3 + rng() * 0.5));
    const chosen = sample(rng, pool, Math.min(wanted, pool.length), zeal);
    const times = chosen.map(() => signupAt(a, now.getTime())).sort((x, y) => x.getTime() - y.getTime());
    let confirmed = 0;
    chosen.forEach((v, i) => {
      const status = confirmed < a.capacity ? 'confirmed' : 'waitlisted';
      if (status === 'confirmed') confirmed += 1;
      a.signups.push({
        volunteerId: v.id,
        status,
        source: rng() < 0.1 ? 'leader' : 'self',
        createdAt: times[i]!,
        cancelledAt: null,
        remindedAt: null,
        attendanceConfirmedAt: null,
      });
    });
  }

  return { activities, build, jitter, poolOf, zeal };
}
