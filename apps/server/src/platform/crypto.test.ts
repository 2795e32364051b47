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

describe('sealing whole files (encryptBytes / decryptBytes)', () => {
  const cipher = createFieldCipher(KEY);
  const plain = Buffer.from('身份证号,11010519491231002X\n手机号,13912345678\n', 'utf8');

  it('round-trips bytes, including an empty file, with a fresh IV each time', () => {
    expect(cipher.decryptBytes(cipher.encryptBytes(plain)).equals(plain)).toBe(true);
    expect(cipher.decryptBytes(cipher.encryptBytes(Buffer.alloc(0))).length).toBe(0);
    expect(cipher.encryptBytes(plain).equals(cipher.encryptBytes(plain))).toBe(false);
  });

  it('does not leave the plain bytes visible in the sealed file', () => {
    const sealed = cipher.encryptBytes(plain);
    expect(sealed.includes(Buffer.from('11010519491231002X'))).toBe(false);
    expect(sealed.includes(Buffer.from('13912345678'))).toBe(false);
    // IV (16) + MAC (32) + body of the same length as the plain text (CTR mode)
    expect(sealed.length).toBe(16 + 32 + plain.length);
  });

  it('detects a flipped byte in the ciphertext, the MAC or the IV, and a truncated file', () => {
    const sealed = cipher.encryptBytes(plain);
    for (const offset of [0, 16, 47, 48, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[offset] = tampered[offset]! ^ 0x01;
      expect(() => cipher.decryptBytes(tampered), `byte ${offset}`).toThrow(TamperedCiphertext);
    }
    expect(() => cipher.decryptBytes(sealed.subarray(0, 47))).toThrow(TamperedCiphertext);
    expect(() => cipher.decryptBytes(sealed.subarray(0, sealed.length - 1))).toThrow(TamperedCiphertext);
    expect(() => createFieldCipher('b'.repeat(64)).decryptBytes(sealed)).toThrow(TamperedCiphertext);
  });
});

describe('sealing an ID number', () => {
  const cipher = createFieldCipher(KEY);
  const id = '11010519491231002X';

  it('stores none of the plain digits and round-trips', () => {
    const sealed = cipher.encrypt(id);
    expect(sealed.startsWith('v1.')).toBe(true);
    for (const part of [id, '110105', '19491231', '002X']) expect(sealed).not.toContain(part);
    expect(cipher.decrypt(sealed)).toBe(id);
  });

  it('detects a flipped MAC', () => {
    const [v, iv, body, mac] = cipher.encrypt(id).split('.');
    const flipped = Buffer.from(mac!, 'base64url');
    flipped[5] = flipped[5]! ^ 0x80;
    expect(() => cipher.decrypt([v, iv, body, flipped.toString('base64url')].join('.'))).toThrow(
      TamperedCiphertext,
    );
  });

  it('indexes it deterministically per purpose, differently across purposes, without the digits', () => {
    const index = cipher.blindIndex(id, 'id-number');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex(id, 'id-number')).toBe(index);
    expect(cipher.blindIndex(id, 'phone')).not.toBe(index);
    expect(cipher.blindIndex('110105194912310037', 'id-number')).not.toBe(index);
    expect(index).not.toContain('19491231');
  });
});
