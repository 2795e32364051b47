import {
  isMobile,
  maskPhone,
  MOBILE_MESSAGE,
  normalizeContactPhone,
  normalizeMobile,
} from '@civic/contracts';
import type { FieldCipher } from './crypto.ts';
import { Invalid } from './errors.ts';

/**
 * Phones are personal data: validated and normalised on the way in, SM4-encrypted at rest,
 * and only ever shown masked (revealing one is a separate, audited action).
 */
export function sealPhone(cipher: FieldCipher, input: string | null | undefined): string | null | undefined {
  if (input === undefined) return undefined;
  if (input === null || input.trim() === '') return null;
  if (!isMobile(input)) throw new Invalid(MOBILE_MESSAGE, 'INVALID_PHONE');
  return cipher.encrypt(normalizeMobile(input));
}

/** The blind index of a phone as stored: a mobile's 11 digits, a landline's 0916-1234567(-801). */
export function phoneIndex(cipher: FieldCipher, input: string): string {
  return cipher.blindIndex(normalizeContactPhone(input), 'phone');
}

export function maskedPhone(cipher: FieldCipher, sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return maskPhone(cipher.decrypt(sealed));
  } catch {
    return '***';
  }
}

export function isoTimestamp(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
