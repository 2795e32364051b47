// The residents' and volunteers' side of orders on H5 beyond the loop itself: a resident's account
// (我的点单 linked to it, earlier orders found by phone with a one-time code), the photos a resident
// adds to an order (also without an account, by the tracking link), and for the volunteer serving an
// order the resident's phone (revealed on asking, audited) and the evidence photos.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { placeOrderInput, rateInput, reasonInput, trackingParams, trackingView } from './orders.schema.ts';
import { createResidentPhoneCodes } from './resident-phone-codes.ts';
import {
  linkOrdersInput,
  phoneCodeInput,
  phoneCodeResponse,
  photoId,
  photoResponse,
  residentContact,
  residentOrderItem,
} from './resident.schema.ts';
import { createResidentOrdersService, RESIDENT_PHOTO_LIMITS } from './resident.service.ts';
import { createVolunteerContact, EVIDENCE_PHOTO_LIMITS } from './volunteer-contact.ts';

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

function sendImage(reply: FastifyReply, image: { mimeType: string; content: Buffer }) {
  return reply
    .header('content-type', image.mimeType)
    .header('cache-control', 'private, max-age=86400')
    .header('x-content-type-options', 'nosniff')
    .send(image.content);
}

export function h5OrdersRoutes(app: FastifyInstance, ctx: AppContext): void {
  const residents = createResidentOrdersService(ctx);
  const codes = createResidentPhoneCodes(ctx);
  const contact = createVolunteerContact(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const perMinute = (max: number) => ({ max, timeWindow: '1 minute' });
  const residentPhoto = {
    maxBytes: RESIDENT_PHOTO_LIMITS.maxBytes,
    tooLarge: `照片不能超过 ${megabytes(RESIDENT_PHOTO_LIMITS.maxBytes)} MB`,
  };

  // ---------------------------------------------------------------- photos by the tracking link
  r.post(
    '/api/public/orders/:token/photos',
    {
      schema: {
        tags,
        summary: `群众为点单添加照片（JPG、PNG、WEBP，≤ ${megabytes(RESIDENT_PHOTO_LIMITS.maxBytes)} MB，每单最多 ${RESIDENT_PHOTO_LIMITS.perOrder} 张，表单字段 file）`,
        consumes: ['multipart/form-data'],
        params: trackingParams,
        response: { 200: photoResponse },
      },
      // a village behind one address may send a few orders' photos at once, a script not many more
      config: { public: true, rateLimit: perMinute(20) },
    },
    async (req) =>
      residents.at.addPhoto({ token: req.params.token }, await readUploadedFile(req, residentPhoto)),
  );
  r.get(
    '/api/public/orders/:token/photos/:photoId',
    {
      schema: {
        tags,
        summary: '查看点单的照片',
        params: trackingParams.extend({ photoId }),
        produces: IMAGE_TYPES,
        response: { 200: z.unknown().describe('图片内容（二进制）') },
      },
      config: { public: true, rateLimit: perMinute(120) },
    },
    async (req, reply) =>
      sendImage(reply, await residents.at.photo({ token: req.params.token }, req.params.photoId)),
  );

  // ---------------------------------------------------------------- a resident's account
  const own = { permission: 'order.own' as const };
  /** The resident's own order `:id` (an order of another account is not found). */
  const mine = (req: FastifyRequest, id: number) => ({ actor: actorOf(req), id });
  r.get(
    '/api/me/requests',
    {
      schema: {
        tags,
        summary: '我的点单（与本账号关联的点单）',
        response: { 200: z.array(residentOrderItem) },
      },
      config: own,
    },
    (req) => residents.mine(actorOf(req)),
  );
  r.post(
    '/api/me/requests',
    {
      schema: {
        tags,
        summary: '登录后点单（点单与本账号关联）',
        body: placeOrderInput,
        response: {
          200: z.object({ orderNo: z.string(), trackingToken: z.string(), tracking: trackingView }),
        },
      },
      config: { ...own, rateLimit: perMinute(10) },
    },
    (req) => residents.place(req.body, actorOf(req)),
  );
  r.post(
    '/api/me/requests/phone-code',
    {
      schema: {
        tags,
        summary: '找回以前的点单：向点单时留的电话发送验证码',
        body: phoneCodeInput,
        response: { 200: phoneCodeResponse },
      },
      // each account may ask once a minute and ten times a day (resident-phone-codes.ts); per address
      // only a bound that a village behind one NAT never reaches
      config: { ...own, rateLimit: perMinute(30) },
    },
    (req) => codes.send(actorOf(req), req.body.phone),
  );
  r.post(
    '/api/me/requests/link',
    {
      schema: {
        tags,
        summary: '找回以前的点单：凭验证码把该电话的点单关联到本账号',
        body: linkOrdersInput,
        response: { 200: z.object({ linked: z.number() }) },
      },
      // a code takes five tries before it is spent (resident-phone-codes.ts)
      config: { ...own, rateLimit: perMinute(30) },
    },
    (req) => codes.link(actorOf(req), req.body.phone, req.body.code),
  );
  r.get(
    '/api/me/requests/:id',
    {
      schema: { tags, summary: '我的点单的进度', params: idParams, response: { 200: trackingView } },
      config: own,
    },
    (req) => residents.at.track(mine(req, req.params.id)),
  );
  r.post(
    '/api/me/requests/:id/rate',
    {
      schema: {
        tags,
        summary: '评价我的点单',
        params: idParams,
        body: rateInput,
        response: { 200: trackingView },
      },
      config: own,
    },
    (req) => residents.at.rate(mine(req, req.params.id), req.body.rating, req.body.comment),
  );
  r.post(
    '/api/me/requests/:id/reopen',
    {
      schema: {
        tags,
        summary: '需求未解决，7 天内重新办理',
        params: idParams,
        body: reasonInput,
        response: { 200: trackingView },
      },
      config: own,
    },
    (req) => residents.at.reopen(mine(req, req.params.id), req.body.reason),
  );
  r.post(
    '/api/me/requests/:id/cancel',
    {
      schema: {
        tags,
        summary: '撤销我的点单',
        params: idParams,
        body: reasonInput,
        response: { 200: trackingView },
      },
      config: own,
    },
    (req) => residents.at.cancel(mine(req, req.params.id), req.body.reason),
  );
  r.get(
    '/api/me/requests/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: '查看我的点单的照片',
        params: idParams.extend({ photoId }),
        produces: IMAGE_TYPES,
        response: { 200: z.unknown().describe('图片内容（二进制）') },
      },
      config: own,
    },
    async (req, reply) =>
      sendImage(reply, await residents.at.photo(mine(req, req.params.id), req.params.photoId)),
  );

  // ---------------------------------------------------------------- the volunteer serving an order
  const self = { permission: 'volunteer.self' as const };
  r.post(
    '/api/me/orders/:id/contact',
    {
      schema: {
        tags,
        summary: '查看群众的联系电话（接单后至完成服务前，每次查看留痕）',
        params: idParams,
        response: { 200: residentContact },
      },
      config: { ...self, rateLimit: perMinute(30) },
    },
    (req) => contact.revealContact(actorOf(req), req.params.id),
  );
  r.post(
    '/api/me/orders/:id/photos',
    {
      schema: {
        tags,
        summary: `上传服务照片（服务中，JPG、PNG、WEBP，≤ ${megabytes(EVIDENCE_PHOTO_LIMITS.maxBytes)} MB，每单最多 ${EVIDENCE_PHOTO_LIMITS.perOrder} 张，表单字段 file）`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: z.object({ id: z.string() }) },
      },
      config: { ...self, rateLimit: perMinute(30) },
    },
    async (req) =>
      contact.addEvidence(
        actorOf(req),
        req.params.id,
        await readUploadedFile(req, {
          maxBytes: EVIDENCE_PHOTO_LIMITS.maxBytes,
          tooLarge: `照片不能超过 ${megabytes(EVIDENCE_PHOTO_LIMITS.maxBytes)} MB`,
        }),
      ),
  );
}
