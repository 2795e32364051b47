// Public reads are cached (platform/http/public-cache.ts): ETag and 304, Cache-Control and Age
// matching the server's TTL, a write on this server showing in the next read, nothing older than
// the TTL, nothing personal or scope-dependent cached, and rate limits that count what reaches the
// database — not the hits of a village behind one address.
import crypto from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPublicCache } from '../../src/platform/http/public-cache.ts';
import { as, createTestContext, login, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';
import { newMenuItem, ok, type Client } from '../support/project-factories.ts';

const TTL_S = 10;
const tag = crypto.randomBytes(3).toString('hex');

let t: TestContext;
let station: Client;
let stationOrg: OrgRef;
let clock: number;

const get = (url: string, headers: Record<string, string> = {}, remoteAddress = nextIp()) =>
  t.app.inject({ method: 'GET', url, headers, remoteAddress });
const menuUrl = () => `/api/public/menu?orgId=${stationOrg.id}`;
const titles = (res: { json(): unknown }) =>
  (res.json() as { items: Array<{ title: string }> }).items.map((i) => i.title);
/** Moves the injected clock (the cache's ages follow ctx.now()). */
const at = (ms: number) => t.setNow(new Date(ms));

beforeAll(async () => {
  t = await createTestContext({ env: { PUBLIC_CACHE_SECONDS: String(TTL_S) } });
  station = as(t.app, await login(t.app, 'demo-station'));
  stationOrg = await orgOfUser(t.ctx.db.system, 'demo-station');
  clock = Date.now();
  at(clock);
});
afterAll(async () => t?.close());

describe('HTTP caching of public reads', () => {
  it('answers with a strong ETag of the body, Cache-Control and Age; If-None-Match gets a 304', async () => {
    const first = await get(menuUrl());
    expect(first.statusCode, first.body).toBe(200);
    const etag = first.headers.etag as string;
    const hash = crypto.createHash('sha1').update(first.rawPayload).digest('base64url');
    expect(etag).toBe(`"${hash}"`);
    expect(first.headers['cache-control']).toBe(`public, max-age=${TTL_S}`);
    expect(first.headers.age).toBe('0');

    at(clock + 3_500);
    const again = await get(menuUrl(), { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe(`public, max-age=${TTL_S}`);
    expect(again.headers.age).toBe('3');
    // a list, and the weak form, match too; another tag gets the body
    expect((await get(menuUrl(), { 'if-none-match': `"x", W/${etag}` })).statusCode).toBe(304);
    const other = await get(menuUrl(), { 'if-none-match': '"not-this-one"' });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
    // the same for XML and JSON answers of Open311, each with its own entry and tag
    const json = await get('/open311/v2/services.json');
    const xml = await get('/open311/v2/services.xml');
    expect(json.headers['content-type']).toContain('application/json');
    expect(xml.headers['content-type']).toContain('xml');
    expect(json.headers.etag).not.toBe(xml.headers.etag);
    expect((await get('/open311/v2/services.xml')).body).toBe(xml.body);
    at(clock);
  });

  it('keys by the validated query: unknown parameters share the entry, invalid ones are refused', async () => {
    const plain = await get(menuUrl());
    const extra = await get(`${menuUrl()}&utm=${tag}`);
    expect(extra.statusCode).toBe(200);
    expect(plain.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(extra.headers.etag).toBe(plain.headers.etag);
    const bad = await get('/api/public/menu?orgId=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers.etag).toBeUndefined();
    const unknown = await get('/api/public/menu?orgId=99999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers.etag).toBeUndefined();
    expect(unknown.headers['cache-control']).toBeUndefined();
  });
});

describe('freshness', () => {
  it('a write on this server shows in the next read: a menu item published, withdrawn, published again', async () => {
    const before = await get(menuUrl());
    const item = await newMenuItem(station, { title: `缓存测试帮办${tag}`, areaOrgId: stationOrg.id });
    const added = await get(menuUrl());
    expect(titles(added)).toContain(item.title);
    expect(added.headers.etag).not.toBe(before.headers.etag);
    // a browser holding the old copy revalidates and gets the new body
    expect((await get(menuUrl(), { 'if-none-match': before.headers.etag as string })).statusCode).toBe(200);
    const services = await get('/open311/v2/services.json');
    expect(JSON.stringify(services.json())).toContain(`item.${item.id}`);

    await ok(station.post(`/api/menu-items/${item.id}/withdraw`));
    expect(titles(await get(menuUrl()))).not.toContain(item.title);
    expect(JSON.stringify((await get('/open311/v2/services.json')).json())).not.toContain(`item.${item.id}`);
    await ok(station.post(`/api/menu-items/${item.id}/publish`));
    expect(titles(await get(menuUrl()))).toContain(item.title);
  });

  it('a change this server was not told of (another server, a script) shows within the TTL, not later', async () => {
    const item = await newMenuItem(station, { title: `旁路修改${tag}`, areaOrgId: stationOrg.id });
    const rename = (title: string) =>
      sql`UPDATE menu_items SET title = ${title} WHERE id = ${item.id}`.execute(t.ctx.db.system);
    at(clock);
    expect(titles(await get(menuUrl()))).toContain(item.title);
    // written behind the server's back: the cached answer stands, but not for the TTL
    await rename(`旁路已改${tag}`);
    at(clock + 4_999);
    const cached = await get(menuUrl());
    expect(titles(cached)).toContain(item.title);
    expect(cached.headers.age).toBe('4');
    at(clock + TTL_S * 1000);
    const fresh = await get(menuUrl());
    expect(titles(fresh)).toContain(`旁路已改${tag}`);
    expect(fresh.headers.age).toBe('0');

    // from four fifths of its TTL at the latest, a key in use is read again in the background:
    // callers are all served the fresh copy at once, nobody waits for the database
    await rename(`续期读到${tag}`);
    at(clock + TTL_S * 1000 + 8_000);
    const during = await Promise.all([get(menuUrl()), get(menuUrl())]);
    for (const res of during) expect(titles(res)).toContain(`旁路已改${tag}`);
    // meanwhile the copy is read again in the background: without any caller waiting, and with no
    // time passing on the server's clock, the renewed answer replaces it
    await expect
      .poll(async () => titles(await get(menuUrl())), { timeout: 30_000, interval: 20 })
      .toContain(`续期读到${tag}`);
    expect((await get(menuUrl())).headers.age).toBe('0');

    // a clock set back never makes an entry young again
    await rename(`再次旁路${tag}`);
    at(clock - 60_000);
    expect(titles(await get(menuUrl()))).toContain(`再次旁路${tag}`);
    at(clock);
  });

  it('a refused write (no session) does not empty the cache for everyone', async () => {
    const item = await newMenuItem(station, { title: `拒绝不失效${tag}`, areaOrgId: stationOrg.id });
    at(clock);
    expect(titles(await get(menuUrl()))).toContain(item.title);
    await sql`UPDATE menu_items SET title = ${`拒绝后仍旧${tag}`} WHERE id = ${item.id}`.execute(
      t.ctx.db.system,
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/menu-items/${item.id}/withdraw`,
      remoteAddress: nextIp(),
    });
    expect(refused.statusCode).toBe(401);
    expect(titles(await get(menuUrl()))).toContain(item.title);
    await ok(station.post(`/api/menu-items/${item.id}/withdraw`));
    expect(titles(await get(menuUrl()))).not.toContain(item.title);
  });

  it('activities: publish shows at once, cancel removes at once, and a sign-up moves the count at once', async () => {
    const url = `/api/public/activities?orgId=${stationOrg.id}`;
    const list = async () => (await get(url)).json() as Array<{ id: number; confirmedCount: number }>;
    await list();
    const startsAt = new Date(clock + 3 * 86_400_000);
    const created = await ok<{ id: number }>(
      station.post('/api/activities', {
        title: `缓存测试活动${tag}`,
        form: 'bang',
        place: '东风社区新时代文明实践站',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        capacity: 20,
      }),
    );
    expect((await list()).map((a) => a.id)).not.toContain(created.id);
    await ok(station.post(`/api/activities/${created.id}/publish`));
    expect((await list()).map((a) => a.id)).toContain(created.id);
    const single = await get(`/api/public/activities/${created.id}`);
    expect(single.json()).toMatchObject({ id: created.id, status: 'published', confirmedCount: 0 });

    const volunteer = await t.ctx.db.system
      .selectFrom('volunteers')
      .select('id')
      .where('org_path', '<@', stationOrg.path)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    await ok(station.post(`/api/activities/${created.id}/signups`, { volunteerIds: [volunteer.id] }));
    expect((await list()).find((a) => a.id === created.id)?.confirmedCount).toBe(1);
    expect((await get(`/api/public/activities/${created.id}`)).json().confirmedCount).toBe(1);

    await ok(station.post(`/api/activities/${created.id}/cancel`, { reason: '天气原因' }));
    expect((await list()).map((a) => a.id)).not.toContain(created.id);
    expect((await get(`/api/public/activities/${created.id}`)).json().status).toBe('cancelled');
  });

  it('an org renamed by the console shows in the residence list at once', async () => {
    const center = as(t.app, await login(t.app, 'demo-center'));
    const names = async () => JSON.stringify((await get('/api/public/residence-orgs')).json() as unknown);
    expect(await names()).not.toContain(`改名村${tag}`);
    await ok(center.patch(`/api/orgs/${stationOrg.id}`, { shortName: `改名村${tag}` }));
    expect(await names()).toContain(`改名村${tag}`);
  });
});

describe('security headers', () => {
  // helmet's, as @fastify/helmet set them before they were computed once (security-headers.ts)
  const HELMET = {
    'content-security-policy':
      "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';" +
      "img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';" +
      "style-src 'self' 'unsafe-inline';connect-src 'self'",
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };

  it('are on every answer: a cached read, a 304, an API answer, an error', async () => {
    const cached = await get(menuUrl());
    const notModified = await get(menuUrl(), { 'if-none-match': cached.headers.etag as string });
    const missing = await get('/api/no-such-route');
    const refused = await t.app.inject({ method: 'GET', url: '/api/menu-items' });
    const answered = await station.get('/api/menu-items?pageSize=1');
    expect([cached, notModified, missing, refused, answered].map((r) => r.statusCode)).toEqual([
      200, 304, 404, 401, 200,
    ]);
    for (const res of [cached, notModified, missing, refused, answered])
      expect(res.headers).toMatchObject(HELMET);
  });
});

describe('what is never cached', () => {
  it('answers that depend on the caller carry no ETag or public Cache-Control', async () => {
    const mine = await station.get('/api/menu-items?pageSize=5');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.headers.etag).toBeUndefined();
    expect(String(mine.headers['cache-control'] ?? '')).not.toContain('public');
    // a resident's order tracking page is public but personal: read from the database each time
    const placed = await t.app.inject({
      method: 'POST',
      url: '/api/public/orders',
      remoteAddress: nextIp(),
      payload: {
        stationId: stationOrg.id,
        serviceCategory: 'law',
        description: '咨询赡养纠纷',
        address: '东风社区居委会',
        contactName: '刘先生',
        contactPhone: '13700137000',
      },
    });
    expect(placed.statusCode, placed.body).toBe(200);
    const tracking = await get(`/api/public/orders/${placed.json().trackingToken as string}`);
    expect(tracking.statusCode, tracking.body).toBe(200);
    expect(tracking.headers.etag).toBeUndefined();
    expect(String(tracking.headers['cache-control'] ?? '')).not.toContain('public');
  });

  it('a session on a cached read changes nothing: the same answer, no cookie set', async () => {
    const anonymous = await get(menuUrl());
    const withSession = await station.get(menuUrl());
    expect(withSession.statusCode).toBe(200);
    expect(withSession.body).toBe(anonymous.body);
    expect(withSession.headers['set-cookie']).toBeUndefined();
  });

  it('a route that needs a session cannot be cached: refused when it is registered', async () => {
    const app = Fastify();
    registerPublicCache(app, t.ctx);
    expect(() =>
      app.get('/api/secret', { config: { cache: ['menu'] } }, async () => ({ secret: true })),
    ).toThrow(/only a route that needs no session may be cached/);
    await app.close();
  });
});

describe('rate limits count what reaches the database', () => {
  // the calendar feed: 60 a minute per address
  const ics = (orgId: number, ip: string) => get(`/api/public/orgs/${orgId}/activities.ics`, {}, ip);

  it('one address reading a cached answer far beyond the limit is never refused', async () => {
    const ip = nextIp();
    for (let i = 0; i < 100; i += 1) {
      const res = await ics(stationOrg.id, ip);
      expect(res.statusCode, `read ${i + 1}`).toBe(200);
    }
  });

  it('nor are the refills of an answered key after its TTL; ids that do not exist count every time', async () => {
    const ip = nextIp();
    at(clock);
    for (let i = 0; i < 70; i += 1) {
      // every read a refill: the entry has aged out since the last one
      at(clock + i * (TTL_S * 1000 + 1));
      expect((await ics(stationOrg.id, ip)).statusCode, `refill ${i + 1}`).toBe(200);
    }
    at(clock);
    const scanner = nextIp();
    const answers: number[] = [];
    for (let i = 0; i < 61; i += 1) answers.push((await ics(99_000_000 + i, scanner)).statusCode);
    expect(answers.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(answers[60]).toBe(429);
  });
});
