import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORDER_STATUSES } from '@civic/contracts';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  acceptInput,
  dispatchInput,
  evaluateInput,
  finishInput,
  mergeInput,
  orderDetail,
  orderExportQuery,
  orderFilters,
  orderListQuery,
  orderView,
  placeOrderInput,
  positionInput,
  rateInput,
  reasonInput,
  staffOrderInput,
  trackingParams,
  trackingView,
} from './orders.schema.ts';
import { createOrdersService } from './orders.service.ts';
import { exportOrders } from './order-export.ts';
import { sendXlsx } from '../../platform/excel.ts';
import { chinaDate } from '../../platform/time.ts';
import { createResidentOrdersService } from './resident.service.ts';
import { createVolunteerOrdersService } from './volunteer-orders.service.ts';
import { idParams } from '../../platform/http/schemas.ts';

export function ordersRoutes(app: FastifyInstance, ctx: AppContext): void {
  const orders = createOrdersService(ctx);
  const residents = createResidentOrdersService(ctx);
  const volunteers = createVolunteerOrdersService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const pub = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

  // ---------------------------------------------------------------- residents (no account)
  r.post(
    '/api/public/orders',
    {
      schema: {
        tags,
        summary: '群众点单（返回一次性的查询码，凭它查看进度）',
        body: placeOrderInput,
        response: {
          200: z.object({ orderNo: z.string(), trackingToken: z.string(), tracking: trackingView }),
        },
      },
      config: pub(10),
    },
    (req) => residents.place(req.body),
  );
  r.get(
    '/api/public/orders/:token',
    {
      schema: { tags, summary: '查看需求进度', params: trackingParams, response: { 200: trackingView } },
      config: pub(60),
    },
    (req) => residents.track(req.params.token),
  );
  r.post(
    '/api/public/orders/:token/rate',
    {
      schema: {
        tags,
        summary: '群众评价',
        params: trackingParams,
        body: rateInput,
        response: { 200: trackingView },
      },
      config: pub(10),
    },
    (req) => residents.rate(req.params.token, req.body.rating, req.body.comment),
  );
  r.post(
    '/api/public/orders/:token/reopen',
    {
      schema: {
        tags,
        summary: '需求未解决，7 天内重新办理',
        params: trackingParams,
        body: reasonInput,
        response: { 200: trackingView },
      },
      config: pub(10),
    },
    (req) => residents.reopen(req.params.token, req.body.reason),
  );
  r.post(
    '/api/public/orders/:token/cancel',
    {
      schema: {
        tags,
        summary: '群众撤销需求',
        params: trackingParams,
        body: reasonInput,
        response: { 200: trackingView },
      },
      config: pub(10),
    },
    (req) => residents.cancel(req.params.token, req.body.reason),
  );

  // ---------------------------------------------------------------- staff
  const read = { permission: 'order.read' as const };
  r.get(
    '/api/orders',
    {
      schema: {
        tags,
        summary: '需求列表（按环节、超时筛选）',
        querystring: orderListQuery,
        response: { 200: z.object({ items: z.array(orderView), total: z.number() }) },
      },
      config: read,
    },
    (req) => orders.list(actorOf(req), req.query),
  );
  r.get(
    '/api/orders/counts',
    {
      schema: {
        tags,
        summary: '各状态需求数与超时数（与列表同一筛选）',
        querystring: orderFilters,
        response: {
          200: z.array(z.object({ status: z.enum(ORDER_STATUSES), count: z.number(), overdue: z.number() })),
        },
      },
      config: read,
    },
    (req) => orders.counts(actorOf(req), req.query),
  );
  r.get(
    '/api/orders/export',
    {
      schema: {
        tags,
        summary: '导出需求（Excel，与列表同一筛选；群众电话脱敏）',
        querystring: orderExportQuery,
      },
      config: read,
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        `群众需求-${chinaDate(ctx.now())}.xlsx`,
        await exportOrders(ctx, actorOf(req), req.query),
      ),
  );
  const deadlinesSchema = z.object({
    vetWorkingDays: z.number().int().min(1, '制单时限 1–30 个工作日').max(30, '制单时限 1–30 个工作日'),
    dispatchHours: z.number().int().min(1, '派单时限 1–720 小时').max(720, '派单时限 1–720 小时'),
    claimHours: z.number().int().min(1, '接单时限 1–720 小时').max(720, '接单时限 1–720 小时'),
    reviewDays: z.number().int().min(1, '评单时限 1–90 天').max(90, '评单时限 1–90 天'),
  });
  r.get(
    '/api/orders/deadlines',
    {
      schema: {
        tags,
        summary: '本单位各环节时限（自设或沿用上级）',
        response: { 200: deadlinesSchema.extend({ own: z.boolean() }) },
      },
      config: read,
    },
    (req) => orders.deadlines(actorOf(req)),
  );
  r.put(
    '/api/orders/deadlines',
    {
      schema: {
        tags,
        summary: '设置本单位各环节时限',
        body: deadlinesSchema,
        response: { 200: deadlinesSchema.extend({ own: z.boolean() }) },
      },
      config: { permission: 'org.write' },
    },
    (req) => orders.setDeadlines(actorOf(req), req.body),
  );
  r.get(
    '/api/orders/:id',
    {
      schema: { tags, summary: '需求详情（含流转记录）', params: idParams, response: { 200: orderDetail } },
      config: read,
    },
    (req) => orders.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/orders',
    {
      schema: {
        tags,
        summary: '代点单（电话或上门走访）',
        body: staffOrderInput,
        response: { 200: z.object({ trackingToken: z.string(), order: orderDetail }) },
      },
      config: { permission: 'order.place' },
    },
    (req) => orders.placeForResident(actorOf(req), req.body),
  );
  const vet = { permission: 'order.vet' as const };
  r.post(
    '/api/orders/:id/accept',
    {
      schema: {
        tags,
        summary: '制单：受理',
        params: idParams,
        body: acceptInput,
        response: { 200: orderDetail },
      },
      config: vet,
    },
    (req) => orders.accept(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/orders/:id/reject',
    {
      schema: {
        tags,
        summary: '制单：驳回（原因群众可见）',
        params: idParams,
        body: reasonInput,
        response: { 200: orderDetail },
      },
      config: vet,
    },
    (req) => orders.reject(actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/orders/:id/merge',
    {
      schema: {
        tags,
        summary: '制单：合并重复需求',
        params: idParams,
        body: mergeInput,
        response: { 200: orderDetail },
      },
      config: vet,
    },
    (req) => orders.merge(actorOf(req), req.params.id, req.body.intoId),
  );
  r.post(
    '/api/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: '撤销需求',
        params: idParams,
        body: reasonInput,
        response: { 200: orderDetail },
      },
      config: vet,
    },
    (req) => orders.cancel(actorOf(req), req.params.id, req.body.reason),
  );
  const dispatch = { permission: 'order.dispatch' as const };
  r.get(
    '/api/orders/:id/candidates',
    {
      schema: {
        tags,
        summary: '派单推荐：按专长/类别、距离、时段、在办量、评价排序，附理由',
        params: idParams,
        response: {
          200: z.array(
            z.object({
              id: z.number(),
              name: z.string(),
              score: z.number(),
              distanceKm: z.number().nullable(),
              reasons: z.array(z.string()),
            }),
          ),
        },
      },
      config: dispatch,
    },
    (req) => orders.candidates(actorOf(req), req.params.id),
  );
  r.post(
    '/api/orders/:id/dispatch',
    {
      schema: {
        tags,
        summary: '派单（实践站、队伍或志愿者）',
        params: idParams,
        body: dispatchInput,
        response: { 200: orderDetail },
      },
      config: dispatch,
    },
    (req) => orders.dispatch(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/orders/:id/evaluate',
    {
      schema: {
        tags,
        summary: '评单并办结',
        params: idParams,
        body: evaluateInput,
        response: { 200: orderDetail },
      },
      config: { permission: 'order.evaluate' },
    },
    (req) => orders.evaluate(actorOf(req), req.params.id, req.body.evaluation),
  );

  // ---------------------------------------------------------------- volunteers on H5
  const self = { permission: 'volunteer.self' as const };
  r.get(
    '/api/me/orders',
    {
      schema: {
        tags,
        summary: '派给我的需求',
        response: {
          200: z.array(
            orderView.extend({
              offerStatus: z.string(),
              claimedAt: z.string().nullable(),
              /** volunteers who have claimed the order (it starts once volunteersNeeded have) */
              claimedCount: z.number(),
            }),
          ),
        },
      },
      config: self,
    },
    (req) => volunteers.mine(actorOf(req)),
  );
  r.post(
    '/api/me/orders/:id/claim',
    { schema: { tags, summary: '接单', params: idParams, response: { 200: orderDetail } }, config: self },
    (req) => volunteers.claim(actorOf(req), req.params.id),
  );
  r.post(
    '/api/me/orders/:id/decline',
    {
      schema: {
        tags,
        summary: '拒单（退回重新派单）',
        params: idParams,
        body: reasonInput,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: self,
    },
    (req) => volunteers.decline(actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/me/orders/:id/start',
    {
      schema: {
        tags,
        summary: '到场开始服务（签到位置）',
        params: idParams,
        body: positionInput,
        response: { 200: orderDetail },
      },
      config: self,
    },
    (req) => volunteers.start(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/me/orders/:id/finish',
    {
      schema: {
        tags,
        summary: '完成服务（记录、照片、签退位置）',
        params: idParams,
        body: finishInput,
        response: { 200: orderDetail },
      },
      config: self,
    },
    (req) => volunteers.finish(actorOf(req), req.params.id, req.body),
  );
}
