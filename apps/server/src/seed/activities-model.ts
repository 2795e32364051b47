/**
 * The shapes of the demo county's activity year (activities-gen.ts builds them, activities-seed.ts
 * writes them), and the Beijing-calendar and drawing helpers the builders share.
 */
import type { ActivityForm, Festival } from '@civic/contracts';
import { festivalDate, SEED_FESTIVALS, type SeedFestival } from './activities-data.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;
/** The geofence of every seeded activity, in metres. */
export const SEED_GEOFENCE_M = 300;
/** The series of the demo institute (seed 004 §6). */
export const TEAHOUSE_SERIES_TITLE = '茶乡微讲堂';

export type Rng = () => number;

export interface ActivityOrg {
  id: number;
  path: string;
  name: string;
  shortName: string;
  kind: 'center' | 'institute' | 'station';
  parentId: number | null;
  latitude: number;
  longitude: number;
}

export interface ActivityVolunteer {
  id: number;
  /** the station they live in */
  orgId: number;
  /** registered (consent) at: no sign-ups before it */
  since: Date;
}

export interface ActivitiesSeedInput {
  now: Date;
  /** the centre, the institutes and the stations */
  orgs: readonly ActivityOrg[];
  /** active volunteers */
  volunteers: readonly ActivityVolunteer[];
  /** org id → its regular team (总队/大队/中队) */
  regularTeams: ReadonlyMap<number, number>;
  /** "文明实践365" project short name → the county professional team */
  professionalTeams: ReadonlyMap<string, number>;
  /** project short name → this year's project */
  projects: ReadonlyMap<string, { id: number; platform: string | null }>;
  /** org id → an admin user of that org (reviews hours, creates activities) */
  admins: ReadonlyMap<number, number>;
  /** the station of the demo-station account (东风社区) */
  demoStationId: number;
  /** the volunteer the demo-volunteer account signs in as */
  demoVolunteerId: number | null;
}

export interface SeedSignup {
  volunteerId: number;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'no_show';
  source: 'self' | 'leader' | 'admin';
  createdAt: Date;
  cancelledAt: Date | null;
  remindedAt: Date | null;
  attendanceConfirmedAt: Date | null;
}

export interface SeedCheckin {
  volunteerId: number;
  checkedInAt: Date;
  inMethod: 'qr' | 'manual';
  inLatitude: number | null;
  inLongitude: number | null;
  inDistanceM: number | null;
  checkedOutAt: Date | null;
  outMethod: 'qr' | 'close' | null;
  outLatitude: number | null;
  outLongitude: number | null;
  recordedBy: number | null;
}

export interface SeedRecord {
  volunteerId: number;
  kind: 'credit' | 'backfill';
  status: 'pending' | 'confirmed' | 'rejected';
  startedAt: Date;
  endedAt: Date;
  minutes: number;
  hours: number;
  note: string | null;
  /** a backfill carries a photo of the paper sign-in sheet */
  needsEvidence: boolean;
  createdBy: number | null;
  createdAt: Date;
  reviewedBy: number | null;
  reviewedAt: Date | null;
  rejectReason: string | null;
}

export type SeedActivityStatus = 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';

export interface SeedActivity {
  key: number;
  org: ActivityOrg;
  seriesKey: number | null;
  title: string;
  platform: string | null;
  projectId: number | null;
  teamId: number | null;
  form: ActivityForm;
  /** a 茶乡微讲堂 (a 讲 activity) */
  microLecture: boolean;
  festival: Festival | null;
  description: string;
  place: string;
  latitude: number;
  longitude: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  signupOpensAt: Date;
  signupClosesAt: Date | null;
  audience: 'volunteers' | 'public';
  status: SeedActivityStatus;
  cancelReason: string | null;
  summary: string | null;
  videoLinks: string[];
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date;
  finishedAt: Date | null;
  archivedAt: Date | null;
  confirmedCount: number;
  waitlistCount: number;
  signups: SeedSignup[];
  checkins: SeedCheckin[];
  records: SeedRecord[];
}

export interface SeedPlanItem {
  month: number;
  week: number | null;
  title: string;
  description: string | null;
  form: ActivityForm | null;
  festival: Festival | null;
  plannedOn: string | null;
  activityKey: number | null;
}

export interface SeedPlan {
  org: ActivityOrg;
  year: number;
  title: string;
  summary: string;
  quarterThemes: string[];
  createdBy: number | null;
  createdAt: Date;
  publishedAt: Date;
  items: SeedPlanItem[];
}

export interface SeedSeries {
  key: number;
  org: ActivityOrg;
  title: string;
  frequency: 'monthly';
  occurrences: number;
  createdBy: number | null;
  createdAt: Date;
}

export interface ActivitiesSeed {
  year: number;
  plans: SeedPlan[];
  series: SeedSeries[];
  activities: SeedActivity[];
}

/** What an activity is about and when; the factory fills in the rest. */
export interface ActivitySlot {
  date: string;
  title: string;
  form: ActivityForm;
  microLecture?: boolean;
  festival: Festival | null;
  reach: number;
  /** start hour and minute, and length in minutes */
  hour?: number;
  minute?: number;
  length?: number;
  projectName?: string | null;
  teamId?: number | null;
  place?: string;
  coords?: { latitude: number; longitude: number };
  seriesKey?: number;
  capacity?: number;
}

// ---------------------------------------------------------------------------------------------
// Beijing calendar
// ---------------------------------------------------------------------------------------------

/** YYYY-MM-DD of an instant in Beijing. */
export const beijingDate = (d: Date): string => new Date(d.getTime() + CHINA).toISOString().slice(0, 10);
/** An instant from a Beijing date and time of day. */
export const beijingAt = (ymd: string, hour: number, minute = 0): Date => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour, minute) - CHINA);
};
export const addDays = (ymd: string, days: number): string =>
  new Date(Date.parse(`${ymd}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
export const monthOf = (ymd: string) => Number(ymd.slice(5, 7));
export const yearOf = (ymd: string) => Number(ymd.slice(0, 4));
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
export const ymd = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The last date of each seeded festival before `today` (each falls once in the past year). */
export function lastFestivalDates(today: string): Array<[SeedFestival, string]> {
  const year = yearOf(today);
  return SEED_FESTIVALS.map((festival) => {
    const thisYear = festivalDate(festival, year);
    return [festival, thisYear < today ? thisYear : festivalDate(festival, year - 1)];
  });
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const weighted = <T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T => {
  let r = rng() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
};
