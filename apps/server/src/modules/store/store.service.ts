// The store (爱心超市 / 积分兑换): an org's items for points, managed by its admins; redemptions
// by holders (volunteers on H5); the store keeper's hand-over by pick-up code; cancelling and
// expiry, which give the points and the stock back.
//
// A redemption is one transaction: the holder's redemptions are serialised by an advisory lock
// (the per-person limit counts them), the redemption is written with a pick-up code unique among
// the store's open redemptions, the price is spent from the ledger (which refuses a balance that
// cannot cover it), and last the item's stock is taken by a conditional update that never goes below
// 0 (store_take_stock) — last, so the item's row, which all its redeemers wait for, is held only to
// the commit. Any refusal rolls all of it back.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import {
  pickupQrText,
  parsePickupInput,
  type RedemptionStatus,
  type StoreItemKind,
  type StoreLimitPeriod,
} from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { householdAtCounter, residentHousehold } from '../households/index.ts';
import { readRecordImage, storeRecordImage, uploadUrl } from '../uploads/index.ts';
import type { Holder, StoreLedger } from './ledger.ts';
import type {
  ItemInput,
  ItemListQuery,
  ItemPatch,
  ItemView,
  KeeperRedemptionView,
  MyRedemptionView,
  RedemptionListQuery,
  RedemptionView,
  ShopItemView,
} from './store.schema.ts';

const DAY_MS = 24 * 3600 * 1000;

interface ItemRow {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  kind: string;
  name: string;
  description: string;
  price: number;
  stock: number | null;
  limit_count: number | null;
  limit_period: string | null;
  available_from: Date | null;
  available_until: Date | null;
  pickup_days: number;
  photo_id: string | null;
  on_shelf: boolean;
  updated_at: Date;
}

function selectItems(tx: Tx) {
  return tx
    .selectFrom('store_items as i')
    .select([
      'i.id',
      'i.org_id',
      'i.org_path',
      sql<string>`org_name(i.org_id)`.as('org_name'),
      'i.kind',
      'i.name',
      'i.description',
      'i.price',
      'i.stock',
      'i.limit_count',
      'i.limit_period',
      'i.available_from',
      'i.available_until',
      'i.pickup_days',
      'i.photo_id',
      'i.on_shelf',
      'i.updated_at',
    ]);
}

function itemViewOf(row: ItemRow, pending: number): ItemView {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    kind: row.kind as StoreItemKind,
    name: row.name,
    description: row.description,
    price: row.price,
    stock: row.stock,
    limitCount: row.limit_count,
    limitPeriod: row.limit_period as StoreLimitPeriod | null,
    availableFrom: isoTimestamp(row.available_from),
    availableUntil: isoTimestamp(row.available_until),
    pickupDays: row.pickup_days,
    photoUrl: row.photo_id ? `/api/store/items/${row.id}/photo` : null,
    onShelf: row.on_shelf,
    pending,
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** Why an item cannot be redeemed at `now` (null: it can), before stock and balance. */
function unavailableReason(row: ItemRow, now: Date): string | null {
  if (!row.on_shelf) return '该物品已下架';
  if (row.available_from && row.available_from > now) return '该物品尚未开始兑换';
  if (row.available_until && row.available_until <= now) return '该物品已过兑换期';
  if (row.stock !== null && row.stock < 1) return '该物品已兑完';
  return null;
}

/** The start of the limit's period containing `now`, in China time (null: counts ever). */
function periodStart(period: StoreLimitPeriod) {
  if (period === 'total') return null;
  return (now: Date) =>
    sql<Date>`date_trunc(${period}, ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`;
}

const LIMIT_WORDS: Record<StoreLimitPeriod, string> = {
  day: '每天',
  week: '每周',
  month: '每月',
  year: '每年',
  total: '累计',
};

const REACHED_WORDS: Record<StoreLimitPeriod, string> = {
  day: '今天已达限兑数量',
  week: '本周已达限兑数量',
  month: '本月已达限兑数量',
  year: '今年已达限兑数量',
  total: '已达限兑数量',
};

interface RedemptionRow {
  id: number;
  item_id: number;
  item_name: string;
  item_kind: string;
  org_id: number;
  org_name: string;
  price: number;
  status: string;
  pickup_code: string;
  created_at: Date;
  expires_at: Date;
  handed_over_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  expired_at: Date | null;
}

function selectRedemptions(tx: Tx) {
  return tx
    .selectFrom('store_redemptions as r')
    .innerJoin('store_items as i', 'i.id', 'r.item_id')
    .select([
      'r.id',
      'r.item_id',
      'r.item_name',
      'i.kind as item_kind',
      'r.org_id',
      sql<string>`org_name(r.org_id)`.as('org_name'),
      'r.price',
      'r.status',
      'r.pickup_code',
      'r.created_at',
      'r.expires_at',
      'r.handed_over_at',
      'r.cancelled_at',
      'r.cancel_reason',
      'r.expired_at',
    ]);
}

function redemptionViewOf(r: RedemptionRow): RedemptionView {
  return {
    id: r.id,
    itemId: r.item_id,
    itemName: r.item_name,
    itemKind: r.item_kind as StoreItemKind,
    orgId: r.org_id,
    orgName: r.org_name,
    price: r.price,
    status: r.status as RedemptionStatus,
    createdAt: isoTimestamp(r.created_at),
    expiresAt: isoTimestamp(r.expires_at),
    handedOverAt: isoTimestamp(r.handed_over_at),
    cancelledAt: isoTimestamp(r.cancelled_at),
    cancelReason: r.cancel_reason,
    expiredAt: isoTimestamp(r.expired_at),
  };
}

function myViewOf(r: RedemptionRow): MyRedemptionView {
  const open = r.status === 'pending';
  return {
    ...redemptionViewOf(r),
    pickupCode: open ? r.pickup_code : null,
    pickupQr: open ? pickupQrText(r.id, r.pickup_code) : null,
  };
}

type MineQuery = { status?: RedemptionStatus | undefined; page: number; pageSize: number };

/** The top of an org path (its county): the scope a resident's own reads run in, filtered to their household. */
function rootOf(path: string): string {
  return path.split('.')[0]!;
}

/** A random 6-digit pick-up code. */
function newPickupCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
}

export function createStoreService(ctx: AppContext, ledger: StoreLedger) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function findOrg(tx: Tx, actor: Actor, orgId: number) {
    const org = await tx.selectFrom('orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirst();
    if (!org || !inActorScope(actor, org.path)) throw new NotFound('单位不存在或不在您的数据范围内');
    return org;
  }

  async function findItem(tx: Tx, actor: Actor, id: number): Promise<ItemRow> {
    const row = await selectItems(tx).where('i.id', '=', id).executeTakeFirst();
    if (!row || !inActorScope(actor, row.org_path)) throw new NotFound('兑换物品不存在或不在您的数据范围内');
    return row;
  }

  async function pendingCounts(tx: Tx, ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await tx
      .selectFrom('store_redemptions')
      .select(['item_id', sql<number>`count(*)::int`.as('n')])
      .where('item_id', 'in', ids)
      .where('status', '=', 'pending')
      .groupBy('item_id')
      .execute();
    return new Map(rows.map((r) => [r.item_id, r.n]));
  }

  /** How many of the item the holder has redeemed (not cancelled, not expired) in the limit's current period. */
  async function usedInPeriod(tx: Tx, item: ItemRow, holder: Holder, now: Date): Promise<number> {
    if (!item.limit_period) return 0;
    let q = tx
      .selectFrom('store_redemptions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('item_id', '=', item.id)
      .where('status', 'in', ['pending', 'handed_over'])
      .where(holder.holderType === 'volunteer' ? 'volunteer_id' : 'household_id', '=', holder.holderId);
    const start = periodStart(item.limit_period as StoreLimitPeriod);
    if (start) q = q.where('created_at', '>=', start(now));
    return (await q.executeTakeFirstOrThrow()).n;
  }

  /** Cancelled or expired: the status first (once), then the stock and the points go back. */
  async function giveBack(
    tx: Tx,
    r: { id: number; org_path: string; price: number; point_entry_id: number | null },
    holder: Holder,
    reason: string,
    actorId: number | null,
  ) {
    await sql`SELECT store_return_stock(${r.id})`.execute(tx);
    if (r.point_entry_id !== null) {
      await ledger.refund(tx, {
        ...holder,
        redemptionId: r.id,
        orgPath: r.org_path,
        reason,
        now: ctx.now(),
        actorId,
      });
    }
  }

  function holderOf(r: {
    holder_type: string;
    volunteer_id: number | null;
    household_id: number | null;
  }): Holder {
    return r.holder_type === 'volunteer'
      ? { holderType: 'volunteer', holderId: r.volunteer_id! }
      : { holderType: 'household', holderId: r.household_id! };
  }

  /** Redeems one of an item for a holder, in `tx` (the holder's scope). */
  async function redeemIn(tx: Tx, holder: Holder, itemId: number, actorId: number | null): Promise<number> {
    const now = ctx.now();
    // one redemption at a time per holder: the limit below counts their redemptions
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`store:${holder.holderType}:${holder.holderId}`}))`.execute(
      tx,
    );
    const item = await selectItems(tx).where('i.id', '=', itemId).executeTakeFirst();
    if (!item) throw new NotFound('兑换物品不存在');
    const blocked = unavailableReason(item, now);
    if (blocked) throw new Conflict(blocked, 'ITEM_UNAVAILABLE');
    if (item.limit_count !== null && item.limit_period) {
      const used = await usedInPeriod(tx, item, holder, now);
      if (used >= item.limit_count)
        throw new Conflict(
          `该物品${LIMIT_WORDS[item.limit_period as StoreLimitPeriod]}每人限兑 ${item.limit_count} 件，您已兑换 ${used} 件`,
          'LIMIT_REACHED',
        );
    }
    const expires = new Date(now.getTime() + item.pickup_days * DAY_MS);
    let id: number | null = null;
    for (let attempt = 0; id === null; attempt++) {
      if (attempt >= 20) throw new Conflict('取货码分配失败，请稍后重试', 'PICKUP_CODE_BUSY');
      const inserted = await sql<{ id: number }>`
        INSERT INTO store_redemptions (item_id, org_id, org_path, holder_type, volunteer_id, household_id,
          item_name, price, pickup_code, created_at, expires_at)
        VALUES (${item.id}, ${item.org_id}, ${item.org_path}::ltree, ${holder.holderType},
          ${holder.holderType === 'volunteer' ? holder.holderId : null},
          ${holder.holderType === 'household' ? holder.holderId : null},
          ${item.name}, ${item.price}, ${newPickupCode()}, ${now}, ${expires})
        ON CONFLICT (org_id, pickup_code) WHERE status = 'pending' DO NOTHING
        RETURNING id`.execute(tx);
      id = inserted.rows[0]?.id ?? null;
    }
    const entryId = await ledger.spend(tx, {
      ...holder,
      points: item.price,
      redemptionId: id,
      orgPath: item.org_path,
      reason: `兑换：${item.name}`,
      now,
      actorId,
    });
    await tx.updateTable('store_redemptions').set({ point_entry_id: entryId }).where('id', '=', id).execute();
    // the stock last: its row is the one every redeemer of the item waits for, so it stays locked
    // only for the rest of this transaction, not for the writes above (a sold-out item was refused
    // before them; a race lost here rolls them all back)
    const { rows } = await sql<{ taken: boolean }>`SELECT store_take_stock(${item.id}) AS taken`.execute(tx);
    if (!rows[0]?.taken) throw new Conflict('该物品已兑完', 'OUT_OF_STOCK');
    return id;
  }

  async function readMine(tx: Tx, holder: Holder, id: number): Promise<MyRedemptionView> {
    const row = await selectRedemptions(tx)
      .where('r.id', '=', id)
      .where(holder.holderType === 'volunteer' ? 'r.volunteer_id' : 'r.household_id', '=', holder.holderId)
      .executeTakeFirst();
    if (!row) throw new NotFound('兑换记录不存在');
    return myViewOf(row);
  }

  /** The holder's balance and the on-shelf items of `orgPath`'s stores and those above it, each with what blocks it. */
  async function shopIn(tx: Tx, holder: Holder, orgPath: string) {
    const now = ctx.now();
    const rows = await selectItems(tx)
      .where('i.on_shelf', '=', true)
      .where(sql<boolean>`${orgPath}::ltree <@ i.org_path`)
      .where((eb) => eb.or([eb('i.available_until', 'is', null), eb('i.available_until', '>', now)]))
      .orderBy(sql`nlevel(i.org_path)`, 'desc')
      .orderBy('i.price')
      .orderBy('i.id')
      .limit(200)
      .execute();
    const balance = await ledger.balance(tx, holder);
    const items: ShopItemView[] = [];
    for (const row of rows) {
      const { pending: _pending, updatedAt: _updated, ...view } = itemViewOf(row, 0);
      const remaining =
        row.limit_count !== null
          ? Math.max(0, row.limit_count - (await usedInPeriod(tx, row, holder, now)))
          : null;
      const blocked =
        unavailableReason(row, now) ??
        (remaining === 0
          ? REACHED_WORDS[row.limit_period as StoreLimitPeriod]
          : row.price > balance
            ? '积分不足'
            : null);
      items.push({ ...view, remaining, blocked });
    }
    return { balance, items };
  }

  /** The holder's own redemptions, newest first. */
  async function listMine(tx: Tx, holder: Holder, q: MineQuery) {
    let query = selectRedemptions(tx).where(
      holder.holderType === 'volunteer' ? 'r.volunteer_id' : 'r.household_id',
      '=',
      holder.holderId,
    );
    if (q.status) query = query.where('r.status', '=', q.status);
    const { rows, total } = await pageOf(query.orderBy('r.id', 'desc'), q);
    return { items: rows.map(myViewOf), total };
  }

  /** The holder cancels their own pending redemption: the points and the stock go back, once. */
  async function cancelOwn(tx: Tx, actor: Actor, holder: Holder, id: number, reason: string | undefined) {
    const now = ctx.now();
    const text = reason?.trim() ? reason.trim() : '本人取消';
    const r = await tx
      .updateTable('store_redemptions')
      .set({ status: 'cancelled', cancelled_at: now, cancelled_by: actor.userId, cancel_reason: text })
      .where('id', '=', id)
      .where(holder.holderType === 'volunteer' ? 'volunteer_id' : 'household_id', '=', holder.holderId)
      .where('status', '=', 'pending')
      .returning(['id', 'org_id', 'org_path', 'price', 'point_entry_id', 'item_name'])
      .executeTakeFirst();
    if (!r) {
      const mine = await readMine(tx, holder, id);
      throw new Conflict(
        `该兑换${mine.status === 'handed_over' ? '已领取' : mine.status === 'cancelled' ? '已取消' : '已过期'}，不能取消`,
        'NOT_PENDING',
      );
    }
    await giveBack(tx, r, holder, `取消兑换：${r.item_name}`, actor.userId);
    await auditAction(
      tx,
      actor,
      'store.redemption.cancel',
      'store_redemption',
      { id: r.id, org_id: r.org_id, org_path: r.org_path },
      { name: r.item_name, price: r.price, reason: text, by: 'holder' },
      now,
    );
    return readMine(tx, holder, id);
  }

  /** The active household linked to the resident's account; a clear 403 when there is none. */
  async function ownHousehold(actor: Actor) {
    const h = await residentHousehold(ctx.db.system, actor.userId);
    if (!h)
      throw new Forbidden(
        '您的账号还没有关联到户，请联系本村（社区）新时代文明实践站关联后再兑换',
        'NO_LINKED_HOUSEHOLD',
      );
    return h;
  }

  /** The path of an item's store, which must be the household's station or one above it (404 otherwise). */
  async function itemStorePath(h: { orgPath: string }, itemId: number): Promise<string> {
    const item = await ctx.db.system
      .selectFrom('store_items')
      .select('org_path')
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (!item || !(h.orgPath === item.org_path || h.orgPath.startsWith(`${item.org_path}.`)))
      throw new NotFound('兑换物品不存在');
    return item.org_path;
  }

  async function keeperView(tx: Tx, id: number): Promise<KeeperRedemptionView> {
    const rows = await keeperQuery(tx).where('r.id', '=', id).execute();
    return keeperViewOf(rows[0]!);
  }

  function keeperQuery(tx: Tx) {
    return (
      selectRedemptions(tx)
        .leftJoin('volunteers as v', 'v.id', 'r.volunteer_id')
        // a household's head and number (modules/households' register, read for the keeper's list)
        .leftJoin('households as hh', 'hh.id', 'r.household_id')
        .leftJoin('users as hu', 'hu.id', 'r.handed_over_by')
        .leftJoin('users as cu', 'cu.id', 'r.cancelled_by')
        .select([
          'r.holder_type',
          'r.org_path',
          sql<string | null>`coalesce(v.name, hh.head_name)`.as('holder_name'),
          sql<string | null>`coalesce(v.volunteer_no, hh.household_no)`.as('holder_no'),
          'hu.display_name as handed_over_by_name',
          'cu.display_name as cancelled_by_name',
        ])
    );
  }

  type KeeperRow = RedemptionRow & {
    holder_type: string;
    holder_name: string | null;
    holder_no: string | null;
    handed_over_by_name: string | null;
    cancelled_by_name: string | null;
  };

  function keeperViewOf(r: KeeperRow): KeeperRedemptionView {
    return {
      ...redemptionViewOf(r),
      holderType: r.holder_type as 'volunteer' | 'household',
      holderName: r.holder_name ?? '—',
      holderNo: r.holder_no ?? '',
      handedOverBy: r.handed_over_by_name,
      cancelledBy: r.cancelled_by_name,
    };
  }

  async function findRedemptionForKeeper(tx: Tx, actor: Actor, id: number) {
    const r = await tx
      .selectFrom('store_redemptions')
      .select([
        'id',
        'org_id',
        'org_path',
        'status',
        'price',
        'holder_type',
        'volunteer_id',
        'household_id',
        'point_entry_id',
        'item_name',
        'pickup_code',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r || !inActorScope(actor, r.org_path)) throw new NotFound('兑换记录不存在或不在您的数据范围内');
    return r;
  }

  return {
    // ---------------------------------------------------------------- items (console)
    listItems: (actor: Actor, q: ItemListQuery) =>
      run(actor, async (tx) => {
        let query = selectItems(tx);
        if (q.orgId) {
          const org = await findOrg(tx, actor, q.orgId);
          query = query.where('i.org_id', '=', org.id);
        } else {
          query = query.where(sql<boolean>`i.org_path <@ ${actor.orgPath}::ltree`);
        }
        if (q.keyword) query = query.where('i.name', 'ilike', containsPattern(q.keyword));
        if (q.onShelf !== undefined) query = query.where('i.on_shelf', '=', q.onShelf);
        const { rows, total } = await pageOf(query.orderBy('i.id', 'desc'), q);
        const pending = await pendingCounts(
          tx,
          rows.map((r) => r.id),
        );
        return { items: rows.map((r) => itemViewOf(r, pending.get(r.id) ?? 0)), total };
      }),

    getItem: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const row = await findItem(tx, actor, id);
        return itemViewOf(row, (await pendingCounts(tx, [id])).get(id) ?? 0);
      }),

    createItem: (actor: Actor, input: ItemInput) =>
      run(actor, async (tx) => {
        const org = await findOrg(tx, actor, input.orgId ?? actor.orgId);
        const now = ctx.now();
        const row = await tx
          .insertInto('store_items')
          .values({
            org_id: org.id,
            org_path: org.path,
            kind: input.kind,
            name: input.name,
            description: input.description,
            price: input.price,
            stock: input.stock,
            limit_count: input.limitCount,
            limit_period: input.limitPeriod,
            available_from: input.availableFrom ? new Date(input.availableFrom) : null,
            available_until: input.availableUntil ? new Date(input.availableUntil) : null,
            pickup_days: input.pickupDays ?? 7,
            on_shelf: input.onShelf,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await auditAction(
          tx,
          actor,
          'store.item.create',
          'store_item',
          { id: row.id, org_id: org.id, org_path: org.path },
          { name: input.name, kind: input.kind, price: input.price, stock: input.stock },
          now,
        );
        return itemViewOf(await findItem(tx, actor, row.id), 0);
      }),

    updateItem: (actor: Actor, id: number, patch: ItemPatch) =>
      run(actor, async (tx) => {
        const before = await findItem(tx, actor, id);
        const merged = {
          kind: patch.kind ?? before.kind,
          stock: patch.stock !== undefined ? patch.stock : before.stock,
          limitCount: patch.limitCount !== undefined ? patch.limitCount : before.limit_count,
          limitPeriod: patch.limitPeriod !== undefined ? patch.limitPeriod : before.limit_period,
          availableFrom:
            patch.availableFrom !== undefined ? patch.availableFrom : isoTimestamp(before.available_from),
          availableUntil:
            patch.availableUntil !== undefined ? patch.availableUntil : isoTimestamp(before.available_until),
        };
        if (merged.kind === 'goods' && merged.stock === null)
          throw new Invalid('实物须填写库存（不限量只适用于服务/礼遇）');
        if ((merged.limitCount === null) !== (merged.limitPeriod === null))
          throw new Invalid('限兑数量和限兑周期须同时填写或同时不填');
        if (
          merged.availableFrom &&
          merged.availableUntil &&
          Date.parse(merged.availableUntil) <= Date.parse(merged.availableFrom)
        )
          throw new Invalid('兑换截止时间须晚于开始时间');
        const now = ctx.now();
        const values = {
          ...(patch.kind !== undefined && { kind: patch.kind }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.price !== undefined && { price: patch.price }),
          ...(patch.stock !== undefined && { stock: patch.stock }),
          ...(patch.limitCount !== undefined && { limit_count: patch.limitCount }),
          ...(patch.limitPeriod !== undefined && { limit_period: patch.limitPeriod }),
          ...(patch.availableFrom !== undefined && {
            available_from: patch.availableFrom ? new Date(patch.availableFrom) : null,
          }),
          ...(patch.availableUntil !== undefined && {
            available_until: patch.availableUntil ? new Date(patch.availableUntil) : null,
          }),
          ...(patch.pickupDays !== undefined && { pickup_days: patch.pickupDays }),
          ...(patch.onShelf !== undefined && { on_shelf: patch.onShelf }),
        };
        await tx
          .updateTable('store_items')
          .set({ ...values, updated_at: now })
          .where('id', '=', id)
          .execute();
        const target = { id, org_id: before.org_id, org_path: before.org_path };
        if (patch.price !== undefined && patch.price !== before.price) {
          await auditAction(
            tx,
            actor,
            'store.item.price',
            'store_item',
            target,
            { name: before.name, from: before.price, to: patch.price },
            now,
          );
        }
        const fields = Object.keys(patch).filter((k) => k !== 'price');
        if (fields.length > 0) {
          await auditAction(
            tx,
            actor,
            'store.item.update',
            'store_item',
            target,
            { name: before.name, fields },
            now,
          );
        }
        const after = await findItem(tx, actor, id);
        return itemViewOf(after, (await pendingCounts(tx, [id])).get(id) ?? 0);
      }),

    setPhoto: (actor: Actor, id: number, file: { fileName: string | undefined; data: Buffer }) =>
      run(actor, async (tx) => {
        const item = await findItem(tx, actor, id);
        const now = ctx.now();
        const image = await storeRecordImage(tx, {
          orgPath: item.org_path,
          uploadedBy: actor.userId,
          fileName: file.fileName,
          data: file.data,
          now,
        });
        await tx
          .updateTable('store_items')
          .set({ photo_id: image.id, updated_at: now })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'store.item.update',
          'store_item',
          { id, org_id: item.org_id, org_path: item.org_path },
          { name: item.name, fields: ['photo'], url: uploadUrl(image.id) },
          now,
        );
        return itemViewOf(await findItem(tx, actor, id), (await pendingCounts(tx, [id])).get(id) ?? 0);
      }),

    /** The item's photo, for its store's staff or a volunteer who can see the item. */
    photo: async (actor: Actor, id: number) => {
      const read = async (tx: Tx) => {
        const item = await tx
          .selectFrom('store_items')
          .select(['photo_id'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!item?.photo_id) throw new NotFound('照片不存在');
        return readRecordImage(tx, item.photo_id);
      };
      if (actor.permissions.has('volunteer.self')) return inOwnVolunteerScope(ctx, actor, read);
      if (actor.permissions.has('household.own')) {
        const storePath = await itemStorePath(await ownHousehold(actor), id);
        return inScope(ctx.db.app, storePath, read);
      }
      return run(actor, read);
    },

    // ---------------------------------------------------------------- the store on H5
    shop: (actor: Actor) =>
      inOwnVolunteerScope(ctx, actor, (tx, me) =>
        shopIn(tx, { holderType: 'volunteer', holderId: me.id }, me.orgPath),
      ),

    redeem: (actor: Actor, itemId: number) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const holder: Holder = { holderType: 'volunteer', holderId: me.id };
        const id = await redeemIn(tx, holder, itemId, actor.userId);
        return readMine(tx, holder, id);
      }),

    myRedemptions: (actor: Actor, q: MineQuery) =>
      inOwnVolunteerScope(ctx, actor, (tx, me) =>
        listMine(tx, { holderType: 'volunteer', holderId: me.id }, q),
      ),

    myRedemption: (actor: Actor, id: number) =>
      inOwnVolunteerScope(ctx, actor, (tx, me) =>
        readMine(tx, { holderType: 'volunteer', holderId: me.id }, id),
      ),

    cancelMine: (actor: Actor, id: number, reason: string | undefined) =>
      inOwnVolunteerScope(ctx, actor, (tx, me) =>
        cancelOwn(tx, actor, { holderType: 'volunteer', holderId: me.id }, id, reason),
      ),

    // ---------------------------------------------------------------- a linked resident for their household (H5)
    // The household is found by the account; reads run in the scope of its county (filtered to the
    // household), a redemption and a cancel in the scope of the item's store, which the household's
    // station is in — the scope the keeper's counter redemption has.
    householdShop: async (actor: Actor) => {
      const h = await ownHousehold(actor);
      return inScope(ctx.db.app, rootOf(h.orgPath), (tx) =>
        shopIn(tx, { holderType: 'household', holderId: h.id }, h.orgPath),
      );
    },

    householdRedeem: async (actor: Actor, itemId: number) => {
      const h = await ownHousehold(actor);
      const storePath = await itemStorePath(h, itemId);
      return inScope(ctx.db.app, storePath, async (tx) => {
        const holder: Holder = { holderType: 'household', holderId: h.id };
        const id = await redeemIn(tx, holder, itemId, actor.userId);
        return readMine(tx, holder, id);
      });
    },

    householdRedemptions: async (actor: Actor, q: MineQuery) => {
      const h = await ownHousehold(actor);
      return inScope(ctx.db.app, rootOf(h.orgPath), (tx) =>
        listMine(tx, { holderType: 'household', holderId: h.id }, q),
      );
    },

    householdRedemption: async (actor: Actor, id: number) => {
      const h = await ownHousehold(actor);
      return inScope(ctx.db.app, rootOf(h.orgPath), (tx) =>
        readMine(tx, { holderType: 'household', holderId: h.id }, id),
      );
    },

    householdCancel: async (actor: Actor, id: number, reason: string | undefined) => {
      const h = await ownHousehold(actor);
      const r = await ctx.db.system
        .selectFrom('store_redemptions')
        .select('org_path')
        .where('id', '=', id)
        .where('household_id', '=', h.id)
        .executeTakeFirst();
      if (!r) throw new NotFound('兑换记录不存在');
      return inScope(ctx.db.app, r.org_path, (tx) =>
        cancelOwn(tx, actor, { holderType: 'household', holderId: h.id }, id, reason),
      );
    },

    // ---------------------------------------------------------------- the store keeper (console)
    listRedemptions: (actor: Actor, q: RedemptionListQuery) =>
      run(actor, async (tx) => {
        let query = keeperQuery(tx);
        if (q.orgId) {
          const org = await findOrg(tx, actor, q.orgId);
          query = query.where('r.org_id', '=', org.id);
        } else {
          query = query.where(sql<boolean>`r.org_path <@ ${actor.orgPath}::ltree`);
        }
        if (q.status) query = query.where('r.status', '=', q.status);
        if (q.keyword) {
          const pattern = containsPattern(q.keyword);
          query = query.where((eb) =>
            eb.or([
              eb('r.item_name', 'ilike', pattern),
              eb('v.name', 'ilike', pattern),
              eb('v.volunteer_no', '=', q.keyword!),
            ]),
          );
        }
        const { rows, total } = await pageOf(query.orderBy('r.id', 'desc'), q);
        return { items: rows.map(keeperViewOf), total };
      }),

    /** The open redemption a pick-up code (or QR) names, in the keeper's stores. */
    lookup: (actor: Actor, input: string, orgId: number | undefined) =>
      run(actor, async (tx) => {
        const code = parsePickupInput(input);
        if (!code) throw new Invalid('取货码为 6 位数字');
        let query = keeperQuery(tx).where('r.pickup_code', '=', code);
        if (orgId) query = query.where('r.org_id', '=', (await findOrg(tx, actor, orgId)).id);
        else query = query.where(sql<boolean>`r.org_path <@ ${actor.orgPath}::ltree`);
        const open = await query.where('r.status', '=', 'pending').orderBy('r.id').execute();
        if (open.length > 1) throw new Conflict('多个超市有这个取货码，请先选择超市', 'AMBIGUOUS_CODE');
        if (open.length === 1) return keeperViewOf(open[0]!);
        // the same code picked up already: say so rather than "not found"
        const last = await query
          .where('r.status', '=', 'handed_over')
          .orderBy('r.id', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (last)
          throw new Conflict(
            `取货码 ${code} 的兑换（${last.item_name}）已于 ${isoTimestamp(last.handed_over_at!)} 领取，不能重复领取`,
            'ALREADY_HANDED_OVER',
          );
        throw new NotFound('没有待领取的兑换使用这个取货码');
      }),

    handover: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const found = await findRedemptionForKeeper(tx, actor, id);
        const now = ctx.now();
        const r = await tx
          .updateTable('store_redemptions')
          .set({ status: 'handed_over', handed_over_at: now, handed_over_by: actor.userId })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .returning(['id'])
          .executeTakeFirst();
        if (!r) {
          const words: Record<string, string> = {
            handed_over: '已领取，不能重复领取',
            cancelled: '已取消，不能发放',
            expired: '已过期，不能发放',
          };
          throw new Conflict(
            `该兑换${words[found.status] ?? '不能发放'}`,
            found.status === 'handed_over' ? 'ALREADY_HANDED_OVER' : 'NOT_PENDING',
          );
        }
        await auditAction(
          tx,
          actor,
          'store.handover',
          'store_redemption',
          { id, org_id: found.org_id, org_path: found.org_path },
          { name: found.item_name, price: found.price, pickupCode: found.pickup_code },
          now,
        );
        return keeperView(tx, id);
      }),

    cancelByKeeper: (actor: Actor, id: number, reason: string) =>
      run(actor, async (tx) => {
        const found = await findRedemptionForKeeper(tx, actor, id);
        const now = ctx.now();
        const r = await tx
          .updateTable('store_redemptions')
          .set({ status: 'cancelled', cancelled_at: now, cancelled_by: actor.userId, cancel_reason: reason })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .returning(['id', 'org_id', 'org_path', 'price', 'point_entry_id', 'item_name'])
          .executeTakeFirst();
        if (!r) throw new Conflict('只能取消待领取的兑换', 'NOT_PENDING');
        await giveBack(tx, r, holderOf(found), `兑换被取消：${r.item_name}（${reason}）`, actor.userId);
        await auditAction(
          tx,
          actor,
          'store.redemption.cancel',
          'store_redemption',
          { id, org_id: r.org_id, org_path: r.org_path },
          { name: r.item_name, price: r.price, reason, by: 'keeper' },
          now,
        );
        return keeperView(tx, id);
      }),

    /**
     * The keeper redeems at the counter for a household of the village register (群众文明积分): the
     * household is found by its number in its station (the item's own when not given), and must
     * belong to the store's org or one below it, like a volunteer redeeming on H5.
     */
    redeemForHousehold: (
      actor: Actor,
      input: { itemId: number; householdNo: string; householdOrgId?: number | undefined },
    ) =>
      run(actor, async (tx) => {
        const item = await findItem(tx, actor, input.itemId);
        const household = await householdAtCounter(
          tx,
          actor,
          input.householdOrgId ?? item.org_id,
          input.householdNo,
        );
        if (!(household.orgPath === item.org_path || household.orgPath.startsWith(`${item.org_path}.`)))
          throw new NotFound('该户不能在这个爱心超市兑换（只能在本村及上级的爱心超市兑换）');
        const id = await redeemIn(
          tx,
          { holderType: 'household', holderId: household.id },
          item.id,
          actor.userId,
        );
        const r = await tx
          .selectFrom('store_redemptions')
          .select(['id', 'org_id', 'org_path', 'item_name', 'price', 'pickup_code'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        await auditAction(
          tx,
          actor,
          'store.redemption.household',
          'store_redemption',
          { id, org_id: r.org_id, org_path: r.org_path },
          { name: r.item_name, price: r.price, householdNo: household.householdNo },
          ctx.now(),
        );
        return keeperView(tx, id);
      }),

    /** Expires up to `limit` unclaimed redemptions due at `now`, in the job's transaction (system). */
    async expireDue(tx: Tx, now: Date, limit = 200): Promise<number> {
      const due = await tx
        .selectFrom('store_redemptions')
        .select(['id'])
        .where('status', '=', 'pending')
        .where('expires_at', '<=', now)
        .orderBy('expires_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      let expired = 0;
      for (const { id } of due) {
        const r = await tx
          .updateTable('store_redemptions')
          .set({ status: 'expired', expired_at: now })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .returning([
            'id',
            'org_path',
            'price',
            'point_entry_id',
            'item_name',
            'holder_type',
            'volunteer_id',
            'household_id',
          ])
          .executeTakeFirst();
        if (!r) continue;
        // the job runs on the system connection (no scope): the stock goes back directly, once
        const returned = await tx
          .updateTable('store_redemptions')
          .set({ stock_returned: true })
          .where('id', '=', id)
          .where('stock_returned', '=', false)
          .returning('item_id')
          .executeTakeFirst();
        if (returned) {
          await tx
            .updateTable('store_items')
            .set({ stock: sql`stock + 1` })
            .where('id', '=', returned.item_id)
            .where('stock', 'is not', null)
            .execute();
        }
        if (r.point_entry_id !== null)
          await ledger.refund(tx, {
            ...holderOf(r),
            redemptionId: r.id,
            orgPath: r.org_path,
            reason: `逾期未领取，兑换作废：${r.item_name}`,
            now,
            actorId: null,
          });
        expired++;
      }
      return expired;
    },

    /** For the seed and the bench: redeem as a holder in a transaction of the caller's choosing. */
    redeemIn,
  };
}
export type StoreService = ReturnType<typeof createStoreService>;
