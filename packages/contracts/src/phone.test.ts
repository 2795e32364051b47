import { describe, expect, it } from 'vitest';
import {
  isContactPhone,
  isLandline,
  maskPhone,
  normalizeContactPhone,
  normalizeLandline,
  parseLandline,
} from './phone.ts';

describe('landlines (固定电话) as contact phones', () => {
  it('accepts an area code of 3–4 digits and a local number of 7–8 digits, however it is written', () => {
    const written: Array<[string, string]> = [
      ['0916-1234567', '0916-1234567'],
      ['09161234567', '0916-1234567'],
      ['0916 1234567', '0916-1234567'],
      ['0916 123 4567', '0916-1234567'],
      ['(0916)1234567', '0916-1234567'],
      ['（0916）1234567', '0916-1234567'],
      ['０９１６－１２３４５６７', '0916-1234567'],
      ['+86 916 1234567', '0916-1234567'],
      ['0086-916-1234567', '0916-1234567'],
      ['010-12345678', '010-12345678'],
      ['01012345678', '010-12345678'],
      ['021 87654321', '021-87654321'],
      ['0755-26541234', '0755-26541234'],
    ];
    for (const [typed, stored] of written) {
      expect(isLandline(typed), typed).toBe(true);
      expect(isContactPhone(typed), typed).toBe(true);
      expect(normalizeLandline(typed), typed).toBe(stored);
      expect(normalizeContactPhone(typed), typed).toBe(stored);
    }
  });

  it('keeps an extension (转801, -801, #801, 分机801)', () => {
    for (const typed of [
      '0916-1234567转801',
      '0916-1234567-801',
      '0916-1234567#801',
      '0916-1234567 分机 801',
    ]) {
      expect(normalizeContactPhone(typed), typed).toBe('0916-1234567-801');
    }
    expect(parseLandline('0916-1234567-801')).toEqual({
      areaCode: '0916',
      local: '1234567',
      extension: '801',
    });
  });

  it('refuses what is not a landline', () => {
    for (const bad of [
      '1234567', // no area code
      '0916-123456', // local number too short
      '0916-123456789', // too long
      '0916-0234567', // a local number never starts with the trunk prefix 0
      '091-61234567', // 091 is no three-digit area code (only 010 and 02X are)
      '0116-1234567', // area codes are 010, 02X or 03XX–09XX
      '0916-1234567-801-2',
      '0916-1234567转1234567',
      '0916-abc4567',
      '',
    ]) {
      expect(isLandline(bad), bad).toBe(false);
      expect(isContactPhone(bad), bad).toBe(false);
    }
  });

  it('still takes mobiles as before, stored as 11 digits', () => {
    expect(isContactPhone('+86 138 1234 5678')).toBe(true);
    expect(normalizeContactPhone('+86 138 1234 5678')).toBe('13812345678');
    expect(isLandline('13812345678')).toBe(false);
  });

  it('masks a landline to its area code and last four digits, a mobile as before', () => {
    expect(maskPhone('0916-1234567')).toBe('0916-***4567');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('0916-1234567-801')).toBe('0916-***4567');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
