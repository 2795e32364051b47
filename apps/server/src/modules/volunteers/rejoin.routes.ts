import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { createRejoinService } from './rejoin.service.ts';
import { rejoinRequest, volunteerDetail } from './volunteers.schema.ts';

/** The console's side of rejoin requests: the residence's admins confirm or reject them. */
export function rejoinRoutes(app: FastifyInstance, ctx: AppContext): void {
  const rejoin = createRejoinService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteers'];
  const write = { permission: 'volunteer.write' as const };

  r.get(
    '/api/volunteers/rejoin-requests',
    {
      schema: {
        tags,
        summary: '待确认的重新加入申请（已注销的志愿者未凭原手机号重新注册）',
        response: { 200: z.object({ items: z.array(rejoinRequest), total: z.number() }) },
      },
      config: write,
    },
    (req) => rejoin.list(actorOf(req)),
  );
  r.post(
    '/api/volunteers/rejoin-requests/:id/confirm',
    {
      schema: {
        tags,
        summary: '核实本人后确认重新加入：恢复志愿者身份并开通账号（记录审计）',
        params: idParams,
        response: { 200: volunteerDetail },
      },
      config: write,
    },
    (req) => rejoin.confirm(actorOf(req), req.params.id),
  );
  r.post(
    '/api/volunteers/rejoin-requests/:id/reject',
    {
      schema: {
        tags,
        summary: '驳回重新加入申请（记录审计）',
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: write,
    },
    async (req) => {
      await rejoin.reject(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
