// Public reads (the residents' menu, activities around a village, plans, the residence list,
// Open311's services, a village's household points board) are the same for everyone who asks, and
// they are read far more often than they change. A route opts in with `config: { public: true, cache: ['menu', 'orgs'] }`, naming the
// data its answer is made of; a write route names what it changes with `invalidates: ['menu']`
// (and a job calls invalidatePublicReads). Then:
//
// - a 200 answer is kept in memory for PUBLIC_CACHE_SECONDS, keyed by the route and its validated
//   parameters and query (so `?orgId=5&x=1` and `?orgId=5` are one entry, and an invalid request is
//   refused before it gets here); the entry's age is counted from when its data was read;
// - a write that names the data drops every entry made of it on this server before its own answer
//   leaves, so the writer's next read shows the change; another server's copy ages out within the
//   TTL. A read that was under way while the write committed is not kept (generations below);
// - answers carry a strong ETag (a hash of the body), `Cache-Control: public, max-age=<TTL>` and
//   `Age`, so no browser or proxy holds them longer than the server would; `If-None-Match` → 304;
// - concurrent misses for one key wait for the first: one database read per key and TTL, however
//   many ask; and a key in use is read again in the background before it expires (from a random
//   point between half and four fifths of the TTL), while every caller is still served the fresh
//   copy, so nobody waits for the database to read what is in use.
//
// Rate limits (the route's own, per client address) count only what a client can make the database
// do: a hit is answered before the limiter, and so is the refill of a key this server has already
// answered with a 200 (bounded by the line above, whoever asks). The first read of a key — a
// village not asked for since the server started, or an id that does not exist (never kept, so it
// counts every time) — is counted. One village behind one NAT address, or a whole county behind a
// carrier's, reading what exists, is never refused; a client walking ids is.
//
// Only routes that need no session may opt in (checked when the route is registered), an answer
// that sets a cookie is never kept, and nothing about the caller is part of the key: what is cached
// is by construction the same for every caller.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { AppContext } from '../context.ts';

/** The kinds of public data an answer can be made of; a write names the ones it changes. */
export const PUBLIC_DATA = ['menu', 'activities', 'plans', 'orgs', 'households'] as const;
export type PublicData = (typeof PUBLIC_DATA)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public read kept in the server's cache; lists the data its answer is made of. */
    cache?: readonly PublicData[];
    /** A write: on success, cached public reads made of these data are dropped. */
    invalidates?: readonly PublicData[];
  }
  interface FastifyRequest {
    publicRead: PublicRead | null;
  }
}

/** The whole cache's size bound: the oldest entries go first beyond it. */
const MAX_BYTES = 32 * 1024 * 1024;
/** An answer bigger than this is served but not kept. */
const MAX_ENTRY_BYTES = 1024 * 1024;
/** Keys answered with a 200 that are remembered (their refills are not counted by rate limits). */
const MAX_KNOWN_KEYS = 50_000;

interface Entry {
  /** encoded once: a string body would be encoded to UTF-8 (and measured) on every hit */
  body: Buffer;
  contentType: string;
  etag: string;
  /** ctx.now() in ms when the data was read (the start of the request that filled it) */
  readAt: number;
  /** from when the next request renews it (between half and four fifths of the TTL, at random) */
  renewAt: number;
  tags: readonly PublicData[];
  bytes: number;
}

interface PublicRead {
  key: string;
  tags: readonly PublicData[];
  readAt: number;
  generations: number[];
  /** this request fills the key: waiters are released when it has answered */
  release: (() => void) | null;
  /** the key has been answered with a 200 before: its refill is not counted by the rate limit */
  refill: boolean;
  served: boolean;
}

export class PublicReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generation = new Map<PublicData, number>(PUBLIC_DATA.map((d) => [d, 0]));
  private readonly filling = new Map<string, Promise<void>>();
  private readonly known = new Set<string>();
  private bytes = 0;

  constructor(
    readonly ttlMs: number,
    private readonly nowMs: () => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A fresh entry: read less than the TTL ago (an entry from "the future" — a clock set back — is not). */
  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const age = this.nowMs() - entry.readAt;
    if (age >= 0 && age < this.ttlMs) return entry;
    this.drop(key, entry);
    return undefined;
  }

  /**
   * Whether a fresh entry has passed its renewal point: the next request for it starts reading the
   * data again in the background while everyone is still served this copy, so a key in use is
   * renewed before it expires. The point is drawn between half and four fifths of the TTL, so keys
   * filled together (a server just started, an invalidation) are not all read again at once.
   */
  dueForRenewal(entry: Entry): boolean {
    return this.nowMs() >= entry.renewAt;
  }

  generationsOf(tags: readonly PublicData[]): number[] {
    return tags.map((t) => this.generation.get(t)!);
  }

  /** Keeps an answer unless a write to its data happened since its read began. */
  put(
    key: string,
    read: { tags: readonly PublicData[]; generations: number[]; readAt: number },
    entry: Omit<Entry, 'tags' | 'readAt' | 'renewAt' | 'bytes'>,
  ): boolean {
    if (this.ttlMs <= 0) return false;
    if (read.tags.some((t, i) => this.generation.get(t) !== read.generations[i])) return false;
    const bytes = entry.body.length;
    if (bytes > MAX_ENTRY_BYTES) return false;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    const renewAt = read.readAt + this.ttlMs * (0.5 + 0.3 * Math.random());
    this.entries.set(key, { ...entry, tags: read.tags, readAt: read.readAt, renewAt, bytes });
    this.bytes += bytes;
    for (const [oldest, e] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.drop(oldest, e);
    }
    return true;
  }

  /** Drops every entry made of any of `tags`; reads already under way for them will not be kept. */
  invalidate(tags: readonly PublicData[]): void {
    for (const t of tags) this.generation.set(t, this.generation.get(t)! + 1);
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((t) => tags.includes(t))) this.drop(key, entry);
    }
  }

  /** The fill under way for `key`, or null after making this caller the one who fills it. */
  join(key: string): { wait: Promise<void> } | { release: () => void } {
    const under = this.filling.get(key);
    if (under) return { wait: under };
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = () => {
        if (this.filling.get(key) === done) this.filling.delete(key);
        resolve();
      };
    });
    this.filling.set(key, done);
    return { release };
  }

  /** Whether `key` was last answered with a 200 (when caching is on: refills are then bounded). */
  answered(key: string): boolean {
    return this.ttlMs > 0 && this.known.has(key);
  }

  /** Remembers how `key` was last answered. */
  noteAnswer(key: string, ok: boolean): void {
    if (!ok) {
      this.known.delete(key);
      return;
    }
    if (this.known.size >= MAX_KNOWN_KEYS) this.known.clear();
    this.known.add(key);
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

// one cache per application context (tests build several apps in one process)
const caches = new WeakMap<AppContext, PublicReadCache>();

export function publicReadCache(ctx: AppContext): PublicReadCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new PublicReadCache(ctx.config.publicCacheSeconds * 1000, () => ctx.now().getTime());
    caches.set(ctx, cache);
  }
  return cache;
}

/**
 * Drops this server's cached public reads made of `data`: call it after the write has committed
 * (a write route says `invalidates` in its config instead; jobs call this).
 */
export function invalidatePublicReads(ctx: AppContext, ...data: PublicData[]): void {
  publicReadCache(ctx).invalidate(data);
}

const hashOf = (body: Buffer) => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;

/** If-None-Match (a list of tags, weak or strong, or *) names this ETag: weak comparison, RFC 9110 §13.1.2. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** One key per route and validated input; the caller is not part of it, by design. */
function keyOf(request: FastifyRequest): string {
  const flat = (value: unknown) =>
    value && typeof value === 'object'
      ? JSON.stringify(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : '';
  return `${request.routeOptions.url} ${flat(request.params)} ${flat(request.query)}`;
}

/** Marks the server's own renewal of an entry (with a token only this process knows). */
const RENEW_HEADER = 'x-civic-cache-renewal';

const asList = <T>(hooks: T | T[] | undefined): T[] =>
  hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];

/**
 * Wires the cache into the routes that opt in. Must be called before @fastify/rate-limit is
 * registered: its onRoute hook then sees the limit moved to preHandler, after the cache lookup.
 */
export function registerPublicCache(app: FastifyInstance, ctx: AppContext): void {
  const cache = publicReadCache(ctx);
  const ttlSeconds = Math.floor(cache.ttlMs / 1000);
  const cacheControl = ttlSeconds > 0 ? `public, max-age=${ttlSeconds}` : 'no-cache';
  const ageOf = (readAt: number) => String(Math.max(0, Math.floor((ctx.now().getTime() - readAt) / 1000)));
  app.decorateRequest('publicRead', null);

  const serve = (request: FastifyRequest, reply: FastifyReply, entry: Entry) => {
    reply.header('etag', entry.etag).header('cache-control', cacheControl).header('age', ageOf(entry.readAt));
    if (matchesEtag(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
    return reply.type(entry.contentType).send(entry.body);
  };

  // Renewal runs the route again in the background (app.inject, marked with a header only this
  // process knows), holding the key's fill, while every caller is served the still-fresh copy.
  const renewToken = crypto.randomBytes(24).toString('base64url');
  const renewals = new Map<string, () => void>();
  const renewInBackground = (key: string, url: string, release: () => void) => {
    renewals.set(key, release);
    app
      .inject({ method: 'GET', url, headers: { [RENEW_HEADER]: renewToken } })
      .catch(() => undefined)
      .finally(() => {
        if (renewals.get(key) === release) renewals.delete(key);
        release();
      });
  };

  const readFor = (request: FastifyRequest, key: string, release: (() => void) | null): PublicRead => {
    const tags = request.routeOptions.config.cache!;
    return {
      key,
      tags,
      readAt: ctx.now().getTime(),
      generations: cache.generationsOf(tags),
      release,
      refill: cache.answered(key),
      served: false,
    };
  };

  // after validation: the key is made of what the handler would see
  async function lookup(request: FastifyRequest, reply: FastifyReply) {
    if (request.method !== 'GET') return;
    const key = keyOf(request);
    const renewing = request.headers[RENEW_HEADER] === renewToken ? renewals.get(key) : undefined;
    if (renewing) {
      renewals.delete(key);
      request.publicRead = readFor(request, key, renewing);
      return;
    }
    let entry = cache.get(key);
    if (entry) {
      if (cache.dueForRenewal(entry)) {
        const role = cache.join(key);
        if ('release' in role) renewInBackground(key, request.url, role.release);
      }
      return serve(request, reply, entry);
    }
    let role = cache.join(key);
    if ('wait' in role) {
      await role.wait;
      entry = cache.get(key);
      if (entry) return serve(request, reply, entry);
      role = cache.join(key);
    }
    request.publicRead = readFor(request, key, 'release' in role ? role.release : null);
  }

  async function store(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const read = request.publicRead;
    if (!read || read.served) return payload;
    read.served = true;
    try {
      const ok = reply.statusCode === 200;
      cache.noteAnswer(read.key, ok);
      if (!ok || reply.hasHeader('set-cookie')) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      const etag = hashOf(body);
      const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      cache.put(read.key, read, { body, contentType, etag });
      reply.header('etag', etag).header('cache-control', cacheControl).header('age', ageOf(read.readAt));
      if (matchesEtag(request.headers['if-none-match'], etag)) {
        reply.code(304);
        return null;
      }
      return payload;
    } finally {
      read.release?.();
    }
  }

  async function settle(request: FastifyRequest) {
    request.publicRead?.release?.();
  }

  // a write that succeeded, or whose outcome is unknown (5xx); never a refused one, so requests
  // without a session (401) or without the permission cannot empty the cache for everyone
  async function invalidate(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (reply.statusCode < 400 || reply.statusCode >= 500) {
      cache.invalidate(request.routeOptions.config.invalidates!);
    }
    return payload;
  }

  app.addHook('onRoute', (route: RouteOptions) => {
    const config = route.config;
    if (config?.cache) {
      if (!config.public) {
        throw new Error(`${route.url}: only a route that needs no session may be cached`);
      }
      // the route's limit runs after the lookup, and lets refills of answered keys through
      const limit = config.rateLimit;
      if (limit && typeof limit === 'object') {
        route.config = {
          ...config,
          rateLimit: {
            ...limit,
            hook: 'preHandler',
            allowList: (request: FastifyRequest) => request.publicRead?.refill === true,
          },
        };
      }
      route.preHandler = [lookup, ...asList(route.preHandler)];
      route.onSend = [...asList(route.onSend), store];
      route.onResponse = [...asList(route.onResponse), settle];
      route.onRequestAbort = [...asList(route.onRequestAbort), settle];
    }
    const methods = [route.method].flat();
    if (config?.invalidates?.length && !methods.every((m) => m === 'GET' || m === 'HEAD')) {
      // onSend: before the answer leaves, so the writer's next read already misses
      route.onSend = [...asList(route.onSend), invalidate];
    }
  });
}
