import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  planDetail,
  planInput,
  planItemInput,
  planItemView,
  planListQuery,
  planView,
  publicPlanQuery,
  publicPlanView,
  toActivityInput,
  toActivityResult,
  updatePlanInput,
  updatePlanItemInput,
} from './plans.schema.ts';
import { createPlansService } from './plans.service.ts';
import { idParams } from '../../platform/http/schemas.ts';

export function plansRoutes(app: FastifyInstance, ctx: AppContext): void {
  const plans = createPlansService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const read = { permission: 'activity.read' as const };
  // the org's yearly plan is the unit's: team leaders (activity.write for their team) read it only
  const write = { permission: 'plan.write' as const };

  // a plan's writes drop the cached public plans (and activities: an item can become one)
  const changes = { invalidates: ['plans', 'activities'] as const };

  r.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: '活动计划列表（本单位及上级单位的计划，可含下级）',
        querystring: planListQuery,
        response: { 200: z.object({ items: z.array(planView), total: z.number() }) },
      },
      config: read,
    },
    (req) => plans.list(actorOf(req), req.query),
  );
  r.get(
    '/api/plans/:id',
    {
      schema: { tags, summary: '活动计划（按月分组）', params: idParams, response: { 200: planDetail } },
      config: read,
    },
    (req) => plans.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/plans',
    {
      schema: { tags, summary: '新建年度活动计划', body: planInput, response: { 200: planDetail } },
      config: { ...write, ...changes },
    },
    (req) => plans.create(actorOf(req), req.body),
  );
  r.put(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: '修改计划名称、说明与季度主题',
        params: idParams,
        body: updatePlanInput,
        response: { 200: planDetail },
      },
      config: { ...write, ...changes },
    },
    (req) => plans.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/plans/:id/publish',
    {
      schema: { tags, summary: '发布计划（向群众公开）', params: idParams, response: { 200: planDetail } },
      config: { ...write, ...changes },
    },
    (req) => plans.publish(actorOf(req), req.params.id),
  );
  r.post(
    '/api/plans/:id/items',
    {
      schema: {
        tags,
        summary: '添加月度重点或周安排',
        params: idParams,
        body: planItemInput,
        response: { 200: planItemView },
      },
      config: { ...write, ...changes },
    },
    (req) => plans.addItem(actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/plan-items/:id',
    {
      schema: {
        tags,
        summary: '修改计划安排',
        params: idParams,
        body: updatePlanItemInput,
        response: { 200: planItemView },
      },
      config: { ...write, ...changes },
    },
    (req) => plans.updateItem(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/plan-items/:id',
    {
      schema: {
        tags,
        summary: '删除计划安排（已转为活动的不能删除）',
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: { ...write, ...changes },
    },
    (req) => plans.removeItem(actorOf(req), req.params.id),
  );
  r.post(
    '/api/plan-items/:id/to-activity',
    {
      schema: {
        tags,
        summary: '计划安排转为活动（草稿）',
        params: idParams,
        body: toActivityInput,
        response: { 200: toActivityResult },
      },
      config: { ...write, ...changes },
    },
    (req) => plans.toActivity(actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/public/plans',
    {
      schema: {
        tags,
        summary: '公开的年度活动计划（本单位未发布时显示上级单位的计划）',
        querystring: publicPlanQuery,
        response: { 200: publicPlanView },
      },
      // cached (platform/http/public-cache.ts): the limit counts first reads of a key
      config: {
        public: true,
        cache: ['plans', 'activities', 'orgs'],
        rateLimit: { max: 600, timeWindow: '1 minute' },
      },
    },
    (req) => plans.publicPlan(req.query.orgId, req.query.year),
  );
}
