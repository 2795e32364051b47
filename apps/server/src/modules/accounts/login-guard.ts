/**
 * Login throttling rules, pure so they can be unit-tested.
 *
 * - Account lockout: 5 failures for the same username from the same IP within 15 minutes lock
 *   that username for 30 minutes *from that IP*. Keying on (username, IP) means an attacker cannot
 *   lock a real user out from the user's own network by failing on purpose.
 * - Distributed guessing: 20 failures for one username from any IPs within 15 minutes lock the
 *   account everywhere for 30 minutes (the security admin can unlock it).
 * - Per-IP throttling: 30 failures from one IP within 15 minutes (any usernames) throttle that IP
 *   only, for 15 minutes.
 * The same rules apply to unknown usernames, so lockout does not reveal which accounts exist.
 */
export const LOCK_THRESHOLD = 5;
export const ACCOUNT_WIDE_THRESHOLD = 20;
export const IP_THRESHOLD = 30;
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
