import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  coverageQuery,
  coverageSchema,
  createInspectionBody,
  createSiteStandardBody,
  inspectionDetailSchema,
  inspectionListItemSchema,
  inspectionListQuery,
  siteStandardSchema,
  updateSiteStandardBody,
} from './site-standards.schema.ts';
import { createSiteStandardsService } from './site-standards.service.ts';
import { idParams } from '../../platform/http/schemas.ts';

export function siteStandardsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const service = createSiteStandardsService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['site-standards'];
  const read = { permission: 'site.read' as const };
  const write = { permission: 'site.write' as const };

  r.get(
    '/api/site-standards',
    {
      schema: {
        tags,
        summary: '阵地建设标准列表（含上级制定的标准）',
        response: { 200: z.array(siteStandardSchema) },
      },
      config: read,
    },
    (req) => service.list(actorOf(req)),
  );
  r.get(
    '/api/site-standards/coverage',
    {
      schema: {
        tags,
        summary: '标准达标覆盖情况（按直属下级汇总）',
        querystring: coverageQuery,
        response: { 200: coverageSchema },
      },
      config: read,
    },
    (req) => service.coverage(actorOf(req), req.query.standardId),
  );
  r.post(
    '/api/site-standards',
    {
      schema: {
        tags,
        summary: '新增阵地建设标准',
        body: createSiteStandardBody,
        response: { 200: siteStandardSchema },
      },
      config: write,
    },
    (req) => service.create(actorOf(req), req.body),
  );
  r.patch(
    '/api/site-standards/:id',
    {
      schema: {
        tags,
        summary: '编辑阵地建设标准（检查项整体替换；可停用/启用）',
        params: idParams,
        body: updateSiteStandardBody,
        response: { 200: siteStandardSchema },
      },
      config: write,
    },
    (req) => service.update(actorOf(req), req.params.id, req.body),
  );

  const inspectionTags = ['inspections'];
  r.get(
    '/api/inspections',
    {
      schema: {
        tags: inspectionTags,
        summary: '阵地检查记录列表',
        querystring: inspectionListQuery,
        response: { 200: z.object({ items: z.array(inspectionListItemSchema), total: z.number() }) },
      },
      config: read,
    },
    (req) => service.listInspections(actorOf(req), req.query),
  );
  r.get(
    '/api/inspections/:id',
    {
      schema: {
        tags: inspectionTags,
        summary: '阵地检查详情',
        params: idParams,
        response: { 200: inspectionDetailSchema },
      },
      config: read,
    },
    (req) => service.getInspection(actorOf(req), req.params.id),
  );
  r.post(
    '/api/inspections',
    {
      schema: {
        tags: inspectionTags,
        summary: '登记阵地检查',
        body: createInspectionBody,
        response: { 200: inspectionDetailSchema },
      },
      config: write,
    },
    (req) => service.createInspection(actorOf(req), req.body),
  );
}
