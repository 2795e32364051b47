// Households (户) and their civic points (群众文明积分): a station's register (phone sealed, masked in
// lists, revealed with an audit entry), the village rule list (the county's defaults from the centre
// and the station's own), awards from a rule with an evidence photo — above the station's threshold a
// second person confirms before the points post; a rejected award never posts; voiding a posted
// award writes a reversing entry — and the station's public board. Points move only through the
// points module's ledger (holder_type 'household'), in the action's own transaction.
import { sql } from 'kysely';
import { DEFAULT_CONFIRM_THRESHOLD, type BoardMode, type HouseholdAwardStatus } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Db, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { containsPattern, startsWithPattern } from '../../platform/http/schemas.ts';
import { maskedPhone, phoneIndex, sealPhone } from '../../platform/personal-data.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { awardHouseholdPoints, reverseEntry } from '../points/index.ts';
import { readRecordImage, storeRecordImage, uploadUrl } from '../uploads/index.ts';
import type {
  AwardInput,
  AwardListQuery,
  AwardView,
  BoardView,
  HouseholdInput,
  HouseholdListQuery,
  HouseholdPatch,
  HouseholdView,
  RuleInput,
  RulePatch,
  RuleView,
  SettingsPatch,
  SettingsView,
} from './households.schema.ts';

export const AWARD_SOURCE = 'household_award';
/** An award needs its evidence photo (issue 14: 记分须附现场照片). */
export const PHOTO_REQUIRED = '记分须附积分凭证照片（现场照片），请上传照片后再保存';

interface HouseholdRow {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  household_no: string;
  head_name: string;
  members: Array<{ name: string; relation: string }>;
  phone_enc: string | null;
  active: boolean;
  resident_user_id: number | null;
  updated_at: Date | string;
  balance: number | null;
  lifetime: number | null;
  pending: number;
}

function selectHouseholds(tx: Tx) {
  return tx
    .selectFrom('households as h')
    .leftJoin('point_balances as b', (j) =>
      j.on('b.holder_type', '=', 'household').onRef('b.holder_id', '=', 'h.id'),
    )
    .select([
      'h.id',
      'h.org_id',
      'h.org_path',
      sql<string>`org_name(h.org_id)`.as('org_name'),
      'h.household_no',
      'h.head_name',
      'h.members',
      'h.phone_enc',
      'h.active',
      'h.resident_user_id',
      'h.updated_at',
      'b.balance',
      'b.lifetime',
      sql<number>`(SELECT count(*)::int FROM household_awards a
        WHERE a.household_id = h.id AND a.status = 'pending')`.as('pending'),
    ]);
}

interface AwardRow {
  id: number;
  household_id: number;
  household_no: string;
  head_name: string;
  org_id: number;
  org_path: string;
  org_name: string;
  rule_id: number;
  rule_name: string;
  points: number;
  note: string;
  photo_id: string | null;
  status: string;
  entry_id: number | null;
  created_by: number;
  created_by_name: string;
  created_at: Date | string;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  reject_reason: string | null;
  voided_by_name: string | null;
  voided_at: Date | string | null;
  void_reason: string | null;
}

function selectAwards(tx: Tx) {
  return tx
    .selectFrom('household_awards as a')
    .innerJoin('households as h', 'h.id', 'a.household_id')
    .innerJoin('users as cu', 'cu.id', 'a.created_by')
    .leftJoin('users as du', 'du.id', 'a.decided_by')
    .leftJoin('users as vu', 'vu.id', 'a.voided_by')
    .select([
      'a.id',
      'a.household_id',
      'h.household_no',
      'h.head_name',
      'a.org_id',
      'a.org_path',
      sql<string>`org_name(a.org_id)`.as('org_name'),
      'a.rule_id',
      'a.rule_name',
      'a.points',
      'a.note',
      'a.photo_id',
      'a.status',
      'a.entry_id',
      'a.created_by',
      'cu.display_name as created_by_name',
      'a.created_at',
      'du.display_name as decided_by_name',
      'a.decided_at',
      'a.reject_reason',
      'vu.display_name as voided_by_name',
      'a.voided_at',
      'a.void_reason',
    ]);
}

/** A household's latest point entries, newest first. */
function householdEntries(db: Tx | Db, householdId: number, limit: number) {
  return db
    .selectFrom('point_entries')
    .select([
      'id',
      'kind',
      'delta',
      'balance_after',
      'lifetime_after',
      'reason',
      'source_type',
      'source_id',
      'occurred_at',
    ])
    .where('holder_type', '=', 'household')
    .where('holder_id', '=', householdId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

function awardViewOf(r: AwardRow, actor: Actor): AwardView {
  return {
    id: r.id,
    householdId: r.household_id,
    householdNo: r.household_no,
    headName: r.head_name,
    orgId: r.org_id,
    orgName: r.org_name,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    points: r.points,
    note: r.note,
    photoUrl: r.photo_id ? `/api/households/awards/${r.id}/photo` : null,
    status: r.status as HouseholdAwardStatus,
    createdBy: r.created_by_name,
    createdByMe: r.created_by === actor.userId,
    createdAt: isoTimestamp(r.created_at),
    decidedBy: r.decided_by_name,
    decidedAt: isoTimestamp(r.decided_at),
    rejectReason: r.reject_reason,
    voidedBy: r.voided_by_name,
    voidedAt: isoTimestamp(r.voided_at),
    voidReason: r.void_reason,
  };
}

export function createHouseholdsService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  function householdViewOf(r: HouseholdRow): HouseholdView {
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      householdNo: r.household_no,
      headName: r.head_name,
      members: r.members,
      phone: maskedPhone(ctx.cipher, r.phone_enc),
      active: r.active,
      linked: r.resident_user_id !== null,
      balance: r.balance ?? 0,
      lifetime: r.lifetime ?? 0,
      pendingAwards: r.pending,
      updatedAt: isoTimestamp(r.updated_at),
    };
  }

  /** An org of the caller's subtree (their own when `orgId` is absent). */
  async function findOrg(tx: Tx, actor: Actor, orgId: number | undefined) {
    const org = await tx
      .selectFrom('orgs')
      .select(['id', 'path', 'kind', 'name'])
      .where('id', '=', orgId ?? actor.orgId)
      .executeTakeFirst();
    if (!org || !inActorScope(actor, org.path)) throw new NotFound('单位不存在或不在您的数据范围内');
    return org;
  }

  /** The village's station whose register it is: only a station keeps one. */
  async function findStation(tx: Tx, actor: Actor, orgId: number | undefined) {
    const org = await findOrg(tx, actor, orgId);
    if (org.kind !== 'station')
      throw new Invalid('户籍登记由村（社区）实践站办理，请选择一个实践站', 'NOT_A_STATION');
    return org;
  }

  async function findHousehold(tx: Tx, actor: Actor, id: number): Promise<HouseholdRow> {
    const row = await selectHouseholds(tx).where('h.id', '=', id).executeTakeFirst();
    if (!row || !inActorScope(actor, row.org_path)) throw new NotFound('该户不存在或不在您的数据范围内');
    return row as HouseholdRow;
  }

  async function findAward(tx: Tx, actor: Actor, id: number): Promise<AwardRow> {
    const row = await selectAwards(tx).where('a.id', '=', id).executeTakeFirst();
    if (!row || !inActorScope(actor, row.org_path)) throw new NotFound('积分记录不存在或不在您的数据范围内');
    return row as AwardRow;
  }

  async function settingsOf(tx: Tx, org: { id: number; path: string; name: string }): Promise<SettingsView> {
    const row = await tx
      .selectFrom('household_settings')
      .select(['board_mode', 'board_enabled', 'confirm_threshold'])
      .where('org_id', '=', org.id)
      .executeTakeFirst();
    return {
      orgId: org.id,
      orgName: org.name,
      boardMode: (row?.board_mode ?? 'masked') as BoardMode,
      boardEnabled: row?.board_enabled ?? true,
      confirmThreshold: row?.confirm_threshold ?? DEFAULT_CONFIRM_THRESHOLD,
    };
  }

  function duplicateNo(error: unknown): boolean {
    return (error as { code?: string; constraint?: string }).code === '23505';
  }

  /** Posts an award's points to the household's ledger (once per award) and marks it posted. */
  async function post(tx: Tx, award: AwardRow, actor: Actor, now: Date, decidedBy: number | null) {
    const entry = await awardHouseholdPoints(tx, {
      householdId: award.household_id,
      householdOrgPath: award.org_path,
      orgPath: award.org_path,
      points: award.points,
      sourceType: AWARD_SOURCE,
      sourceId: award.id,
      reason: `文明积分：${award.rule_name}${award.note ? `（${award.note}）` : ''}`,
      occurredAt: now,
      actorUserId: actor.userId,
    });
    await tx
      .updateTable('household_awards')
      .set({
        status: 'posted',
        entry_id: entry.id,
        ...(decidedBy !== null ? { decided_by: decidedBy, decided_at: now } : {}),
      })
      .where('id', '=', award.id)
      .execute();
  }

  /**
   * The resident account (群众账号) registered with `phone`, to link to household `householdId`
   * (undefined: no change; null: unlink). Accounts are not in the station's scope, so the one id is
   * looked up on the system connection; a phone of no resident, or one linked elsewhere, is refused.
   */
  async function residentOf(phone: string | null | undefined, householdId: number) {
    if (phone === undefined) return undefined;
    if (phone === null || phone.trim() === '') return null;
    sealPhone(ctx.cipher, phone); // validates the mobile (400 in Chinese)
    const user = await ctx.db.system
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'resident')
      .where('phone_index', '=', phoneIndex(ctx.cipher, phone))
      .executeTakeFirst();
    if (!user) throw new NotFound('没有使用该手机号注册的群众账号', 'NO_RESIDENT_ACCOUNT');
    const taken = await ctx.db.system
      .selectFrom('households')
      .select('id')
      .where('resident_user_id', '=', user.id)
      .where('id', '<>', householdId)
      .executeTakeFirst();
    if (taken) throw new Conflict('该群众账号已关联另一户', 'RESIDENT_ALREADY_LINKED');
    return user.id;
  }

  async function awardView(tx: Tx, actor: Actor, id: number) {
    return awardViewOf(await findAward(tx, actor, id), actor);
  }

  return {
    // ---------------------------------------------------------------- the register
    list: (actor: Actor, q: HouseholdListQuery) =>
      run(actor, async (tx) => {
        let query = selectHouseholds(tx);
        if (q.orgId) {
          const org = await findOrg(tx, actor, q.orgId);
          query = query.where(sql<boolean>`h.org_path <@ ${org.path}::ltree`);
        }
        if (q.keyword) {
          const kw = q.keyword;
          query = query.where((eb) =>
            eb.or([
              eb('h.household_no', 'like', startsWithPattern(kw)),
              eb('h.head_name', 'like', containsPattern(kw)),
              eb(sql`h.members::text`, 'like', containsPattern(kw)),
            ]),
          );
        }
        if (q.active !== undefined) query = query.where('h.active', '=', q.active);
        const { rows, total } = await pageOf(
          query
            .orderBy('h.org_id')
            .orderBy(sql`length(h.household_no)`)
            .orderBy('h.household_no'),
          q,
        );
        return { items: (rows as HouseholdRow[]).map((r) => householdViewOf(r)), total };
      }),

    get: (actor: Actor, id: number) =>
      run(actor, async (tx) => householdViewOf(await findHousehold(tx, actor, id))),

    ledger: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const household = await findHousehold(tx, actor, id);
        const entries = await householdEntries(tx, id, 200);
        const awards = await selectAwards(tx)
          .where('a.household_id', '=', id)
          .orderBy('a.id', 'desc')
          .limit(200)
          .execute();
        return {
          household: householdViewOf(household),
          entries: entries.map((e) => ({
            id: e.id,
            kind: e.kind,
            delta: e.delta,
            balanceAfter: e.balance_after,
            lifetimeAfter: e.lifetime_after,
            reason: e.reason,
            sourceType: e.source_type,
            sourceId: e.source_id,
            occurredAt: isoTimestamp(e.occurred_at)!,
          })),
          awards: (awards as AwardRow[]).map((a) => awardViewOf(a, actor)),
        };
      }),

    create: (actor: Actor, input: HouseholdInput) =>
      run(actor, async (tx) => {
        const org = await findStation(tx, actor, input.orgId);
        const now = ctx.now();
        const sealed = sealPhone(ctx.cipher, input.phone);
        try {
          const row = await tx
            .insertInto('households')
            .values({
              org_id: org.id,
              org_path: org.path,
              household_no: input.householdNo,
              head_name: input.headName,
              members: JSON.stringify(input.members),
              phone_enc: sealed ?? null,
              phone_index: sealed ? phoneIndex(ctx.cipher, input.phone!) : null,
              created_by: actor.userId,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await auditAction(
            tx,
            actor,
            'household.create',
            'household',
            { id: row.id, org_id: org.id, org_path: org.path },
            { householdNo: input.householdNo, memberCount: input.members.length },
            now,
          );
          return householdViewOf(await findHousehold(tx, actor, row.id));
        } catch (error) {
          if (duplicateNo(error))
            throw new Conflict(`户号 ${input.householdNo} 已登记`, 'DUPLICATE_HOUSEHOLD_NO');
          throw error;
        }
      }),

    update: (actor: Actor, id: number, patch: HouseholdPatch) =>
      run(actor, async (tx) => {
        const found = await findHousehold(tx, actor, id);
        const now = ctx.now();
        const sealed = sealPhone(ctx.cipher, patch.phone);
        const resident = await residentOf(patch.residentPhone, id);
        const fields = Object.keys(patch).filter((k) => patch[k as keyof HouseholdPatch] !== undefined);
        if (fields.length === 0) return householdViewOf(found);
        try {
          await tx
            .updateTable('households')
            .set({
              ...(patch.householdNo !== undefined ? { household_no: patch.householdNo } : {}),
              ...(patch.headName !== undefined ? { head_name: patch.headName } : {}),
              ...(patch.members !== undefined ? { members: JSON.stringify(patch.members) } : {}),
              ...(patch.active !== undefined ? { active: patch.active } : {}),
              ...(resident !== undefined ? { resident_user_id: resident } : {}),
              ...(sealed !== undefined
                ? { phone_enc: sealed, phone_index: sealed ? phoneIndex(ctx.cipher, patch.phone!) : null }
                : {}),
              updated_at: now,
            })
            .where('id', '=', id)
            .execute();
        } catch (error) {
          if (duplicateNo(error))
            throw new Conflict(`户号 ${patch.householdNo} 已登记`, 'DUPLICATE_HOUSEHOLD_NO');
          throw error;
        }
        await auditAction(
          tx,
          actor,
          'household.update',
          'household',
          { id, org_id: found.org_id, org_path: found.org_path },
          { householdNo: patch.householdNo ?? found.household_no, fields },
          now,
        );
        return householdViewOf(await findHousehold(tx, actor, id));
      }),

    reveal: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const found = await findHousehold(tx, actor, id);
        const phone = found.phone_enc ? ctx.cipher.decrypt(found.phone_enc) : null;
        await auditAction(
          tx,
          actor,
          'household.reveal',
          'household',
          { id, org_id: found.org_id, org_path: found.org_path },
          { householdNo: found.household_no, field: 'phone' },
          ctx.now(),
        );
        return { phone };
      }),

    // ---------------------------------------------------------------- rules
    rules: (actor: Actor, orgId: number | undefined) =>
      run(actor, async (tx) => {
        const org = await findOrg(tx, actor, orgId);
        const rows = await tx
          .selectFrom('household_rules')
          .select([
            'id',
            'org_id',
            'org_path',
            sql<string>`org_name(org_id)`.as('org_name'),
            'name',
            'description',
            'points',
            'active',
          ])
          // the org's own rules and those of the orgs above it (the county's defaults)
          .where(sql<boolean>`${org.path}::ltree <@ org_path`)
          .orderBy(sql`nlevel(org_path)`)
          .orderBy('id')
          .execute();
        return {
          items: rows.map((r): RuleView => ({
            id: r.id,
            orgId: r.org_id,
            orgName: r.org_name,
            name: r.name,
            description: r.description,
            points: r.points,
            active: r.active,
            inherited: !inActorScope(actor, r.org_path),
          })),
        };
      }),

    createRule: (actor: Actor, input: RuleInput) =>
      run(actor, async (tx) => {
        const org = await findOrg(tx, actor, input.orgId);
        const now = ctx.now();
        const row = await tx
          .insertInto('household_rules')
          .values({
            org_id: org.id,
            org_path: org.path,
            name: input.name,
            description: input.description,
            points: input.points,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await auditAction(
          tx,
          actor,
          'household.rule.create',
          'household_rule',
          { id: row.id, org_id: org.id, org_path: org.path },
          { name: input.name, points: input.points },
          now,
        );
        return {
          id: row.id,
          orgId: org.id,
          orgName: org.name,
          name: input.name,
          description: input.description,
          points: input.points,
          active: true,
          inherited: false,
        } satisfies RuleView;
      }),

    updateRule: (actor: Actor, id: number, patch: RulePatch) =>
      run(actor, async (tx) => {
        const rule = await tx
          .selectFrom('household_rules')
          .select(['id', 'org_id', 'org_path', 'name', 'points'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!rule || !inActorScope(actor, rule.org_path))
          throw new NotFound('积分项不存在，或是上级单位的积分项（不能在本单位修改）');
        const now = ctx.now();
        const row = await tx
          .updateTable('household_rules')
          .set({ ...patch, updated_at: now })
          .where('id', '=', id)
          .returning([
            'id',
            'org_id',
            'name',
            'description',
            'points',
            'active',
            sql<string>`org_name(org_id)`.as('org_name'),
          ])
          .executeTakeFirstOrThrow();
        await auditAction(
          tx,
          actor,
          'household.rule.update',
          'household_rule',
          { id, org_id: rule.org_id, org_path: rule.org_path },
          {
            name: row.name,
            fields: Object.keys(patch),
            ...(patch.points !== undefined ? { from: rule.points, to: patch.points } : {}),
          },
          now,
        );
        return {
          id: row.id,
          orgId: row.org_id,
          orgName: row.org_name,
          name: row.name,
          description: row.description,
          points: row.points,
          active: row.active,
          inherited: false,
        } satisfies RuleView;
      }),

    // ---------------------------------------------------------------- settings
    settings: (actor: Actor, orgId: number | undefined) =>
      run(actor, async (tx) => settingsOf(tx, await findStation(tx, actor, orgId))),

    updateSettings: (actor: Actor, orgId: number | undefined, patch: SettingsPatch) =>
      run(actor, async (tx) => {
        const org = await findStation(tx, actor, orgId);
        const before = await settingsOf(tx, org);
        const now = ctx.now();
        const next = {
          board_mode: patch.boardMode ?? before.boardMode,
          board_enabled: patch.boardEnabled ?? before.boardEnabled,
          confirm_threshold: patch.confirmThreshold ?? before.confirmThreshold,
          updated_by: actor.userId,
          updated_at: now,
        };
        await tx
          .insertInto('household_settings')
          .values({ org_id: org.id, org_path: org.path, ...next })
          .onConflict((oc) => oc.column('org_id').doUpdateSet(next))
          .execute();
        await auditAction(
          tx,
          actor,
          'household.settings',
          'household_setting',
          { id: org.id, org_id: org.id, org_path: org.path },
          {
            fields: Object.keys(patch),
            boardMode: next.board_mode,
            confirmThreshold: next.confirm_threshold,
          },
          now,
        );
        return settingsOf(tx, org);
      }),

    // ---------------------------------------------------------------- awards
    /** An award with its evidence photo, stored in the same transaction (no award without one). */
    award: (
      actor: Actor,
      householdId: number,
      input: AwardInput,
      photo: { fileName: string; data: Buffer },
    ) =>
      run(actor, async (tx) => {
        if (photo.data.length === 0) throw new Invalid(PHOTO_REQUIRED, 'PHOTO_REQUIRED');
        const household = await findHousehold(tx, actor, householdId);
        if (!household.active) throw new Conflict('该户已注销，不能记分', 'HOUSEHOLD_INACTIVE');
        const rule = await tx
          .selectFrom('household_rules')
          .select(['id', 'name', 'points', 'active', 'org_path'])
          .where('id', '=', input.ruleId)
          // a rule of the household's station or an org above it (the county's defaults)
          .where(sql<boolean>`${household.org_path}::ltree <@ org_path`)
          .executeTakeFirst();
        if (!rule) throw new NotFound('积分项不存在，或不适用于该户所在的村（社区）');
        if (!rule.active) throw new Conflict('该积分项已停用', 'RULE_INACTIVE');
        const now = ctx.now();
        const settings = await settingsOf(tx, {
          id: household.org_id,
          path: household.org_path,
          name: household.org_name,
        });
        const needsSecond = rule.points > settings.confirmThreshold;
        // not an image: 415 in Chinese, and the transaction (nothing written yet) rolls back
        const image = await storeRecordImage(tx, {
          orgPath: household.org_path,
          uploadedBy: actor.userId,
          fileName: photo.fileName,
          data: photo.data,
          now,
        });
        const row = await tx
          .insertInto('household_awards')
          .values({
            household_id: household.id,
            org_id: household.org_id,
            org_path: household.org_path,
            rule_id: rule.id,
            rule_name: rule.name,
            points: rule.points,
            note: input.note,
            photo_id: image.id,
            status: 'pending',
            created_by: actor.userId,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (!needsSecond) await post(tx, await findAward(tx, actor, row.id), actor, now, null);
        await auditAction(
          tx,
          actor,
          'household.award',
          'household_award',
          { id: row.id, org_id: household.org_id, org_path: household.org_path },
          {
            householdNo: household.household_no,
            name: rule.name,
            points: rule.points,
            status: needsSecond ? 'pending' : 'posted',
            url: uploadUrl(image.id),
          },
          now,
        );
        return awardView(tx, actor, row.id);
      }),

    setAwardPhoto: (actor: Actor, id: number, file: { fileName: string; data: Buffer }) =>
      run(actor, async (tx) => {
        const award = await findAward(tx, actor, id);
        if (award.status === 'rejected' || award.status === 'voided')
          throw new Conflict('已驳回或作废的积分记录不能再添加照片', 'AWARD_CLOSED');
        const now = ctx.now();
        const image = await storeRecordImage(tx, {
          orgPath: award.org_path,
          uploadedBy: actor.userId,
          fileName: file.fileName,
          data: file.data,
          now,
        });
        await tx.updateTable('household_awards').set({ photo_id: image.id }).where('id', '=', id).execute();
        await auditAction(
          tx,
          actor,
          'household.award',
          'household_award',
          { id, org_id: award.org_id, org_path: award.org_path },
          { householdNo: award.household_no, fields: ['photo'], url: uploadUrl(image.id) },
          now,
        );
        return awardView(tx, actor, id);
      }),

    awardPhoto: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const award = await findAward(tx, actor, id);
        if (!award.photo_id) throw new NotFound('照片不存在');
        return readRecordImage(tx, award.photo_id);
      }),

    awards: (actor: Actor, q: AwardListQuery) =>
      run(actor, async (tx) => {
        let query = selectAwards(tx);
        if (q.orgId) {
          const org = await findOrg(tx, actor, q.orgId);
          query = query.where(sql<boolean>`a.org_path <@ ${org.path}::ltree`);
        }
        if (q.status) query = query.where('a.status', '=', q.status);
        const { rows, total } = await pageOf(query.orderBy('a.id', 'desc'), q);
        return { items: (rows as AwardRow[]).map((r) => awardViewOf(r, actor)), total };
      }),

    confirm: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const award = await findAward(tx, actor, id);
        if (award.status !== 'pending') throw new Conflict('只能确认待确认的积分记录', 'NOT_PENDING');
        if (award.created_by === actor.userId)
          throw new Conflict('须由记分人以外的另一位工作人员确认', 'SAME_PERSON');
        const now = ctx.now();
        // one decision: a concurrent confirm or reject of the same award finds it decided
        const locked = await tx
          .selectFrom('household_awards')
          .select('status')
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (locked.status !== 'pending') throw new Conflict('只能确认待确认的积分记录', 'NOT_PENDING');
        await post(tx, award, actor, now, actor.userId);
        await auditAction(
          tx,
          actor,
          'household.award.confirm',
          'household_award',
          { id, org_id: award.org_id, org_path: award.org_path },
          { householdNo: award.household_no, name: award.rule_name, points: award.points },
          now,
        );
        return awardView(tx, actor, id);
      }),

    reject: (actor: Actor, id: number, reason: string) =>
      run(actor, async (tx) => {
        const award = await findAward(tx, actor, id);
        const now = ctx.now();
        const row = await tx
          .updateTable('household_awards')
          .set({ status: 'rejected', decided_by: actor.userId, decided_at: now, reject_reason: reason })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .returning('id')
          .executeTakeFirst();
        if (!row) throw new Conflict('只能驳回待确认的积分记录', 'NOT_PENDING');
        await auditAction(
          tx,
          actor,
          'household.award.reject',
          'household_award',
          { id, org_id: award.org_id, org_path: award.org_path },
          { householdNo: award.household_no, name: award.rule_name, points: award.points, reason },
          now,
        );
        return awardView(tx, actor, id);
      }),

    void: (actor: Actor, id: number, reason: string) =>
      run(actor, async (tx) => {
        const award = await findAward(tx, actor, id);
        const locked = await tx
          .selectFrom('household_awards')
          .select(['status', 'entry_id'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (locked.status !== 'posted' || locked.entry_id === null)
          throw new Conflict('只能作废已记入的积分（待确认的请驳回）', 'NOT_POSTED');
        const now = ctx.now();
        const reversal = await reverseEntry(tx, locked.entry_id, {
          holderOrgPath: award.org_path,
          orgPath: award.org_path,
          reason: `作废文明积分：${award.rule_name}（${reason}）`,
          occurredAt: now,
          actorUserId: actor.userId,
        });
        await tx
          .updateTable('household_awards')
          .set({
            status: 'voided',
            reversal_entry_id: reversal.id,
            voided_by: actor.userId,
            voided_at: now,
            void_reason: reason,
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'household.award.void',
          'household_award',
          { id, org_id: award.org_id, org_path: award.org_path },
          { householdNo: award.household_no, name: award.rule_name, points: award.points, reason },
          now,
        );
        return awardView(tx, actor, id);
      }),

    // ---------------------------------------------------------------- public board and H5
    /** A village's board, for anyone (no session): only the station's chosen form of the name. */
    board: async (orgId: number, limit = 100): Promise<BoardView> => {
      const db = ctx.db.system;
      const org = await db
        .selectFrom('orgs')
        .select(['id', 'name', 'kind'])
        .where('id', '=', orgId)
        .executeTakeFirst();
      if (!org || org.kind !== 'station') throw new NotFound('该村（社区）没有文明积分榜');
      const settings = await db
        .selectFrom('household_settings')
        .select(['board_mode', 'board_enabled'])
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (settings && !settings.board_enabled) throw new NotFound('该村（社区）没有公开文明积分榜');
      const { rows } = await sql<{ household_no: string; display_name: string | null; lifetime: number }>`
        SELECT household_no, display_name, lifetime FROM household_board(${orgId}, ${limit})`.execute(db);
      let rank = 0;
      let last: number | null = null;
      return {
        orgId: org.id,
        orgName: org.name,
        mode: (settings?.board_mode ?? 'masked') as BoardMode,
        rows: rows.map((r, index) => {
          // equal points share a rank (1, 2, 2, 4)
          if (r.lifetime !== last) rank = index + 1;
          last = r.lifetime;
          return { rank, householdNo: r.household_no, name: r.display_name, lifetime: r.lifetime };
        }),
      };
    },

    /** The household linked to a resident's account, with its points (null when none is linked). */
    mine: async (actor: Actor) => {
      const db = ctx.db.system;
      const h = await db
        .selectFrom('households as h')
        .leftJoin('point_balances as b', (j) =>
          j.on('b.holder_type', '=', 'household').onRef('b.holder_id', '=', 'h.id'),
        )
        .select([
          'h.id',
          'h.household_no',
          'h.head_name',
          'h.org_id',
          sql<string>`org_name(h.org_id)`.as('org_name'),
          'b.balance',
          'b.lifetime',
        ])
        .where('h.resident_user_id', '=', actor.userId)
        .where('h.active', '=', true)
        .executeTakeFirst();
      if (!h) return { household: null };
      const entries = await householdEntries(db, h.id, 50);
      return {
        household: {
          householdNo: h.household_no,
          headName: h.head_name,
          orgId: h.org_id,
          orgName: h.org_name,
          balance: h.balance ?? 0,
          lifetime: h.lifetime ?? 0,
          entries: entries.map((e) => ({
            id: e.id,
            kind: e.kind,
            delta: e.delta,
            balanceAfter: e.balance_after,
            lifetimeAfter: e.lifetime_after,
            reason: e.reason,
            sourceType: e.source_type,
            sourceId: e.source_id,
            occurredAt: isoTimestamp(e.occurred_at)!,
          })),
        },
      };
    },
  };
}
export type HouseholdsService = ReturnType<typeof createHouseholdsService>;

/**
 * For the store's counter: the household of a station in the caller's scope by its number, in the
 * caller's transaction (RLS and the service check both apply). 404 in Chinese when there is none.
 */
export async function householdAtCounter(
  tx: Tx,
  actor: Actor,
  orgId: number,
  householdNo: string,
): Promise<{ id: number; orgId: number; orgPath: string; householdNo: string; headName: string }> {
  const row = await tx
    .selectFrom('households')
    .select(['id', 'org_id', 'org_path', 'household_no', 'head_name', 'active'])
    .where('org_id', '=', orgId)
    .where('household_no', '=', householdNo.trim())
    .executeTakeFirst();
  if (!row || !inActorScope(actor, row.org_path))
    throw new NotFound(`本村（社区）没有户号为 ${householdNo} 的户`);
  if (!row.active) throw new Conflict('该户已注销，不能兑换', 'HOUSEHOLD_INACTIVE');
  return {
    id: row.id,
    orgId: row.org_id,
    orgPath: row.org_path,
    householdNo: row.household_no,
    headName: row.head_name,
  };
}

/**
 * The active household linked to a resident's account (null: none), for the store's H5 redemptions.
 * One's own household is found by the account id before there is a scope to find it in, like a
 * volunteer's own record.
 */
export async function residentHousehold(
  db: Db,
  userId: number,
): Promise<{ id: number; orgId: number; orgPath: string; householdNo: string } | null> {
  const row = await db
    .selectFrom('households')
    .select(['id', 'org_id', 'org_path', 'household_no'])
    .where('resident_user_id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row ? { id: row.id, orgId: row.org_id, orgPath: row.org_path, householdNo: row.household_no } : null;
}

/** Names of households for other modules' lists (the store's redemptions): id → 户号 户主. */
export async function householdLabels(
  tx: Tx,
  ids: number[],
): Promise<Map<number, { no: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('households')
    .select(['id', 'household_no', 'head_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { no: r.household_no, name: r.head_name }]));
}

/** A household of an org subtree's register, with its awards of a year, for the honours lists. */
export interface HouseholdHonourCandidate {
  id: number;
  householdNo: string;
  headName: string;
  orgName: string;
  /** awards whose points posted in the year (China time) and still stand */
  postedAwards: number;
  /** awards voided in the year */
  voidedAwards: number;
}

/**
 * The active households of the register of `orgPath`'s subtree with their awards of `year`, in the
 * caller's transaction (RLS applies). The names are as the register has them; no phone.
 */
export async function householdHonourCandidates(
  tx: Tx,
  orgPath: string,
  year: number,
): Promise<HouseholdHonourCandidate[]> {
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const rows = await tx
    .selectFrom('households as h')
    .select([
      'h.id',
      'h.household_no',
      'h.head_name',
      sql<string>`org_name(h.org_id)`.as('org_name'),
      sql<number>`(SELECT count(*)::int FROM household_awards a WHERE a.household_id = h.id
        AND a.status = 'posted' AND coalesce(a.decided_at, a.created_at) >= ${from}
        AND coalesce(a.decided_at, a.created_at) < ${to})`.as('posted'),
      sql<number>`(SELECT count(*)::int FROM household_awards a WHERE a.household_id = h.id
        AND a.status = 'voided' AND a.voided_at >= ${from} AND a.voided_at < ${to})`.as('voided'),
    ])
    .where(sql<boolean>`h.org_path <@ ${orgPath}::ltree`)
    .where('h.active', '=', true)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    householdNo: r.household_no,
    headName: r.head_name,
    orgName: r.org_name,
    postedAwards: r.posted,
    voidedAwards: r.voided,
  }));
}
