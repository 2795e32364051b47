import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  createOrgBody,
  moveOrgBody,
  orgListQuery,
  orgSchema,
  orgTreeNodeSchema,
  platformSchema,
  updateOrgBody,
  updatePlatformBody,
} from './orgs.schema.ts';
import { createOrgsService } from './orgs.service.ts';
import { createPlatformsService } from './platforms.service.ts';
import { idParams } from '../../platform/http/schemas.ts';

export function orgsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const orgs = createOrgsService(ctx);
  const platforms = createPlatformsService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orgs'];
  const read = { permission: 'org.read' as const };
  // org names and statuses are in every public read (menu, activities, plans, residence list)
  const write = { permission: 'org.write' as const, invalidates: ['orgs'] as const };

  // the security admin picks an org when creating accounts, so the tree is open to account.manage too
  const treeConfig = { permission: ['org.read', 'account.manage'] as const };
  r.get(
    '/api/orgs/tree',
    {
      schema: { tags, summary: '本人数据范围内的组织树', response: { 200: z.array(orgTreeNodeSchema) } },
      config: treeConfig,
    },
    (req) => orgs.tree(actorOf(req)),
  );
  r.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: '组织列表',
        querystring: orgListQuery,
        response: { 200: z.object({ items: z.array(orgSchema), total: z.number() }) },
      },
      config: read,
    },
    (req) => orgs.list(actorOf(req), req.query),
  );
  r.get(
    '/api/orgs/export',
    {
      schema: {
        tags,
        summary: '导出组织列表 (Excel)',
        querystring: orgListQuery.omit({ page: true, pageSize: true }),
      },
      config: { permission: 'org.export' },
    },
    async (req, reply) => {
      const buffer = await orgs.exportXlsx(actorOf(req), req.query);
      const name = encodeURIComponent(`组织列表-${new Date().toISOString().slice(0, 10)}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
        .send(buffer);
    },
  );
  r.get(
    '/api/orgs/:id',
    { schema: { tags, summary: '组织详情', params: idParams, response: { 200: orgSchema } }, config: read },
    (req) => orgs.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/orgs',
    {
      schema: { tags, summary: '新增组织', body: createOrgBody, response: { 200: orgSchema } },
      config: write,
    },
    (req) => orgs.create(actorOf(req), req.body),
  );
  r.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: '编辑组织',
        params: idParams,
        body: updateOrgBody,
        response: { 200: orgSchema },
      },
      config: write,
    },
    (req) => orgs.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/orgs/:id/move',
    {
      schema: {
        tags,
        summary: '迁移组织（连同下级）',
        params: idParams,
        body: moveOrgBody,
        response: { 200: orgSchema },
      },
      config: write,
    },
    (req) => orgs.move(actorOf(req), req.params.id, req.body.parentId),
  );
  r.post(
    '/api/orgs/:id/archive',
    { schema: { tags, summary: '归档组织', params: idParams, response: { 200: orgSchema } }, config: write },
    (req) => orgs.setArchived(actorOf(req), req.params.id, true),
  );
  r.post(
    '/api/orgs/:id/restore',
    { schema: { tags, summary: '恢复组织', params: idParams, response: { 200: orgSchema } }, config: write },
    (req) => orgs.setArchived(actorOf(req), req.params.id, false),
  );
  r.delete(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: '删除组织（无下级、无成员时）',
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: write,
    },
    async (req) => {
      await orgs.remove(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/platforms',
    { schema: { tags, summary: '五大服务平台', response: { 200: z.array(platformSchema) } }, config: read },
    (req) => platforms.list(actorOf(req)),
  );
  r.patch(
    '/api/platforms/:id',
    {
      schema: {
        tags,
        summary: '编辑服务平台',
        params: idParams,
        body: updatePlatformBody,
        response: { 200: platformSchema },
      },
      config: write,
    },
    (req) => platforms.update(actorOf(req), req.params.id, req.body),
  );
}
