/** Normalises a mainland mobile number: strips spaces, dashes and a +86/0086 prefix. */
export function normalizeMobile(input: string): string {
  let s = input.replace(/[\s-]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  return s;
}

/** Mainland mobile numbers: 11 digits starting with 1 and a second digit 3–9 (no carrier range lists). */
export function isMobile(input: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(input));
}

export const MOBILE_MESSAGE = '手机号码格式不正确，应为 11 位大陆手机号';

/** 138****5678 */
export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`;
}

// ---------------------------------------------------------------- landlines (固定电话)
// Many elderly residents have only a landline, so a contact phone (the one a resident leaves with an
// order) may be one. The numbering plan: a trunk prefix 0 and an area code — 010 and 02X are three
// digits (Beijing, Shanghai, Tianjin, Chongqing, the big provincial capitals), every other one four
// (0916 汉中) — then a local number of 7 or 8 digits (never starting with 0, the trunk prefix), and
// perhaps an extension (分机, written 转801, -801 or #801). Stored as 0916-1234567 or 0916-1234567-801.

export interface Landline {
  areaCode: string;
  local: string;
  extension: string | null;
}

/** Full-width digits and dashes (a Chinese input method's) as ASCII. */
function halfWidth(input: string): string {
  return input
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uff0d\u2010-\u2015\u2212]/g, '-')
    .replace(/[\uff08]/g, '(')
    .replace(/[\uff09]/g, ')')
    .replace(/\uff03/g, '#');
}

const threeDigitArea = (digits: string) => /^(010|02\d)/.test(digits);
const validArea = (area: string) => (area.length === 3 ? threeDigitArea(area) : /^0[3-9]\d{2}$/.test(area));
const validLocal = (local: string) => /^[1-9]\d{6,7}$/.test(local);

/** The parts of a landline number as typed (with or without separators), or null when it is not one. */
export function parseLandline(input: string): Landline | null {
  let s = halfWidth(input).trim();
  // the extension: 转801, 分机801, ext801, #801 (a trailing -801 is handled below)
  let extension: string | null = null;
  const ext = /(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i.exec(s);
  if (ext) {
    extension = ext[1]!;
    s = s.slice(0, ext.index).trim();
  }
  // (0916) 1234567 → 0916-1234567
  s = s.replace(/^\((0?\d{2,3})\)\s*/, '$1-');
  // +86 916 1234567 or 0086-916-1234567: the trunk 0 is dropped after a country code
  const international = /^(?:\+|00)86[\s-]*/.exec(s);
  if (international) s = `0${s.slice(international[0].length).replace(/^0/, '')}`;
  if (!/^[\d\s-]+$/.test(s)) return null;
  const groups = s.split(/[\s-]+/).filter(Boolean);
  let area: string;
  let local: string;
  if (groups.length === 1) {
    // digits only: the area code's length follows from its first digits
    const digits = groups[0]!;
    const length = threeDigitArea(digits) ? 3 : 4;
    area = digits.slice(0, length);
    local = digits.slice(length);
  } else {
    area = groups[0]!;
    local = groups[1]!;
    // the local number may be written in two groups (0916-123 4567)
    let next = 2;
    if (local.length < 7 && groups.length > 2 && local.length + groups[2]!.length <= 8) {
      local += groups[2]!;
      next = 3;
    }
    const rest = groups.slice(next);
    if (rest.length > 1) return null;
    if (rest.length === 1) {
      if (extension !== null || !/^\d{1,6}$/.test(rest[0]!)) return null;
      extension = rest[0]!;
    }
  }
  if (!validArea(area) || !validLocal(local)) return null;
  return { areaCode: area, local, extension };
}

export function isLandline(input: string): boolean {
  return parseLandline(input) !== null;
}

/** 0916-1234567 or 0916-1234567-801; the input unchanged when it is not a landline. */
export function normalizeLandline(input: string): string {
  const parts = parseLandline(input);
  if (!parts) return input;
  return [parts.areaCode, parts.local, ...(parts.extension ? [parts.extension] : [])].join('-');
}

// ---------------------------------------------------------------- a contact phone: mobile or landline

/** The phone a resident leaves to be reached at: a mainland mobile or a landline with its area code. */
export function isContactPhone(input: string): boolean {
  return isMobile(input) || isLandline(input);
}

/** As stored: 11 digits for a mobile, 0916-1234567(-801) for a landline. */
export function normalizeContactPhone(input: string): string {
  if (isMobile(input)) return normalizeMobile(input);
  if (isLandline(input)) return normalizeLandline(input);
  return input.trim();
}

export const CONTACT_PHONE_MESSAGE =
  '联系电话格式不正确：请填写 11 位手机号，或带区号的固定电话（如 0916-1234567）';

/**
 * A stored phone masked for lists: 138****5678 for a mobile, 0916-***4567 for a landline (its area
 * code names only the city; the extension is left out).
 */
export function maskPhone(stored: string): string {
  const landline = /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/.test(stored) ? parseLandline(stored) : null;
  if (landline) {
    const { areaCode, local } = landline;
    return `${areaCode}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
  }
  return maskMobile(stored);
}
