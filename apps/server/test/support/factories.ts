// Small helpers shared by the auth, accounts and audit integration tests.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '@civic/contracts';
import type { AppContext } from '../../src/platform/context.ts';
import { DEMO_PASSWORD, login, nextIp, type Session } from './context.ts';
import { XSS_SHORT } from './xss.ts';

export interface ErrorBody {
  code: string;
  message: string;
}

export interface UserView {
  id: number;
  username: string;
  phone: string | null;
  role: Role;
  orgId: number;
  status: 'active' | 'disabled' | 'pending';
  locked: boolean;
  mustChangePassword: boolean;
}

export interface AuditItem {
  seq: number;
  actorUserId: number | null;
  actorUsername: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  actionLabel: string;
  resourceType: string;
  resourceLabel: string;
  resourceId: string | null;
  resourceName: string | null;
  orgId: number | null;
  orgName: string | null;
  ip: string | null;
  outcome: string;
  summary: string;
  summaryText: string;
}

/** A username no other test in the run uses. */
export function uniqueName(prefix = 'u'): string {
  return `${prefix}${crypto.randomBytes(4).toString('hex')}`;
}

/** Asserts the uniform error shape and returns it. */
export function expectError(res: LightMyRequestResponse, status: number, code?: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as ErrorBody;
  expect(typeof body.code).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  if (code) expect(body.code).toBe(code);
  return body;
}

/** A raw login attempt (status and body are the caller's to check). */
export function tryLogin(
  app: FastifyInstance,
  username: string,
  password: string,
  ip: string,
  totp?: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: totp === undefined ? { username, password } : { username, password, totp },
    remoteAddress: ip,
  });
}

/** Like `as()` from context.ts, but from a chosen client address (per-IP rate limits, audit IPs). */
export function client(app: FastifyInstance, session: Session, ip = nextIp()) {
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    ip,
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown) => call('POST', url, payload ?? {}),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
  };
}

/** The id of the first org of a kind in the seeded county. */
export async function orgIdOf(ctx: AppContext, kind: 'center' | 'institute' | 'station'): Promise<number> {
  const row = await ctx.db.system
    .selectFrom('orgs')
    .select('id')
    .where('kind', '=', kind)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const auditorSessions = new WeakMap<FastifyInstance, Promise<Session>>();

/**
 * Activates a pending account as demo-audit (the second person of 三权分立), as the console's
 * 激活 button does; returns the account as it is then.
 */
export async function activateUser(app: FastifyInstance, userId: number): Promise<UserView> {
  const activate = async (fresh: boolean) => {
    if (fresh || !auditorSessions.has(app)) auditorSessions.set(app, login(app, 'demo-audit'));
    return client(app, await auditorSessions.get(app)!).post(`/api/users/${userId}/activate`);
  };
  let res = await activate(false);
  // the kept session may have idled out under a test's moved clock
  if (res.statusCode === 401) res = await activate(true);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as UserView;
}

/**
 * Creates an account as the security admin; the new user still has to change the initial password.
 * A privileged account (pending until a second person activates it) is activated by demo-audit,
 * unless `activate: false`.
 */
export async function createUser(
  app: FastifyInstance,
  security: Session,
  input: {
    username?: string;
    displayName?: string;
    phone?: string | null;
    role: Role;
    orgId: number;
    activate?: boolean;
  },
): Promise<{ user: UserView; initialPassword: string }> {
  const res = await client(app, security).post('/api/users', {
    username: input.username ?? uniqueName(),
    displayName: input.displayName ?? `测试${XSS_SHORT}`,
    role: input.role,
    orgId: input.orgId,
    ...(input.phone === undefined ? {} : { phone: input.phone }),
  });
  expect(res.statusCode, res.body).toBe(200);
  const created = res.json() as { user: UserView; initialPassword: string };
  if (created.user.status === 'pending' && input.activate !== false)
    created.user = await activateUser(app, created.user.id);
  return created;
}

/** A strong password that does not contain the username. */
export const NEW_PASSWORD = 'Xiang#2026ok';

/**
 * A ready-to-use account: created by the security admin, initial password already changed to
 * NEW_PASSWORD, and a live session.
 */
export async function createActiveUser(
  app: FastifyInstance,
  security: Session,
  input: { role: Role; orgId: number; phone?: string },
): Promise<{ user: UserView; session: Session; password: string }> {
  const { user, initialPassword } = await createUser(app, security, input);
  const first = await login(app, user.username, initialPassword);
  const res = await client(app, first).post('/api/auth/password', {
    oldPassword: initialPassword,
    newPassword: NEW_PASSWORD,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { user, session: first, password: NEW_PASSWORD };
}

/** Audit entries as the audit admin sees them, newest first. */
export async function auditEntries(
  app: FastifyInstance,
  auditor: Session,
  query: Record<string, string>,
): Promise<AuditItem[]> {
  const qs = new URLSearchParams({ pageSize: '200', ...query }).toString();
  const res = await client(app, auditor).get(`/api/audit-logs?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: AuditItem[] }).items;
}

export { DEMO_PASSWORD };
