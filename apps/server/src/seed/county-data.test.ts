import { describe, it, expect } from 'vitest';
import {
  COUNTY,
  PERSON_GIVEN_NAMES,
  PERSON_SURNAMES,
  PLATFORM_LEADS,
  buildCountyOrgs,
  mobilePhone,
  mulberry32,
  personName,
  type SeedOrg,
} from './county-data.ts';

const orgs = buildCountyOrgs();
const byCode = new Map(orgs.map((org) => [org.code, org]));
const ofKind = (kind: SeedOrg['kind']) => orgs.filter((org) => org.kind === kind);
const isVillageOrCommunity = (org: SeedOrg) => org.kind === 'station' && /(村|社区)$/.test(org.shortName);
const parentOf = (org: SeedOrg): SeedOrg => {
  const parent = org.parentCode === null ? undefined : byCode.get(org.parentCode);
  if (!parent) throw new Error(`no parent for ${org.code}`);
  return parent;
};

/** Great-circle distance in km. */
function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const LEGAL_CHILDREN: Record<SeedOrg['kind'], readonly SeedOrg['kind'][]> = {
  center: ['institute', 'post', 'base'],
  institute: ['station', 'point', 'post', 'base'],
  station: ['point', 'post'],
  point: [],
  post: [],
  base: [],
};

// prettier-ignore
const TOWNS = [
  '城北街道', '城南街道', '杨河镇', '柳树镇', '沙河镇', '私渡镇', '桑园镇', '白龙塘镇', '峡口镇',
  '堰口镇', '茶镇', '高川镇', '两河口镇', '大河镇', '骆家坝镇', '子午镇', '白勉峡镇',
];

describe('demo county 西乡县', () => {
  it('has the counts seed 004 names: 1 centre, 17 institutes, 215 村（社区）stations', () => {
    expect(ofKind('center')).toHaveLength(1);
    expect(ofKind('center')[0]).toMatchObject({ code: 'XX', name: COUNTY.centerName, parentCode: null });
    expect(ofKind('institute').map((org) => org.shortName)).toEqual(TOWNS);
    expect(ofKind('station').filter(isVillageOrCommunity)).toHaveLength(215);
    const unitStations = ofKind('station').filter((org) => !isVillageOrCommunity(org));
    expect(unitStations.length).toBeGreaterThanOrEqual(2);
    expect(unitStations.length).toBeLessThanOrEqual(3);
    for (const unit of unitStations) expect(unit.shortName).toMatch(/(卫生院|学校)$/);
    expect(ofKind('point').length).toBeGreaterThanOrEqual(35);
    expect(ofKind('point').length).toBeLessThanOrEqual(45);
    expect(ofKind('post').length).toBeGreaterThanOrEqual(10);
    expect(ofKind('post').length).toBeLessThanOrEqual(14);
    expect(ofKind('base').length).toBeGreaterThanOrEqual(6);
    expect(ofKind('base').length).toBeLessThanOrEqual(10);
  });

  it('gives streets 10–14 communities and towns 8–18 stations', () => {
    for (const institute of ofKind('institute')) {
      const children = orgs.filter((org) => org.parentCode === institute.code && isVillageOrCommunity(org));
      if (institute.shortName.endsWith('街道')) {
        expect(children.length).toBeGreaterThanOrEqual(10);
        expect(children.length).toBeLessThanOrEqual(14);
        for (const child of children) expect(child.shortName).toMatch(/社区$/);
      } else {
        expect(children.length).toBeGreaterThanOrEqual(8);
        expect(children.length).toBeLessThanOrEqual(18);
        expect(children.filter((child) => child.shortName.endsWith('村')).length).toBeGreaterThan(
          children.length / 2,
        );
      }
    }
  });

  it('has unique codes and names unique within their parent (and across the county)', () => {
    expect(new Set(orgs.map((org) => org.code)).size).toBe(orgs.length);
    expect(new Set(orgs.map((org) => org.name)).size).toBe(orgs.length);
    const siblings = new Map<string, Set<string>>();
    for (const org of orgs) {
      const names = siblings.get(org.parentCode ?? '') ?? new Set<string>();
      expect(names.has(org.shortName), `${org.shortName} twice under ${org.parentCode}`).toBe(false);
      names.add(org.shortName);
      siblings.set(org.parentCode ?? '', names);
    }
  });

  it('nests kinds legally, lists parents first, and codes extend their parent code', () => {
    const seen = new Set<string>();
    for (const org of orgs) {
      if (org.kind === 'center') {
        expect(org.parentCode).toBeNull();
      } else {
        const parent = parentOf(org);
        expect(LEGAL_CHILDREN[parent.kind], `${parent.kind} → ${org.kind}`).toContain(org.kind);
        expect(seen.has(parent.code), `${org.code} listed before its parent`).toBe(true);
        expect(org.code.startsWith(`${parent.code}-`)).toBe(true);
      }
      seen.add(org.code);
    }
    for (const station of ofKind('station').filter(isVillageOrCommunity)) {
      expect(station.code).toMatch(/^XX-\d{2}-\d{3}$/);
    }
    for (const point of ofKind('point')) expect(parentOf(point).kind).toBe('station');
  });

  it('uses realistic names: Chinese, suffixed by kind, never "Station 1" or bare numbers', () => {
    for (const org of orgs) {
      expect(org.name).not.toMatch(/station/i);
      expect(org.name).not.toMatch(/^\d+$/);
      expect(org.name).not.toMatch(/[A-Za-z0-9]/);
      expect(org.shortName).not.toMatch(/[A-Za-z0-9]/);
      expect(org.headName).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(org.contactName).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(org.address.startsWith('陕西省汉中市西乡县')).toBe(true);
      expect(org.headTitle.length).toBeGreaterThan(0);
      expect(org.openingHours.length).toBeGreaterThan(0);
    }
    for (const org of ofKind('institute')) expect(org.name).toBe(`${org.shortName}新时代文明实践所`);
    for (const org of ofKind('station')) expect(org.name).toBe(`${org.shortName}新时代文明实践站`);
    for (const org of ofKind('point')) expect(org.name).toMatch(/实践点$/);
    for (const org of ofKind('post')) expect(org.name).toMatch(/文明实践驿站$/);
    for (const org of ofKind('base')) expect(org.name).toMatch(/基地$/);
  });

  it('has valid, unique mobile numbers and founding dates from 2019 to 2022, never before the parent', () => {
    const phones = orgs.map((org) => org.contactPhone);
    for (const phone of phones) expect(phone).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(phones).size).toBe(phones.length);
    for (const org of orgs) {
      expect(org.foundedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${org.foundedOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(org.foundedOn);
      expect(org.foundedOn >= '2019-01-01' && org.foundedOn <= '2022-12-31').toBe(true);
      if (org.parentCode !== null) expect(org.foundedOn >= parentOf(org).foundedOn).toBe(true);
    }
  });

  it('has realistic populations that add up', () => {
    for (const station of ofKind('station').filter(isVillageOrCommunity)) {
      const [min, max] = station.shortName.endsWith('社区') ? [3000, 12000] : [800, 4500];
      expect(station.residentPopulation).toBeGreaterThanOrEqual(min);
      expect(station.residentPopulation).toBeLessThanOrEqual(max);
    }
    for (const institute of ofKind('institute')) {
      const sum = orgs
        .filter((org) => org.parentCode === institute.code && isVillageOrCommunity(org))
        .reduce((total, org) => total + (org.residentPopulation ?? 0), 0);
      expect(institute.residentPopulation).toBe(sum);
      expect(sum).toBeGreaterThanOrEqual(8000);
      expect(sum).toBeLessThanOrEqual(institute.shortName.endsWith('街道') ? 70000 : 60000);
    }
    const county = ofKind('center')[0]?.residentPopulation ?? 0;
    expect(county).toBeGreaterThanOrEqual(350000);
    expect(county).toBeLessThanOrEqual(450000);
  });

  it('places everything around the county seat, stations within a few km of their town', () => {
    const seat = { latitude: 32.98, longitude: 107.77 };
    for (const org of orgs) {
      expect(Math.round(org.latitude * 1e6) / 1e6).toBe(org.latitude);
      expect(Math.round(org.longitude * 1e6) / 1e6).toBe(org.longitude);
      expect(distanceKm(org, seat)).toBeLessThan(45);
    }
    for (const station of ofKind('station')) expect(distanceKm(station, parentOf(station))).toBeLessThan(8);
    for (const org of [...ofKind('point'), ...ofKind('post')]) {
      expect(distanceKm(org, parentOf(org))).toBeLessThan(2);
    }
  });

  it('is deterministic', () => {
    expect(buildCountyOrgs()).toEqual(orgs);
    expect(buildCountyOrgs()).toEqual(buildCountyOrgs());
  });
});

describe('platform leads and people', () => {
  it('names one lead unit for each of the five platforms', () => {
    expect(PLATFORM_LEADS.map((lead) => lead.platform)).toEqual([
      'theory',
      'education_sports',
      'culture_arts',
      'science',
      'health',
    ]);
    expect(PLATFORM_LEADS.map((lead) => lead.leadUnit)).toEqual([
      '中共西乡县委宣传部',
      '西乡县教育体育局',
      '西乡县文化和旅游广电局',
      '西乡县科学技术协会',
      '西乡县卫生健康局',
    ]);
    for (const lead of PLATFORM_LEADS) {
      expect(lead.contactPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(lead.contactName).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(lead.description.length).toBeGreaterThan(20);
    }
  });

  it('makes names and phones reproducibly from a seed', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);
    const names = Array.from({ length: 50 }, () => personName(first));
    expect(Array.from({ length: 50 }, () => personName(second))).toEqual(names);
    for (const name of names) {
      expect(PERSON_SURNAMES).toContain(name.slice(0, 1));
      expect(PERSON_GIVEN_NAMES).toContain(name.slice(1));
    }
    const rng = mulberry32(7);
    for (let i = 0; i < 200; i += 1) expect(mobilePhone(rng)).toMatch(/^1[3-9]\d{9}$/);
    const values = Array.from({ length: 1000 }, mulberry32(1));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
