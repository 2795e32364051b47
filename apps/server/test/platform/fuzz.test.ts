// Schema-driven fuzzing: every operation of the OpenAPI document, called anonymously and as each
// kind of signed-in user that may reach it, with plausible values from its schema and thousands of
// variants — NUL and every other control character in each string, long and odd Unicode strings,
// wrong types, extreme numbers, missing fields, malformed and multipart bodies. No input may cause
// a 5xx, and every refusal is a `{ code, message }` in Chinese. Ids come from the server's own
// answers, so the variants reach real records and the code behind them, not only "not found".
// One seed, a fixed number of requests, its own database; one test per module, in module order
// (lower modules' answers give the ids the higher ones use).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@civic/contracts';
import { buildApp } from '../../src/app.ts';
import { MODULES } from '../../src/modules/index.ts';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../support/context.ts';
import { createUser, TINY_PNG } from '../support/org-factories.ts';
import {
  cloneRequest,
  hostileFor,
  HOSTILE_STRINGS,
  multipartOf,
  operationsOf,
  Raw,
  RAW_ENCODINGS,
  seededRandom,
  setAt,
  urlOf,
  valueFor,
  withControlCharacter,
  type Leaf,
  type LeafPath,
  type Operation,
  type Schema,
} from '../support/openapi-fuzz.ts';

const SEED = 20260311;
/** Random variants per operation for the first caller who reaches it, besides the systematic ones. */
const RANDOM_VARIANTS = 6;
/** Strings per operation that each get a NUL of their own. */
const NUL_PER_STRING_LIMIT = 8;
const USERS = ['demo-center', 'demo-station', 'demo-security', 'demo-audit', 'demo-volunteer'];

interface Caller {
  label: string;
  role: Role | null;
  username: string;
  orgId: number;
  session: Session | null;
}
interface Request {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}
type Body =
  | { kind: 'json' }
  | { kind: 'form' }
  | { kind: 'text'; text: string; contentType: string }
  | { kind: 'multipart'; file: { name: string; data: Buffer; type: string }; fields: Record<string, string> };
interface Failure {
  operation: string;
  caller: string;
  status: number | string;
  url: string;
  body: string;
  answer: string;
  server: string;
}
type Document = Parameters<typeof operationsOf>[0] & {
  components?: { schemas?: Record<string, Schema> };
  paths: Record<string, Record<string, { tags?: string[] }>>;
};

let t: TestContext;
let app: FastifyInstance;
/** Error lines the server logs: the cause of a 500, printed beside the request that caused it. */
const serverLog: string[] = [];
const random = seededRandom(SEED);
let components: Record<string, Schema> = {};
/** The document's operations by module (tag). */
const operationsByModule = new Map<string, Operation[]>();
const callers: Caller[] = [];
const statuses = new Map<number, number>();
let sent = 0;
const xlsxSamples: Buffer[] = [];

// reads first (their answers give the ids the writes aim at), then writes, then deletions; what
// ends the caller's own session or account runs after every module (a volunteer who withdrew
// cannot be signed in again)
const endsCaller = (op: Operation) => /\/(logout|withdraw)$/.test(op.path);
const phase = (op: Operation) =>
  op.method === 'GET' ? (op.path.includes('{') ? 1 : 0) : op.method === 'DELETE' ? 3 : 2;

beforeAll(async () => {
  t = await createTestContext();
  // the app again on the same database, logging its errors to a buffer (the test context's is silent)
  app = await buildApp(t.ctx, {
    webDist: '/nonexistent',
    logger: { level: 'error', stream: { write: (line: string) => serverLog.push(line) } },
  });
  await app.ready();
  const document = app.swagger() as unknown as Document;
  components = document.components?.schemas ?? {};
  for (const op of operationsOf(document)) {
    const tag = endsCaller(op)
      ? 'last'
      : (document.paths[op.path]?.[op.method.toLowerCase()]?.tags?.[0] ?? '');
    operationsByModule.set(tag, [...(operationsByModule.get(tag) ?? []), op]);
  }
  for (const ops of operationsByModule.values()) ops.sort((a, b) => phase(a) - phase(b));

  callers.push({ label: 'anonymous', role: null, username: '', orgId: 0, session: null });
  for (const username of USERS) {
    const signedIn = await signIn(username);
    if (!signedIn) throw new Error(`${username} cannot sign in`);
    const { user, session } = signedIn;
    keepOut('users', user.id);
    keepOut('orgs', user.orgId);
    callers.push({
      label: username,
      role: user.role as Role,
      username,
      orgId: user.orgId as number,
      session,
    });
  }
  const volunteer = callers.find((c) => c.username === 'demo-volunteer')!;
  const me = await app.inject({
    method: 'GET',
    url: '/api/me/volunteer',
    headers: { cookie: volunteer.session!.cookie },
  });
  keepOut('volunteers', me.json<{ id?: number }>().id);
});

afterAll(async () => {
  const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.info(`fuzz: ${sent} requests (${summary.join(', ')})`);
  await app?.close();
  await t?.close();
});

describe('fuzzing the OpenAPI document', () => {
  const tags = [...MODULES.map((m) => m.name), 'last'];
  it('knows every operation’s module', () => {
    expect([...operationsByModule.keys()].filter((tag) => !tags.includes(tag))).toEqual([]);
  });
  for (const tag of tags) {
    const title = tag === 'last' ? 'what ends the caller’s own session or account' : `module ${tag}`;
    it(`${title}: no request gets a 5xx, every refusal is clear`, async () => {
      const operations = operationsByModule.get(tag) ?? [];
      const failures: Failure[] = [];
      const unclear: string[] = [];
      const before = sent;
      for (const op of operations) await fuzzOperation(op, failures, unclear);
      expect(failures).toEqual([]);
      expect(unclear).toEqual([]);
      // the fuzzer itself: each operation was really tried, not only knocked at
      expect(sent - before).toBeGreaterThanOrEqual(5 * operations.length);
    });
  }
});

// ------------------------------------------------------------------------- ids from the answers

const pools = new Map<string, Set<number | string>>();
/** Records the callers' own accounts, orgs and volunteer record: never aimed at. */
const keptOut = new Map<string, Set<number | string>>();
const ALIASES: Record<string, string> = {
  org: 'orgs',
  station: 'orgs',
  parent: 'orgs',
  areaOrg: 'orgs',
  ownerOrg: 'orgs',
  address: 'orgs',
  tree: 'orgs',
  team: 'teams',
  responsibleTeam: 'teams',
  member: 'members',
  volunteer: 'volunteers',
  project: 'projects',
  menuItem: 'menu-items',
  activity: 'activities',
  photo: 'photos',
  standard: 'site-standards',
  upload: 'uploads',
  evidenceUpload: 'uploads',
  into: 'orders',
  user: 'users',
  item: 'plan-items',
};
const poolOf = (name: string) => {
  if (name.startsWith('id@')) return name.slice(3);
  if (/token/i.test(name)) return 'token';
  const stem = name.replace(/(Ids?|_id)$/, '');
  return ALIASES[stem] ?? `${stem}s`;
};
const ids = (name: string) => [...(pools.get(poolOf(name)) ?? [])];
function remember(pool: string, value: unknown) {
  if ((typeof value !== 'number' && typeof value !== 'string') || keptOut.get(pool)?.has(value)) return;
  const set = pools.get(pool) ?? new Set();
  if (set.size < 200) set.add(value);
  pools.set(pool, set);
}
function keepOut(pool: string, value: unknown) {
  if (typeof value !== 'number' && typeof value !== 'string') return;
  keptOut.set(pool, (keptOut.get(pool) ?? new Set()).add(value));
  pools.get(pool)?.delete(value);
}
const segments = (path: string) => path.split('/').filter(Boolean);
/** The collection a path's `{name}` parameter points into. */
function collectionBefore(path: string, name: string) {
  const parts = segments(path);
  return parts[parts.findIndex((s) => s.startsWith(`{${name}}`)) - 1] ?? 'unknown';
}

/** Remembers the ids in an answer: a list's items under its collection, a record under its own. */
function harvest(op: Operation, answer: unknown) {
  const parts = segments(op.path);
  const last = parts[parts.length - 1] ?? '';
  const lastParam = [...parts].reverse().find((s) => s.startsWith('{'));
  const single = lastParam ? collectionBefore(op.path, lastParam.slice(1, lastParam.indexOf('}'))) : last;
  const walk = (value: unknown, pool: string | null, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 50)) walk(item, pool, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (pool && 'id' in record) remember(pool, record.id);
    for (const [key, child] of Object.entries(record)) {
      if (/Id$/.test(key)) remember(poolOf(key), child);
      else if (key === 'trackingToken' || key === 'token') remember('token', child);
      else if (key === 'orderNo' || key === 'service_request_id') remember('requests', child);
      else if (key === 'service_code') remember(poolOf(key), child);
      else if (key === 'items' || key === 'children') walk(child, pool, depth + 1);
      else walk(child, null, depth + 1);
    }
  };
  const isList =
    Array.isArray(answer) || (answer !== null && typeof answer === 'object' && 'items' in answer);
  walk(answer, isList ? (ALIASES[last] ?? last) : single, 0);
}

// ----------------------------------------------------------------------------------- callers

let ipCounter = 0;
/** Every request from its own address: per-IP rate limits would otherwise answer 429 in place of the route. */
function nextAddress() {
  ipCounter += 1;
  return `172.${16 + ((ipCounter >> 16) & 15)}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

async function signIn(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
    remoteAddress: nextAddress(),
  });
  if (res.statusCode !== 200) return null;
  const body = res.json<{ csrfToken: string; user: Record<string, unknown> }>();
  if (body.user.mustChangePassword || body.user.passwordExpired) return null;
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { session: { cookie, csrf: body.csrfToken }, user: body.user };
}

let renewals = 0;
/** A caller whose session a fuzzed request ended (logout, password reset, disabled …) signs in again. */
async function renew(caller: Caller) {
  const again = await signIn(caller.username);
  if (again) {
    caller.session = again.session;
    return;
  }
  if (caller.role === 'volunteer' || caller.role === null || renewals >= 20) {
    caller.session = null;
    return;
  }
  renewals += 1;
  const username = `fuzz-${caller.role.replace('_', '-')}-${renewals}`;
  keepOut('users', await createUser(t.ctx.db.system, username, caller.role, caller.orgId));
  caller.username = username;
  caller.session = (await signIn(username))?.session ?? null;
}

// ---------------------------------------------------------------------------------- requests

const show = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  return text.length > 300 ? `${text.slice(0, 300)}…(${text.length} chars)` : text;
};

/**
 * A refusal the caller can act on: `{ code, message }` in Chinese; Open311 answers in GeoReport's
 * own format, `[{ code, description }]` or its XML twin `<errors><error><code>…<description>…`.
 */
function isClearRefusal(op: Operation, res: LightMyRequestResponse): boolean {
  const type = String(res.headers['content-type']);
  const chinese = (text: unknown) => typeof text === 'string' && /[\u4e00-\u9fa5]/.test(text);
  if (op.path.startsWith('/open311/') && type.includes('xml')) {
    return /<code>\d{3}<\/code>/.test(res.body) && chinese(/<description>([^<]*)</.exec(res.body)?.[1]);
  }
  if (!type.includes('application/json')) return false;
  const body = res.json<unknown>();
  const entry = (op.path.startsWith('/open311/') && Array.isArray(body) ? body[0] : body) as
    Record<string, unknown> | undefined;
  return entry?.code !== undefined && chinese(entry?.message ?? entry?.description);
}

async function send(
  op: Operation,
  caller: Caller,
  request: Request,
  body: Body,
  report: { failures: Failure[]; unclear: string[] },
) {
  const url = urlOf(op.path, request.params, request.query);
  const headers: Record<string, string> = {};
  if (caller.session) {
    headers.cookie = caller.session.cookie;
    headers['x-csrf-token'] = caller.session.csrf;
  }
  let payload: string | Buffer | undefined;
  if (body.kind === 'text') {
    headers['content-type'] = body.contentType;
    payload = body.text;
  } else if (body.kind === 'multipart') {
    const multipart = multipartOf(body.file, body.fields);
    headers['content-type'] = multipart.contentType;
    payload = multipart.payload;
  } else if (request.body !== undefined) {
    if (body.kind === 'form' && request.body && typeof request.body === 'object') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(
        Object.entries(request.body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ).toString();
    } else {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(request.body);
    }
  }
  const shownBody =
    payload instanceof Buffer ? `<multipart ${payload.length} bytes: ${show(body)}>` : payload;
  const logged = serverLog.length;
  sent += 1;
  let res: LightMyRequestResponse;
  try {
    res = await app.inject({
      method: op.method as 'GET',
      url,
      headers,
      remoteAddress: nextAddress(),
      ...(payload === undefined ? {} : { payload }),
    });
  } catch (error) {
    const operation = `${op.method} ${op.path}`;
    report.failures.push({
      operation,
      caller: caller.label,
      status: 'no answer',
      url: show(url),
      body: show(shownBody),
      answer: String(error),
      server: '',
    });
    return null;
  }
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500) {
    report.failures.push({
      operation: `${op.method} ${op.path}`,
      caller: caller.label,
      status: res.statusCode,
      url: show(url),
      body: show(shownBody),
      answer: show(res.body),
      server: serverLog
        .slice(logged)
        .map((line) => {
          const entry = JSON.parse(line) as { err?: { type?: string; message?: string; code?: string } };
          return `${entry.err?.type ?? ''} ${entry.err?.code ?? ''} ${entry.err?.message ?? line}`;
        })
        .join(' | '),
    });
  } else if (res.statusCode >= 400 && !isClearRefusal(op, res)) {
    report.unclear.push(`${res.statusCode} ${op.method} ${show(url)} → ${show(res.body)}`);
  }
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode < 300 && type.includes('application/json')) harvest(op, res.json());
  if (res.statusCode < 300 && type.includes('spreadsheetml') && xlsxSamples.length < 3) {
    xlsxSamples.push(res.rawPayload);
  }
  if (caller.session && (res.statusCode === 401 || (res.statusCode === 403 && /REQUIRED/.test(res.body)))) {
    const check = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: caller.session.cookie },
    });
    if (check.statusCode !== 200 || /"mustChangePassword":true/.test(check.body)) await renew(caller);
  }
  return res;
}

function generate(op: Operation, full: boolean): { request: Request; leaves: Leaf[] } {
  const leaves: Leaf[] = [];
  const env = { random, ids, components, leaves, full };
  const request: Request = { params: {}, query: {}, body: undefined };
  for (const p of op.parameters) {
    if (p.in === 'path') {
      const name = p.name === 'id' ? `id@${collectionBefore(op.path, p.name)}` : p.name;
      request.params[p.name] = valueFor(p.schema, name, ['params', p.name], env);
    } else if (p.required || (full && random.chance(0.6))) {
      request.query[p.name] = valueFor(p.schema, p.name, ['query', p.name], env);
    }
  }
  if (op.body) request.body = valueFor(op.body, 'body', ['body'], env);
  return { request, leaves };
}

function valueAt(request: Request, path: LeafPath): unknown {
  let node: unknown = request[path[0]];
  for (const key of path.slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
const stringLeaves = (request: Request, leaves: Leaf[]) =>
  leaves.filter((leaf) => typeof valueAt(request, leaf.path) === 'string');
/** `text` with a NUL inside (or alone, when empty). */
const withNul = (text: string) =>
  `${text.slice(0, Math.floor(text.length / 2))}\u0000${text.slice(Math.floor(text.length / 2))}`;
/** A hostile value in place of `leaf`; in a path or query sometimes a raw, broken percent-encoding. */
const hostileValue = (leaf: Leaf) =>
  leaf.path[0] !== 'body' && random.chance(0.3)
    ? new Raw(random.pick(RAW_ENCODINGS))
    : hostileFor(leaf.schema, random);

/** What is tried for one operation as one caller; `light` is a sample of it. */
function* variants(op: Operation, light: boolean): Generator<{ request: Request; body?: Body }> {
  const full = generate(op, true);
  const minimal = generate(op, false);
  if (JSON.stringify(minimal.request) !== JSON.stringify(full.request)) yield { request: minimal.request };
  // a NUL of its own in each string, then control characters in all of them at once
  const strings = stringLeaves(full.request, full.leaves);
  for (const leaf of strings.slice(0, light ? 0 : NUL_PER_STRING_LIMIT)) {
    const request = cloneRequest(full.request);
    setAt(request as never, leaf.path, withNul(valueAt(full.request, leaf.path) as string));
    yield { request };
  }
  const controlled = cloneRequest(full.request);
  for (const leaf of strings) {
    setAt(
      controlled as never,
      leaf.path,
      withControlCharacter(valueAt(full.request, leaf.path) as string, random),
    );
  }
  if (strings.length > 1) yield { request: controlled };
  // hostile values in one to three places; an operation with few inputs has few ways to go wrong
  for (let i = 0; i < Math.min(light ? 2 : RANDOM_VARIANTS, 2 * full.leaves.length); i += 1) {
    const base = generate(op, random.chance(0.5));
    const request = cloneRequest(base.request);
    const count = random.int(1, 3);
    for (let j = 0; j < count && base.leaves.length; j += 1) {
      const leaf = random.pick(base.leaves);
      setAt(request as never, leaf.path, hostileValue(leaf));
    }
    yield { request };
  }
  if (light) return;
  // every query value hostile, and each one twice (?a=1&a=2 arrives as an array)
  const queried = op.parameters.filter((p) => p.in === 'query');
  if (queried.length) {
    const request = cloneRequest(full.request);
    for (const p of queried) request.query[p.name] = random.pick(HOSTILE_STRINGS);
    yield { request };
    const doubled = cloneRequest(full.request);
    for (const p of queried) doubled.query[p.name] = ['1', random.pick(HOSTILE_STRINGS)];
    yield { request: doubled };
  }
  if (op.method === 'GET' || op.method === 'DELETE') return;
  // bodies that are not what the route expects
  if (op.body) {
    yield { request: { ...full.request, body: {} } };
    if (op.path.startsWith('/open311/')) yield { request: controlled, body: { kind: 'form' } };
  }
  const json = (text: string) => ({ kind: 'text' as const, text, contentType: 'application/json' });
  yield { request: full.request, body: random.pick([json('{'), json('null'), json('[]'), json('"x"')]) };
  yield { request: full.request, body: json(`${'['.repeat(20_000)}${']'.repeat(20_000)}`) };
  yield {
    request: full.request,
    body: { kind: 'text', text: 'a=\u0000', contentType: random.pick(['text/plain', 'application/xml']) },
  };
  if (op.method === 'POST') {
    const data = random.pick([TINY_PNG, Buffer.from('PK\u0003\u0004 not a zip'), ...xlsxSamples]);
    const name = random.pick([
      'photo.png',
      '志愿者.xlsx',
      'a\u0000.png',
      '\u202egnp.exe',
      `${'长'.repeat(300)}.xlsx`,
      '../../x.xlsx',
    ]);
    yield {
      request: full.request,
      body: {
        kind: 'multipart',
        file: { name, data, type: random.pick(['image/png', 'application/octet-stream']) },
        fields: random.chance(0.5) ? { note: random.pick(HOSTILE_STRINGS).slice(0, 200) } : {},
      },
    };
  }
}

// files and calendars are built whole for every request: a sample of their filters suffices
const isDocument = (op: Operation) => /export|template|\.xlsx|\.ics/.test(op.path);

async function fuzzOperation(op: Operation, failures: Failure[], unclear: string[]) {
  const report = { failures, unclear };
  let reached = 0;
  for (const caller of callers) {
    if (caller.role !== null && !caller.session) continue;
    // the plain request first: a caller the route turns away (no session, no permission) gets
    // nothing further — the auth hook refuses before the input is even read
    const probe = await send(op, caller, generate(op, true).request, { kind: 'json' }, report);
    if (!probe) continue;
    const message = String(probe.headers['content-type']).includes('json')
      ? probe.json<{ message?: unknown }>().message
      : undefined;
    if (probe.statusCode === 401 && message === '请先登录') continue;
    if (probe.statusCode === 403 && message === '无权执行此操作') continue;
    // the first caller who reaches it gets everything, the others (other roles, scopes) a sample
    const light = reached > 0 || isDocument(op);
    reached += 1;
    for (const { request, body } of variants(op, light)) {
      await send(op, caller, request, body ?? { kind: 'json' }, report);
    }
  }
}
