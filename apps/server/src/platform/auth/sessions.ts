import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '@civic/contracts';
import { randomToken } from '../crypto.ts';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';

/**
 * Database sessions (the server keeps no session state, so any instance can serve any request).
 * The cookie carries a random token; only its SHA-256 is stored.
 */
export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf_token';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionRow {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  orgPath: string;
  /** The team a team leader's account leads (users.team_id) and its name; null for everyone else. */
  teamId: number | null;
  teamName: string | null;
  status: string;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  totpEnabled: boolean;
  /** The account's volunteer record, if it has one (read here so H5 requests need no second lookup). */
  volunteerId: number | null;
  volunteerOrgPath: string | null;
  volunteerStatus: string | null;
}

export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  policy: SessionPolicy,
  userId: number,
  meta: { ip: string; userAgent: string | undefined },
  now = new Date(),
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/** Looks up a live session (not past its absolute expiry or idle limit) and touches it. */
export async function findSession(
  db: Db,
  policy: SessionPolicy,
  token: string,
  now = new Date(),
): Promise<SessionRow | null> {
  const id = sessionIdOf(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .leftJoin('volunteers as v', 'v.user_id', 'u.id')
    .leftJoin('teams as t', 't.id', 'u.team_id')
    .select([
      'u.team_id as teamId',
      't.name as teamName',
      'v.id as volunteerId',
      'v.org_path as volunteerOrgPath',
      'v.status as volunteerStatus',
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.org_id as orgId',
      'o.name as orgName',
      'u.org_path as orgPath',
      'u.status',
      'u.must_change_password as mustChangePassword',
      'u.password_changed_at as passwordChangedAt',
      'u.totp_enabled as totpEnabled',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = new Date(row.lastSeenAt).getTime() + policy.idleMinutes * 60_000;
  if (
    new Date(row.expiresAt).getTime() <= now.getTime() ||
    idleLimit <= now.getTime() ||
    row.status !== 'active'
  ) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // touching at most once a minute keeps session checks read-mostly
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return { ...row, role: row.role as Role, lastSeenAt: new Date(row.lastSeenAt) };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: number, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
  await q.execute();
}

export async function purgeExpiredSessions(db: Db, policy: SessionPolicy, now = new Date()): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('last_seen_at', '<=', new Date(now.getTime() - policy.idleMinutes * 60_000)),
      ]),
    )
    .execute();
  await sql`DELETE FROM login_failures WHERE failed_at < ${new Date(now.getTime() - 86_400_000)}`.execute(db);
  await sql`DELETE FROM login_challenges_used WHERE expires_at < ${now}`.execute(db);
}

/** The httpOnly session cookie and the script-readable CSRF cookie (double submit). */
export function setSessionCookies(
  ctx: AppContext,
  reply: FastifyReply,
  token: string,
  csrfToken: string,
): void {
  const base = { path: '/', sameSite: 'strict' as const, secure: ctx.config.env === 'production' };
  const maxAge = ctx.config.sessionAbsoluteHours * 3600;
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true, maxAge });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false, maxAge });
}
