import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '@civic/contracts';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  createUserBody,
  teamOption,
  teamOptionsQuery,
  updateUserBody,
  userListQuery,
  userSchema,
} from './accounts.schema.ts';
import { authRoutes } from './auth.routes.ts';
import { createUsersService } from './users.service.ts';
import { idParams } from '../../platform/http/schemas.ts';

export function accountsRoutes(app: FastifyInstance, ctx: AppContext): void {
  authRoutes(app, ctx);
  const users = createUsersService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  const config = { permission: 'account.manage' as const };
  const one = { params: idParams, response: { 200: userSchema } };

  r.get(
    '/api/roles',
    {
      schema: {
        tags,
        summary: '角色列表',
        response: {
          200: z.array(
            z.object({
              role: z.enum(ROLES),
              label: z.string(),
              permissions: z.array(z.string()),
              orgKinds: z.array(z.string()),
            }),
          ),
        },
      },
      config,
    },
    () => users.roles(),
  );
  r.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: '账号列表',
        querystring: userListQuery,
        response: { 200: z.object({ items: z.array(userSchema), total: z.number() }) },
      },
      config,
    },
    (req) => users.list(actorOf(req), req.query),
  );
  r.get(
    '/api/users/team-options',
    {
      schema: {
        tags,
        summary: '可供队长账号绑定的队伍（所选单位本级的队伍）',
        querystring: teamOptionsQuery,
        response: { 200: z.array(teamOption) },
      },
      config,
    },
    (req) => users.teamOptions(actorOf(req), req.query.orgId),
  );
  r.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: '新建账号（返回一次性初始密码）',
        body: createUserBody,
        response: { 200: z.object({ user: userSchema, initialPassword: z.string() }) },
      },
      config,
    },
    (req) => users.create(actorOf(req), req.body),
  );
  r.patch(
    '/api/users/:id',
    { schema: { tags, summary: '编辑账号', ...one, body: updateUserBody }, config },
    (req) => users.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: idParams,
        response: { 200: z.object({ initialPassword: z.string() }) },
      },
      config,
    },
    (req) => users.resetPassword(actorOf(req), req.params.id),
  );
  r.post('/api/users/:id/unlock', { schema: { tags, summary: '解除锁定', ...one }, config }, (req) =>
    users.unlock(actorOf(req), req.params.id),
  );
  r.post('/api/users/:id/disable', { schema: { tags, summary: '停用账号', ...one }, config }, (req) =>
    users.setDisabled(actorOf(req), req.params.id, true),
  );
  r.post('/api/users/:id/enable', { schema: { tags, summary: '启用账号', ...one }, config }, (req) =>
    users.setDisabled(actorOf(req), req.params.id, false),
  );
  r.post('/api/users/:id/reset-totp', { schema: { tags, summary: '重置两步验证', ...one }, config }, (req) =>
    users.resetTotp(actorOf(req), req.params.id),
  );

  // 三权分立 per person: the second person (audit admin or centre admin) activates what the
  // security admin created, reset or promoted
  const activation = { permission: 'account.activate' as const };
  r.get(
    '/api/users/pending-activation',
    {
      schema: {
        tags,
        summary: '待激活的账号',
        response: { 200: z.object({ items: z.array(userSchema), total: z.number() }) },
      },
      config: activation,
    },
    (req) => users.pendingActivations(actorOf(req)),
  );
  r.post(
    '/api/users/:id/activate',
    { schema: { tags, summary: '激活账号（审计管理员或中心管理员）', ...one }, config: activation },
    (req) => users.activate(actorOf(req), req.params.id),
  );
}
