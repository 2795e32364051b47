import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { screenQuery, screenView } from './screen.schema.ts';
import { createScreenService } from './screen.service.ts';

export function screenRoutes(app: FastifyInstance, ctx: AppContext): void {
  const screen = createScreenService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/assessment/screen',
    {
      schema: {
        tags: ['assessment'],
        summary:
          '数据大屏：本单位子树的总量、近 12 个月趋势、本月排行、最新点单（超时标红）、平台与活动形式分布、单位坐标',
        querystring: screenQuery,
        response: { 200: screenView },
      },
      config: { permission: 'assessment.read' as const },
    },
    (req) => screen.view(actorOf(req), req.query),
  );
}
