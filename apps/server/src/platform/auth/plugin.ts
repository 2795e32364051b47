import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@civic/contracts';
import type { AppContext } from '../context.ts';
import { Forbidden, Unauthenticated } from '../errors.ts';
import { isStaff, permissionsOf, requirePermission, type Actor } from './actor.ts';
import { CSRF_COOKIE, findSession, SESSION_COOKIE, type SessionRow } from './sessions.ts';
import { createDenialRecorder } from './denials.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health, public pages). */
    public?: boolean;
    /** Reachable while a password change or 2FA setup is still pending (the auth routes). */
    allowPending?: boolean;
    /** The permission the route requires (any one of them, when a list). */
    permission?: Permission | readonly Permission[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionPolicy(ctx: AppContext) {
  return { idleMinutes: ctx.config.sessionIdleMinutes, absoluteHours: ctx.config.sessionAbsoluteHours };
}

/** Gets the actor a route handler works for; routes behind the auth hook always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthenticated();
  return request.actor;
}

export function actorFromSession(ctx: AppContext, session: SessionRow, ip: string, now: Date): Actor {
  const maxAgeMs = ctx.config.passwordMaxAgeDays * 86_400_000;
  return {
    userId: session.userId,
    username: session.username,
    displayName: session.displayName,
    role: session.role,
    orgId: session.orgId,
    orgName: session.orgName,
    orgPath: session.orgPath,
    teamId: session.teamId,
    teamName: session.teamName,
    permissions: permissionsOf(session.role),
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
    mustChangePassword: session.mustChangePassword,
    passwordExpired: maxAgeMs > 0 && now.getTime() - session.passwordChangedAt.getTime() > maxAgeMs,
    totpEnabled: session.totpEnabled,
    totpRequired: ctx.config.require2fa && isStaff(session.role),
    ip,
    volunteer:
      session.volunteerId !== null && session.volunteerOrgPath !== null && session.volunteerStatus !== null
        ? { id: session.volunteerId, orgPath: session.volunteerOrgPath, status: session.volunteerStatus }
        : null,
  };
}

/**
 * Authenticates every /api request from its session cookie before the body is even parsed,
 * checks the CSRF header on writes, holds back users who must first change their password or
 * set up 2FA, and enforces the route's permission.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  const recordDenial = createDenialRecorder(ctx);
  // a record outside the caller's scope answers 404 (never "it exists"), and leaves a trace
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (reply.statusCode !== 404 || !request.actor || !route?.startsWith('/api/')) return;
    await recordDenial({
      kind: 'out_of_scope',
      actor: request.actor,
      ip: request.ip,
      route: `${request.method} ${route}`,
      summary: { url: request.url.slice(0, 200) },
    }).catch((error: unknown) => request.log.warn({ err: error }, 'could not record a refusal'));
  });
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const route = request.routeOptions.url;
    // only the API needs a session; the web app's files and the API documentation are public
    if (!route?.startsWith('/api/') || route.startsWith('/api/docs') || config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new Unauthenticated();
    const now = ctx.now();
    const session = await findSession(ctx.db.system, sessionPolicy(ctx), token, now);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      throw new Unauthenticated('登录已过期，请重新登录');
    }
    const actor = actorFromSession(ctx, session, request.ip, now);
    request.actor = actor;
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      await recordDenial({ kind: 'csrf', actor, ip: request.ip, route: `${request.method} ${route}` });
      throw new Forbidden('请求校验失败（CSRF），请刷新页面后重试', 'CSRF');
    }
    if (!config.allowPending) {
      if (actor.mustChangePassword || actor.passwordExpired) {
        throw new Forbidden('请先修改密码后再继续操作', 'PASSWORD_CHANGE_REQUIRED');
      }
      if (actor.totpRequired && !actor.totpEnabled) {
        throw new Forbidden('请先完成两步验证（动态验证码）设置', 'TOTP_SETUP_REQUIRED');
      }
    }
    if (config.permission) {
      const needed = typeof config.permission === 'string' ? [config.permission] : config.permission;
      if (!needed.some((p) => actor.permissions.has(p))) {
        // a refused attempt is itself worth recording (e.g. revealing ID numbers without the right)
        await recordDenial({
          kind: 'permission',
          actor,
          ip: request.ip,
          route: `${request.method} ${route}`,
          summary: { permission: needed.join('|') },
        });
        requirePermission(actor, needed[0]!);
      }
    }
  });
}
