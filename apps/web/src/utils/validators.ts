// Client-side checks; the rules themselves come from @civic/contracts, which the server runs too.
import { isMobile, MOBILE_MESSAGE, normalizeMobile } from '@civic/contracts';

/** Masked values (138****5678) must never be sent back as if they were real data. */
export function isMasked(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.includes('*');
}

/** An Element Plus validator for an optional mainland mobile number (+86, spaces and dashes allowed). */
export function optionalMobile(
  _rule: unknown,
  value: string | null | undefined,
  callback: (error?: Error) => void,
) {
  if (!value?.trim() || isMobile(value)) callback();
  else callback(new Error(MOBILE_MESSAGE));
}

/** A typed mobile number as it is stored (11 digits), or '' when none was typed. */
export function typedMobile(value: string): string {
  return value.trim() ? normalizeMobile(value.trim()) : '';
}
