/**
 * The demo county's volunteers, as plain data (no database, no encryption) so it can be tested.
 *
 * About 3,000 people live in the 215 village/community stations, roughly in proportion to the
 * population (so more in the street communities). Each station's head (村/社区党组织书记) is one
 * of them and later leads the station's 中队; the institute heads and the county's head are too.
 *
 * Every volunteer draws from a PRNG of their own, seeded by their position, and everything that
 * makes up their identity (name, ID number, phone) is drawn as of AGE_ANCHOR, so the output is the
 * same on every run. Only the age-dependent flags (minor, guardian) are judged against `today`.
 */
import {
  ADULT_AGE,
  ageOn,
  GUARDIAN_REQUIRED_UNDER,
  idCheckCharacter,
  type Availability,
  type Gender,
  type PoliticalStatus,
  type ServiceCategory,
  type Skill,
  type VolunteerCategory,
  type VolunteerSource,
} from '@civic/contracts';
import { buildCountyOrgs, mobilePhone, mulberry32, PERSON_SURNAMES, type SeedOrg } from './county-data.ts';
import type { OrgRef } from './org-ref.ts';
import {
  AGE_ANCHOR,
  AGE_BANDS,
  HOUR_BANDS,
  FEMALE_GIVEN_NAMES,
  GIVEN_NAMES,
  ID_REGIONS,
  SKILL_NOTES,
  SKILL_SERVICE,
  SUSPEND_REASONS,
} from './volunteers-data.ts';

export interface VolunteerDraft {
  orgId: number;
  orgPath: string;
  name: string;
  gender: Gender;
  birthDate: string;
  idNumber: string;
  phone: string | null;
  politicalStatus: PoliticalStatus;
  categories: VolunteerCategory[];
  skills: Skill[];
  skillsNote: string | null;
  serviceCategories: ServiceCategory[];
  availability: Availability[];
  /** under 18 today */
  isMinor: boolean;
  /** set exactly when under 14 today */
  guardian: { name: string; phone: string; consentAt: Date } | null;
  consentAt: Date;
  consentChannel: 'online' | 'offline';
  source: VolunteerSource;
  status: 'active' | 'suspended';
  statusReason: string | null;
  lifetimeHours: number;
}

/** Which volunteer (by index) is the head of which org. */
export interface OrgHeads {
  center: number | null;
  institutes: Map<number, number>;
  stations: Map<number, number>;
  stationDeputies: Map<number, number>;
}

export interface CountyVolunteers {
  volunteers: VolunteerDraft[];
  heads: OrgHeads;
  /** station org id → its volunteers' indexes */
  byStation: Map<number, number[]>;
}

type Rng = () => number;
type Role = 'center_head' | 'institute_head' | 'station_head' | 'station_deputy' | 'member';
interface Spec {
  role: Role;
  name?: string;
  village: boolean;
  /** staff of a 卫生院/学校 station */
  unit?: 'clinic' | 'school';
}

const DAY_MS = 86_400_000;
const SEED = 0x7e11_2026;

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const between = (rng: Rng, min: number, max: number): number =>
  min + Math.floor(rng() * (max - min + 1));

function weighted<T>(rng: Rng, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** The county data behind the org refs (short names, heads, populations, founding dates). */
export function countyDetails(orgs: readonly OrgRef[]): Map<number, SeedOrg> {
  const byName = new Map(buildCountyOrgs().map((o) => [o.name, o]));
  const details = new Map<number, SeedOrg>();
  for (const org of orgs) {
    const seed = byName.get(org.name);
    if (seed) details.set(org.id, seed);
  }
  return details;
}

export const isHomeStation = (seed: SeedOrg | undefined): boolean =>
  seed?.kind === 'station' && /(村|社区)$/.test(seed.shortName);

/** The gender a head's given name suggests (county-data names them without one). */
export function genderOfName(name: string): Gender {
  return FEMALE_GIVEN_NAMES.has(name.slice(1)) ? 'female' : 'male';
}

function givenName(rng: Rng, gender: Gender, birthYear: number): string {
  const generation = birthYear < 1970 ? 'old' : birthYear < 1995 ? 'middle' : 'young';
  return pick(rng, GIVEN_NAMES[gender][generation]);
}

function surname(rng: Rng): string {
  // the same frequency curve as county-data's personName
  return PERSON_SURNAMES[Math.floor(rng() ** 1.8 * PERSON_SURNAMES.length)] ?? '王';
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const ROLE_AGES: Record<Exclude<Role, 'member'>, readonly [number, number]> = {
  center_head: [50, 57],
  institute_head: [42, 56],
  station_head: [36, 60],
  station_deputy: [30, 56],
};

const UNIT_AGES = [24, 58] as const;
const AGE_RANGES = AGE_BANDS.map(([from, to, w]) => [[from, to] as const, w] as const);

function politicalStatus(rng: Rng, age: number, role: Role): PoliticalStatus {
  const r = rng();
  if (role === 'center_head' || role === 'institute_head' || role === 'station_head') return 'party_member';
  if (role === 'station_deputy') return r < 0.75 ? 'party_member' : 'masses';
  if (age < 14) return 'masses';
  if (age < 18) return r < 0.6 ? 'league_member' : 'masses';
  // [status, cumulative share]: about 30% party members overall, counting the heads
  const shares: Array<[PoliticalStatus, number]> =
    age < 29
      ? [
          ['party_member', 0.12],
          ['probationary_member', 0.16],
          ['league_member', 0.6],
        ]
      : [
          ['party_member', 0.22],
          ['probationary_member', 0.23],
          ['democratic_party', 0.24],
        ];
  return shares.find(([, upTo]) => r < upTo)?.[0] ?? 'masses';
}

function categories(rng: Rng, age: number, gender: Gender, party: boolean, spec: Spec): VolunteerCategory[] {
  const found: VolunteerCategory[] = [];
  const add = (category: VolunteerCategory, chance: number) => {
    if (rng() < chance && !found.includes(category)) found.push(category);
  };
  if (spec.role !== 'member' && party) add('cadre', 1);
  if (age < 14) add('other', 1);
  add('cadre', party && age >= 25 && age < 60 ? 0.45 : 0);
  add('veteran', gender === 'male' && age >= 30 ? 0.12 : 0);
  add('five_elders', age >= 60 ? 0.4 : 0);
  add('college_student', age >= 18 && age <= 24 ? 0.7 : 0);
  add('returnee', spec.village && age >= 25 && age <= 50 ? 0.1 : 0);
  add('sage', spec.village && age >= 50 ? 0.06 : 0);
  add('arts', 0.1);
  add('good_person', age >= 18 ? 0.08 : 0);
  add('moral_model', age >= 30 ? 0.015 : 0);
  if (found.length === 0) found.push('other');
  return found.slice(0, 2);
}

function skills(rng: Rng, age: number, gender: Gender, cats: VolunteerCategory[], spec: Spec): Skill[] {
  const village = spec.village;
  const pool: Array<[Skill, number]> = [
    ['law', 0.6],
    ['medical', 0.8],
    ['psychology', 0.5],
    ['first_aid', 1],
    ['sign_language', 0.2],
    ['driving', 1.5],
    ['repair', 1],
    ['cooking', gender === 'female' ? 2.5 : 1],
    ['performance', gender === 'female' ? 2 : 0.8],
    ['elderly_care', gender === 'female' ? 1.5 : 0.5],
  ];
  if (village) pool.push(['tea', 5], ['agriculture', 3]);
  else pool.push(['computer', 2], ['photography', 1]);
  if (cats.includes('cadre')) pool.push(['theory_lecture', 3], ['writing', 2]);
  if (age >= 60) pool.push(['theory_lecture', 2], ['calligraphy', 2], ['elderly_care', 1.5], ['haircut', 1]);
  if (age < 30) pool.push(['tutoring', 3], ['computer', 3], ['photography', 1.5], ['sports', 2]);
  if (spec.unit === 'clinic') pool.push(['medical', 25], ['first_aid', 8], ['psychology', 2]);
  if (spec.unit === 'school')
    pool.push(['tutoring', 25], ['psychology', 4], ['sports', 4], ['performance', 3]);
  if (age < 14) return rng() < 0.5 ? [] : [pick(rng, ['performance', 'sports', 'calligraphy'] as const)];
  const count = weighted(rng, [
    [0, 20],
    [1, 35],
    [2, 30],
    [3, 15],
  ] as const);
  const chosen: Skill[] = [];
  for (let i = 0; i < 8 && chosen.length < count; i += 1) {
    const skill = weighted(rng, pool);
    if (!chosen.includes(skill)) chosen.push(skill);
  }
  return chosen;
}

function serviceCategories(rng: Rng, chosen: Skill[], age: number): ServiceCategory[] {
  const found = new Set<ServiceCategory>(chosen.map((s) => SKILL_SERVICE[s]));
  const general: Array<[ServiceCategory, number]> = [
    ['community', 4],
    ['elderly', 3],
    ['environment', 3],
    ['traffic', 1.5],
    ['children', 2],
    ['poverty', 1.5],
    ['theory', age >= 50 ? 2 : 0.5],
  ];
  const want = between(rng, 1, 3);
  for (let i = 0; i < 6 && found.size < want; i += 1) found.add(weighted(rng, general));
  return [...found].slice(0, 3);
}

function availability(rng: Rng, age: number): Availability[] {
  const found: Availability[] = [];
  if (age >= 60) {
    found.push('weekdays');
    if (rng() < 0.4) found.push('weekends');
  } else if (age < 25) {
    found.push('weekends');
    if (rng() < 0.3) found.push('evenings');
  } else {
    if (rng() < 0.7) found.push('weekends');
    if (rng() < 0.5) found.push('evenings');
    if (rng() < 0.15 || found.length === 0) found.push('weekdays');
  }
  return found;
}

function lifetimeHours(rng: Rng, age: number, role: Role): number {
  const r = rng();
  const [min, max] =
    role !== 'member' ? [120, 700] : age < 14 ? [0, 60] : HOUR_BANDS.find(([upTo]) => r < upTo)!.slice(1);
  return Math.round((min! + rng() * (max! - min!)) * 2) / 2;
}

interface Used {
  ids: Set<string>;
  phones: Set<string>;
}

function uniquePhone(rng: Rng, used: Used): string {
  let phone = mobilePhone(rng);
  while (used.phones.has(phone)) phone = mobilePhone(rng);
  used.phones.add(phone);
  return phone;
}

function draftVolunteer(index: number, org: OrgRef, spec: Spec, today: Date, used: Used): VolunteerDraft {
  const rng = mulberry32((SEED + Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  // identity, all as of AGE_ANCHOR
  const gender: Gender = spec.name ? genderOfName(spec.name) : rng() < 0.54 ? 'female' : 'male';
  const ages =
    spec.role !== 'member' ? ROLE_AGES[spec.role] : spec.unit ? UNIT_AGES : weighted(rng, AGE_RANGES);
  const anchorAge = between(rng, ...ages);
  const [ay, am, ad] = AGE_ANCHOR.split('-').map(Number) as [number, number, number];
  const birthMs = Date.UTC(ay - anchorAge, am - 1, ad) - Math.floor(rng() * 365) * DAY_MS;
  const birthDate = isoDate(birthMs);
  const region = weighted(rng, ID_REGIONS);
  const name = spec.name ?? surname(rng) + givenName(rng, gender, Number(birthDate.slice(0, 4)));
  let sequence = Math.floor(rng() * 500) * 2 + (gender === 'male' ? 1 : 0);
  let first17 = '';
  for (let tries = 0; tries < 500; tries += 1) {
    if (sequence === 0) sequence = 2;
    first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    if (!used.ids.has(first17)) break;
    sequence = (sequence + 2) % 1000;
  }
  used.ids.add(first17);
  const idNumber = first17 + idCheckCharacter(first17);
  const ownPhone = uniquePhone(rng, used);
  const guardianName = `${name.slice(0, 1)}${givenName(rng, rng() < 0.5 ? 'male' : 'female', 1985)}`;
  const guardianPhone = uniquePhone(rng, used);

  // profile
  const political = politicalStatus(rng, anchorAge, spec.role);
  const party = political === 'party_member' || political === 'probationary_member';
  const cats = categories(rng, anchorAge, gender, party, spec);
  const skillList = skills(rng, anchorAge, gender, cats, spec);
  if (spec.role !== 'member' && !skillList.includes('theory_lecture')) skillList.unshift('theory_lecture');
  skillList.splice(3);
  const noteOptions = skillList.flatMap((s) => SKILL_NOTES[s] ?? []);
  const skillsNote = noteOptions.length > 0 && rng() < 0.3 ? pick(rng, noteOptions) : null;
  const consentAt = new Date(today.getTime() - (1 + rng() * 364) * DAY_MS);
  const online = anchorAge >= 14 && spec.role === 'member' && rng() < 0.2;
  const source: VolunteerSource = online ? 'self' : rng() < 0.65 ? 'import' : 'admin';
  const suspended = spec.role === 'member' && anchorAge >= 18 && rng() < 0.025;

  const ageToday = ageOn(birthDate, today);
  return {
    orgId: org.id,
    orgPath: org.path,
    name,
    gender,
    birthDate,
    idNumber,
    phone: anchorAge < GUARDIAN_REQUIRED_UNDER ? null : ownPhone,
    politicalStatus: political,
    categories: cats,
    skills: skillList,
    skillsNote,
    serviceCategories: serviceCategories(rng, skillList, anchorAge),
    availability: availability(rng, anchorAge),
    isMinor: ageToday < ADULT_AGE,
    guardian:
      ageToday < GUARDIAN_REQUIRED_UNDER ? { name: guardianName, phone: guardianPhone, consentAt } : null,
    consentAt,
    consentChannel: online ? 'online' : 'offline',
    source,
    status: suspended ? 'suspended' : 'active',
    statusReason: suspended ? pick(rng, SUSPEND_REASONS) : null,
    lifetimeHours: lifetimeHours(rng, anchorAge, spec.role),
  };
}

/** About 3,000 volunteers over the stations (a few in the 卫生院/学校 ones), heads first in each. */
export function buildVolunteers(orgs: readonly OrgRef[], today: Date): CountyVolunteers {
  const details = countyDetails(orgs);
  const rng = mulberry32(20261101);
  const used: Used = { ids: new Set(), phones: new Set() };
  const volunteers: VolunteerDraft[] = [];
  const heads: OrgHeads = {
    center: null,
    institutes: new Map(),
    stations: new Map(),
    stationDeputies: new Map(),
  };
  const byStation = new Map<number, number[]>();
  const center = orgs.find((o) => o.kind === 'center');
  const stations = orgs.filter((o) => o.kind === 'station' && details.has(o.id));
  const homeStations = stations.filter((o) => isHomeStation(details.get(o.id)));
  // the county's head lives in the second community of the first street
  const centerHome = homeStations.filter((s) => s.parentId === homeStations[0]?.parentId)[1];
  for (const station of stations) {
    const seed = details.get(station.id)!;
    const home = isHomeStation(seed);
    const village = seed.shortName.endsWith('村');
    const unit = home ? undefined : seed.shortName.includes('卫生院') ? 'clinic' : 'school';
    const population = seed.residentPopulation ?? 1500;
    const count = home ? Math.max(6, Math.round(population / 142 + rng() * 4 - 2)) : between(rng, 8, 14);
    const indexes: number[] = [];
    byStation.set(station.id, indexes);
    const add = (spec: Omit<Spec, 'village' | 'unit'>) => {
      indexes.push(volunteers.length);
      volunteers.push(draftVolunteer(volunteers.length, station, { ...spec, village, unit }, today, used));
      return volunteers.length - 1;
    };
    heads.stations.set(station.id, add({ role: 'station_head', name: seed.headName }));
    if (seed.deputyName) {
      heads.stationDeputies.set(station.id, add({ role: 'station_deputy', name: seed.deputyName }));
    }
    const institute = station.parentId === null ? undefined : details.get(station.parentId);
    if (home && institute && station.parentId !== null && !heads.institutes.has(station.parentId)) {
      heads.institutes.set(station.parentId, add({ role: 'institute_head', name: institute.headName }));
    }
    if (center && station === centerHome) {
      heads.center = add({ role: 'center_head', name: details.get(center.id)?.headName });
    }
    while (indexes.length < count) add({ role: 'member' });
  }
  return { volunteers, heads, byStation };
}
