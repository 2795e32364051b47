import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { createUploadsService } from './uploads.service.ts';

const uploadSchema = z.object({ id: z.string(), url: z.string() });
const uploadParams = z.object({ id: z.uuid('文件编号格式不正确') });

export function uploadsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const uploads = createUploadsService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['uploads'];

  r.post(
    '/api/uploads',
    {
      schema: {
        tags,
        summary: '上传图片（JPG、PNG、WEBP，≤ 10 MB，表单字段 file）',
        consumes: ['multipart/form-data'],
        response: { 200: uploadSchema },
      },
      config: { permission: 'site.write' },
    },
    async (req) => {
      const actor = actorOf(req);
      return uploads.create(actor, await readUploadedFile(req));
    },
  );

  r.get(
    '/api/uploads/:id',
    {
      schema: {
        tags,
        summary: '查看已上传的图片',
        params: uploadParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: z.unknown().describe('图片内容（二进制）') },
      },
      config: { permission: 'site.read' },
    },
    async (req, reply) => {
      const file = await uploads.get(actorOf(req), req.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
}
