import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { unitsQuery, unitsView } from './assessment.schema.ts';
import { createAssessmentService } from './assessment.service.ts';

export function assessmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const assessment = createAssessmentService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/assessment/units',
    {
      schema: {
        tags: ['assessment'],
        summary: '单位指标：本单位及各下级单位在所选期间的活动、时长、点单与评价（按日汇总）',
        querystring: unitsQuery,
        response: { 200: unitsView },
      },
      config: { permission: 'assessment.read' as const },
    },
    (req) => assessment.units(actorOf(req), req.query),
  );
}
