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
