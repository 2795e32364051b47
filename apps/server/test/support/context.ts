import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { createFieldCipher } from '../../src/platform/crypto.ts';
import { connectDatabases, withDatabase } from '../../src/platform/db/database.ts';
import { createEventBus } from '../../src/platform/events.ts';
import { createDatabaseFrom } from './databases.ts';
import { DEMO_PASSWORD, TEST_KEY } from './keys.ts';

export { DEMO_PASSWORD };

export interface TestContext {
  ctx: AppContext;
  app: FastifyInstance;
  databaseUrl: string;
  /** Moves the injected clock. */
  setNow(date: Date | null): void;
  close(): Promise<void>;
}

/**
 * A fresh database cloned from a template — by default the one with the demo county seeded (with
 * DEMO_PASSWORD and TEST_KEY), or the migrated-only one with `seed: false` — and the app built on
 * it: one per test file, so no test depends on another's leftovers.
 */
export async function createTestContext(
  options: { seed?: boolean; env?: Record<string, string>; webDist?: string } = {},
): Promise<TestContext> {
  const maintenanceUrl = inject('maintenanceUrl');
  // the demo county was seeded once into a template (global-setup.ts): cloning it takes seconds
  const template = inject(options.seed === false ? 'templateDatabase' : 'seededTemplateDatabase');
  const name = `civic_test_${crypto.randomBytes(4).toString('hex')}_${process.ppid}`;
  await createDatabaseFrom(maintenanceUrl, name, template);
  const databaseUrl = withDatabase(maintenanceUrl, name);
  const cipher = createFieldCipher(TEST_KEY);
  const db = connectDatabases(databaseUrl, cipher.derive('database-app-role').toString('hex'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    FIELD_ENCRYPTION_KEY: TEST_KEY,
    ...options.env,
  });
  let fixedNow: Date | null = null;
  const ctx: AppContext = {
    config,
    db,
    cipher,
    now: () => fixedNow ?? new Date(),
    events: createEventBus(),
  };
  const app = await buildApp(ctx, { webDist: options.webDist ?? '/nonexistent' });
  await app.ready();
  return {
    ctx,
    app,
    databaseUrl,
    setNow(date) {
      fixedNow = date;
    },
    async close() {
      await app.close();
      await db.close();
      const c = new pg.Client({ connectionString: maintenanceUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

let ipCounter = 0;
/** Each login comes from its own address so per-IP throttling in one test does not leak into others. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${ipCounter % 250}`;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
  ip = nextIp(),
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: res.json().csrfToken };
}

export function as(app: FastifyInstance, session: Session) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown) => call('POST', url, payload ?? {}),
    put: (url: string, payload: unknown) => call('PUT', url, payload),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
    delete: (url: string) => call('DELETE', url),
    /** multipart/form-data: the text fields first, then the file (when there is one) */
    form: (url: string, fields: Record<string, string>, file?: { fileName: string; data: Buffer }) => {
      const boundary = `----civic-test-${crypto.randomBytes(8).toString('hex')}`;
      const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
      if (file)
        parts.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          file.data,
          Buffer.from('\r\n'),
        );
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: Buffer.concat(parts),
      });
    },
  };
}
