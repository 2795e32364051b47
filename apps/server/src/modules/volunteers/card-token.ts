// The volunteer card's QR code (志愿者电子证): a token naming the volunteer and the card's version,
// signed with HMAC-SHA256 under a key derived from the server's master key for this purpose only
// (ctx.cipher.derive). Nobody without the key can make a token for another volunteer or guess one;
// re-issuing a card raises volunteers.card_version, so an older card's token names a version that
// no longer stands. Pure functions: the caller passes the key.
import crypto from 'node:crypto';
import { Invalid } from '../../platform/errors.ts';

/** The purpose label the card key is derived under. */
export const CARD_KEY_PURPOSE = 'volunteer-card';
export const CARD_INVALID_MESSAGE = '志愿者证二维码无效，请核对后重试，或输入志愿者编号';

/** 16 bytes of the HMAC: 128 bits, 22 base64url characters. */
const SIGNATURE_BYTES = 16;
const TOKEN_PATTERN = /^ZYK1\.([1-9]\d{0,14})\.([1-9]\d{0,6})\.([A-Za-z0-9_-]{22})$/;

export interface CardClaim {
  volunteerId: number;
  version: number;
}

function signature(key: Buffer, volunteerId: number, version: number): Buffer {
  return crypto
    .createHmac('sha256', key)
    .update(`civic-volunteer-card|${volunteerId}|${version}`)
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}

export function signCardToken(key: Buffer, volunteerId: number, version: number): string {
  return `ZYK1.${volunteerId}.${version}.${signature(key, volunteerId, version).toString('base64url')}`;
}

/** Whether `text` has the shape of a card token (else it may be a volunteer number). */
export function looksLikeCardToken(text: string): boolean {
  return text.startsWith('ZYK1.');
}

/** The volunteer and version a genuine token names; a 400 for anything else. */
export function verifyCardToken(key: Buffer, token: string): CardClaim {
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match) throw new Invalid(CARD_INVALID_MESSAGE, 'CARD_INVALID');
  const volunteerId = Number(match[1]);
  const version = Number(match[2]);
  const given = Buffer.from(match[3]!, 'base64url');
  const expected = signature(key, volunteerId, version);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
    throw new Invalid(CARD_INVALID_MESSAGE, 'CARD_INVALID');
  return { volunteerId, version };
}
