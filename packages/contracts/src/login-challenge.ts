/**
 * The login challenge: CAPTCHA-style friction without a third-party service or a picture to read.
 * When one address has failed to log in many times (a village behind one NAT, or someone guessing
 * passwords across accounts), the server asks each login from it to carry a solved proof of work:
 * a nonce such that SHA-256("<token>:<nonce>") starts with `difficulty` zero bits. A browser finds
 * one in about a second; a password-guessing script pays that for every single guess. The token
 * is signed by the server and good for one attempt.
 */
export interface LoginChallengeSolution {
  token: string;
  nonce: string;
}

/** True when the hash starts with at least `difficulty` zero bits. */
export function challengeSolved(hash: Uint8Array, difficulty: number): boolean {
  let bits = difficulty;
  for (const byte of hash) {
    if (bits <= 0) return true;
    if (bits >= 8) {
      if (byte !== 0) return false;
      bits -= 8;
    } else {
      return byte >> (8 - bits) === 0;
    }
  }
  return bits <= 0;
}

/**
 * Finds a nonce for the token with Web Crypto (browsers, and Node ≥ 20), in batches so the page
 * stays responsive.
 */
export async function solveLoginChallenge(
  token: string,
  difficulty: number,
): Promise<LoginChallengeSolution> {
  const encoder = new TextEncoder();
  const BATCH = 256;
  for (let start = 0; ; start += BATCH) {
    const nonces = Array.from({ length: BATCH }, (_, i) => (start + i).toString(36));
    const hashes = await Promise.all(
      nonces.map((nonce) => globalThis.crypto.subtle.digest('SHA-256', encoder.encode(`${token}:${nonce}`))),
    );
    const found = hashes.findIndex((hash) => challengeSolved(new Uint8Array(hash), difficulty));
    if (found >= 0) return { token, nonce: nonces[found]! };
  }
}
