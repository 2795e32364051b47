import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { QR_PERIOD_SECONDS } from '@civic/contracts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import {
  CHECKIN_QR_KEY_PURPOSE,
  qrPeriodOf,
  readCheckinToken,
  signCheckinToken,
  verifyCheckinToken,
} from './checkin-token.ts';

const key = createFieldCipher('11'.repeat(32)).derive(CHECKIN_QR_KEY_PURPOSE);
const PERIOD_MS = QR_PERIOD_SECONDS * 1000;
/** The start of a period, so "+ n periods" lands exactly where the test says. */
const t0 = new Date(Math.ceil(Date.UTC(2026, 9, 29, 1, 0, 0) / PERIOD_MS) * PERIOD_MS);
const later = (ms: number) => new Date(t0.getTime() + ms);

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

/** The token with one character of its signature changed. */
function flipSignature(token: string, index = 0): string {
  const parts = token.split('.');
  const sig = parts[3]!;
  const c = sig[index]!;
  parts[3] = sig.slice(0, index) + (c === 'A' ? 'B' : 'A') + sig.slice(index + 1);
  return parts.join('.');
}

describe('QR check-in token', () => {
  it('round trip: the activity and the direction come back, within the same period', () => {
    const { token, period, expiresAt, refreshAt } = signCheckinToken(key, 42, 'in', later(1000));
    expect(token).toMatch(/^42\.in\.\d+\.[A-Za-z0-9_-]{22}$/);
    expect(period).toBe(qrPeriodOf(t0));
    expect(refreshAt.getTime()).toBe(t0.getTime() + PERIOD_MS);
    expect(expiresAt.getTime()).toBe(t0.getTime() + 2 * PERIOD_MS);
    expect(verifyCheckinToken(key, token, later(5000))).toEqual({ activityId: 42, direction: 'in', period });
    const out = signCheckinToken(key, 42, 'out', t0);
    expect(verifyCheckinToken(key, out.token, t0).direction).toBe('out');
  });

  it('is good for its own period and the next one, then expires', () => {
    const { token } = signCheckinToken(key, 7, 'in', later(PERIOD_MS - 1));
    expect(readCheckinToken(key, token, later(PERIOD_MS - 1)).ok).toBe(true);
    expect(readCheckinToken(key, token, later(2 * PERIOD_MS - 1)).ok).toBe(true);
    expect(readCheckinToken(key, token, later(2 * PERIOD_MS))).toEqual({ ok: false, reason: 'expired' });
    const error = errorOf(() => verifyCheckinToken(key, token, later(10 * PERIOD_MS)));
    expect(error.status).toBe(400);
    expect(error.code).toBe('QR_EXPIRED');
    expect(error.message).toBe('二维码已过期，请扫描现场大屏上的最新二维码');
  });

  it('a token from a period not yet shown is not accepted', () => {
    const { token } = signCheckinToken(key, 7, 'in', later(3 * PERIOD_MS));
    expect(readCheckinToken(key, token, t0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a forged signature, even an old one, as invalid (never as merely expired)', () => {
    const { token } = signCheckinToken(key, 7, 'in', t0);
    for (const index of [0, 10, 21]) {
      const error = errorOf(() => verifyCheckinToken(key, flipSignature(token, index), t0));
      expect(error.code).toBe('QR_INVALID');
      expect(error.message).toBe('二维码无效');
    }
    const otherKey = crypto.randomBytes(32);
    const forged = signCheckinToken(otherKey, 7, 'in', t0).token;
    expect(readCheckinToken(key, forged, t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(readCheckinToken(key, forged, later(10 * PERIOD_MS))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a token for one activity does not work for another', () => {
    const { token } = signCheckinToken(key, 7, 'in', t0);
    expect(readCheckinToken(key, token.replace(/^7\./, '8.'), t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(readCheckinToken(key, token.replace(/^7\./, '70.'), t0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a check-in code cannot be turned into a check-out code', () => {
    const { token } = signCheckinToken(key, 7, 'in', t0);
    expect(readCheckinToken(key, token.replace('.in.', '.out.'), t0)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('a tampered period (to stretch an old code) or a garbled token is invalid', () => {
    const old = signCheckinToken(key, 7, 'in', t0);
    const stretched = old.token.replace(`.${old.period}.`, `.${old.period + 5}.`);
    expect(readCheckinToken(key, stretched, later(5 * PERIOD_MS))).toEqual({ ok: false, reason: 'invalid' });
    for (const garbled of [
      '',
      'abc',
      '7.in.1.',
      `${old.token}x`,
      old.token.slice(0, -1),
      `07.in.${old.period}.${old.token.split('.')[3]}`,
      `7.up.${old.period}.${old.token.split('.')[3]}`,
      `-7.in.${old.period}.${old.token.split('.')[3]}`,
      'x'.repeat(500),
      null,
      42,
    ]) {
      expect(readCheckinToken(key, garbled, t0), String(garbled)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('the key is derived for this purpose only', () => {
    const cipher = createFieldCipher('11'.repeat(32));
    expect(cipher.derive(CHECKIN_QR_KEY_PURPOSE).equals(key)).toBe(true);
    const { token } = signCheckinToken(cipher.derive('webhook-signing'), 7, 'in', t0);
    expect(readCheckinToken(key, token, t0).ok).toBe(false);
  });
});
