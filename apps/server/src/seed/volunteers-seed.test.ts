import { describe, expect, it } from 'vitest';
import {
  ageOn,
  AVAILABILITIES,
  checkIdNumber,
  isMobile,
  POLITICAL_STATUSES,
  SERVICE_CATEGORIES,
  SKILLS,
  TEAM_TIERS,
  VOLUNTEER_CATEGORIES,
} from '@civic/contracts';
import { buildCountyOrgs } from './county-data.ts';
import type { OrgRef } from './org-ref.ts';
import { ID_REGIONS, PROFESSIONAL_TEAMS } from './volunteers-data.ts';
import { buildCountyVolunteerSeed } from './volunteers-seed.ts';

/** The org refs seedDemoIfEmpty hands over: ids in listing order, ltree paths. */
function countyOrgRefs(): OrgRef[] {
  const byCode = new Map<string, OrgRef>();
  return buildCountyOrgs().map((org, index) => {
    const parent = org.parentCode ? byCode.get(org.parentCode) : undefined;
    const id = index + 1;
    const ref = {
      id,
      path: parent ? `${parent.path}.${id}` : String(id),
      name: org.name,
      kind: org.kind,
      parentId: parent?.id ?? null,
    };
    byCode.set(org.code, ref);
    return ref;
  });
}

const today = new Date('2026-11-24T02:00:00Z');
const orgs = countyOrgRefs();
const orgById = new Map(orgs.map((org) => [org.id, org]));
const seed = buildCountyVolunteerSeed(orgs, today);
const { volunteers, teams, memberships } = seed;
const teamByKey = new Map(teams.map((team) => [team.key, team]));
const share = (predicate: (v: (typeof volunteers)[number]) => boolean) =>
  volunteers.filter(predicate).length / volunteers.length;
const knownRegions = new Set(ID_REGIONS.map(([code]) => code));

describe('demo volunteers', () => {
  it('numbers about 3,000, living in stations, more in the street communities', () => {
    expect(volunteers.length).toBeGreaterThanOrEqual(2700);
    expect(volunteers.length).toBeLessThanOrEqual(3300);
    for (const v of volunteers) {
      const org = orgById.get(v.orgId)!;
      expect(org.kind).toBe('station');
      expect(v.orgPath).toBe(org.path);
    }
    const perStation = (pattern: RegExp) => {
      const counts = [...seed.byStation].filter(([id]) => pattern.test(orgById.get(id)!.name));
      return counts.reduce((sum, [, list]) => sum + list.length, 0) / counts.length;
    };
    const streets = new Set(orgs.filter((o) => o.name.includes('街道')).map((o) => o.id));
    const streetCommunities = [...seed.byStation].filter(([id]) => streets.has(orgById.get(id)!.parentId!));
    const streetAverage =
      streetCommunities.reduce((sum, [, list]) => sum + list.length, 0) / streetCommunities.length;
    expect(streetAverage).toBeGreaterThan(1.5 * perStation(/村新时代文明实践站$/));
  });

  it('has valid, unique ID numbers that agree with gender and birth date', () => {
    const ids = volunteers.map((v) => v.idNumber);
    expect(new Set(ids).size).toBe(ids.length);
    for (const v of volunteers) {
      const check = checkIdNumber(v.idNumber, { today, isKnownRegion: (code) => knownRegions.has(code) });
      expect(check.ok, v.idNumber).toBe(true);
      if (!check.ok) continue;
      expect(check.info.gender).toBe(v.gender);
      expect(check.info.birthDate).toBe(v.birthDate);
      expect(v.birthDate >= '1949-01-01').toBe(true);
    }
    expect(share((v) => v.idNumber.startsWith('610724'))).toBeGreaterThan(0.75);
    expect(new Set(ids.map((id) => id.slice(0, 6))).size).toBeGreaterThanOrEqual(5);
  });

  it('has a realistic age mix; under-14s carry a guardian, 14–17s are minors', () => {
    const age = (v: (typeof volunteers)[number]) => ageOn(v.birthDate, today);
    expect(share((v) => age(v) >= 40 && age(v) <= 70)).toBeGreaterThan(0.5);
    expect(share((v) => age(v) < 14)).toBeGreaterThan(0.01);
    expect(share((v) => age(v) < 14)).toBeLessThan(0.035);
    expect(share((v) => age(v) >= 14 && age(v) < 18)).toBeGreaterThan(0.02);
    expect(share((v) => age(v) >= 14 && age(v) < 18)).toBeLessThan(0.045);
    for (const v of volunteers) {
      expect(age(v)).toBeGreaterThanOrEqual(8);
      expect(v.isMinor).toBe(age(v) < 18);
      if (age(v) < 14) {
        expect(v.guardian?.name).toMatch(/^\p{Script=Han}{2,3}$/u);
        expect(isMobile(v.guardian!.phone)).toBe(true);
        expect(v.guardian!.consentAt).toEqual(v.consentAt);
      } else {
        expect(v.guardian).toBeNull();
      }
    }
  });

  it('gives everyone a name, a unique mobile (but young children) and dictionary codes', () => {
    const phones = volunteers.flatMap((v) => (v.phone === null ? [] : [v.phone]));
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.length).toBeGreaterThan(volunteers.length * 0.95);
    const problems = volunteers.flatMap((v) => {
      const wrong = [
        !/^\p{Script=Han}{2,3}$/u.test(v.name) && 'name',
        v.phone !== null && !isMobile(v.phone) && 'phone',
        !POLITICAL_STATUSES.includes(v.politicalStatus) && 'political status',
        (v.categories.length < 1 || v.categories.length > 2) && 'category count',
        v.skills.length > 3 && 'skill count',
        (v.serviceCategories.length < 1 || v.serviceCategories.length > 3) && 'service count',
        v.availability.length < 1 && 'availability',
        !v.categories.every((c) => VOLUNTEER_CATEGORIES.includes(c)) && 'category code',
        !v.skills.every((c) => SKILLS.includes(c)) && 'skill code',
        !v.serviceCategories.every((c) => SERVICE_CATEGORIES.includes(c)) && 'service code',
        !v.availability.every((c) => AVAILABILITIES.includes(c)) && 'availability code',
        v.consentAt.getTime() >= today.getTime() && 'consent in the future',
        v.consentAt.getTime() < today.getTime() - 366 * 86_400_000 && 'consent too old',
        (v.consentChannel === 'online') !== (v.source === 'self') && 'consent channel',
        (v.status === 'suspended') !== (v.statusReason !== null) && 'status reason',
        (v.lifetimeHours < 0 || v.lifetimeHours > 1600) && 'hours',
      ].filter(Boolean);
      return wrong.length > 0 ? [`${v.name}: ${wrong.join(', ')}`] : [];
    });
    expect(problems).toEqual([]);
    const party = share(
      (v) => v.politicalStatus === 'party_member' || v.politicalStatus === 'probationary_member',
    );
    expect(party).toBeGreaterThan(0.24);
    expect(party).toBeLessThan(0.36);
    expect(share((v) => v.skills.includes('tea'))).toBeGreaterThan(0.1);
    expect(share((v) => v.lifetimeHours >= 300)).toBeGreaterThan(0.02);
    expect(share((v) => v.status === 'suspended')).toBeLessThan(0.05);
  });

  it('is deterministic', () => {
    const again = buildCountyVolunteerSeed(orgs, today);
    expect(again.volunteers).toEqual(volunteers);
    expect(again.memberships).toEqual(memberships);
    // identities do not move with the calendar
    const later = buildCountyVolunteerSeed(orgs, new Date('2027-03-01T00:00:00Z'));
    expect(later.volunteers.map((v) => v.idNumber)).toEqual(volunteers.map((v) => v.idNumber));
  });
});

describe('demo teams', () => {
  const ofTier = (tier: string) => teams.filter((t) => t.tier === tier);

  it('builds 总队 → 大队 → 中队 → 小队 over the org tree, plus 12 professional teams', () => {
    expect(ofTier('corps').map((t) => t.name)).toEqual(['西乡县新时代文明实践志愿服务总队']);
    const brigades = teams.filter((t) => t.tier === 'brigade' && t.kind === 'regular');
    expect(brigades).toHaveLength(orgs.filter((o) => o.kind === 'institute').length);
    expect(ofTier('squadron')).toHaveLength(orgs.filter((o) => o.kind === 'station').length);
    const professional = teams.filter((t) => t.kind === 'professional');
    expect(professional.map((t) => t.responsibleUnit)).toEqual(
      PROFESSIONAL_TEAMS.map((p) => p.responsibleUnit),
    );
    expect(professional[0]!.name).toBe('“我是党员我带头”志愿服务队');
    for (const team of professional) {
      expect(team.yearlyServiceTarget).toBe(12);
      expect(team.responsibleUnit).toMatch(/^(县|团县委)/);
    }
    expect(teams.some((t) => t.name === '好媳妇先锋队' && t.kind === 'feature')).toBe(true);
    expect(teams.some((t) => t.name === '星光助老小队')).toBe(true);
    expect(teams.some((t) => t.name === '茶技服务小分队')).toBe(true);
    expect(new Set(teams.map((t) => t.key)).size).toBe(teams.length);
    for (const team of teams) {
      expect(team.orgPath).toBe(orgById.get(team.orgId)!.path);
      if (team.parentKey === null) continue;
      const parent = teamByKey.get(team.parentKey)!;
      expect(TEAM_TIERS.indexOf(team.tier)).toBeGreaterThan(TEAM_TIERS.indexOf(parent.tier));
      expect(team.depth).toBeGreaterThan(parent.depth);
      expect(team.orgPath === parent.orgPath || team.orgPath.startsWith(`${parent.orgPath}.`)).toBe(true);
    }
  });

  it('keeps the membership rules: one current row per pair, one leader, own org or above', () => {
    const current = memberships.filter((m) => m.status === 'active' || m.status === 'pending');
    const pairs = current.map((m) => `${m.teamKey}|${m.volunteer}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const leaders = memberships.filter((m) => m.role === 'leader' && m.status === 'active');
    expect(new Set(leaders.map((m) => m.teamKey)).size).toBe(leaders.length);
    expect(leaders).toHaveLength(teams.length);
    for (const m of memberships) {
      const team = teamByKey.get(m.teamKey)!;
      const v = volunteers[m.volunteer]!;
      expect(v.orgPath === team.orgPath || v.orgPath.startsWith(`${team.orgPath}.`)).toBe(true);
      if (m.role !== 'member') expect(v.isMinor).toBe(false);
      if (m.status === 'pending') expect(m.source).toBe('application');
      if (m.status === 'left') expect(m.leftAt!.getTime()).toBeGreaterThan(m.joinedAt!.getTime());
      expect(m.appliedAt.getTime()).toBeLessThan(today.getTime());
    }
    expect(memberships.filter((m) => m.status === 'pending').length).toBeGreaterThan(10);
    expect(memberships.filter((m) => m.status === 'left').length).toBeGreaterThan(5);
  });

  it('puts every active station volunteer in their 中队 and 10–40 people in 大队 and professional teams', () => {
    const squadronOf = new Map(ofTier('squadron').map((t) => [t.orgId, t.key]));
    const current = new Map(
      memberships.filter((m) => m.status !== 'left').map((m) => [`${m.teamKey}|${m.volunteer}`, m.status]),
    );
    const statuses = volunteers.flatMap((v, i) =>
      v.status === 'active' ? [current.get(`${squadronOf.get(v.orgId)}|${i}`)] : [],
    );
    expect(statuses.filter((status) => status !== 'active' && status !== 'pending')).toEqual([]);
    // the newly self-registered wait for their 中队长 to approve them
    expect(statuses.filter((status) => status === 'pending').length).toBeGreaterThan(5);
    expect(statuses.filter((status) => status === 'pending').length).toBeLessThan(statuses.length * 0.1);
    for (const team of teams.filter((t) => t.tier === 'brigade')) {
      const size = memberships.filter((m) => m.teamKey === team.key && m.status === 'active').length;
      expect(size, team.name).toBeGreaterThanOrEqual(10);
      expect(size, team.name).toBeLessThanOrEqual(40);
    }
  });

  it('makes the demo station head lead its 中队, with a squad and an application waiting', () => {
    const station = orgs.find(
      (o) => o.kind === 'station' && o.parentId === orgs.find((i) => i.kind === 'institute')!.id,
    )!;
    expect(station.name).toBe('东风社区新时代文明实践站');
    const own = memberships.filter(
      (m) => volunteers[m.volunteer]!.orgId === station.id && m.role === 'leader',
    );
    const leader = own.find((m) => teamByKey.get(m.teamKey)!.tier === 'squadron')!;
    const mine = memberships.filter((m) => m.volunteer === leader.volunteer);
    const tierOf = (m: (typeof memberships)[number]) => teamByKey.get(m.teamKey)!.tier;
    const pending = mine.filter((m) => m.status === 'pending');
    expect(pending.some((m) => teamByKey.get(m.teamKey)!.kind === 'professional')).toBe(true);
    expect(pending.some((m) => teamByKey.get(m.teamKey)!.orgId === station.id)).toBe(true);
    expect(mine.some((m) => m.status === 'active' && ['squad', 'detachment'].includes(tierOf(m)))).toBe(true);
    const waiting = memberships.filter((m) => m.teamKey === leader.teamKey && m.status === 'pending');
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    expect(volunteers[leader.volunteer]!.phone).not.toBeNull();
  });
});
