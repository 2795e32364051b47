import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, idCheckCharacter, maskIdNumber, MAX_AGE } from './id-number.ts';

/** A full 18-character ID number from its first 17 characters, with the right check character. */
const withCheck = (first17: string) => `${first17}${idCheckCharacter(first17)}`;
const TODAY = new Date('2026-06-01T04:00:00Z');

describe('ID number check (GB 11643-1999)', () => {
  it('accepts the standard vector and reads region, birth date and gender from it', () => {
    const result = checkIdNumber('11010519491231002X', { today: TODAY });
    expect(result).toEqual({
      ok: true,
      info: {
        normalized: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        gender: 'female',
      },
    });
  });

  it('reads an odd sequence digit as male', () => {
    const result = checkIdNumber(withCheck('11010519491231001'), { today: TODAY });
    expect(result.ok && result.info.gender).toBe('male');
  });

  it('computes the ISO 7064 MOD 11-2 check character, including X', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
  });

  it('rejects a wrong check digit with a Chinese message', () => {
    const result = checkIdNumber('110105194912310021', { today: TODAY });
    expect(result).toMatchObject({ ok: false, problem: 'CHECK_DIGIT' });
    expect(!result.ok && result.message).toMatch(/校验位/);
  });

  it('accepts a lowercase x and normalises it (and surrounding spaces)', () => {
    const result = checkIdNumber(' 11010519491231002x ', { today: TODAY });
    expect(result.ok && result.info.normalized).toBe('11010519491231002X');
  });

  it('rejects 17 or 19 characters, letters inside and an X anywhere but last as FORMAT', () => {
    for (const bad of [
      '11010519491231002',
      '11010519491231002X1',
      '1101051949123100XX',
      '1101051949A231002X',
      '',
    ]) {
      expect(checkIdNumber(bad, { today: TODAY }), bad).toMatchObject({ ok: false, problem: 'FORMAT' });
    }
  });

  it('rejects a birth date that does not exist (30 February, 29 February 1900)', () => {
    expect(checkIdNumber(withCheck('11010519990230002'), { today: TODAY })).toMatchObject({
      ok: false,
      problem: 'BIRTH_DATE',
    });
    expect(checkIdNumber(withCheck('11010519000229002'), { today: TODAY })).toMatchObject({
      ok: false,
      problem: 'BIRTH_DATE',
    });
    // 2000 is a leap year
    expect(checkIdNumber(withCheck('11010520000229002'), { today: TODAY }).ok).toBe(true);
  });

  it('rejects a birth date after today', () => {
    const result = checkIdNumber(withCheck('11010520260602002'), { today: TODAY });
    expect(result).toMatchObject({ ok: false, problem: 'BIRTH_DATE' });
    expect(!result.ok && result.message).toMatch(/晚于今天/);
    // born today is fine
    expect(checkIdNumber(withCheck('11010520260601002'), { today: TODAY }).ok).toBe(true);
  });

  it(`rejects a holder older than ${MAX_AGE} years as AGE`, () => {
    const result = checkIdNumber('440524188001010014');
    expect(result).toMatchObject({ ok: false, problem: 'AGE' });
    expect(!result.ok && result.message).toMatch(/120/);
  });

  it('checks the region code only through the isKnownRegion callback', () => {
    const asked: string[] = [];
    const known = (code: string) => {
      asked.push(code);
      return code === '110105';
    };
    expect(checkIdNumber('11010519491231002X', { today: TODAY, isKnownRegion: known }).ok).toBe(true);
    const unknown = withCheck('99999919900101001');
    const result = checkIdNumber(unknown, { today: TODAY, isKnownRegion: known });
    expect(result).toMatchObject({ ok: false, problem: 'REGION' });
    expect(!result.ok && result.message).toContain('999999');
    expect(asked).toEqual(['110105', '999999']);
    // without a callback there is no region check
    expect(checkIdNumber(unknown, { today: TODAY }).ok).toBe(true);
  });
});

describe('masking an ID number', () => {
  it('keeps only the first and the last character', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1****************X');
    expect(maskIdNumber('610724199108293575')).toBe('6****************5');
    expect(maskIdNumber('11010519491231002X')).toMatch(/^\d\*{16}[\dX]$/);
  });
  it('shows none of the region, birth date or sequence digits', () => {
    const id = '610724199108293575';
    const masked = maskIdNumber(id);
    expect(masked).toHaveLength(18);
    for (let i = 1; i < 17; i += 1) expect(masked[i], `position ${i + 1}`).toBe('*');
  });
  it('hides short input entirely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});

describe('age on a date (China time)', () => {
  it('turns a year older on the birthday in Asia/Shanghai, not in UTC', () => {
    // 2018-06-14 23:59:59 in Beijing: the day before the 18th birthday
    expect(ageOn('2000-06-15', new Date('2018-06-14T15:59:59Z'))).toBe(17);
    // 2018-06-15 00:00 in Beijing, still 14 June in UTC
    expect(ageOn('2000-06-15', new Date('2018-06-14T16:00:00Z'))).toBe(18);
    expect(ageOn('2000-06-15', new Date('2018-06-15T12:00:00Z'))).toBe(18);
  });
  it('counts whole years across months', () => {
    expect(ageOn('1949-12-31', new Date('2026-06-01T00:00:00Z'))).toBe(76);
    expect(ageOn('1949-12-31', new Date('2026-12-31T00:00:00Z'))).toBe(77);
  });
});
