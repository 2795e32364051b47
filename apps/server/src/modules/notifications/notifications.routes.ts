// In-app notifications. Staff see what their org was told (e.g. an order of a unit below missed
// its deadline, a station was sent an order) and what was sent to them in person (an audit admin:
// each privileged account action) in the console bell; a volunteer sees what was sent to them (an
// order offered to them, a reminder) on H5. Both can mark them read.
import type { FastifyInstance } from 'fastify';
import type { SelectQueryBuilder } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { idParams } from '../../platform/http/schemas.ts';

const notification = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});

type Mine = (
  q: SelectQueryBuilder<Database, 'notifications', object>,
) => SelectQueryBuilder<Database, 'notifications', object>;

const listQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const listReply = z.object({ items: z.array(notification), total: z.number(), unread: z.number() });

async function listOf(tx: Tx, mine: Mine, query: z.infer<typeof listQuery>) {
  const unread = await mine(tx.selectFrom('notifications'))
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let base = mine(tx.selectFrom('notifications')).selectAll();
  if (query.unread === 'true') base = base.where('read_at', 'is', null);
  const { rows, total } = await pageOf(base.orderBy('id', 'desc'), query);
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      read: n.read_at !== null,
      createdAt: isoTimestamp(n.created_at),
    })),
    total,
    unread: Number(unread.n),
  };
}

/** Marks one notification (or, with no id, all of them) read; answers how many changed. */
async function markRead(tx: Tx, mine: Mine, now: Date, id?: number) {
  let update = tx.updateTable('notifications').set({ read_at: now }).where('read_at', 'is', null);
  update = update.where('id', 'in', (eb) => {
    let ids = mine(eb.selectFrom('notifications')).select('id');
    if (id !== undefined) ids = ids.where('id', '=', id);
    return ids;
  });
  const done = await update.executeTakeFirst();
  return Number(done.numUpdatedRows);
}

export function notificationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  // the audit admins read their own alerts; business staff also read their org's
  const staff = { permission: ['order.read', 'audit.read'] as const };
  const staffOf =
    (actor: Actor): Mine =>
    (q) =>
      q.where((eb) => {
        const own = eb('user_id', '=', actor.userId);
        if (!actor.permissions.has('order.read')) return own;
        const org = eb.and([
          eb('org_id', '=', actor.orgId),
          eb('volunteer_id', 'is', null),
          eb('user_id', 'is', null),
        ]);
        return eb.or([own, org]);
      });
  const volunteerOf =
    (volunteerId: number): Mine =>
    (q) =>
      q.where('volunteer_id', '=', volunteerId);
  const ok = { 200: z.object({ ok: z.literal(true) }) };

  r.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '本单位的和发给本人的消息提醒',
        querystring: listQuery,
        response: { 200: listReply },
      },
      config: staff,
    },
    (req) => {
      const actor = actorOf(req);
      return inScope(ctx.db.app, actor, (tx) => listOf(tx, staffOf(actor), req.query));
    },
  );

  r.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: '标记已读', params: idParams, response: ok }, config: staff },
    async (req) => {
      const actor = actorOf(req);
      const found = await inScope(ctx.db.app, actor, async (tx) => {
        await markRead(tx, staffOf(actor), ctx.now(), req.params.id);
        return staffOf(actor)(tx.selectFrom('notifications'))
          .select('id')
          .where('id', '=', req.params.id)
          .executeTakeFirst();
      });
      if (!found) throw new NotFound('消息不存在');
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- a volunteer's own, on H5
  r.get(
    '/api/me/notifications',
    {
      schema: { tags, summary: '我的消息', querystring: listQuery, response: { 200: listReply } },
      config: { permission: 'volunteer.self' },
    },
    (req) => inOwnVolunteerScope(ctx, actorOf(req), (tx, me) => listOf(tx, volunteerOf(me.id), req.query)),
  );

  r.post(
    '/api/me/notifications/:id/read',
    {
      schema: { tags, summary: '标记已读', params: idParams, response: ok },
      config: { permission: 'volunteer.self' },
    },
    async (req) => {
      const found = await inOwnVolunteerScope(ctx, actorOf(req), async (tx, me) => {
        await markRead(tx, volunteerOf(me.id), ctx.now(), req.params.id);
        return volunteerOf(me.id)(tx.selectFrom('notifications'))
          .select('id')
          .where('id', '=', req.params.id)
          .executeTakeFirst();
      });
      if (!found) throw new NotFound('消息不存在');
      return { ok: true as const };
    },
  );

  r.post(
    '/api/me/notifications/read-all',
    {
      schema: { tags, summary: '全部标记已读', response: { 200: z.object({ updated: z.number() }) } },
      config: { permission: 'volunteer.self' },
    },
    async (req) => ({
      updated: await inOwnVolunteerScope(ctx, actorOf(req), (tx, me) =>
        markRead(tx, volunteerOf(me.id), ctx.now()),
      ),
    }),
  );
}
