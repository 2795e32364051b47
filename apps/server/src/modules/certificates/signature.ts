// The platform's signature on a certificate: SM2 (GB/T 32918, SM3 digest with the default user id)
// over the UTF-8 bytes of the certificate's canonical JSON (RFC 8785), so the same facts always give
// the same bytes to sign and to verify. The private key comes from CERTIFICATE_SIGNING_KEY, or is
// derived from the field-encryption master key like the app's other secrets (so an embedded
// install signs with the same key after a restart, and a backup restored with its key verifies).
import { canonicalize } from 'json-canonicalize';
import { sm2 } from 'sm-crypto-v2';
import type { AppContext } from '../../platform/context.ts';
import { sm3Hex } from '../../platform/crypto.ts';

/** The order of the SM2 curve's base point (GB/T 32918.5). A private key lies in [1, n − 2]. */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

export interface SigningKey {
  privateKey: string;
  publicKey: string;
  /** A short fingerprint of the public key (SM3), shown beside verification results. */
  keyId: string;
}

const keys = new WeakMap<AppContext, SigningKey>();

/** Maps 32 bytes of key material (hex) onto a valid SM2 private key (1 ≤ d ≤ n − 2). */
export function privateKeyFrom(materialHex: string): string {
  const d = (BigInt(`0x${materialHex}`) % (SM2_N - 2n)) + 1n;
  return d.toString(16).padStart(64, '0');
}

export function signingKeyOf(ctx: AppContext): SigningKey {
  let key = keys.get(ctx);
  if (!key) {
    const privateKey = privateKeyFrom(
      ctx.config.certificateSigningKey ?? ctx.cipher.derive('certificate-sm2-signing').toString('hex'),
    );
    const publicKey = sm2.getPublicKeyFromPrivateKey(privateKey);
    key = { privateKey, publicKey, keyId: sm3Hex(publicKey).slice(0, 16) };
    keys.set(ctx, key);
  }
  return key;
}

/** The canonical JSON (RFC 8785) of a certificate's facts: what is stored and signed. */
export function canonicalContent(content: unknown): string {
  return canonicalize(content);
}

export function signContent(key: SigningKey, canonical: string): string {
  return sm2.doSignature(canonical, key.privateKey, { hash: true, publicKey: key.publicKey });
}

/** True only for a well-formed signature that the platform's key made over exactly `canonical`. */
export function verifyContent(
  key: Pick<SigningKey, 'publicKey'>,
  canonical: string,
  signature: string,
): boolean {
  if (!/^[0-9a-f]{128}$/i.test(signature)) return false;
  try {
    return sm2.doVerifySignature(canonical, signature, key.publicKey, { hash: true });
  } catch {
    return false;
  }
}
