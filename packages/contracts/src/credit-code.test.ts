import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter } from './credit-code.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts a valid code', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('normalises lowercase and surrounding spaces', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
  });

  it('rejects a wrong check character with a Chinese message', () => {
    const result = checkCreditCode('91350100M000100Y44');
    expect(result).toMatchObject({ ok: false, problem: 'CHECK_DIGIT' });
    expect(!result.ok && result.message).toMatch(/校验位/);
  });

  it('rejects the letters I, O, Z, S and V as FORMAT', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const code = `91350100${letter}000100Y43`;
      expect(checkCreditCode(code), code).toMatchObject({ ok: false, problem: 'FORMAT' });
    }
  });

  it('rejects wrong lengths and letters in the region digits as FORMAT', () => {
    for (const bad of ['91350100M000100Y4', '91350100M000100Y433', '913501A0M000100Y43', '']) {
      expect(checkCreditCode(bad), bad).toMatchObject({ ok: false, problem: 'FORMAT' });
    }
  });
});
