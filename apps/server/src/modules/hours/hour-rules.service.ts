// The hour rule (时长取整规则) an org sets for the records of its subtree, or inherits from the
// nearest org above that set one; without any, hours round down to 0.5 h. Setting and removing a
// rule is audited.
import { sql } from 'kysely';
import { DEFAULT_HOUR_RULE, type HourRounding, type HourStep } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import type { HourRuleInput, HourRuleView } from './hours.schema.ts';

type Org = { id: number; path: string };

export function createHourRulesService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function findOrg(tx: Tx, actor: Actor, orgId: number): Promise<Org> {
    const org = await tx.selectFrom('orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirst();
    if (!org || !inActorScope(actor, org.path)) throw new NotFound('单位不存在或不在您的数据范围内');
    return org;
  }

  /** The rule of the nearest org at or above `org` that set one (as hourRuleFor), and which org. */
  async function effectiveRule(tx: Tx, org: Org): Promise<HourRuleView> {
    const row = await tx
      .selectFrom('hour_rules')
      .select(['org_id', 'step_minutes', 'rounding', sql<string>`org_name(org_id)`.as('org_name')])
      .where(sql<boolean>`org_path @> ${org.path}::ltree`)
      .orderBy(sql`nlevel(org_path)`, 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      orgId: org.id,
      stepMinutes: row ? (row.step_minutes as HourStep) : DEFAULT_HOUR_RULE.stepMinutes,
      rounding: row ? (row.rounding as HourRounding) : DEFAULT_HOUR_RULE.rounding,
      own: row?.org_id === org.id,
      setByOrgId: row?.org_id ?? null,
      setByOrgName: row?.org_name ?? null,
    };
  }

  return {
    effectiveRule: (actor: Actor, orgId?: number) =>
      run(actor, async (tx) => effectiveRule(tx, await findOrg(tx, actor, orgId ?? actor.orgId))),

    setRule: (actor: Actor, orgId: number, input: HourRuleInput) =>
      run(actor, async (tx) => {
        const org = await findOrg(tx, actor, orgId);
        const now = ctx.now();
        const values = {
          org_path: org.path,
          step_minutes: input.stepMinutes,
          rounding: input.rounding,
          updated_by: actor.userId,
          updated_at: now,
        };
        await tx
          .insertInto('hour_rules')
          .values({ org_id: org.id, ...values })
          .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
          .execute();
        await auditAction(
          tx,
          actor,
          'hours.rule.set',
          'org',
          { id: org.id, org_id: org.id, org_path: org.path },
          { ...input },
          now,
        );
        return effectiveRule(tx, org);
      }),

    clearRule: (actor: Actor, orgId: number) =>
      run(actor, async (tx) => {
        const org = await findOrg(tx, actor, orgId);
        const removed = await tx
          .deleteFrom('hour_rules')
          .where('org_id', '=', org.id)
          .returning(['step_minutes', 'rounding'])
          .executeTakeFirst();
        if (removed) {
          await auditAction(
            tx,
            actor,
            'hours.rule.clear',
            'org',
            { id: org.id, org_id: org.id, org_path: org.path },
            { stepMinutes: removed.step_minutes, rounding: removed.rounding },
            ctx.now(),
          );
        }
        return effectiveRule(tx, org);
      }),
  };
}
