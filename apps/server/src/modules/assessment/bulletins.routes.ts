import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { sendXlsx } from '../../platform/excel.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { sendPdf } from '../../platform/pdf.ts';
import { bulletinPdf, bulletinWorkbook } from './bulletin-export.ts';
import {
  allocationCreate,
  bulletinCreate,
  bulletinListQuery,
  bulletinPage,
  bulletinView,
  indicatorKindParams,
  indicatorsUpdate,
  indicatorsView,
  periodQuery,
  reportView,
} from './bulletins.schema.ts';
import { createBulletinsService } from './bulletins.service.ts';
import { createHomeService, homeView } from './home.ts';

const read = { permission: 'assessment.read' as const };

export function bulletinsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const bulletins = createBulletinsService(ctx);
  const home = createHomeService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/assessment/home',
    {
      schema: {
        summary:
          '工作台：本单位本月至今的指标完成情况（所：各站并列；中心：各所并列）与在最近一期县通报中的名次',
        response: { 200: homeView },
      },
      config: read,
    },
    (req) => home.home(actorOf(req)),
  );

  r.get(
    '/api/assessment/indicators',
    {
      schema: {
        summary: '考核指标：各类单位的指标、年度目标、权重与是否参与考核',
        response: { 200: indicatorsView },
      },
      config: read,
    },
    (req) => bulletins.indicators(actorOf(req)),
  );
  r.put(
    '/api/assessment/indicators/:kind',
    {
      schema: {
        summary: '设置一类单位的考核指标（县中心；参与考核的权重合计须为 100）',
        params: indicatorKindParams,
        body: indicatorsUpdate,
        response: { 200: indicatorsView },
      },
      config: { permission: 'assessment.manage' as const },
    },
    (req) => bulletins.updateIndicators(actorOf(req), req.params.kind, req.body),
  );
  r.get(
    '/api/assessment/report',
    {
      schema: {
        summary: '实时考核报表：所选单位及其下属实践所、实践站在所选月/季/年的各项指标、得分与排名',
        querystring: periodQuery,
        response: { 200: reportView },
      },
      config: read,
    },
    (req) => bulletins.report(actorOf(req), req.query),
  );
  r.get(
    '/api/assessment/bulletins',
    {
      schema: {
        summary: '已发布的通报（月通报、季调度、年总结）',
        querystring: bulletinListQuery,
        response: { 200: bulletinPage },
      },
      config: read,
    },
    (req) => bulletins.list(actorOf(req), req.query),
  );
  r.post(
    '/api/assessment/bulletins',
    {
      schema: {
        summary: '发布通报：将已结束期间的考核结果固化为不可更改的快照',
        body: bulletinCreate,
        response: { 200: bulletinView },
      },
      config: { permission: 'assessment.publish' as const },
    },
    (req) => bulletins.publish(actorOf(req), req.body),
  );
  r.get(
    '/api/assessment/bulletins/:id',
    {
      schema: { summary: '一份通报（发布时的快照）', params: idParams, response: { 200: bulletinView } },
      config: read,
    },
    (req) => bulletins.get(actorOf(req), req.params.id),
  );
  r.get(
    '/api/assessment/bulletins/:id/xlsx',
    {
      schema: { summary: '导出通报 (Excel)', params: idParams },
      config: read,
    },
    async (req, reply) => {
      const b = await bulletins.forExport(actorOf(req), req.params.id, 'xlsx');
      return sendXlsx(reply, `${b.title}.xlsx`, await bulletinWorkbook(b));
    },
  );
  r.get(
    '/api/assessment/bulletins/:id/pdf',
    {
      schema: { summary: '导出通报 (PDF)', params: idParams, produces: ['application/pdf'] },
      config: read,
    },
    async (req, reply) => {
      const b = await bulletins.forExport(actorOf(req), req.params.id, 'pdf');
      return sendPdf(reply, { filename: `${b.title}.pdf`, pdf: await bulletinPdf(b) });
    },
  );
  r.post(
    '/api/assessment/bulletins/:id/allocation',
    {
      schema: {
        summary: '奖补资金：按通报得分分配资金（县中心；分配结果与通报一同保存，不可更改）',
        params: idParams,
        body: allocationCreate,
        response: { 200: bulletinView },
      },
      config: { permission: 'assessment.manage' as const },
    },
    (req) => bulletins.allocate(actorOf(req), req.params.id, req.body),
  );
}
