import { describe, expect, it } from 'vitest';
import { matchesEtag, PublicReadCache } from './public-cache.ts';

function cacheAt(start = 1_000_000, ttlMs = 10_000) {
  let now = start;
  const cache = new PublicReadCache(ttlMs, () => now);
  return { cache, set: (ms: number) => (now = ms), start };
}

const body = (text: string) => ({
  body: Buffer.from(text),
  contentType: 'application/json',
  etag: `"${text}"`,
});

describe('the public read cache', () => {
  it('serves an entry for less than the TTL from when its data was read, never from a clock set back', () => {
    const { cache, set, start } = cacheAt();
    const read = { tags: ['menu'] as const, generations: cache.generationsOf(['menu']), readAt: start };
    expect(cache.put('k', read, body('a'))).toBe(true);
    set(start + 9_999);
    expect(cache.get('k')?.body.toString()).toBe('a');
    set(start + 10_000);
    expect(cache.get('k')).toBeUndefined();

    cache.put('k', { ...read, generations: cache.generationsOf(['menu']) }, body('b'));
    set(start - 1);
    expect(cache.get('k')).toBeUndefined();
  });

  it('drops what a write changes, and never keeps a read that was under way when the write happened', () => {
    const { cache, start } = cacheAt();
    const before = { tags: ['menu', 'orgs'] as const, readAt: start };
    cache.put('menu', { ...before, generations: cache.generationsOf(before.tags) }, body('menu'));
    cache.put(
      'plans',
      { tags: ['plans'], readAt: start, generations: cache.generationsOf(['plans']) },
      body('p'),
    );

    const underWay = { ...before, generations: cache.generationsOf(before.tags) };
    cache.invalidate(['orgs']);
    expect(cache.get('menu')).toBeUndefined();
    expect(cache.get('plans')?.body.toString()).toBe('p');
    // read before the write, answered after it: not kept
    expect(cache.put('menu', underWay, body('old'))).toBe(false);
    expect(cache.get('menu')).toBeUndefined();
    // read after it: kept
    expect(cache.put('menu', { ...before, generations: cache.generationsOf(before.tags) }, body('new'))).toBe(
      true,
    );
  });

  it('is due for renewal at a point between half and four fifths of its TTL, drawn per entry', () => {
    const { cache, set, start } = cacheAt(1_000_000, 10_000);
    const points = new Set<number>();
    for (let i = 0; i < 50; i += 1) {
      cache.put(
        `k${i}`,
        { tags: ['menu'], generations: cache.generationsOf(['menu']), readAt: start },
        body('a'),
      );
      const entry = cache.get(`k${i}`)!;
      set(start + 4_999);
      expect(cache.dueForRenewal(entry)).toBe(false);
      set(start + 8_000);
      expect(cache.dueForRenewal(entry)).toBe(true);
      set(start);
      points.add(entry.renewAt);
    }
    // spread out: keys filled together are not all renewed at the same moment
    expect(points.size).toBeGreaterThan(40);
  });

  it('keeps nothing when the TTL is 0, and lets a key be filled by one request at a time', async () => {
    const off = new PublicReadCache(0, () => 0);
    expect(off.put('k', { tags: ['menu'], generations: [0], readAt: 0 }, body('a'))).toBe(false);

    const { cache } = cacheAt();
    const first = cache.join('k');
    expect('release' in first).toBe(true);
    const second = cache.join('k');
    expect('wait' in second).toBe(true);
    let released = false;
    const waiting = (second as { wait: Promise<void> }).wait.then(() => (released = true));
    (first as { release: () => void }).release();
    await waiting;
    expect(released).toBe(true);
    expect('release' in cache.join('k')).toBe(true);
  });

  it('remembers the keys answered with a 200 (not while caching is off), and forgets one that stops being', () => {
    const { cache } = cacheAt();
    expect(cache.answered('menu?1')).toBe(false);
    cache.noteAnswer('menu?1', true);
    expect(cache.answered('menu?1')).toBe(true);
    cache.noteAnswer('menu?1', false);
    expect(cache.answered('menu?1')).toBe(false);
    const off = new PublicReadCache(0, () => 0);
    off.noteAnswer('menu?1', true);
    expect(off.answered('menu?1')).toBe(false);
  });

  it('holds at most 32 MB: the oldest entries go first', () => {
    const { cache, start } = cacheAt();
    const big = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 40; i += 1) {
      const read = { tags: ['menu'] as const, readAt: start, generations: cache.generationsOf(['menu']) };
      expect(cache.put(`k${i}`, read, { body: big, contentType: 'application/json', etag: `"${i}"` })).toBe(
        true,
      );
    }
    expect(cache.size).toBeLessThanOrEqual(32);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k39')).toBeDefined();
  });
});

describe('If-None-Match', () => {
  it('matches the ETag in a list, weak or strong, and *', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abcd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});
