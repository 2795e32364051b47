import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { sendXlsx } from '../../platform/excel.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { createPublicityExport } from './export.ts';
import {
  pieceFilter,
  pieceInput,
  pieceListQuery,
  piecePage,
  piecePatch,
  pieceView,
  screenshotQuery,
  summaryQuery,
  summaryView,
} from './publicity.schema.ts';
import { createPublicityService } from './publicity.service.ts';
import { createPublicitySummary } from './summary.ts';

const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024;

export function publicityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const pieces = createPublicityService(ctx);
  const summary = createPublicitySummary(ctx);
  const exporter = createPublicityExport(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['publicity'];
  const read = { permission: 'publicity.read' as const };
  const write = { permission: 'publicity.write' as const };
  const ok = z.object({ ok: z.literal(true) });

  r.get(
    '/api/publicity',
    {
      schema: {
        tags,
        summary:
          '宣传稿件：本单位及下级单位登记的（可按单位、级别、年份或起止日期、关键词筛选），发表日期新的在前',
        querystring: pieceListQuery,
        response: { 200: piecePage },
      },
      config: read,
    },
    (req) => pieces.list(actorOf(req), req.query),
  );
  r.post(
    '/api/publicity',
    {
      schema: {
        tags,
        summary: '登记宣传稿件（默认为本单位，也可为下级单位登记）',
        body: pieceInput,
        response: { 200: pieceView },
      },
      config: write,
    },
    (req) => pieces.create(actorOf(req), req.body),
  );
  r.get(
    '/api/publicity/summary',
    {
      schema: {
        tags,
        summary:
          '年度统计：各直属单位（含下级）、本级与合计的各级稿件数、对照定额（省级≥1、市级≥2、县级≥3）的差额与是否达标',
        querystring: summaryQuery,
        response: { 200: summaryView },
      },
      config: read,
    },
    (req) => summary.summary(actorOf(req), req.query),
  );
  r.get(
    '/api/publicity/export',
    {
      schema: {
        tags,
        summary: '导出宣传稿件（Excel，筛选条件同列表）',
        querystring: pieceFilter,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.unknown().describe('Excel 文件（二进制）') },
      },
      config: read,
    },
    async (req, reply) => {
      const file = await exporter.exportXlsx(actorOf(req), req.query);
      const period = req.query.year ?? [req.query.from, req.query.to].filter(Boolean).join('至');
      return sendXlsx(reply, `宣传稿件-${file.orgName}${period ? `-${period}` : ''}.xlsx`, file.buffer);
    },
  );
  r.get(
    '/api/publicity/:id',
    {
      schema: { tags, summary: '一篇宣传稿件', params: idParams, response: { 200: pieceView } },
      config: read,
    },
    (req) => pieces.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/api/publicity/:id',
    {
      schema: {
        tags,
        summary: '修改宣传稿件（登记单位或其上级单位）',
        params: idParams,
        body: piecePatch,
        response: { 200: pieceView },
      },
      config: write,
    },
    (req) => pieces.update(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/publicity/:id',
    {
      schema: {
        tags,
        summary: '删除宣传稿件（登记单位或其上级单位，记审计）',
        params: idParams,
        response: { 200: ok },
      },
      config: write,
    },
    (req) => pieces.remove(actorOf(req), req.params.id),
  );
  r.post(
    '/api/publicity/:id/screenshot',
    {
      schema: {
        tags,
        summary: '上传或更换稿件截图（JPG、PNG、WEBP，≤ 5 MB，表单字段 file）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: pieceView },
      },
      config: write,
    },
    async (req) => {
      const file = await readUploadedFile(req, {
        maxBytes: SCREENSHOT_MAX_BYTES,
        tooLarge: '截图不能超过 5 MB',
        missing: '请选择要上传的截图',
      });
      return pieces.setScreenshot(actorOf(req), req.params.id, file);
    },
  );
  r.get(
    '/api/publicity/:id/screenshot',
    {
      schema: {
        tags,
        summary: '查看稿件截图',
        params: idParams,
        querystring: screenshotQuery,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: z.unknown().describe('图片内容（二进制）') },
      },
      config: read,
    },
    async (req, reply) => {
      const file = await pieces.screenshot(actorOf(req), req.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
  r.delete(
    '/api/publicity/:id/screenshot',
    {
      schema: {
        tags,
        summary: '删除稿件截图',
        params: idParams,
        response: { 200: pieceView },
      },
      config: write,
    },
    (req) => pieces.removeScreenshot(actorOf(req), req.params.id),
  );
}
