// Resident ID numbers (GB 11643-1999): 6-digit region code (GB/T 2260), 8-digit birth date,
// 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character.

export interface IdNumberInfo {
  /** Upper-cased, 18 characters. */
  normalized: string;
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
}

export type IdNumberProblem = 'FORMAT' | 'CHECK_DIGIT' | 'BIRTH_DATE' | 'AGE' | 'REGION';
export type IdNumberCheck =
  { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem; message: string };

export interface IdNumberOptions {
  /** "Today", for the birth-date checks (defaults to now). */
  today?: Date;
  /** Whether a region code appears in the historical GB/T 2260 list (checked on the server). */
  isKnownRegion?: (code: string) => boolean;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Oldest plausible holder; a birth year like 1880 is a typo or a forgery. */
export const MAX_AGE = 120;

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whole years between a YYYY-MM-DD birth date and `on` (calendar date in China time). */
export function ageOn(birthDate: string, on: Date): number {
  const today = new Date(on.getTime() + 8 * 3600_000); // Asia/Shanghai has no DST
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  const month = today.getUTCMonth() + 1;
  if (month < m || (month === m && today.getUTCDate() < d)) age -= 1;
  return age;
}

export function checkIdNumber(input: string, options: IdNumberOptions = {}): IdNumberCheck {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, problem: 'FORMAT', message: '身份证号应为 18 位，前 17 位为数字，末位为数字或 X' };
  }
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) {
    return { ok: false, problem: 'CHECK_DIGIT', message: '身份证号校验位不正确，请核对是否输错' };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isRealDate(y, m, d)) {
    return { ok: false, problem: 'BIRTH_DATE', message: '身份证号中的出生日期不存在' };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const age = ageOn(birthDate, options.today ?? new Date());
  if (age < 0) return { ok: false, problem: 'BIRTH_DATE', message: '身份证号中的出生日期晚于今天' };
  if (age > MAX_AGE) {
    return { ok: false, problem: 'AGE', message: `身份证号中的出生日期不合理（超过 ${MAX_AGE} 岁）` };
  }
  const regionCode = id.slice(0, 6);
  if (options.isKnownRegion && !options.isKnownRegion(regionCode)) {
    return {
      ok: false,
      problem: 'REGION',
      message: `身份证号前 6 位地区码 ${regionCode} 不在行政区划代码表中`,
    };
  }
  return {
    ok: true,
    info: { normalized: id, regionCode, birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' },
  };
}

/**
 * 1****************4: the first and the last character only. Region, birth date and sequence stay
 * hidden, because the rest of a view (gender, an age range, the county of the org tree) would
 * otherwise let anyone rebuild the number: with the birth date beside it, 610***********0550 left
 * exactly one candidate. Views beside this mask show an age range, never the birth date.
 */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 1)}${'*'.repeat(id.length - 2)}${id.slice(-1)}`;
}
