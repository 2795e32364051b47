// The server's half of the login challenge (see packages/contracts/src/login-challenge.ts): signed,
// short-lived tokens and the check of a solution. A token is good for one attempt: its id goes into
// login_challenges_used, and a second use of it finds the id there.
import crypto from 'node:crypto';
import { challengeSolved, type LoginChallengeSolution } from '@civic/contracts';
import { hmacSm3, randomToken } from '../../platform/crypto.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** About 65,000 SHA-256 hashes on average: around a second in a phone's browser. */
export const CHALLENGE_DIFFICULTY = 16;
const CHALLENGE_TTL_MS = 5 * 60_000;

export class ChallengeRequired extends AppError {
  constructor() {
    super(428, 'CHALLENGE_REQUIRED', '此网络登录失败次数较多，请完成人机验证后重试');
  }
}

export function createLoginChallenges(ctx: AppContext) {
  const key = ctx.cipher.derive('login-challenge');
  const sign = (body: string) => hmacSm3(key, body).toString('base64url');

  return {
    issue(): { token: string; difficulty: number; expiresAt: string } {
      const expires = ctx.now().getTime() + CHALLENGE_TTL_MS;
      const body = `${randomToken(16)}.${expires}.${CHALLENGE_DIFFICULTY}`;
      return {
        token: `${body}.${sign(body)}`,
        difficulty: CHALLENGE_DIFFICULTY,
        expiresAt: new Date(expires).toISOString(),
      };
    },

    /** Accepts a solved, genuine, unexpired and unused challenge once; refuses anything else (428). */
    async redeem(solution: LoginChallengeSolution | undefined): Promise<void> {
      if (!solution) throw new ChallengeRequired();
      const [id, expires, difficulty, signature] = solution.token.split('.');
      if (!id || !expires || !difficulty || !signature) throw new ChallengeRequired();
      const expected = Buffer.from(sign(`${id}.${expires}.${difficulty}`));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
        throw new ChallengeRequired();
      const expiresAt = Number(expires);
      if (!(expiresAt > ctx.now().getTime())) throw new ChallengeRequired();
      const hash = crypto.createHash('sha256').update(`${solution.token}:${solution.nonce}`).digest();
      if (Number(difficulty) < CHALLENGE_DIFFICULTY || !challengeSolved(hash, Number(difficulty)))
        throw new ChallengeRequired();
      const fresh = await ctx.db.system
        .insertInto('login_challenges_used')
        .values({ id, expires_at: new Date(expiresAt) })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!fresh) throw new ChallengeRequired();
    },
  };
}
