import crypto from 'node:crypto';

/**
 * National-standard cryptography from Node's own OpenSSL: SM3 hashes, HMAC-SM3, and SM4 field
 * encryption (SM4-CTR, encrypt-then-MAC with HMAC-SM3) with a keyed SM3 blind index for exact
 * look-ups without decrypting. Sub-keys are derived from the one master key so that the
 * encryption key, MAC key and blind-index key are never the same bytes.
 */
export function sm3Hex(data: string | Buffer): string {
  return crypto.createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return crypto.createHmac('sm3', key).update(data).digest();
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  blindIndex(value: string, purpose: string): string;
  /** The same sealing for a whole file (e.g. an uploaded workbook holding ID numbers). */
  encryptBytes(plain: Buffer): Buffer;
  decryptBytes(sealed: Buffer): Buffer;
  /** A stable secret for a named purpose (e.g. the database application role's password). */
  derive(purpose: string): Buffer;
}

export class TamperedCiphertext extends Error {
  constructor() {
    super('密文校验失败：数据可能被篡改');
  }
}

const VERSION = 'v1';

export function createFieldCipher(masterKeyHex: string): FieldCipher {
  const master = Buffer.from(masterKeyHex, 'hex');
  if (master.length !== 32) throw new Error('field encryption key must be 32 bytes');
  const derive = (purpose: string) => hmacSm3(master, `civic:${purpose}`);
  const encKey = derive('sm4-enc').subarray(0, 16);
  const macKey = derive('hmac-mac');
  const indexKey = derive('blind-index');

  function seal(plain: Buffer) {
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('sm4-ctr', encKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const mac = hmacSm3(macKey, Buffer.concat([Buffer.from(VERSION), iv, body]));
    return { iv, body, mac };
  }

  function open(iv: Buffer, body: Buffer, mac: Buffer) {
    const expected = hmacSm3(macKey, Buffer.concat([Buffer.from(VERSION), iv, body]));
    if (iv.length !== 16 || mac.length !== expected.length || !crypto.timingSafeEqual(mac, expected)) {
      throw new TamperedCiphertext();
    }
    const decipher = crypto.createDecipheriv('sm4-ctr', encKey, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }

  return {
    encrypt(plain) {
      const { iv, body, mac } = seal(Buffer.from(plain, 'utf8'));
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), mac.toString('base64url')].join(
        '.',
      );
    },
    decrypt(sealed) {
      const [version, ivB64, bodyB64, macB64] = sealed.split('.');
      if (version !== VERSION || !ivB64 || bodyB64 === undefined || !macB64) throw new TamperedCiphertext();
      return open(
        Buffer.from(ivB64, 'base64url'),
        Buffer.from(bodyB64, 'base64url'),
        Buffer.from(macB64, 'base64url'),
      ).toString('utf8');
    },
    encryptBytes(plain) {
      const { iv, body, mac } = seal(plain);
      // layout: 16-byte IV | 32-byte MAC | ciphertext
      return Buffer.concat([iv, mac, body]);
    },
    decryptBytes(sealed) {
      if (sealed.length < 48) throw new TamperedCiphertext();
      return open(sealed.subarray(0, 16), sealed.subarray(48), sealed.subarray(16, 48));
    },
    blindIndex(value, purpose) {
      return hmacSm3(indexKey, `${purpose}:${value}`).toString('hex');
    },
    derive,
  };
}
