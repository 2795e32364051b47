import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  backfillInput,
  confirmInput,
  confirmResult,
  correctInput,
  effectiveRuleQuery,
  hourRuleInput,
  hourRuleView,
  manualInput,
  myRecords,
  myRecordsQuery,
  openingImportQuery,
  openingImportReport,
  openingInput,
  orgIdParams,
  recordCounts,
  recordFilters,
  recordListQuery,
  recordPage,
  rejectInput,
  serviceRecordDetail,
  teamRecordsQuery,
} from './hours.schema.ts';
import { createHourRulesService } from './hour-rules.service.ts';
import { createHoursService } from './hours.service.ts';
import { createMyHoursService } from './my-hours.service.ts';
import { buildOpeningTemplate } from './opening-sheet.ts';
import { createOpeningService } from './opening.service.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { sendXlsx } from '../../platform/excel.ts';
import { idParams } from '../../platform/http/schemas.ts';

export function hoursRoutes(app: FastifyInstance, ctx: AppContext): void {
  const hours = createHoursService(ctx);
  const rules = createHourRulesService(ctx);
  const mine = createMyHoursService(ctx);
  const openings = createOpeningService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'activity.read' as const };
  const review = { permission: 'hours.review' as const };
  const write = { permission: 'hours.write' as const };
  const self = { permission: 'volunteer.self' as const };
  const tags = ['hours'];

  // ---------------------------------------------------------------- hour rules
  r.get(
    '/api/hour-rules/effective',
    {
      schema: {
        tags,
        summary: '单位适用的时长取整规则（自设或沿用上级）',
        querystring: effectiveRuleQuery,
        response: { 200: hourRuleView },
      },
      config: read,
    },
    (req) => rules.effectiveRule(actorOf(req), req.query.orgId),
  );
  r.put(
    '/api/hour-rules/:orgId',
    {
      schema: {
        tags,
        summary: '设置单位的时长取整规则',
        params: orgIdParams,
        body: hourRuleInput,
        response: { 200: hourRuleView },
      },
      config: write,
    },
    (req) => rules.setRule(actorOf(req), req.params.orgId, req.body),
  );
  r.delete(
    '/api/hour-rules/:orgId',
    {
      schema: {
        tags,
        summary: '取消单位自设的规则（沿用上级）',
        params: orgIdParams,
        response: { 200: hourRuleView },
      },
      config: write,
    },
    (req) => rules.clearRule(actorOf(req), req.params.orgId),
  );

  // ---------------------------------------------------------------- service records
  r.get(
    '/api/service-records',
    {
      schema: {
        tags,
        summary: '服务记录（本单位及下级）',
        querystring: recordListQuery,
        response: { 200: recordPage },
      },
      config: read,
    },
    (req) => hours.list(actorOf(req), req.query),
  );
  r.get(
    '/api/service-records/counts',
    {
      schema: {
        tags,
        summary: '各状态服务记录数（与列表同一筛选，按数据库统计）',
        querystring: recordFilters,
        response: { 200: recordCounts },
      },
      config: read,
    },
    (req) => hours.counts(actorOf(req), req.query),
  );
  r.get(
    '/api/service-records/:id',
    {
      schema: {
        tags,
        summary: '服务记录详情（含变更记录和证明材料）',
        params: idParams,
        response: { 200: serviceRecordDetail },
      },
      config: read,
    },
    (req) => hours.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/service-records/confirm',
    {
      schema: {
        tags,
        summary: '批量确认服务时长',
        body: confirmInput,
        response: { 200: confirmResult },
      },
      config: review,
    },
    (req) => hours.confirm(actorOf(req), req.body.ids, req.body.includeZeroHours),
  );
  r.post(
    '/api/service-records/:id/correct',
    {
      schema: {
        tags,
        summary: '更正服务时长（须填写原因）',
        params: idParams,
        body: correctInput,
        response: { 200: serviceRecordDetail },
      },
      config: review,
    },
    (req) => hours.correct(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/service-records/:id/reject',
    {
      schema: {
        tags,
        summary: '驳回待确认的服务记录',
        params: idParams,
        body: rejectInput,
        response: { 200: serviceRecordDetail },
      },
      config: review,
    },
    (req) => hours.reject(actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/service-records/backfill',
    {
      schema: {
        tags,
        summary: '补录活动时长（须上传证明材料，由另一位管理员确认）',
        body: backfillInput,
        response: { 200: serviceRecordDetail },
      },
      config: write,
    },
    (req) => hours.backfill(actorOf(req), req.body),
  );
  r.post(
    '/api/service-records/manual',
    {
      schema: {
        tags,
        summary: '手工录入其他服务时长（须上传证明材料，由另一位管理员确认）',
        body: manualInput,
        response: { 200: serviceRecordDetail },
      },
      config: write,
    },
    (req) => hours.manual(actorOf(req), req.body),
  );

  // ---------------------------------------------------------------- opening balances (历史时长)
  r.post(
    '/api/service-records/opening',
    {
      schema: {
        tags,
        summary: '录入平台启用前的历史时长（须注明来源并上传证明材料，由另一位管理员确认）',
        body: openingInput,
        response: { 200: serviceRecordDetail },
      },
      config: write,
    },
    (req) => openings.create(actorOf(req), req.body),
  );
  r.get(
    '/api/service-records/opening-template',
    { schema: { tags, summary: '下载历史时长导入模板 (Excel)' }, config: write },
    async (_req, reply) => sendXlsx(reply, '历史时长导入模板.xlsx', await buildOpeningTemplate()),
  );
  r.post(
    '/api/service-records/opening-imports',
    {
      schema: {
        tags,
        summary: '从 Excel 检查或导入历史时长（逐行报告；有错误的文件不导入任何一行）',
        querystring: openingImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: openingImportReport },
      },
      config: write,
    },
    async (req) => {
      const file = await readUploadedFile(req);
      return openings.importSheet(actorOf(req), req.query.mode, req.query.evidence, file.data);
    },
  );

  // ---------------------------------------------------------------- the volunteer on H5
  r.get(
    '/api/me/service-records',
    {
      schema: {
        tags,
        summary: '我的服务记录与时长',
        querystring: myRecordsQuery,
        response: { 200: myRecords },
      },
      config: self,
    },
    (req) => mine.mine(actorOf(req), req.query),
  );
  r.get(
    '/api/me/team-service-records',
    {
      schema: {
        tags,
        summary: '本队活动的服务记录（队长、副队长）',
        querystring: teamRecordsQuery,
        response: { 200: recordPage },
      },
      config: self,
    },
    (req) => mine.teamRecords(actorOf(req), req.query.status),
  );
  r.post(
    '/api/me/team-service-records/confirm',
    {
      schema: {
        tags,
        summary: '队长确认本队活动的服务时长',
        body: confirmInput,
        response: { 200: confirmResult },
      },
      config: self,
    },
    (req) => mine.teamConfirm(actorOf(req), req.body.ids, req.body.includeZeroHours),
  );
}
