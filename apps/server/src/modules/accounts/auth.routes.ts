import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isMobile, normalizeMobile } from '@civic/contracts';
import { actorFromSession, actorOf, sessionPolicy } from '../../platform/auth/plugin.ts';
import { CSRF_COOKIE, findSession, SESSION_COOKIE, setSessionCookies } from '../../platform/auth/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { Unauthenticated } from '../../platform/errors.ts';
import {
  challengeResponse,
  changePasswordBody,
  loginBody,
  okResponse,
  sessionResponse,
} from './accounts.schema.ts';
import { createAuthService, meOf } from './auth.service.ts';

/** The typed login name as the burst limit counts it: a phone in any format is one name. */
function loginNameOf(body: unknown): string {
  const typed = (body as { username?: unknown } | undefined)?.username;
  if (typeof typed !== 'string') return '';
  return isMobile(typed) ? normalizeMobile(typed) : typed.trim().toLowerCase();
}

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = createAuthService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookies = (reply: FastifyReply, token: string, csrfToken: string) =>
    setSessionCookies(ctx, reply, token, csrfToken);

  r.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: loginBody, response: { 200: sessionResponse } },
      config: {
        public: true,
        // a burst limit per address *and* name, never per address alone: a village behind one NAT
        // shares an address (the login rules add per-account locks and per-address friction)
        rateLimit: {
          max: 20,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${loginNameOf(request.body)}`,
        },
      },
    },
    async (request, reply) => {
      const { token, csrfToken } = await auth.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      const now = ctx.now();
      const session = await findSession(ctx.db.system, sessionPolicy(ctx), token, now);
      if (!session) throw new Unauthenticated();
      setCookies(reply, token, csrfToken);
      return { user: meOf(actorFromSession(ctx, session, request.ip, now)), csrfToken };
    },
  );

  r.get(
    '/api/auth/challenge',
    {
      schema: {
        tags: ['auth'],
        summary: '登录人机验证（工作量证明）题目',
        response: { 200: challengeResponse },
      },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    () => auth.challenge(),
  );

  r.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: '退出登录', response: { 200: okResponse } },
      config: { allowPending: true },
    },
    async (request, reply) => {
      await auth.logout(actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: sessionResponse } },
      config: { allowPending: true },
    },
    async (request) => {
      const actor = actorOf(request);
      return { user: meOf(actor), csrfToken: actor.csrfToken };
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人密码',
        body: changePasswordBody,
        response: { 200: okResponse },
      },
      config: { allowPending: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      await auth.changePassword(actorOf(request), request.body.oldPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: '生成两步验证密钥',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) },
      },
      config: { allowPending: true },
    },
    async (request) => auth.setupTotp(actorOf(request)),
  );

  r.post(
    '/api/auth/totp/enable',
    {
      schema: {
        tags: ['auth'],
        summary: '启用两步验证',
        body: z.object({ code: z.string().regex(/^\d{6}$/, '动态验证码为 6 位数字') }),
        response: { 200: okResponse },
      },
      config: { allowPending: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      await auth.enableTotp(actorOf(request), request.body.code);
      return { ok: true as const };
    },
  );
}
