import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCardToken, verifyCardToken } from './card-token.ts';

const key = crypto.randomBytes(32);

describe('volunteer card token', () => {
  it('names the volunteer and version it was made for', () => {
    const token = signCardToken(key, 42, 3);
    expect(token).toMatch(/^ZYK1\.42\.3\./);
    expect(verifyCardToken(key, token)).toEqual({ volunteerId: 42, version: 3 });
  });

  it('refuses a token for another volunteer or version made by changing the text', () => {
    const token = signCardToken(key, 42, 1);
    const sig = token.split('.')[3];
    expect(() => verifyCardToken(key, `ZYK1.43.1.${sig}`)).toThrow(/二维码无效/);
    expect(() => verifyCardToken(key, `ZYK1.42.2.${sig}`)).toThrow(/二维码无效/);
  });

  it('refuses a token signed with another key, and garbage', () => {
    const other = signCardToken(crypto.randomBytes(32), 42, 1);
    expect(() => verifyCardToken(key, other)).toThrow(/二维码无效/);
    for (const bad of ['', 'ZYK1', 'ZYK1.0.1.AAAAAAAAAAAAAAAAAAAAAA', 'ZY0000000001', 'ZYK1.1.1.短'])
      expect(() => verifyCardToken(key, bad)).toThrow(/二维码无效/);
  });
});
