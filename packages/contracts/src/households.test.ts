import { describe, expect, it } from 'vitest';
import {
  BOARD_MODES,
  BOARD_MODE_LABELS,
  DEFAULT_HOUSEHOLD_RULES,
  HOUSEHOLD_NO_PATTERN,
  maskPersonName,
} from './households.ts';

describe('maskPersonName (the masked public board)', () => {
  it('keeps the first and last character', () => {
    expect(maskPersonName('张三明')).toBe('张*明');
    expect(maskPersonName('欧阳小明')).toBe('欧**明');
    expect(maskPersonName('王五')).toBe('王*');
    expect(maskPersonName('张')).toBe('张');
    expect(maskPersonName(' 李四 ')).toBe('李*');
  });
});

describe('household numbers and defaults', () => {
  it('accepts 户号 like 3-12 and refuses other text', () => {
    for (const ok of ['3-12', '12', 'A-3', '1-01']) expect(HOUSEHOLD_NO_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', '三组12号', '1 2', '1/2', 'x'.repeat(21)])
      expect(HOUSEHOLD_NO_PATTERN.test(bad)).toBe(false);
  });

  it('labels every board mode and gives the county positive whole-number defaults', () => {
    for (const mode of BOARD_MODES) expect(BOARD_MODE_LABELS[mode]).toMatch(/[\u4e00-\u9fa5]/);
    expect(DEFAULT_HOUSEHOLD_RULES.map((r) => r.name)).toEqual(
      expect.arrayContaining(['参加志愿服务', '移风易俗（红白事简办）', '环境卫生评比', '好人好事']),
    );
    for (const rule of DEFAULT_HOUSEHOLD_RULES)
      expect(Number.isInteger(rule.points) && rule.points > 0).toBe(true);
  });
});
