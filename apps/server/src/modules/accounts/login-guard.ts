/**
 * Login throttling rules, pure so they can be unit-tested. Failures are counted per *account*:
 * the typed name is first resolved to the account it signs in to (username in any case, a
 * volunteer's phone in any format), so typing the phone as 138…, +86 138 … or the volunteer number
 * all count against the same account. A name that resolves to no account is counted under a keyed
 * hash of it (never stored as typed), by the same rules, so lockout does not reveal which exist.
 *
 * - Account lockout: 5 failures for the same account from the same IP within 15 minutes lock
 *   that account for 30 minutes *from that IP*. Keying on (account, IP) means an attacker cannot
 *   lock a real user out from the user's own network by failing on purpose.
 * - Distributed guessing: 20 failures for one account from any IPs within 15 minutes lock the
 *   account everywhere for 30 minutes (the security admin can unlock it).
 * - Per-IP friction, not a per-IP lock: after 30 failures from one IP within 15 minutes (any
 *   accounts), every login from that IP must carry a solved proof-of-work challenge for the next
 *   15 minutes. A whole village behind one NAT still signs in (the browser solves it in about a
 *   second); a script guessing passwords across accounts pays that for every guess.
 * - Changing one's password: 5 wrong current passwords within 15 minutes stop password changes for
 *   30 minutes (a stolen session cannot be used to guess the password).
 */
export const LOCK_THRESHOLD = 5;

/** The failure counter of an account, whichever of its names (username, phone in any format) was typed. */
export function accountKey(userId: number): string {
  return `user:${userId}`;
}

/** The counter of wrong current passwords when an account changes its password. */
export function passwordChangeKey(userId: number): string {
  return `password-change:${userId}`;
}

export const ACCOUNT_WIDE_THRESHOLD = 20;
export const IP_FRICTION_THRESHOLD = 30;
export const IP_FRICTION_MS = 15 * 60_000;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 30 * 60_000;

/** Given failure times (ms, any order), the time a lock ends, or null if none is in force now. */
export function lockedUntil(
  failures: number[],
  threshold: number,
  lockMs: number,
  now: number,
): number | null {
  const sorted = [...failures].sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = threshold - 1; i < sorted.length; i += 1) {
    const last = sorted[i]!;
    const first = sorted[i - threshold + 1]!;
    if (last - first <= WINDOW_MS && last + lockMs > now) until = Math.max(until ?? 0, last + lockMs);
  }
  return until;
}

export function minutesLeft(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 60_000));
}
