/**
 * The demo county's team tree and memberships, as plain data (seed 003 五(一)1): the 总队 at the
 * centre led by the county's head, a 大队 per institute led by its head, a 中队 per station led by
 * the 村/社区 party secretary, 2–4 小队/小分队 under the squadrons of the key stations, and the 12
 * county professional teams of "文明实践365" under the 总队.
 *
 * A team's key is `${orgId}/${name}`, unique like (org_id, name) in the database. Volunteers only
 * ever belong to teams of their own org or above, as the H5 application rules require.
 */
import { type Platform, type ServiceCategory, type TeamKind, type TeamTier } from '@civic/contracts';
import { COUNTY, mulberry32, type SeedOrg } from './county-data.ts';
import type { OrgRef } from './org-ref.ts';
import {
  APPLICATION_NOTES,
  LEFT_NOTES,
  PROFESSIONAL_TEAMS,
  SQUADS,
  type SquadSpec,
} from './volunteers-data.ts';
import {
  between,
  countyDetails,
  isHomeStation,
  pick,
  type CountyVolunteers,
  type VolunteerDraft,
} from './volunteers-gen.ts';

export interface TeamDraft {
  key: string;
  parentKey: string | null;
  /** insertion wave: parents come first */
  depth: 0 | 1 | 2 | 3;
  orgId: number;
  orgPath: string;
  name: string;
  tier: TeamTier;
  kind: TeamKind;
  platform: Platform | null;
  responsibleUnit: string | null;
  yearlyServiceTarget: number | null;
  serviceCategories: ServiceCategory[];
  description: string;
  foundedOn: string;
  acceptingApplications: boolean;
}

export interface MembershipDraft {
  teamKey: string;
  volunteer: number;
  role: 'leader' | 'deputy' | 'member';
  status: 'pending' | 'active' | 'left';
  source: 'admin' | 'application';
  applicationNote: string | null;
  decisionNote: string | null;
  appliedAt: Date;
  decidedAt: Date | null;
  joinedAt: Date | null;
  leftAt: Date | null;
}

export interface CountyTeams {
  teams: TeamDraft[];
  memberships: MembershipDraft[];
}

type Rng = () => number;
const DAY_MS = 86_400_000;
const TEAM_SUFFIX = '新时代文明实践志愿服务';

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function daysAfter(date: string, days: number, latest = '2025-12-31'): string {
  const result = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return result < latest ? result : latest;
}

export function buildTeams(orgs: readonly OrgRef[], county: CountyVolunteers, today: Date): CountyTeams {
  const { volunteers, heads, byStation } = county;
  const details = countyDetails(orgs);
  const rng = mulberry32(20261102);
  const teams: TeamDraft[] = [];
  const memberships: MembershipDraft[] = [];
  const current = new Set<string>();
  const led = new Set<string>();
  const now = today.getTime();
  /** volunteers who registered lately and whose application to their 中队 is still open */
  const newcomers = new Set<number>();
  const eligible = (i: number) =>
    volunteers[i]!.status === 'active' && !volunteers[i]!.isMinor && !newcomers.has(i);
  const between2 = (from: number, to: number) => new Date(from + rng() * Math.max(0, to - from));

  const addTeam = (org: OrgRef, team: Omit<TeamDraft, 'key' | 'orgId' | 'orgPath'>): TeamDraft => {
    const draft = { key: `${org.id}/${team.name}`, orgId: org.id, orgPath: org.path, ...team };
    teams.push(draft);
    return draft;
  };
  const isCurrent = (team: TeamDraft, volunteer: number) => current.has(`${team.key}|${volunteer}`);
  /** An active member (or leader/deputy) added by an admin or through an approved application. */
  const join = (team: TeamDraft, volunteer: number, role: MembershipDraft['role'] = 'member') => {
    const v = volunteers[volunteer]!;
    if (isCurrent(team, volunteer) || (role === 'leader' && led.has(team.key))) return false;
    current.add(`${team.key}|${volunteer}`);
    if (role === 'leader') led.add(team.key);
    const joinedAt = role === 'member' ? between2(v.consentAt.getTime(), now - DAY_MS) : v.consentAt;
    const applied = role === 'member' && v.source === 'self';
    memberships.push({
      teamKey: team.key,
      volunteer,
      role,
      status: 'active',
      source: applied ? 'application' : 'admin',
      applicationNote: applied && rng() < 0.5 ? pick(rng, APPLICATION_NOTES) : null,
      decisionNote: null,
      appliedAt: applied ? new Date(joinedAt.getTime() - between(rng, 1, 5) * DAY_MS) : joinedAt,
      decidedAt: applied ? joinedAt : null,
      joinedAt,
      leftAt: null,
    });
    return true;
  };
  const apply = (team: TeamDraft, volunteer: number) => {
    if (isCurrent(team, volunteer)) return false;
    current.add(`${team.key}|${volunteer}`);
    memberships.push({
      teamKey: team.key,
      volunteer,
      role: 'member',
      status: 'pending',
      source: 'application',
      applicationNote: pick(rng, APPLICATION_NOTES),
      decisionNote: null,
      appliedAt: between2(
        Math.max(volunteers[volunteer]!.consentAt.getTime(), now - 45 * DAY_MS),
        now - DAY_MS,
      ),
      decidedAt: null,
      joinedAt: null,
      leftAt: null,
    });
    return true;
  };
  const leave = (team: TeamDraft, volunteer: number, note: string) => {
    if (isCurrent(team, volunteer)) return;
    const v = volunteers[volunteer]!;
    const joinedAt = between2(v.consentAt.getTime(), now - 30 * DAY_MS);
    const leftAt = between2(joinedAt.getTime() + DAY_MS, now - DAY_MS);
    memberships.push({
      teamKey: team.key,
      volunteer,
      role: 'member',
      status: 'left',
      source: 'admin',
      applicationNote: null,
      decisionNote: note,
      appliedAt: joinedAt,
      decidedAt: leftAt,
      joinedAt,
      leftAt,
    });
  };
  /** Leader, deputies and members from `pool` (preferred first), `size` in all. */
  const staff = (team: TeamDraft, preferred: number[], pool: number[], size: number, deputies: number) => {
    const seen = new Set<number>();
    const order = [...preferred, ...pool].filter((i) => eligible(i) && !seen.has(i) && seen.add(i));
    order
      .slice(0, size)
      .forEach((volunteer, n) =>
        join(team, volunteer, n === 0 ? 'leader' : n <= deputies ? 'deputy' : 'member'),
      );
  };

  const center = orgs.find((o) => o.kind === 'center')!;
  const institutes = orgs.filter((o) => o.kind === 'institute');
  const stations = orgs.filter((o) => o.kind === 'station');
  const seedOf = (org: OrgRef): SeedOrg | undefined => details.get(org.id);
  const centerFounded = seedOf(center)?.foundedOn ?? '2019-05-20';
  const all = volunteers.map((_, i) => i);

  // ------------------------------------------------------------------ 总队 and 大队
  const corps = addTeam(center, {
    parentKey: null,
    depth: 0,
    name: `${COUNTY.name}${TEAM_SUFFIX}总队`,
    tier: 'corps',
    kind: 'regular',
    platform: null,
    responsibleUnit: '县文明办',
    yearlyServiceTarget: 365,
    serviceCategories: ['theory', 'culture', 'community'],
    description: `由县委书记任总队长，统筹全县各镇（街道）大队、县级专业志愿服务队和村（社区）中队，实施“文明实践365”志愿服务项目，做到志愿服务天天送、文明实践天天有。`,
    foundedOn: daysAfter(centerFounded, 12),
    acceptingApplications: false,
  });
  const brigadeOf = new Map<number, TeamDraft>();
  for (const institute of institutes) {
    const seed = seedOf(institute);
    const town = seed?.shortName ?? institute.name.replace('新时代文明实践所', '');
    brigadeOf.set(
      institute.id,
      addTeam(institute, {
        parentKey: corps.key,
        depth: 1,
        name: `${town}${TEAM_SUFFIX}大队`,
        tier: 'brigade',
        kind: 'regular',
        platform: null,
        responsibleUnit: null,
        yearlyServiceTarget: 15,
        serviceCategories: ['theory', 'community', 'elderly'],
        description: `由${seed?.headTitle ?? '镇党委书记'}任大队长，指导辖区各村（社区）中队围绕“文明实践365”项目开展活动，全年不少于15场。`,
        foundedOn: daysAfter(seed?.foundedOn ?? centerFounded, between(rng, 5, 30)),
        acceptingApplications: true,
      }),
    );
  }

  // ------------------------------------------------------------------ 12 professional teams
  const professional = PROFESSIONAL_TEAMS.map((spec) =>
    addTeam(center, {
      parentKey: corps.key,
      depth: 1,
      name: `“${spec.project}”志愿服务队`,
      tier: 'brigade',
      kind: 'professional',
      platform: spec.platform,
      responsibleUnit: spec.responsibleUnit,
      yearlyServiceTarget: 12,
      serviceCategories: spec.serviceCategories,
      description: `“文明实践365”县级专业志愿服务队，${spec.responsibleUnit}负责。服务内容：${spec.content}。全年服务不少于12次，与各所、站无缝对接，把服务送到最基层。`,
      foundedOn: daysAfter(centerFounded, between(rng, 20, 200)),
      acceptingApplications: true,
    }),
  );

  // ------------------------------------------------------------------ 中队 and their squads
  const squadronOf = new Map<number, TeamDraft>();
  const squadsOf = new Map<number, TeamDraft[]>();
  const demoStation = stations.find((s) => s.parentId === institutes[0]?.id);
  for (const station of stations) {
    const seed = seedOf(station);
    const brigade = station.parentId === null ? undefined : brigadeOf.get(station.parentId);
    if (!brigade) continue;
    const village = seed?.shortName.endsWith('村') ?? false;
    const squadron = addTeam(station, {
      parentKey: brigade.key,
      depth: 2,
      name: `${seed?.shortName ?? station.name}${TEAM_SUFFIX}中队`,
      tier: 'squadron',
      kind: 'regular',
      platform: null,
      responsibleUnit: null,
      yearlyServiceTarget: 24,
      serviceCategories: village
        ? ['theory', 'community', 'environment']
        : ['community', 'elderly', 'children'],
      description: isHomeStation(seed)
        ? `由${village ? '村' : '社区'}党组织书记任中队长，就近就便开展理论宣讲、邻里互助和环境整治等志愿服务，每月至少2次。`
        : `依托${seed?.shortName ?? '本单位'}组建，发挥专业特长开展志愿服务，每月至少2次。`,
      foundedOn: daysAfter(seed?.foundedOn ?? centerFounded, between(rng, 0, 30)),
      acceptingApplications: true,
    });
    squadronOf.set(station.id, squadron);
    const siblings = stations.filter((s) => s.parentId === station.parentId && isHomeStation(seedOf(s)));
    const key = siblings.indexOf(station) < 2 || station === demoStation || rng() < 0.08;
    if (!isHomeStation(seed) || !key) continue;
    const fits = (spec: SquadSpec) => spec.where === 'any' || (spec.where === 'village') === village;
    const specs = shuffled(rng, SQUADS.filter(fits)).slice(0, between(rng, 2, 4));
    squadsOf.set(
      station.id,
      specs.map((spec) =>
        addTeam(station, {
          parentKey: squadron.key,
          depth: 3,
          name: spec.name,
          tier: spec.tier,
          kind: spec.kind,
          platform: spec.platform,
          responsibleUnit: null,
          yearlyServiceTarget: spec.tier === 'squad' ? 12 : null,
          serviceCategories: spec.serviceCategories,
          description: spec.description,
          foundedOn: daysAfter(seed?.foundedOn ?? centerFounded, between(rng, 60, 900)),
          acceptingApplications: rng() < 0.9,
        }),
      ),
    );
  }

  // ------------------------------------------------------------------ members
  const instituteOf = (volunteer: number) =>
    stations.find((s) => s.id === volunteers[volunteer]!.orgId)?.parentId ?? null;
  const stationPool = (stationId: number) => byStation.get(stationId) ?? [];
  const institutePool = (instituteId: number) =>
    stations.filter((s) => s.parentId === instituteId).flatMap((s) => stationPool(s.id));
  const matches = (v: VolunteerDraft, skills: readonly string[], services: readonly string[]) =>
    v.skills.some((s) => skills.includes(s)) || v.serviceCategories.some((s) => services.includes(s));

  // the demo volunteer (the demo station's head) has applications waiting, one at the county
  const demoVolunteer = demoStation ? heads.stations.get(demoStation.id) : undefined;
  const lecture = professional[1]!;
  if (demoVolunteer !== undefined) apply(lecture, demoVolunteer);

  const instituteHeads = institutes.map((i) => heads.institutes.get(i.id)).filter((i) => i !== undefined);
  if (heads.center !== null)
    staff(corps, [heads.center, ...instituteHeads], [], 1 + instituteHeads.length, 2);

  let demoInSquad = false;
  for (const station of stations) {
    const squadron = squadronOf.get(station.id)!;
    const home = stationPool(station.id);
    if (home.length > 0) {
      const preferred = [heads.stations.get(station.id), heads.stationDeputies.get(station.id)];
      const extraDeputy = preferred[1] === undefined || rng() < 0.4 ? 1 : 0;
      const lead = preferred.filter((i) => i !== undefined);
      // self-registered in the last month: their application waits for the 中队长 (three at the demo station)
      const candidates = home
        .filter((i) => eligible(i) && !lead.includes(i))
        .sort((a, b) => volunteers[b]!.consentAt.getTime() - volunteers[a]!.consentAt.getTime());
      const recent = candidates.filter(
        (i) => volunteers[i]!.source === 'self' && volunteers[i]!.consentAt.getTime() > now - 30 * DAY_MS,
      );
      const waiting = station === demoStation && recent.length < 3 ? candidates.slice(0, 3) : recent;
      for (const i of waiting) newcomers.add(i);
      staff(squadron, lead, shuffled(rng, home), lead.length + extraDeputy, lead.length - 1 + extraDeputy);
      for (const volunteer of home) {
        if (newcomers.has(volunteer)) apply(squadron, volunteer);
        else if (volunteers[volunteer]!.status === 'active') join(squadron, volunteer);
        else leave(squadron, volunteer, volunteers[volunteer]!.statusReason ?? pick(rng, LEFT_NOTES));
      }
    }
    for (const squad of squadsOf.get(station.id) ?? []) {
      const spec = SQUADS.find((s) => s.name === squad.name)!;
      const members = shuffled(rng, home).filter(
        (i) => eligible(i) && (!spec.women || volunteers[i]!.gender === 'female'),
      );
      const fit = members.filter((i) => matches(volunteers[i]!, spec.skills, spec.serviceCategories));
      // the demo volunteer is also in one of their station's squads
      if (station === demoStation && demoVolunteer !== undefined && !spec.women && !demoInSquad) {
        demoInSquad = true;
        join(squad, demoVolunteer);
      }
      staff(squad, fit, members, between(rng, 5, 12), rng() < 0.5 ? 1 : 0);
    }
    // …and has applied to another of them
    const other = (squadsOf.get(station.id) ?? []).find(
      (squad) =>
        squad.acceptingApplications &&
        !SQUADS.find((s) => s.name === squad.name)?.women &&
        !isCurrent(squad, demoVolunteer ?? -1),
    );
    if (station === demoStation && demoVolunteer !== undefined && other) apply(other, demoVolunteer);
  }

  for (const institute of institutes) {
    const brigade = brigadeOf.get(institute.id)!;
    const stationHeads = stations
      .filter((s) => s.parentId === institute.id)
      .map((s) => heads.stations.get(s.id))
      .filter((i) => i !== undefined);
    const leader = heads.institutes.get(institute.id);
    const preferred = [...(leader === undefined ? [] : [leader]), ...stationHeads.slice(1, 3)];
    const street = institute.name.includes('街道');
    const size = street ? between(rng, 25, 40) : between(rng, 10, 30);
    staff(brigade, preferred, shuffled(rng, institutePool(institute.id)), size, 2);
  }

  PROFESSIONAL_TEAMS.forEach((spec, n) => {
    const team = professional[n]!;
    const party = spec.project === '我是党员我带头';
    const young = spec.project === '青春先行';
    const fit = all.filter((i) => {
      const v = volunteers[i]!;
      if (party) return v.politicalStatus === 'party_member' || v.politicalStatus === 'probationary_member';
      if (young) return Number(v.birthDate.slice(0, 4)) >= 1990;
      return v.skills.some((s) => (spec.skills as readonly string[]).includes(s));
    });
    staff(team, shuffled(rng, fit), shuffled(rng, all), between(rng, 12, 40), 2);
  });

  // ------------------------------------------------------------------ applications and leavers
  const adults = all.filter(eligible);
  for (let n = 0; n < 40; n += 1) {
    const volunteer = pick(rng, adults);
    const institute = instituteOf(volunteer);
    const options = [
      ...(institute === null ? [] : [brigadeOf.get(institute)!]),
      pick(rng, professional),
      ...(squadsOf.get(volunteers[volunteer]!.orgId) ?? []),
    ];
    apply(pick(rng, options), volunteer);
  }
  for (let n = 0; n < 25; n += 1) {
    const volunteer = pick(rng, adults);
    const institute = instituteOf(volunteer);
    const options = [
      ...(institute === null ? [] : [brigadeOf.get(institute)!]),
      ...(squadsOf.get(volunteers[volunteer]!.orgId) ?? []),
    ];
    leave(pick(rng, options), volunteer, pick(rng, LEFT_NOTES));
  }
  return { teams, memberships };
}
