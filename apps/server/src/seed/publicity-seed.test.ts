// The demo's publicity pieces are the same on every run, never dated after today, and cover towns
// that meet every quota, towns that fall short and demo-institute short this year; the drawn
// clippings are PNGs the upload rules accept.
import { describe, expect, it } from 'vitest';
import { publicityCredited, quotaLevelOf } from '@civic/contracts';
import { detectImageType } from '../modules/uploads/index.ts';
import type { OrgRef } from './org-ref.ts';
import { clippingPng, planPieces } from './publicity-seed.ts';

const NOW = new Date('2026-06-15T04:00:00Z');
const institutes: OrgRef[] = Array.from({ length: 12 }, (_, i) => ({
  id: 10 + i,
  path: `1.${10 + i}`,
  name: `第${i + 1}镇新时代文明实践所`,
  kind: 'institute',
  parentId: 1,
}));
const stationsOf = (institute: OrgRef): OrgRef[] =>
  [1, 2, 3].map((k) => ({
    id: institute.id * 100 + k,
    path: `${institute.path}.${institute.id * 100 + k}`,
    name: `${k}村新时代文明实践站`,
    kind: 'station',
    parentId: institute.id,
  }));

describe('planPieces', () => {
  const pieces = planPieces(institutes, stationsOf, 10, NOW);

  it('is deterministic and dates nothing after today', () => {
    expect(planPieces(institutes, stationsOf, 10, NOW)).toEqual(pieces);
    expect(pieces.every((p) => p.publishedOn <= '2026-06-15' && p.publishedOn >= '2025-01-01')).toBe(true);
  });

  it('has towns meeting every quota this year, towns short, and demo-institute short', () => {
    const credited = (institute: OrgRef, year: string) => {
      const counts = { province: 0, city: 0, county: 0 };
      for (const p of pieces)
        if (
          p.publishedOn.startsWith(year) &&
          (p.orgPath === institute.path || p.orgPath.startsWith(`${institute.path}.`))
        )
          counts[quotaLevelOf(p.level)] += 1;
      return publicityCredited(counts);
    };
    const thisYear = institutes.map((i) => credited(i, '2026'));
    expect(thisYear.filter((n) => n === 6).length).toBeGreaterThanOrEqual(3);
    expect(thisYear.filter((n) => n < 6).length).toBeGreaterThanOrEqual(3);
    expect(thisYear[0]).toBeLessThan(6);
    expect(institutes.map((i) => credited(i, '2025')).filter((n) => n === 6).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(pieces.some((p) => p.level === 'national')).toBe(true);
    expect(pieces.filter((p) => p.screenshot !== null).length).toBeGreaterThan(2);
  });
});

describe('clippingPng', () => {
  it('draws a 120 × 80 PNG the upload rules take as image/png', () => {
    const png = clippingPng(0);
    expect(detectImageType(png)).toBe('image/png');
    expect(png.readUInt32BE(16)).toBe(120);
    expect(png.readUInt32BE(20)).toBe(80);
    expect(png.equals(clippingPng(1))).toBe(false);
  });
});
