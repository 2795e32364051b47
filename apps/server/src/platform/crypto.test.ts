import { describe, expect, it } from 'vitest';
import { createFieldCipher, sm3Hex, TamperedCiphertext } from './crypto.ts';

const KEY = 'a'.repeat(64);

describe('SM3', () => {
  it('matches the GB/T 32905 known-answer vector for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('field cipher (SM4-CTR + HMAC-SM3)', () => {
  const cipher = createFieldCipher(KEY);

  it('round-trips Chinese text and phone numbers', () => {
    for (const plain of ['13812345678', '西乡县杨河镇', ''])
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
  });

  it('uses a fresh IV each time, so equal values do not look equal at rest', () => {
    expect(cipher.encrypt('13812345678')).not.toBe(cipher.encrypt('13812345678'));
  });

  it('detects a tampered ciphertext', () => {
    const sealed = cipher.encrypt('13812345678');
    const [v, iv, body, mac] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([v, iv, flipped.toString('base64url'), mac].join('.'))).toThrow(
      TamperedCiphertext,
    );
    expect(() => cipher.decrypt('garbage')).toThrow(TamperedCiphertext);
  });

  it('refuses a ciphertext made with another key', () => {
    const other = createFieldCipher('b'.repeat(64));
    expect(() => cipher.decrypt(other.encrypt('13812345678'))).toThrow(TamperedCiphertext);
  });

  it('gives a deterministic, purpose-separated blind index', () => {
    expect(cipher.blindIndex('13812345678', 'phone')).toBe(cipher.blindIndex('13812345678', 'phone'));
    expect(cipher.blindIndex('13812345678', 'phone')).not.toBe(cipher.blindIndex('13812345678', 'id'));
    expect(createFieldCipher('b'.repeat(64)).blindIndex('13812345678', 'phone')).not.toBe(
      cipher.blindIndex('13812345678', 'phone'),
    );
  });
});
