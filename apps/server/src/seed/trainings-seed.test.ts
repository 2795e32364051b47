// The demo trainings: the same sessions for the same day, both 达标 and 未达标 institutes this year,
// every kind, rows the module's rules would accept, and the handout a PDF the upload rules take.
import { describe, expect, it } from 'vitest';
import { TRAINING_KINDS, TRAINING_MAX_DAYS, TRAININGS_PER_YEAR } from '@civic/contracts';
import { detectDocumentType } from '../modules/uploads/record-images.ts';
import { buildCountyOrgs } from './county-data.ts';
import type { OrgRef } from './org-ref.ts';
import { buildTrainingsSeed, handoutPdf } from './trainings-seed.ts';

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

const DAY = 86_400_000;
const now = new Date('2026-12-07T02:00:00Z');
const orgs = countyOrgRefs();
const institutes = orgs.filter((o) => o.kind === 'institute');
const demo = institutes[0]!;
const sessions = buildTrainingsSeed(orgs, demo.id, now);
const yearOf = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();

describe('demo trainings', () => {
  it('are the same for the same day', () => {
    expect(buildTrainingsSeed(orgs, demo.id, now)).toEqual(sessions);
  });

  it('leave most institutes at 2 or more held this year and a few short, both years held', () => {
    const heldThisYear = institutes.map(
      (o) =>
        sessions.filter((s) => s.org.id === o.id && s.status === 'held' && yearOf(s.startsAt) === 2026)
          .length,
    );
    const meeting = heldThisYear.filter((n) => n >= TRAININGS_PER_YEAR).length;
    expect(meeting).toBeGreaterThanOrEqual(institutes.length - 3);
    expect(meeting).toBeLessThan(institutes.length);
    expect(heldThisYear).toContain(0);
    expect(heldThisYear).toContain(1);
    expect(heldThisYear[0]).toBeGreaterThanOrEqual(TRAININGS_PER_YEAR);
    for (const o of [orgs.find((x) => x.kind === 'center')!, ...institutes])
      expect(sessions.some((s) => s.org.id === o.id && yearOf(s.startsAt) === 2025)).toBe(true);
    expect(new Set(sessions.map((s) => s.org.kind))).toEqual(new Set(['center', 'institute']));
    expect(new Set(sessions.map((s) => s.kind))).toEqual(new Set(TRAINING_KINDS));
  });

  it('give demo-institute one planned upcoming, one cancelled with a reason and one handout', () => {
    const planned = sessions.filter((s) => s.status === 'planned');
    expect(planned).toHaveLength(1);
    expect(planned[0]!.org.id).toBe(demo.id);
    expect(planned[0]!.startsAt.getTime()).toBeGreaterThan(now.getTime());
    const cancelled = sessions.filter((s) => s.status === 'cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ org: demo, cancelReason: expect.stringMatching(/改期/) });
    expect(cancelled[0]!.cancelledAt!.getTime()).toBeLessThan(cancelled[0]!.startsAt.getTime());
    const withMaterial = sessions.filter((s) => s.material);
    expect(withMaterial).toHaveLength(1);
    expect(withMaterial[0]).toMatchObject({ org: demo, status: 'held' });
  });

  it('are rows the module accepts: times in order and past for held ones, lengths within limits', () => {
    for (const s of sessions) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.title.length).toBeLessThanOrEqual(60);
      expect(s.place.length).toBeLessThanOrEqual(60);
      expect(s.trainer.length).toBeLessThanOrEqual(40);
      expect(s.title).toMatch(/培训/);
      expect(s.trainer).toMatch(/老师|主任|科长|会长/);
      expect(s.endsAt.getTime()).toBeGreaterThan(s.startsAt.getTime());
      expect(s.endsAt.getTime() - s.startsAt.getTime()).toBeLessThanOrEqual(TRAINING_MAX_DAYS * DAY);
      expect(s.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(s.createdAt.getTime()).toBeLessThan(s.startsAt.getTime());
      expect(s.otherAttendees).toBeGreaterThanOrEqual(0);
      if (s.status === 'held') {
        expect(s.heldAt!.getTime()).toBeGreaterThan(s.endsAt.getTime());
        expect(s.heldAt!.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(s.attendees).toBeGreaterThanOrEqual(20);
        expect(s.attendees).toBeLessThanOrEqual(60);
      } else {
        expect(s.heldAt).toBeNull();
        expect(s.attendees).toBe(0);
      }
    }
  });

  it('has none this year on 1 January, and none held in the future early in the year', () => {
    const early = new Date('2026-12-31T17:00:00Z'); // 1 January 2027, 01:00 in China
    const first = buildTrainingsSeed(orgs, demo.id, early);
    for (const s of first.filter((x) => x.status === 'held'))
      expect(s.heldAt!.getTime()).toBeLessThanOrEqual(early.getTime());
    expect(first.filter((s) => s.status === 'held' && yearOf(s.startsAt) === 2027)).toEqual([]);
  });

  it('draws the handout as a PDF the material rules take', async () => {
    const pdf = await handoutPdf('新时代文明实践志愿服务骨干培训班');
    expect(detectDocumentType(pdf)).toBe('application/pdf');
    expect(pdf.length).toBeLessThan(200_000);
  });
});
