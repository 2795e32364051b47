import { describe, expect, it } from 'vitest';
import { LOCK_MS, LOCK_THRESHOLD, lockedUntil, minutesLeft } from './login-guard.ts';

const MIN = 60_000;

describe('lockedUntil', () => {
  it('locks for 30 minutes after the 5th failure within 15 minutes', () => {
    const failures = [0, 1, 2, 3, 4].map((m) => m * MIN);
    expect(lockedUntil(failures, LOCK_THRESHOLD, LOCK_MS, 5 * MIN)).toBe(4 * MIN + LOCK_MS);
  });

  it('does not lock for 4 failures', () => {
    expect(lockedUntil([0, MIN, 2 * MIN, 3 * MIN], LOCK_THRESHOLD, LOCK_MS, 4 * MIN)).toBeNull();
  });

  it('does not lock when the 5 failures are spread over more than 15 minutes', () => {
    const failures = [0, 4, 8, 12, 16].map((m) => m * MIN);
    expect(lockedUntil(failures, LOCK_THRESHOLD, LOCK_MS, 17 * MIN)).toBeNull();
  });

  it('releases the lock after 30 minutes', () => {
    const failures = [0, 1, 2, 3, 4].map((m) => m * MIN);
    expect(lockedUntil(failures, LOCK_THRESHOLD, LOCK_MS, 4 * MIN + LOCK_MS)).toBeNull();
    expect(lockedUntil(failures, LOCK_THRESHOLD, LOCK_MS, 4 * MIN + LOCK_MS - 1)).not.toBeNull();
  });

  it('reports whole minutes left, at least one', () => {
    expect(minutesLeft(30 * MIN, 0)).toBe(30);
    expect(minutesLeft(1000, 0)).toBe(1);
  });
});
