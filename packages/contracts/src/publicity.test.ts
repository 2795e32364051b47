import { describe, expect, it } from 'vitest';
import {
  isPublicityUrl,
  publicityCredited,
  publicityPieceFields,
  publishedOnProblem,
  quotaLevelOf,
} from './publicity.ts';

describe('publicity pieces', () => {
  it('accepts http(s) links only', () => {
    expect(isPublicityUrl('https://www.sxwmw.cn/a.html')).toBe(true);
    expect(isPublicityUrl('HTTP://hz.example.cn')).toBe(true);
    for (const bad of ['ftp://a.cn', 'javascript:alert(1)', 'https://', 'https://a b.cn', 'www.a.cn'])
      expect(isPublicityUrl(bad), bad).toBe(false);
    expect(publicityPieceFields.url.safeParse('').data).toBeNull();
    expect(publicityPieceFields.url.safeParse('ftp://a.cn').error?.issues[0]?.message).toBe(
      '链接须以 http:// 或 https:// 开头',
    );
  });

  it('refuses a publication date after today (China), or not a real date', () => {
    expect(publishedOnProblem('2026-05-20', '2026-05-20')).toBeNull();
    expect(publishedOnProblem('2026-05-21', '2026-05-20')).toBe('发表日期不能晚于今天');
    expect(publishedOnProblem('2026-02-30', '2026-05-20')).toMatch(/请填写发表日期/);
    expect(publishedOnProblem('1999-12-31', '2026-05-20')).toMatch(/2000/);
  });

  it('counts 中央级 with 省级 and each level up to its quota', () => {
    expect(quotaLevelOf('national')).toBe('province');
    expect(publicityCredited({ province: 1, city: 2, county: 3 })).toBe(6);
    expect(publicityCredited({ province: 3, city: 0, county: 7 })).toBe(4);
  });
});
