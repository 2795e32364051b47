import { describe, expect, it } from 'vitest';
import { ORG_KINDS } from '@civic/contracts';
import { SITE_STANDARD_PRESETS } from './site-standard-presets.ts';
import { createSiteStandardBody, createInspectionBody } from './site-standards.schema.ts';
import { chinaDate } from '../../platform/time.ts';
import { checkItemCoverage, scoreInspection } from './site-standards.service.ts';
import { cleanFileName, detectImageType } from '../uploads/index.ts';

describe('scoreInspection', () => {
  it('weights the passed items and rounds to an integer percentage', () => {
    const r = scoreInspection(
      [
        { weight: 10, passed: true },
        { weight: 20, passed: false },
        { weight: 30, passed: true },
      ],
      60,
    );
    expect(r).toEqual({ score: 67, passed: true }); // 40 / 60 = 66.7
  });
  it('passes exactly at the pass score and fails just below', () => {
    const items = [
      { weight: 1, passed: true },
      { weight: 1, passed: true },
      { weight: 1, passed: true },
      { weight: 1, passed: false },
    ];
    expect(scoreInspection(items, 75)).toEqual({ score: 75, passed: true });
    expect(scoreInspection(items, 76)).toEqual({ score: 75, passed: false });
  });
  it('needs every item when the pass score is 100', () => {
    const all = Array.from({ length: 12 }, () => ({ weight: 5, passed: true }));
    expect(scoreInspection(all, 100)).toEqual({ score: 100, passed: true });
    all[11] = { weight: 5, passed: false };
    expect(scoreInspection(all, 100).passed).toBe(false);
  });
  it('scores 0 when nothing passed, and passes a 0 pass score anyway', () => {
    expect(scoreInspection([{ weight: 50, passed: false }], 0)).toEqual({ score: 0, passed: true });
    expect(scoreInspection([{ weight: 50, passed: false }], 1)).toEqual({ score: 0, passed: false });
  });
});

describe('checkItemCoverage', () => {
  it('accepts results covering each item exactly once, in any order', () => {
    expect(checkItemCoverage([1, 2, 3], [3, 1, 2])).toEqual({ missing: [], unknown: [], duplicated: [] });
  });
  it('reports missing, unknown and duplicated items', () => {
    expect(checkItemCoverage([1, 2, 3, 4], [1, 1, 2, 9, 9])).toEqual({
      missing: [3, 4],
      unknown: [9],
      duplicated: [1],
    });
  });
  it('reports everything missing for no results', () => {
    expect(checkItemCoverage([5, 6], [])).toEqual({ missing: [5, 6], unknown: [], duplicated: [] });
  });
});

describe('chinaDate', () => {
  it('is the calendar date in UTC+8', () => {
    expect(chinaDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});

describe('SITE_STANDARD_PRESETS', () => {
  it('has the five presets with unique codes and the expected item counts', () => {
    expect(SITE_STANDARD_PRESETS).toHaveLength(5);
    const codes = SITE_STANDARD_PRESETS.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(SITE_STANDARD_PRESETS.map((p) => p.items.length)).toEqual([5, 6, 7, 8, 12]);
  });
  it('names the seeds’ checklists', () => {
    const byCount = new Map(SITE_STANDARD_PRESETS.map((p) => [p.items.length, p]));
    expect(byCount.get(5)!.items.map((i) => i.title)).toEqual([
      '有统一标识',
      '有活动场所',
      '有管理制度',
      '有氛围营造',
      '有活动展示',
    ]);
    expect(
      byCount
        .get(12)!
        .items.map((i) => i.title)
        .slice(8),
    ).toEqual(['“学习强国”广播站', '图书角', '宣传资料', '志愿者服务登记簿']);
    expect(byCount.get(12)!.appliesTo).toEqual(['post']);
    expect(byCount.get(12)!.passScore).toBe(100);
  });
  it('every preset is a valid standard under the API’s own validation', () => {
    for (const preset of SITE_STANDARD_PRESETS) {
      const parsed = createSiteStandardBody.safeParse(preset);
      expect(parsed.success, `${preset.code}: ${parsed.error?.message}`).toBe(true);
      expect(preset.appliesTo.every((k) => ORG_KINDS.includes(k))).toBe(true);
      for (const item of preset.items) {
        expect(Number.isInteger(item.weight)).toBe(true);
        expect(item.description.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('request validation', () => {
  const standard = {
    code: 'demo_1',
    name: '示例标准',
    appliesTo: ['station'],
    passScore: 80,
    items: [{ title: '有场所', weight: 10 }],
  };
  it('rejects bad codes, empty or duplicate kinds, out-of-range scores and weights', () => {
    expect(createSiteStandardBody.safeParse(standard).success).toBe(true);
    expect(createSiteStandardBody.safeParse({ ...standard, code: '中文' }).success).toBe(false);
    expect(createSiteStandardBody.safeParse({ ...standard, code: 'x'.repeat(41) }).success).toBe(false);
    expect(createSiteStandardBody.safeParse({ ...standard, appliesTo: [] }).success).toBe(false);
    expect(createSiteStandardBody.safeParse({ ...standard, appliesTo: ['station', 'station'] }).success).toBe(
      false,
    );
    expect(createSiteStandardBody.safeParse({ ...standard, appliesTo: ['village'] }).success).toBe(false);
    expect(createSiteStandardBody.safeParse({ ...standard, passScore: 101 }).success).toBe(false);
    expect(createSiteStandardBody.safeParse({ ...standard, items: [] }).success).toBe(false);
    expect(
      createSiteStandardBody.safeParse({ ...standard, items: [{ title: 'a', weight: 0 }] }).success,
    ).toBe(false);
    expect(
      createSiteStandardBody.safeParse({ ...standard, items: [{ title: 'a', weight: 1.5 }] }).success,
    ).toBe(false);
    const many = Array.from({ length: 51 }, (_, i) => ({ title: `项${i}`, weight: 1 }));
    expect(createSiteStandardBody.safeParse({ ...standard, items: many }).success).toBe(false);
  });
  it('rejects impossible dates and malformed photo ids', () => {
    const body = {
      orgId: 1,
      standardId: 1,
      inspector: '张三',
      inspectedOn: '2026-02-28',
      results: [{ itemId: 1, passed: true }],
    };
    expect(createInspectionBody.safeParse(body).success).toBe(true);
    expect(createInspectionBody.safeParse({ ...body, inspectedOn: '2026-02-30' }).success).toBe(false);
    expect(
      createInspectionBody.safeParse({ ...body, results: [{ itemId: 1, passed: true, photoIds: ['x'] }] })
        .success,
    ).toBe(false);
  });
});

describe('uploads', () => {
  it('detects JPEG, PNG and WEBP by their magic bytes only', () => {
    expect(detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(detectImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(
      detectImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])),
    ).toBe('image/webp');
    expect(
      detectImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')])),
    ).toBeNull();
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(Buffer.from('GIF89a'))).toBeNull();
    expect(detectImageType(Buffer.alloc(0))).toBeNull();
  });
  it('cleans file names', () => {
    expect(cleanFileName('C:\\fakepath\\照片 1.jpg')).toBe('照片 1.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.png')).toBe('abc.png');
    expect(cleanFileName(undefined)).toBe('upload');
  });
});
