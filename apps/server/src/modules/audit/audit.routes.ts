import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { containsPattern, startsWithPattern } from '../../platform/http/schemas.ts';

const auditItem = z.object({
  id: z.number(),
  seq: z.number(),
  occurredAt: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  orgId: z.number().nullable(),
  ip: z.string().nullable(),
  outcome: z.string(),
  summary: z.string(),
});

const query = z.object({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  resourceType: z.string().trim().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The audit admin's read-only view of the log (三权分立: nobody else reads it). */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'audit.read' as const };

  r.get(
    '/api/audit-logs',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志',
        querystring: query,
        response: { 200: z.object({ items: z.array(auditItem), total: z.number() }) },
      },
      config,
    },
    async (req) => {
      const q = req.query;
      const actor = actorOf(req);
      return inScope(ctx.db.app, actor.orgPath, async (tx) => {
        let base = tx.selectFrom('audit_log');
        if (q.actor) base = base.where('actor_username', 'ilike', containsPattern(q.actor));
        if (q.action) base = base.where('action', 'like', startsWithPattern(q.action));
        if (q.resourceType) base = base.where('resource_type', '=', q.resourceType);
        if (q.outcome) base = base.where('outcome', '=', q.outcome);
        if (q.from) base = base.where('occurred_at', '>=', new Date(q.from));
        if (q.to) base = base.where('occurred_at', '<=', new Date(q.to));
        const { total } = await base
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow();
        const rows = await base
          .selectAll()
          .select(sql<string>`summary::text`.as('summary_text'))
          .orderBy('seq', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute();
        return {
          total,
          items: rows.map((row) => ({
            id: row.id,
            seq: row.seq,
            occurredAt: isoTimestamp(row.occurred_at),
            actorUsername: row.actor_username,
            actorRole: row.actor_role,
            action: row.action,
            resourceType: row.resource_type,
            resourceId: row.resource_id,
            orgId: row.org_id,
            ip: row.ip,
            outcome: row.outcome,
            summary: row.summary_text,
          })),
        };
      });
    },
  );

  r.get(
    '/api/audit-logs/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计日志哈希链',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            firstBrokenSeq: z.number().nullable(),
            reason: z.string().nullable(),
          }),
        },
      },
      config,
    },
    // the chain spans every org, so it is walked on the system connection
    () => verifyAuditChain(ctx.db.system),
  );
}
