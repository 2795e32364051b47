// The rotating QR code on the organiser's screen: a token naming the activity, the direction
// (check-in or check-out) and the current 30-second period, signed with HMAC-SHA256 under a key
// derived for this purpose only. A token is good for its own period and the next one (30–60 s),
// so a photo of an old code sent to a friend at home does not work. Pure functions: the caller
// passes the key and the time.
import crypto from 'node:crypto';
import { QR_PERIOD_SECONDS } from '@civic/contracts';
import { Invalid } from '../../platform/errors.ts';

export const CHECKIN_DIRECTIONS = ['in', 'out'] as const;
export type CheckinDirection = (typeof CHECKIN_DIRECTIONS)[number];

/** The purpose label the token key is derived under (ctx.cipher.derive). */
export const CHECKIN_QR_KEY_PURPOSE = 'activity-checkin-qr';

export const QR_INVALID_MESSAGE = '二维码无效';
export const QR_EXPIRED_MESSAGE = '二维码已过期，请扫描现场大屏上的最新二维码';

/** 16 bytes of the HMAC: 128 bits, 22 base64url characters. */
const SIGNATURE_BYTES = 16;
const TOKEN_PATTERN = /^([1-9]\d{0,14})\.(in|out)\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/;

export interface CheckinToken {
  token: string;
  period: number;
  /** when the token stops being accepted (the end of the following period) */
  expiresAt: Date;
  /** when the screen should show the next code */
  refreshAt: Date;
}

export interface CheckinClaim {
  activityId: number;
  direction: CheckinDirection;
  period: number;
}

export function qrPeriodOf(now: Date): number {
  return Math.floor(now.getTime() / 1000 / QR_PERIOD_SECONDS);
}

function signature(key: Buffer, activityId: number, direction: CheckinDirection, period: number): Buffer {
  return crypto
    .createHmac('sha256', key)
    .update(`civic-checkin|${activityId}|${direction}|${period}`)
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}

export function signCheckinToken(
  key: Buffer,
  activityId: number,
  direction: CheckinDirection,
  now: Date,
): CheckinToken {
  const period = qrPeriodOf(now);
  const sig = signature(key, activityId, direction, period).toString('base64url');
  return {
    token: `${activityId}.${direction}.${period}.${sig}`,
    period,
    expiresAt: new Date((period + 2) * QR_PERIOD_SECONDS * 1000),
    refreshAt: new Date((period + 1) * QR_PERIOD_SECONDS * 1000),
  };
}

export type CheckinTokenResult = ({ ok: true } & CheckinClaim) | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Reads a token: `invalid` when it is garbled or its signature does not match (forged, or any part
 * changed), `expired` when it is genuine but older than the previous period. The signature is
 * compared in constant time, and checked before the period, so a forged token never reads as
 * merely expired.
 */
export function readCheckinToken(key: Buffer, token: unknown, now: Date): CheckinTokenResult {
  if (typeof token !== 'string' || token.length > 80) return { ok: false, reason: 'invalid' };
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match) return { ok: false, reason: 'invalid' };
  const activityId = Number(match[1]);
  const direction = match[2] as CheckinDirection;
  const period = Number(match[3]);
  if (!Number.isSafeInteger(activityId) || !Number.isSafeInteger(period))
    return { ok: false, reason: 'invalid' };
  // compared as text: base64url's last character has spare bits, so decoding would accept variants
  const given = Buffer.from(match[4]!, 'ascii');
  const expected = Buffer.from(signature(key, activityId, direction, period).toString('base64url'), 'ascii');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  const current = qrPeriodOf(now);
  // a code from the future was not shown on any screen yet
  if (period > current) return { ok: false, reason: 'invalid' };
  if (period < current - 1) return { ok: false, reason: 'expired' };
  return { ok: true, activityId, direction, period };
}

/** As readCheckinToken, but a bad token is a 400 the H5 page shows as it is. */
export function verifyCheckinToken(key: Buffer, token: unknown, now: Date): CheckinClaim {
  const result = readCheckinToken(key, token, now);
  if (!result.ok) {
    throw result.reason === 'expired'
      ? new Invalid(QR_EXPIRED_MESSAGE, 'QR_EXPIRED')
      : new Invalid(QR_INVALID_MESSAGE, 'QR_INVALID');
  }
  return { activityId: result.activityId, direction: result.direction, period: result.period };
}
