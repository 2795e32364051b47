import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { createMenuService } from './menu.service.ts';
import {
  copyProjectInput,
  menuItemInput,
  menuItemView,
  menuListQuery,
  projectDetail,
  projectInput,
  projectListItem,
  projectListQuery,
  projectStatusInput,
  publicMenu,
  publicMenuQuery,
  updateMenuItemInput,
  updateProjectInput,
} from './projects.schema.ts';
import { createProjectsService } from './projects.service.ts';
import { idParams } from '../../platform/http/schemas.ts';

export function projectsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const projects = createProjectsService(ctx);
  const menu = createMenuService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'project.read' as const };
  // a project's name shows in the menu: every write here drops the cached public menu
  const write = { permission: 'project.write' as const, invalidates: ['menu'] as const };

  // ---------------------------------------------------------------- the project library
  const tags = ['projects'];
  r.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: '项目库（本单位、下级及上级单位的项目）',
        querystring: projectListQuery,
        response: { 200: z.object({ items: z.array(projectListItem), total: z.number() }) },
      },
      config: read,
    },
    (req) => projects.list(actorOf(req), req.query),
  );
  r.get(
    '/api/projects/:id',
    {
      schema: { tags, summary: '项目详情（含阶段记录）', params: idParams, response: { 200: projectDetail } },
      config: read,
    },
    (req) => projects.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/projects',
    {
      schema: { tags, summary: '确立项目', body: projectInput, response: { 200: projectDetail } },
      config: write,
    },
    (req) => projects.create(actorOf(req), req.body),
  );
  r.patch(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: '编辑项目',
        params: idParams,
        body: updateProjectInput,
        response: { 200: projectDetail },
      },
      config: write,
    },
    (req) => projects.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/projects/:id/status',
    {
      schema: {
        tags,
        summary: '推进项目阶段（确立 → 招募 → 实施 → 评估 → 优化 → 招募）',
        params: idParams,
        body: projectStatusInput,
        response: { 200: projectDetail },
      },
      config: write,
    },
    (req) => projects.changeStatus(actorOf(req), req.params.id, req.body.status, req.body.note),
  );
  r.post(
    '/api/projects/:id/copy',
    {
      schema: {
        tags,
        summary: '复制项目到另一年度',
        params: idParams,
        body: copyProjectInput,
        response: { 200: projectDetail },
      },
      config: write,
    },
    (req) => projects.copy(actorOf(req), req.params.id, req.body.year),
  );

  // ---------------------------------------------------------------- the menu (staff)
  const menuTags = ['menu'];
  r.get(
    '/api/menu-items',
    {
      schema: {
        tags: menuTags,
        summary: '服务清单（本单位、下级及上级单位发布的服务）',
        querystring: menuListQuery,
        response: { 200: z.object({ items: z.array(menuItemView), total: z.number() }) },
      },
      config: read,
    },
    (req) => menu.list(actorOf(req), req.query),
  );
  r.get(
    '/api/menu-items/:id',
    {
      schema: { tags: menuTags, summary: '服务详情', params: idParams, response: { 200: menuItemView } },
      config: read,
    },
    (req) => menu.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/menu-items',
    {
      schema: { tags: menuTags, summary: '发布服务', body: menuItemInput, response: { 200: menuItemView } },
      config: write,
    },
    (req) => menu.create(actorOf(req), req.body),
  );
  r.patch(
    '/api/menu-items/:id',
    {
      schema: {
        tags: menuTags,
        summary: '编辑服务',
        params: idParams,
        body: updateMenuItemInput,
        response: { 200: menuItemView },
      },
      config: write,
    },
    (req) => menu.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/menu-items/:id/withdraw',
    {
      schema: { tags: menuTags, summary: '下架服务', params: idParams, response: { 200: menuItemView } },
      config: write,
    },
    (req) => menu.withdraw(actorOf(req), req.params.id),
  );
  r.post(
    '/api/menu-items/:id/publish',
    {
      schema: { tags: menuTags, summary: '重新上架服务', params: idParams, response: { 200: menuItemView } },
      config: write,
    },
    (req) => menu.publish(actorOf(req), req.params.id),
  );

  // ---------------------------------------------------------------- the residents' menu (H5)
  r.get(
    '/api/public/menu',
    {
      schema: {
        tags: menuTags,
        summary: '群众可点的服务清单（按所在村（社区））',
        querystring: publicMenuQuery,
        response: { 200: publicMenu },
      },
      // cached (platform/http/public-cache.ts); the limit counts first reads of a village, 600 a
      // minute: every village of a county behind one carrier NAT address on a just-started server
      config: { public: true, cache: ['menu', 'orgs'], rateLimit: { max: 600, timeWindow: '1 minute' } },
    },
    (req) => menu.publicMenu(req.query.orgId),
  );
}
