// The volunteer's own service log on H5 (随时记): record, list, withdraw, add a photo.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { selfLogInput, selfLogPage, selfLogQuery, selfLogView } from './hours.schema.ts';
import { createSelfLogService, SELF_LOG_PHOTOS } from './self-log.ts';

const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

export function selfLogRoutes(app: FastifyInstance, ctx: AppContext): void {
  const logs = createSelfLogService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hours'];
  const self = { permission: 'volunteer.self' as const };

  r.post(
    '/api/me/self-logs',
    {
      schema: {
        tags,
        summary: '随时记：记录一次自己做的志愿服务（待所在实践站审核）',
        body: selfLogInput,
        response: { 200: selfLogView },
      },
      // the limits per day and week bound what a volunteer can write; refusals read a few rows
      config: self,
    },
    (req) => logs.create(actorOf(req), req.body),
  );
  r.get(
    '/api/me/self-logs',
    {
      schema: {
        tags,
        summary: '我的随时记（待审核、已确认、已驳回、已撤回）',
        querystring: selfLogQuery,
        response: { 200: selfLogPage },
      },
      config: self,
    },
    (req) => logs.list(actorOf(req), req.query),
  );
  r.post(
    '/api/me/self-logs/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回一条待审核的随时记',
        params: idParams,
        response: { 200: selfLogView },
      },
      config: self,
    },
    (req) => logs.withdraw(actorOf(req), req.params.id),
  );
  r.post(
    '/api/me/self-logs/:id/photos',
    {
      schema: {
        tags,
        summary: `为待审核的随时记添加照片（JPG、PNG、WEBP，≤ 10 MB，每条最多 ${SELF_LOG_PHOTOS} 张，表单字段 file）`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: z.object({ id: z.string() }) },
      },
      config: { ...self, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) =>
      logs.addPhoto(
        actorOf(req),
        req.params.id,
        await readUploadedFile(req, { maxBytes: PHOTO_MAX_BYTES, tooLarge: '照片不能超过 10 MB' }),
      ),
  );
}
