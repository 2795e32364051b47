import { idCheckCharacter } from '@civic/contracts';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../../platform/errors.ts';
import { ageBand, isKnownRegion, validIdNumber } from './identity.ts';

const withCheck = (first17: string) => `${first17}${idCheckCharacter(first17)}`;
const TODAY = new Date('2026-06-01T04:00:00Z');

/** The error `work` throws (fails the test when it throws nothing). */
function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('region codes (historical GB/T 2260)', () => {
  it('knows current counties, abolished ones and renamed districts', () => {
    expect(isKnownRegion('610724')).toBe(true); // 西乡县
    expect(isKnownRegion('440524')).toBe(true); // 潮阳县, abolished in 2003
    expect(isKnownRegion('110103')).toBe(true); // 崇文区, merged in 2010
    expect(isKnownRegion('110105')).toBe(true);
  });

  it('knows counties created since 2015 (current 民政部 list): 临平区, 钱塘区, 新津区, 白杨市', () => {
    for (const code of ['330113', '330114', '510118', '659012']) expect(isKnownRegion(code), code).toBe(true);
  });

  it('does not know made-up codes', () => {
    for (const code of ['999999', '000000', '', '61072']) expect(isKnownRegion(code), code).toBe(false);
  });
});

describe('validIdNumber', () => {
  it('returns the details of a valid ID number from a known region', () => {
    expect(validIdNumber(withCheck('61072419900101001'), TODAY)).toMatchObject({
      regionCode: '610724',
      birthDate: '1990-01-01',
      gender: 'male',
    });
    // an ID issued by a county that no longer exists is still valid
    expect(validIdNumber(withCheck('44052419800101002'), TODAY).regionCode).toBe('440524');
  });

  it('accepts ID numbers issued under region codes created in 2015–2023', () => {
    for (const region of ['330113', '330114', '510118']) {
      const id = withCheck(`${region}19900101002`);
      expect(validIdNumber(id, TODAY), id).toMatchObject({ regionCode: region, gender: 'female' });
    }
  });

  it('refuses an unknown region with ID_NUMBER_REGION, even with a correct check digit', () => {
    const id = withCheck('99999919900101001');
    const error = thrown(() => validIdNumber(id, TODAY));
    expect(error).toBeInstanceOf(Invalid);
    expect(error).toMatchObject({ status: 400, code: 'ID_NUMBER_REGION' });
    expect((error as Invalid).message).toContain('999999');
  });

  it('prefixes the other problems with ID_NUMBER_', () => {
    expect(thrown(() => validIdNumber('110105194912310021', TODAY))).toMatchObject({
      code: 'ID_NUMBER_CHECK_DIGIT',
    });
    expect(thrown(() => validIdNumber('1101051949', TODAY))).toMatchObject({ code: 'ID_NUMBER_FORMAT' });
    expect(thrown(() => validIdNumber('440524188001010014', TODAY))).toMatchObject({ code: 'ID_NUMBER_AGE' });
  });
});

describe('age bands', () => {
  it('needs a guardian under 14 and marks under-18s as minors (China time)', () => {
    expect(ageBand('2012-06-01', TODAY)).toEqual({ age: 14, isMinor: true, needsGuardian: false });
    expect(ageBand('2012-06-02', TODAY)).toEqual({ age: 13, isMinor: true, needsGuardian: true });
    expect(ageBand('2008-06-01', TODAY)).toEqual({ age: 18, isMinor: false, needsGuardian: false });
    expect(ageBand('2008-06-02', TODAY)).toEqual({ age: 17, isMinor: true, needsGuardian: false });
  });
});
