import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { ping } from '../../platform/db/database.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: '健康检查',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.literal('ok') }),
          503: z.object({ status: z.string(), db: z.string() }),
        },
      },
      config: { public: true },
    },
    async (_req, reply) => {
      if (await ping(ctx.db.app)) return { status: 'ok' as const, db: 'ok' as const };
      return reply.status(503).header('retry-after', '5').send({ status: 'degraded', db: 'unavailable' });
    },
  );
}
