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
import { auditActionLabel, auditResourceLabel, describeAuditSummary } from '@civic/contracts';
import { resolveAuditNames, resourceNameOf } from './audit-names.ts';

const auditItem = z.object({
  id: z.number(),
  seq: z.number(),
  occurredAt: z.string(),
  actorUserId: z.number().nullable(),
  actorUsername: z.string().nullable(),
  /** A staff actor's name and username; a volunteer's or resident's username (their number). */
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  resourceType: z.string(),
  resourceLabel: z.string(),
  resourceId: z.string().nullable(),
  /** The object's name (a volunteer by number), or null when it has none or is gone. */
  resourceName: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: z.string(),
  /** The recorded summary, as stored (JSON). */
  summary: z.string(),
  /** The summary in words, ids named. */
  summaryText: z.string(),
});

const query = z.object({
  /** Part of the actor's username or name. */
  actor: z.string().trim().max(64).optional(),
  /** One action code (auth.login), or every action of a group when it ends with a dot (auth.). */
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
      return inScope(ctx.db.app, actor, async (tx) => {
        let base = tx.selectFrom('audit_log');
        if (q.actor) {
          const pattern = containsPattern(q.actor);
          base = base.where((eb) =>
            eb.or([
              eb('actor_username', 'ilike', pattern),
              eb(
                'actor_user_id',
                'in',
                eb.selectFrom('users').select('id').where('display_name', 'ilike', pattern),
              ),
            ]),
          );
        }
        if (q.action)
          base = q.action.endsWith('.')
            ? base.where('action', 'like', startsWithPattern(q.action))
            : base.where('action', '=', q.action);
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
        const names = await resolveAuditNames(tx, rows);
        return {
          total,
          items: rows.map((row) => ({
            id: row.id,
            seq: row.seq,
            occurredAt: isoTimestamp(row.occurred_at),
            actorUserId: row.actor_user_id,
            actorUsername: row.actor_username,
            actorName: row.actor_user_id === null ? null : (names.users.get(row.actor_user_id) ?? null),
            actorRole: row.actor_role,
            action: row.action,
            actionLabel: auditActionLabel(row.action),
            resourceType: row.resource_type,
            resourceLabel: auditResourceLabel(row.resource_type),
            resourceId: row.resource_id,
            resourceName: resourceNameOf(names, row),
            orgId: row.org_id,
            orgName: row.org_id === null ? null : (names.orgs.get(row.org_id) ?? null),
            ip: row.ip,
            outcome: row.outcome,
            summary: row.summary_text,
            summaryText: describeAuditSummary(row.summary, names.summary),
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
        summary: '校验审计日志（每条记录的哈希与封存批次的哈希链）',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().describe('校验了内容哈希的记录数（全部记录）'),
            sealed: z.number().describe('其中已封存进批次的记录数'),
            unsealed: z.number().describe('尚未封存的记录数（数秒内封存）'),
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
