import type { FastifyInstance } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { Invalid } from '../../platform/errors.ts';
import { createUploadsService } from './uploads.service.ts';

const uploadSchema = z.object({ id: z.string(), url: z.string() });
const uploadParams = z.object({ id: z.uuid('文件编号格式不正确') });

/**
 * Errors from reading the multipart stream: the plugin's own (file too large → 413, limits, …)
 * carry a 4xx status and go to the error handler as they are; anything else is a malformed
 * request body, never a server fault.
 */
function multipartError(error: unknown): unknown {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  return new Invalid('上传内容格式不正确，请重新选择文件上传');
}

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
      if (!req.isMultipart()) throw new Invalid('请选择要上传的文件');
      let part: MultipartFile | undefined;
      let data: Buffer;
      try {
        part = await req.file();
        if (!part) throw new Invalid('请选择要上传的文件');
        // throws FST_REQ_FILE_TOO_LARGE (413) when the file passes the 10 MB limit
        data = await part.toBuffer();
      } catch (error) {
        if (error instanceof Invalid) throw error;
        throw multipartError(error);
      }
      return uploads.create(actor, { fileName: part.filename, data });
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
