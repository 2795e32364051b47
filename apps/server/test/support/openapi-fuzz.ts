// Request generation for the schema-driven fuzz test (test/platform/fuzz.test.ts): values from the
// OpenAPI document's request schemas, then variants of them — control characters in every string,
// very long and odd Unicode strings, wrong types, extreme numbers, missing fields, malformed bodies.
// Everything is drawn from one seeded generator, so a run is repeatable.

/** The subset of JSON Schema (OpenAPI 3.0) the server's zod schemas produce. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** As in the document: /api/orgs/{id} */
  path: string;
  parameters: Parameter[];
  body: Schema | null;
}

/** mulberry32: small, fast and good enough to pick test inputs. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof seededRandom>;

/** The operations of an OpenAPI 3.0 document. */
export function operationsOf(document: {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
}): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
        ?.content;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
        body: content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

// ------------------------------------------------------------------------------- hostile values

/** Every C0 control, DEL and a few C1 controls. */
export const CONTROL_CHARACTERS = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009b',
  '\u009f',
];

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u3000',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(40),
  '\u001b[31m红\u001b[0m',
  'a\u007fb',
  'a\u0085b',
  '\ud800',
  'x\udc00y',
  '\ufffe\uffff',
  '\ufeffBOM',
  '\u202e反转\u202c',
  '零\u200b宽',
  'e\u0301\u0301\u0301',
  '😀'.repeat(60),
  '𠮷'.repeat(30),
  'Ａ１２３',
  'x'.repeat(3000),
  '长'.repeat(3000),
  'y'.repeat(70_000),
  "' OR 1=1 --",
  '"; DROP TABLE orgs; --',
  '%',
  '_',
  '\\',
  '\\%_',
  'a.b.c',
  '1.2.3',
  '*',
  '!@#$%^&*()',
  '(',
  '[a-',
  '.*+?{}',
  '-1',
  '0',
  '1e999',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '0x10',
  ' 1 ',
  '1.5',
  'true',
  'null',
  '{}',
  '[]',
  '0000-01-01',
  '9999-12-31',
  '2024-02-30',
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59.999999999Z',
  '2024-13-45T25:61:61Z',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'XQ0000000000',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'javascript:alert(1)',
  'http://169.254.169.254/latest',
  '\n\r\t',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  -1,
  0,
  1.5,
  -0.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  -(2 ** 53),
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
];

export const WRONG_TYPES: readonly unknown[] = [
  null,
  true,
  false,
  {},
  [],
  [null],
  [[[[[]]]]],
  { a: { b: { c: [1, '2', null] } } },
  'abc',
  123,
  -1,
  { $gt: '' },
  // an own "__proto__" key, as JSON.parse makes it from a request body
  JSON.parse('{"__proto__": {"polluted": 1}}'),
  { constructor: { prototype: { polluted: 1 } } },
];

/** Percent-encodings sent raw in a path or query: invalid UTF-8, truncated escapes. */
export const RAW_ENCODINGS: readonly string[] = [
  '%00',
  '%FF',
  '%C0%80',
  '%ED%A0%80',
  '%E0%A4%A',
  '%',
  '%zz',
  '%2e%2e%2f',
  '%0d%0aSet-Cookie:%20x=1',
  '..',
  '%u0000',
];

/** A value of a query or path that is sent as written, not percent-encoded again. */
export class Raw {
  constructor(readonly text: string) {}
}

// ------------------------------------------------------------------------- values from schemas

/** Values for ids, harvested from the server's answers (see the test). */
export type IdPools = (name: string) => readonly (number | string)[];

const DATE_TIMES = ['2026-05-01T09:00:00+08:00', '2025-12-31T16:00:00Z', '2026-01-15T08:30:00.000Z'];
const DATES = ['2026-05-01', '2025-12-31', '2000-02-29'];

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  if (schema.$ref) return components[schema.$ref.replace('#/components/schemas/', '')] ?? {};
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => resolve(s, components)));
  return schema;
}

function alnum(random: Random, length: number): string {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length }, () => random.pick([...chars])).join('');
}

function uuidOf(random: Random): string {
  const hex = () => random.int(0, 15).toString(16);
  const run = (n: number) => Array.from({ length: n }, hex).join('');
  return `${run(8)}-${run(4)}-4${run(3)}-a${run(3)}-${run(12)}`;
}

function stringFor(schema: Schema, name: string, random: Random, ids: IdPools): string {
  if (schema.enum?.length) return String(random.pick(schema.enum));
  switch (schema.format) {
    case 'date-time':
      return random.pick(DATE_TIMES);
    case 'date':
      return random.pick(DATES);
    case 'uuid': {
      const pool = ids(name);
      return pool.length && random.chance(0.7) ? String(random.pick(pool)) : uuidOf(random);
    }
    case 'uri':
      return 'https://example.org/video/1';
    case 'email':
      return 'a@example.org';
    default:
      break;
  }
  const pool = ids(name);
  if (pool.length && random.chance(0.7)) return String(random.pick(pool));
  if (/phone/i.test(name)) return `13${random.int(100000000, 999999999)}`;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const candidates = [
      `F${alnum(random, 7)}`,
      alnum(random, 24),
      String(random.int(1000, 9999)),
      String(random.int(100000, 999999)),
      '张三丰',
    ];
    const fit = candidates.find((c) => pattern.test(c));
    if (fit) return fit;
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, 40);
  const base = random.pick(['测试', '文明实践', 'Fuzz', '东风社区', '志愿服务']);
  let text = `${base}${alnum(random, random.int(0, 6))}`;
  while (text.length < min) text += alnum(random, min - text.length);
  return text.slice(0, Math.max(max, min));
}

function numberFor(schema: Schema, name: string, random: Random, ids: IdPools): number {
  const integer = schema.type === 'integer';
  const looksLikeId = integer && /(^id\b|Id$|_id$)/.test(name) && (schema.maximum ?? 0) >= 2 ** 31 - 1;
  if (looksLikeId) {
    const pool = ids(name);
    if (pool.length && random.chance(0.8)) return Number(random.pick(pool));
    return random.int(1, 400);
  }
  const exclusive = schema.exclusiveMinimum === true;
  let min = schema.minimum ?? 0;
  if (exclusive) min += integer ? 1 : 0.001;
  const max = Math.min(schema.maximum ?? min + 100, min + 1000);
  if (integer) return random.int(Math.ceil(min), Math.floor(max));
  return Math.round((min + random.next() * (max - min)) * 1000) / 1000;
}

/** A path inside a request: where, then keys and indexes. */
export type LeafPath = ['params' | 'query' | 'body', ...(string | number)[]];
export interface Leaf {
  path: LeafPath;
  schema: Schema;
}

/**
 * A plausible value for `schema`; every value it places (and every object or array) is recorded in
 * `leaves` so variants can replace it.
 */
export function valueFor(
  raw: Schema,
  name: string,
  path: LeafPath,
  env: { random: Random; ids: IdPools; components: Record<string, Schema>; leaves: Leaf[]; full: boolean },
  depth = 0,
): unknown {
  const schema = resolve(raw, env.components);
  const { random } = env;
  env.leaves.push({ path, schema });
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) {
    const usable = variants.filter((v) => resolve(v, env.components).type !== 'null');
    return valueFor(random.pick(usable.length ? usable : variants), name, path, env, depth);
  }
  if (schema.enum?.length) return random.pick(schema.enum);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (!required.has(key) && (!env.full || depth > 2) && !random.chance(0.3)) continue;
        out[key] = valueFor(child, key, [...path, key] as LeafPath, env, depth + 1);
      }
      return out;
    }
    case 'array': {
      if (!schema.items || depth > 4) return [];
      const count = Math.min(Math.max(schema.minItems ?? 0, random.int(0, 2)), schema.maxItems ?? 3);
      return Array.from({ length: count }, (_, i) =>
        valueFor(schema.items!, name, [...path, i] as LeafPath, env, depth + 1),
      );
    }
    case 'integer':
    case 'number':
      return numberFor(schema, name, random, env.ids);
    case 'boolean':
      return random.chance(0.5);
    case 'string':
      return stringFor(schema, name, random, env.ids);
    default:
      return random.pick(['测试', 1, true]);
  }
}

/** A hostile replacement for a value of `schema`. */
export function hostileFor(schema: Schema, random: Random): unknown {
  const roll = random.next();
  // a copy: one value placed twice in a request must not become a cycle
  if (roll < 0.15) return JSON.parse(JSON.stringify(random.pick(WRONG_TYPES)));
  if (schema.type === 'integer' || schema.type === 'number') {
    return roll < 0.7 ? random.pick(HOSTILE_NUMBERS) : random.pick(HOSTILE_STRINGS);
  }
  if (schema.type === 'array') return roll < 0.5 ? Array.from({ length: 300 }, (_, i) => i) : 'abc';
  return random.pick(HOSTILE_STRINGS);
}

export function cloneRequest<T>(value: T): T {
  return structuredClone(value);
}

/** Sets the value at `path` inside `root` (which holds params, query and body). */
export function setAt(root: Record<string, unknown>, path: LeafPath, value: unknown): void {
  if (path.length === 1) {
    root[path[0]] = value;
    return;
  }
  let node = root[path[0]] as Record<string | number, unknown>;
  for (let i = 1; i < path.length - 1; i += 1) {
    if (node === null || typeof node !== 'object') return;
    node = node[path[i]!] as Record<string | number, unknown>;
  }
  if (node !== null && typeof node === 'object') node[path[path.length - 1]!] = value;
}

/** A string of the request's generated strings, each with a control character put inside. */
export function withControlCharacter(text: string, random: Random): string {
  const at = random.int(0, text.length);
  return text.slice(0, at) + random.pick(CONTROL_CHARACTERS) + text.slice(at);
}

/**
 * encodeURIComponent, except that an unpaired surrogate (which it refuses) is sent as the three
 * bytes a careless client would write for it (WTF-8): invalid UTF-8 for the server to cope with.
 */
function percentEncode(text: string): string {
  return text
    .split(/(\p{Cs})/u)
    .map((part, i) => {
      if (i % 2 === 0) return encodeURIComponent(part);
      const code = part.charCodeAt(0);
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
      return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

/** Builds /path?query from a request's parts; values are encoded unless Raw. */
export function urlOf(
  template: string,
  params: Record<string, unknown>,
  query: Record<string, unknown>,
): string {
  const encode = (value: unknown) =>
    value instanceof Raw
      ? value.text
      : percentEncode(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => encode(params[name]));
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) pairs.push(`${encodeURIComponent(key)}=${encode(v)}`);
  }
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

/** A multipart body with one file part (and fields before it). */
export function multipartOf(
  file: { name: string; data: Buffer; type: string },
  fields: Record<string, string> = {},
): { payload: Buffer; contentType: string } {
  const boundary = '----civicfuzz7b1d';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
