import { describe, expect, it } from 'vitest';
import { projectTransitionError, SERVICE_CATEGORIES, SKILLS } from '@civic/contracts';
import { buildCountyOrgs } from './county-data.ts';
import type { OrgRef } from './org-ref.ts';
import { buildProjectsAndMenu, chinaYear } from './projects-seed.ts';
import { PROFESSIONAL_TEAMS } from './volunteers-data.ts';

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

const now = new Date('2026-11-24T02:00:00Z');
const orgs = countyOrgRefs();
const { projects, menu } = buildProjectsAndMenu(orgs, now);
const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

describe('demo projects', () => {
  it('are the 12 "文明实践365" projects this year and last year', () => {
    expect(projects).toHaveLength(24);
    for (const year of [2025, 2026]) {
      const ofYear = projects.filter((p) => p.year === year);
      expect(ofYear.map((p) => p.name)).toEqual(PROFESSIONAL_TEAMS.map((t) => `“${t.project}”志愿服务项目`));
      expect(ofYear.map((p) => p.teamName)).toEqual(
        PROFESSIONAL_TEAMS.map((t) => `“${t.project}”志愿服务队`),
      );
      for (const p of ofYear) expect(p.responsibleUnit).toMatch(/^(县|团县委)/);
    }
    expect(projects.filter((p) => p.year === 2025).every((p) => p.status === 'optimizing')).toBe(true);
    expect(projects.filter((p) => p.year === 2026).every((p) => p.copiedFromLastYear)).toBe(true);
    expect(new Set(projects.filter((p) => p.year === 2026).map((p) => p.status)).size).toBe(5);
  });

  it('have a legal, dated history ending at their status', () => {
    for (const p of projects) {
      expect(p.history[0]).toMatchObject({ from: null, to: 'established' });
      expect(p.history.at(-1)!.to).toBe(p.status);
      for (const [k, h] of p.history.entries()) {
        if (k > 0) {
          expect(h.from).toBe(p.history[k - 1]!.to);
          expect(projectTransitionError(h.from!, h.to)).toBeNull();
          expect(h.at.getTime()).toBeGreaterThanOrEqual(p.history[k - 1]!.at.getTime());
        }
        expect(h.at.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(chinaYear(h.at)).toBe(p.year);
      }
    }
  });

  it('take the year in China time', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    const early = buildProjectsAndMenu(orgs, new Date('2026-12-31T16:30:00Z')).projects;
    expect(early.filter((p) => p.year === 2027)).toHaveLength(12);
    for (const p of early) for (const h of p.history) expect(chinaYear(h.at)).toBe(p.year);
  });
});

describe('demo menu', () => {
  const center = orgs.find((o) => o.kind === 'center')!;
  const published = menu.filter((m) => m.status === 'published');

  it('lists at least 24 published items: county-wide, per town and per village', () => {
    expect(published.length).toBeGreaterThanOrEqual(24);
    expect(published.filter((m) => m.owner.id === center.id).length).toBeGreaterThanOrEqual(20);
    expect(published.filter((m) => m.owner.kind === 'institute').length).toBeGreaterThanOrEqual(3);
    expect(published.filter((m) => m.owner.kind === 'station').length).toBeGreaterThanOrEqual(3);
    expect(published.map((m) => m.title)).toEqual(
      expect.arrayContaining(['政策宣讲进村', '法律咨询', '义诊巡诊', '茶叶种植技术指导', '应急救护培训']),
    );
  });

  it('has valid, realistic items within their owner’s area', () => {
    for (const m of menu) {
      expect(within(m.area.path, m.owner.path)).toBe(true);
      expect(['center', 'institute', 'station']).toContain(m.area.kind);
      expect(SERVICE_CATEGORIES).toContain(m.serviceCategory);
      for (const skill of m.skills) expect(SKILLS).toContain(skill);
      expect(m.typicalMinutes).toBeGreaterThanOrEqual(30);
      expect(m.typicalMinutes).toBeLessThanOrEqual(240);
      expect(m.volunteersNeeded).toBeGreaterThanOrEqual(1);
      expect(m.volunteersNeeded).toBeLessThanOrEqual(10);
      expect(m.description.length).toBeGreaterThan(10);
    }
    expect(menu.filter((m) => m.owner.id === center.id).every((m) => m.project !== null)).toBe(true);
    const keys = menu.map((m) => `${m.owner.id}/${m.title}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic', () => {
    expect(buildProjectsAndMenu(orgs, now)).toEqual({ projects, menu });
  });
});
