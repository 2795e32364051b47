// Points in the console and on H5: the rules of the 积分管理办法 (the centre sets the county's, an
// institute or station adds local ones within the centre's bound), a holder's balance and ledger,
// the ledger with filters (积分明细), manual adjustments with a reason — above the threshold pending
// until another admin confirms — and the volunteer's own points. Every read and write runs in the
// caller's scope (RLS and the checks here); every change is audited.
import { sql } from 'kysely';
import {
  adjustmentNeedsSecondPerson,
  ADJUSTMENT_SECOND_PERSON_THRESHOLD,
  localRuleExceeds,
  POINT_RULE_KIND_LABELS,
  type PointHolderType,
} from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { pointBalance, postEntry } from './ledger.ts';
import type { AdjustmentInput, EntryQuery, RuleInput } from './points.schema.ts';

const RULE_NOT_FOUND = '积分规则不存在或不在您的数据范围内';
const HOLDER_NOT_FOUND = '志愿者不存在或不在您的数据范围内';
const ADJUSTMENT_NOT_FOUND = '积分调整不存在或不在您的数据范围内';

const isCounty = (path: string) => !path.includes('.');

export function createPointsService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function orgTarget(tx: Tx, id: number, orgPath: string) {
    const org = await tx.selectFrom('orgs').select('id').where('path', '=', orgPath).executeTakeFirst();
    return { id, org_id: org?.id ?? null, org_path: orgPath };
  }

  /** A volunteer the caller's scope covers (their residence org in the subtree); else 404. */
  async function visibleHolder(tx: Tx, actor: Actor, holderType: PointHolderType, id: number) {
    if (holderType !== 'volunteer') throw new NotFound('该积分账户不存在或不在您的数据范围内');
    const v = await tx
      .selectFrom('volunteers')
      .select(['id', 'name', 'volunteer_no', sql<string>`org_path::text`.as('org_path')])
      .where('id', '=', id)
      .where(sql<boolean>`org_path <@ ${actor.orgPath}::ltree`)
      .executeTakeFirst();
    if (!v) throw new NotFound(HOLDER_NOT_FOUND);
    return v;
  }

  function selectRules(tx: Tx) {
    return tx
      .selectFrom('point_rules as r')
      .leftJoin('orgs as o', (j) => j.on(sql<boolean>`o.path = r.org_path`))
      .select([
        'r.id',
        'r.kind',
        'r.points',
        'r.max_points',
        'r.note',
        'r.valid_from',
        'r.valid_to',
        'r.version',
        sql<string>`r.org_path::text`.as('org_path'),
        'o.id as org_id',
        'o.name as org_name',
      ]);
  }
  type RuleRow = Awaited<ReturnType<ReturnType<typeof selectRules>['executeTakeFirstOrThrow']>>;
  const ruleViewOf = (actor: Actor, r: RuleRow) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name ?? '',
    county: isCounty(r.org_path),
    kind: r.kind as RuleInput['kind'],
    points: r.points,
    maxPoints: r.max_points,
    note: r.note,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
    canEdit: actor.permissions.has('points.rules') && inActorScope(actor, r.org_path),
  });

  /** A local rule stays within the centre's bound of its kind (the county rule in force then). */
  async function checkBound(tx: Tx, orgPath: string, input: RuleInput) {
    if (input.validTo && input.validTo < input.validFrom)
      throw new Invalid('失效日期不能早于生效日期', 'INVALID_DATES');
    if (isCounty(orgPath)) return;
    if (input.maxPoints !== undefined && input.maxPoints !== null)
      throw new Invalid('上限只能由中心在全县规则上设置', 'LOCAL_MAX');
    const county = await tx
      .selectFrom('point_rules')
      .select(['points', 'max_points'])
      .where('kind', '=', input.kind)
      .where(sql<boolean>`nlevel(org_path) = 1 AND org_path @> ${orgPath}::ltree`)
      .where('valid_from', '<=', input.validFrom)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!county)
      throw new Conflict(
        `中心尚未设置“${POINT_RULE_KIND_LABELS[input.kind]}”的全县规则，不能添加本地规则`,
        'NO_COUNTY_RULE',
      );
    const bound = localRuleExceeds(input.points, { points: county.points, maxPoints: county.max_points });
    if (bound !== null)
      throw new Invalid(
        `本地规则“${POINT_RULE_KIND_LABELS[input.kind]}”不能超过中心规定的上限 ${bound} 分`,
        'OVER_COUNTY_BOUND',
      );
  }

  function entryQuery(tx: Tx) {
    return (
      tx
        .selectFrom('point_entries as e')
        .leftJoin('volunteers as v', (j) =>
          j.onRef('v.id', '=', 'e.holder_id').on('e.holder_type', '=', 'volunteer'),
        )
        // a household's head and number (群众文明积分, modules/households' register)
        .leftJoin('households as hh', (j) =>
          j.onRef('hh.id', '=', 'e.holder_id').on('e.holder_type', '=', 'household'),
        )
        .select([
          'e.id',
          'e.holder_type',
          'e.holder_id',
          'e.kind',
          'e.rule_kind',
          'e.delta',
          'e.balance_after',
          'e.lifetime_after',
          'e.rule_version',
          'e.source_type',
          'e.source_id',
          'e.reason',
          'e.occurred_at',
          sql<string | null>`coalesce(v.name, hh.head_name)`.as('holder_name'),
          sql<string | null>`coalesce(v.volunteer_no, hh.household_no)`.as('holder_no'),
        ])
    );
  }
  type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['executeTakeFirstOrThrow']>>;
  const entryViewOf = (e: EntryRow) => ({
    id: e.id,
    holderType: e.holder_type as PointHolderType,
    holderId: e.holder_id,
    holderName: e.holder_name,
    holderNo: e.holder_no,
    kind: e.kind as 'award',
    ruleKind: e.rule_kind,
    delta: e.delta,
    balanceAfter: e.balance_after,
    lifetimeAfter: e.lifetime_after,
    ruleVersion: e.rule_version,
    sourceType: e.source_type,
    sourceId: e.source_id,
    reason: e.reason,
    occurredAt: isoTimestamp(e.occurred_at),
  });

  function adjustmentQuery(tx: Tx) {
    return tx
      .selectFrom('point_adjustments as a')
      .leftJoin('volunteers as v', (j) =>
        j.onRef('v.id', '=', 'a.holder_id').on('a.holder_type', '=', 'volunteer'),
      )
      .leftJoin('users as cu', 'cu.id', 'a.created_by')
      .leftJoin('users as du', 'du.id', 'a.decided_by')
      .select([
        'a.id',
        'a.holder_type',
        'a.holder_id',
        'a.points',
        'a.reason',
        'a.status',
        'a.created_by',
        'a.created_at',
        'a.decided_at',
        sql<string>`a.org_path::text`.as('org_path'),
        'v.name as holder_name',
        'v.volunteer_no as holder_no',
        'cu.display_name as created_by_name',
        'du.display_name as decided_by_name',
      ]);
  }
  type AdjustmentRow = Awaited<ReturnType<ReturnType<typeof adjustmentQuery>['executeTakeFirstOrThrow']>>;
  const adjustmentViewOf = (actor: Actor, a: AdjustmentRow) => ({
    id: a.id,
    holderType: a.holder_type as PointHolderType,
    holderId: a.holder_id,
    holderName: a.holder_name,
    holderNo: a.holder_no,
    points: a.points,
    reason: a.reason,
    status: a.status as 'pending',
    createdBy: a.created_by_name,
    createdAt: isoTimestamp(a.created_at),
    decidedBy: a.decided_by_name,
    decidedAt: isoTimestamp(a.decided_at),
    canConfirm:
      a.status === 'pending' && actor.permissions.has('points.write') && a.created_by !== actor.userId,
    canCancel: a.status === 'pending' && actor.permissions.has('points.write'),
  });

  async function postAdjustment(
    tx: Tx,
    actor: Actor,
    a: { id: number; holder_id: number; org_path: string; points: number; reason: string },
    now: Date,
  ) {
    if (a.points < 0) {
      const { balance } = await pointBalance(tx, 'volunteer', a.holder_id);
      if (balance + a.points < 0)
        throw new Conflict(`调减后积分余额不能为负（当前可用积分 ${balance}）`, 'BALANCE_NEGATIVE');
    }
    return postEntry(tx, {
      holderType: 'volunteer',
      holderId: a.holder_id,
      orgPath: a.org_path,
      kind: 'adjust',
      ruleKind: 'manual',
      delta: a.points,
      sourceType: 'adjustment',
      sourceId: a.id,
      idemKey: `adjust:${a.id}`,
      reason: `人工调整：${a.reason}`,
      occurredAt: now,
      actorUserId: actor.userId,
    });
  }

  async function lockAdjustment(tx: Tx, actor: Actor, id: number) {
    const row = await tx
      .selectFrom('point_adjustments')
      .select([
        'id',
        'holder_id',
        'points',
        'reason',
        'status',
        'created_by',
        sql<string>`org_path::text`.as('org_path'),
      ])
      .where('id', '=', id)
      .where(sql<boolean>`org_path <@ ${actor.orgPath}::ltree`)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFound(ADJUSTMENT_NOT_FOUND);
    if (row.status !== 'pending') throw new Conflict('该调整已处理，不能重复操作', 'NOT_PENDING');
    return row;
  }

  return {
    // ---------------------------------------------------------------- rules
    rules: (actor: Actor) =>
      run(actor, async (tx) => {
        const rows = await selectRules(tx)
          .where(sql<boolean>`r.org_path @> ${actor.orgPath}::ltree OR r.org_path <@ ${actor.orgPath}::ltree`)
          .orderBy(sql`nlevel(r.org_path)`)
          .orderBy('r.org_path')
          .orderBy('r.kind')
          .orderBy('r.valid_from', 'desc')
          .execute();
        return {
          items: rows.map((r) => ruleViewOf(actor, r)),
          canCreate: actor.permissions.has('points.rules'),
          local: !isCounty(actor.orgPath),
        };
      }),

    createRule: (actor: Actor, input: RuleInput) =>
      run(actor, async (tx) => {
        await checkBound(tx, actor.orgPath, input);
        const now = ctx.now();
        const { id } = await tx
          .insertInto('point_rules')
          .values({
            org_path: actor.orgPath,
            kind: input.kind,
            points: input.points,
            max_points: isCounty(actor.orgPath) ? (input.maxPoints ?? null) : null,
            note: input.note ?? null,
            valid_from: input.validFrom,
            valid_to: input.validTo ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await auditAction(
          tx,
          actor,
          'points.rule.create',
          'point_rule',
          await orgTarget(tx, id, actor.orgPath),
          { ...input },
          now,
        );
        return ruleViewOf(actor, await selectRules(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
      }),

    /** A new version of the rule: entries already written keep the points and version they had. */
    updateRule: (actor: Actor, id: number, input: RuleInput) =>
      run(actor, async (tx) => {
        const rule = await tx
          .selectFrom('point_rules')
          .select(['id', 'kind', 'points', 'version', sql<string>`org_path::text`.as('org_path')])
          .where('id', '=', id)
          .where(sql<boolean>`org_path <@ ${actor.orgPath}::ltree`)
          .forUpdate()
          .executeTakeFirst();
        if (!rule) throw new NotFound(RULE_NOT_FOUND);
        if (rule.kind !== input.kind) throw new Invalid('不能改变规则类型，请新增一条规则', 'KIND_CHANGED');
        await checkBound(tx, rule.org_path, input);
        const now = ctx.now();
        await tx
          .updateTable('point_rules')
          .set({
            points: input.points,
            max_points: isCounty(rule.org_path) ? (input.maxPoints ?? null) : null,
            note: input.note ?? null,
            valid_from: input.validFrom,
            valid_to: input.validTo ?? null,
            version: rule.version + 1,
            updated_by: actor.userId,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'points.rule.update',
          'point_rule',
          await orgTarget(tx, id, rule.org_path),
          {
            from: { points: rule.points, version: rule.version },
            to: { ...input, version: rule.version + 1 },
          },
          now,
        );
        return ruleViewOf(actor, await selectRules(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
      }),

    // ---------------------------------------------------------------- ledger
    holder: (actor: Actor, holderType: PointHolderType, id: number) =>
      run(actor, async (tx) => {
        const v = await visibleHolder(tx, actor, holderType, id);
        const balance = await pointBalance(tx, holderType, id);
        return { holderType, holderId: v.id, name: v.name, no: v.volunteer_no, ...balance };
      }),

    entries: (actor: Actor, q: EntryQuery) =>
      run(actor, async (tx) => {
        let query = entryQuery(tx).where(
          sql<boolean>`(e.holder_org_path <@ ${actor.orgPath}::ltree OR e.org_path <@ ${actor.orgPath}::ltree)`,
        );
        if (q.holderId !== undefined) {
          await visibleHolder(tx, actor, q.holderType ?? 'volunteer', q.holderId);
          query = query
            .where('e.holder_type', '=', q.holderType ?? 'volunteer')
            .where('e.holder_id', '=', q.holderId);
        } else if (q.holderType) query = query.where('e.holder_type', '=', q.holderType);
        if (q.kind) query = query.where('e.kind', '=', q.kind);
        if (q.from)
          query = query.where(
            sql<boolean>`e.occurred_at >= (${q.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
          );
        if (q.to)
          query = query.where(
            sql<boolean>`e.occurred_at < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
          );
        const { rows, total } = await pageOf(query.orderBy('e.id', 'desc'), q);
        return { items: rows.map(entryViewOf), total };
      }),

    // ---------------------------------------------------------------- adjustments
    adjustments: (
      actor: Actor,
      q: { status?: string | undefined; holderId?: number | undefined; page: number; pageSize: number },
    ) =>
      run(actor, async (tx) => {
        let query = adjustmentQuery(tx).where(sql<boolean>`a.org_path <@ ${actor.orgPath}::ltree`);
        if (q.status) query = query.where('a.status', '=', q.status);
        if (q.holderId !== undefined) query = query.where('a.holder_id', '=', q.holderId);
        const { rows, total } = await pageOf(query.orderBy('a.id', 'desc'), q);
        return { items: rows.map((a) => adjustmentViewOf(actor, a)), total };
      }),

    adjust: (actor: Actor, input: AdjustmentInput) =>
      run(actor, async (tx) => {
        const v = await visibleHolder(tx, actor, input.holderType, input.holderId);
        const now = ctx.now();
        const second = adjustmentNeedsSecondPerson(input.points);
        const { id } = await tx
          .insertInto('point_adjustments')
          .values({
            holder_type: input.holderType,
            holder_id: v.id,
            org_path: v.org_path,
            points: input.points,
            reason: input.reason,
            status: second ? 'pending' : 'confirmed',
            created_by: actor.userId,
            created_at: now,
            decided_by: second ? null : actor.userId,
            decided_at: second ? null : now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (!second) {
          const entry = await postAdjustment(
            tx,
            actor,
            { id, holder_id: v.id, org_path: v.org_path, points: input.points, reason: input.reason },
            now,
          );
          await tx
            .updateTable('point_adjustments')
            .set({ entry_id: entry.id })
            .where('id', '=', id)
            .execute();
        }
        await auditAction(
          tx,
          actor,
          'points.adjust',
          'point_adjustment',
          await orgTarget(tx, id, v.org_path),
          {
            volunteerId: v.id,
            points: input.points,
            reason: input.reason,
            pending: second,
            threshold: ADJUSTMENT_SECOND_PERSON_THRESHOLD,
          },
          now,
        );
        return adjustmentViewOf(
          actor,
          await adjustmentQuery(tx).where('a.id', '=', id).executeTakeFirstOrThrow(),
        );
      }),

    confirmAdjustment: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const a = await lockAdjustment(tx, actor, id);
        if (a.created_by === actor.userId)
          throw new Conflict(
            `超过 ${ADJUSTMENT_SECOND_PERSON_THRESHOLD} 分的调整须由另一位管理员确认`,
            'SAME_PERSON',
          );
        const now = ctx.now();
        const entry = await postAdjustment(tx, actor, a, now);
        await tx
          .updateTable('point_adjustments')
          .set({ status: 'confirmed', entry_id: entry.id, decided_by: actor.userId, decided_at: now })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'points.adjust.confirm',
          'point_adjustment',
          await orgTarget(tx, id, a.org_path),
          { volunteerId: a.holder_id, points: a.points },
          now,
        );
        return adjustmentViewOf(
          actor,
          await adjustmentQuery(tx).where('a.id', '=', id).executeTakeFirstOrThrow(),
        );
      }),

    cancelAdjustment: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const a = await lockAdjustment(tx, actor, id);
        const now = ctx.now();
        await tx
          .updateTable('point_adjustments')
          .set({ status: 'cancelled', decided_by: actor.userId, decided_at: now })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'points.adjust.cancel',
          'point_adjustment',
          await orgTarget(tx, id, a.org_path),
          { volunteerId: a.holder_id, points: a.points },
          now,
        );
        return adjustmentViewOf(
          actor,
          await adjustmentQuery(tx).where('a.id', '=', id).executeTakeFirstOrThrow(),
        );
      }),

    // ---------------------------------------------------------------- the volunteer on H5
    mine: (actor: Actor, q: { page: number; pageSize: number }) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const balance = await pointBalance(tx, 'volunteer', me.id);
        const { rows, total } = await pageOf(
          entryQuery(tx)
            .where('e.holder_type', '=', 'volunteer')
            .where('e.holder_id', '=', me.id)
            .orderBy('e.id', 'desc'),
          q,
        );
        return {
          ...balance,
          items: rows.map((e) => {
            const { holderName: _n, holderNo: _no, ...rest } = entryViewOf(e);
            return rest;
          }),
          total,
        };
      }),
  };
}
