import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeSolved, solveLoginChallenge } from './login-challenge.ts';

describe('login challenge', () => {
  it('counts leading zero bits', () => {
    expect(challengeSolved(Uint8Array.from([0, 0, 0x0f]), 20)).toBe(true);
    expect(challengeSolved(Uint8Array.from([0, 0, 0x1f]), 20)).toBe(false);
    expect(challengeSolved(Uint8Array.from([0, 0x80]), 8)).toBe(true);
    expect(challengeSolved(Uint8Array.from([0, 0x80]), 9)).toBe(false);
    expect(challengeSolved(Uint8Array.from([0xff]), 0)).toBe(true);
  });

  it('solves with Web Crypto what the server checks with node:crypto', async () => {
    const { token, nonce } = await solveLoginChallenge('some.token', 12);
    expect(token).toBe('some.token');
    const hash = crypto.createHash('sha256').update(`some.token:${nonce}`).digest();
    expect(challengeSolved(hash, 12)).toBe(true);
  });
});
