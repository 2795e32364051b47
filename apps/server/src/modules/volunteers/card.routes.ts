// The volunteer card: the volunteer's own on H5, the printable one and its re-issue in the console.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { CARD_PHOTO_MAX_BYTES, createCardService } from './card.service.ts';
import { cardPhoto, volunteerCard } from './volunteers.schema.ts';

const photoParams = z.object({ photoId: z.uuid('照片编号格式不正确') });
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const photoUpload = { maxBytes: CARD_PHOTO_MAX_BYTES, tooLarge: '照片不能超过 5 MB' };
const photoSummary = '（JPG、PNG、WEBP，≤ 5 MB，表单字段 file）';

function sendImage(reply: FastifyReply, image: { mimeType: string; content: Buffer }) {
  // personal data: kept by the browser for this user only, never by a shared cache
  return reply
    .header('content-type', image.mimeType)
    .header('cache-control', 'private, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .send(image.content);
}

export function cardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const cards = createCardService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteers'];

  r.get(
    '/api/me/volunteer-card',
    {
      schema: { tags, summary: '我的志愿者电子证', response: { 200: volunteerCard } },
      config: { permission: 'volunteer.self' as const },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return cards.mine(actorOf(req));
    },
  );
  r.get(
    '/api/volunteers/:id/card',
    {
      schema: {
        tags,
        summary: '打印志愿者证（为没有智能手机的志愿者；每次打印留痕）',
        params: idParams,
        response: { 200: volunteerCard },
      },
      config: { permission: 'volunteer.read' as const },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return cards.forPrint(actorOf(req), req.params.id);
    },
  );
  r.post(
    '/api/volunteers/:id/card/reissue',
    {
      schema: {
        tags,
        summary: '补办志愿者证（旧证的二维码随即失效）',
        params: idParams,
        response: { 200: volunteerCard },
      },
      config: { permission: 'volunteer.write' as const },
    },
    (req) => cards.reissue(actorOf(req), req.params.id),
  );

  r.post(
    '/api/me/volunteer-card/photo',
    {
      schema: {
        tags,
        summary: `设置我的志愿者证照片${photoSummary}`,
        consumes: ['multipart/form-data'],
        response: { 200: cardPhoto },
      },
      config: { permission: 'volunteer.self' as const, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => cards.setMyPhoto(actorOf(req), await readUploadedFile(req, photoUpload)),
  );
  r.get(
    '/api/me/volunteer-card/photo/:photoId',
    {
      schema: {
        tags,
        summary: '查看我的志愿者证照片',
        params: photoParams,
        produces: IMAGE_TYPES,
        response: { 200: z.unknown().describe('图片内容（二进制）') },
      },
      config: { permission: 'volunteer.self' as const },
    },
    async (req, reply) => sendImage(reply, await cards.myPhoto(actorOf(req), req.params.photoId)),
  );
  r.post(
    '/api/volunteers/:id/photo',
    {
      schema: {
        tags,
        summary: `设置志愿者证照片${photoSummary}`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: cardPhoto },
      },
      config: { permission: 'volunteer.write' as const, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => cards.setPhotoFor(actorOf(req), req.params.id, await readUploadedFile(req, photoUpload)),
  );
  r.get(
    '/api/volunteers/:id/photo/:photoId',
    {
      schema: {
        tags,
        summary: '查看志愿者证照片（本人所在单位及上级单位的管理员）',
        params: idParams.extend(photoParams.shape),
        produces: IMAGE_TYPES,
        response: { 200: z.unknown().describe('图片内容（二进制）') },
      },
      config: { permission: 'volunteer.read' as const },
    },
    async (req, reply) =>
      sendImage(reply, await cards.photoFor(actorOf(req), req.params.id, req.params.photoId)),
  );
}
