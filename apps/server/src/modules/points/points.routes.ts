import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { idParams } from '../../platform/http/schemas.ts';
import {
  adjustmentInput,
  adjustmentPage,
  adjustmentQuery,
  adjustmentView,
  entryPage,
  entryQuery,
  holderParams,
  holderView,
  myPoints,
  myPointsQuery,
  ruleInput,
  ruleList,
  ruleView,
} from './points.schema.ts';
import { createPointsService } from './points.service.ts';

export function pointsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const points = createPointsService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'points.read' as const };
  const write = { permission: 'points.write' as const };
  const rules = { permission: 'points.rules' as const };
  const self = { permission: 'volunteer.self' as const };
  const tags = ['points'];

  r.get(
    '/api/points/rules',
    {
      schema: { tags, summary: '积分规则（全县规则与本地规则）', response: { 200: ruleList } },
      config: read,
    },
    (req) => points.rules(actorOf(req)),
  );
  r.post(
    '/api/points/rules',
    {
      schema: {
        tags,
        summary: '新增积分规则（中心定全县规则，所/站在中心上限内加本地规则）',
        body: ruleInput,
        response: { 200: ruleView },
      },
      config: rules,
    },
    (req) => points.createRule(actorOf(req), req.body),
  );
  r.put(
    '/api/points/rules/:id',
    {
      schema: {
        tags,
        summary: '修改积分规则（新版本，不改已记的积分）',
        params: idParams,
        body: ruleInput,
        response: { 200: ruleView },
      },
      config: rules,
    },
    (req) => points.updateRule(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/points/holders/:holderType/:id',
    {
      schema: {
        tags,
        summary: '积分账户：可用积分与终身积分',
        params: holderParams,
        response: { 200: holderView },
      },
      config: read,
    },
    (req) => points.holder(actorOf(req), req.params.holderType, req.params.id),
  );
  r.get(
    '/api/points/entries',
    {
      schema: {
        tags,
        summary: '积分明细（可按账户、类型、日期筛选）',
        querystring: entryQuery,
        response: { 200: entryPage },
      },
      config: read,
    },
    (req) => points.entries(actorOf(req), req.query),
  );
  r.get(
    '/api/points/adjustments',
    {
      schema: {
        tags,
        summary: '积分人工调整',
        querystring: adjustmentQuery,
        response: { 200: adjustmentPage },
      },
      config: read,
    },
    (req) => points.adjustments(actorOf(req), req.query),
  );
  r.post(
    '/api/points/adjustments',
    {
      schema: {
        tags,
        summary: '人工调整积分（须写明原因，超过阈值须另一位管理员确认）',
        body: adjustmentInput,
        response: { 200: adjustmentView },
      },
      config: write,
    },
    (req) => points.adjust(actorOf(req), req.body),
  );
  r.post(
    '/api/points/adjustments/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认积分调整（第二人）',
        params: idParams,
        response: { 200: adjustmentView },
      },
      config: write,
    },
    (req) => points.confirmAdjustment(actorOf(req), req.params.id),
  );
  r.post(
    '/api/points/adjustments/:id/cancel',
    {
      schema: { tags, summary: '撤回待确认的积分调整', params: idParams, response: { 200: adjustmentView } },
      config: write,
    },
    (req) => points.cancelAdjustment(actorOf(req), req.params.id),
  );
  r.get(
    '/api/me/points',
    {
      schema: {
        tags,
        summary: '我的积分：可用积分、终身积分与积分明细',
        querystring: myPointsQuery,
        response: { 200: myPoints },
      },
      config: self,
    },
    (req) => points.mine(actorOf(req), req.query),
  );
}
