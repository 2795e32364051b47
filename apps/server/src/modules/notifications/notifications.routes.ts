// In-app notifications for staff: what their org was told (e.g. an order of a unit below missed
// its deadline). A notification is addressed to one org; its staff see and mark it read.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { NotFound } from '../../platform/errors.ts';
import { iso } from '../../platform/personal-data.ts';
import { idParams } from '../accounts/accounts.schema.ts';

const notification = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});

export function notificationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const config = { permission: 'order.read' as const };

  r.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '本单位的消息提醒',
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional(),
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(notification), total: z.number(), unread: z.number() }) },
      },
      config,
    },
    (req) => {
      const actor = actorOf(req);
      return inScope(ctx.db.app, actor.orgPath, async (tx) => {
        let base = tx.selectFrom('notifications').selectAll().where('org_id', '=', actor.orgId);
        const unread = await tx
          .selectFrom('notifications')
          .where('org_id', '=', actor.orgId)
          .where('read_at', 'is', null)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        if (req.query.unread === 'true') base = base.where('read_at', 'is', null);
        const { rows, total } = await pageOf(base.orderBy('id', 'desc'), req.query);
        return {
          items: rows.map((n) => ({
            id: n.id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link,
            read: n.read_at !== null,
            createdAt: iso(n.created_at)!,
          })),
          total,
          unread: Number(unread.n),
        };
      });
    },
  );

  r.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: '标记已读',
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config,
    },
    async (req) => {
      const actor = actorOf(req);
      const done = await inScope(ctx.db.app, actor.orgPath, (tx) =>
        tx
          .updateTable('notifications')
          .set({ read_at: ctx.now() })
          .where('id', '=', req.params.id)
          .where('org_id', '=', actor.orgId)
          .executeTakeFirst(),
      );
      if (!done.numUpdatedRows) throw new NotFound('消息不存在');
      return { ok: true as const };
    },
  );
}
