// The volunteer card: the volunteer's own on H5, the printable one and its re-issue in the console.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { createCardService } from './card.service.ts';
import { volunteerCard } from './volunteers.schema.ts';

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
}
