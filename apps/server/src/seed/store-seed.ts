// The demo's 爱心超市: a stocked store at 东风社区 (the demo-station account's station) with goods and
// a service, and redemptions in every state — waiting to be picked up (demo-volunteer's among them,
// so H5 shows a pick-up code), handed over, cancelled by the holder or the keeper, and expired —
// each spent from and, when it came back, refunded to the holder's points ledger. Deterministic:
// fixed items, holders taken in id order, codes from a seeded generator, times relative to now.
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/database.ts';
import { storeLedger } from '../modules/store/index.ts';
import { mulberry32 } from './county-data.ts';

const DAY_MS = 86_400_000;

interface SeedItem {
  key: string;
  kind: 'goods' | 'service';
  name: string;
  description: string;
  price: number;
  /** stock before any redemption (null: unlimited) */
  stock: number | null;
  limit?: [number, 'day' | 'week' | 'month' | 'year' | 'total'];
  onShelf?: boolean;
}

const ITEMS: SeedItem[] = [
  {
    key: 'soap',
    kind: 'goods',
    name: '洗衣液（2 kg）',
    description: '日用品',
    price: 30,
    stock: 20,
    limit: [2, 'month'],
  },
  { key: 'rice', kind: 'goods', name: '大米（5 斤）', description: '本地新米', price: 80, stock: 10 },
  { key: 'towel', kind: 'goods', name: '毛巾两条', description: '纯棉', price: 20, stock: 30 },
  {
    key: 'oil',
    kind: 'goods',
    name: '食用油（1.8 L）',
    description: '',
    price: 60,
    stock: 8,
    limit: [1, 'month'],
  },
  {
    key: 'priority',
    kind: 'service',
    name: '卫生室优先就诊',
    description: '凭取货码在社区卫生室优先就诊一次（礼遇褒奖）',
    price: 50,
    stock: null,
    limit: [1, 'month'],
  },
  {
    key: 'haircut',
    kind: 'service',
    name: '爱心理发一次',
    description: '社区理发志愿服务队上门或到站理发',
    price: 15,
    stock: null,
  },
  {
    key: 'couplet',
    kind: 'goods',
    name: '春联福字套装',
    description: '春节前上架',
    price: 10,
    stock: 50,
    onShelf: false,
  },
];

type State = 'pending' | 'handed_over' | 'cancelled_holder' | 'cancelled_keeper' | 'expired';

/** Who redeemed what, when (days ago) and where it stands: holder 0 is demo-volunteer. */
const REDEMPTIONS: Array<[holder: number, item: string, daysAgo: number, state: State]> = [
  [0, 'soap', 1, 'pending'],
  [0, 'towel', 12, 'handed_over'],
  [0, 'rice', 6, 'cancelled_holder'],
  [0, 'haircut', 10, 'expired'],
  [1, 'rice', 2, 'pending'],
  [2, 'priority', 3, 'pending'],
  [3, 'towel', 4, 'pending'],
  [1, 'soap', 20, 'handed_over'],
  [2, 'towel', 15, 'handed_over'],
  [4, 'oil', 9, 'handed_over'],
  [5, 'haircut', 5, 'handed_over'],
  [3, 'rice', 8, 'cancelled_keeper'],
  [4, 'soap', 14, 'expired'],
  [5, 'oil', 16, 'expired'],
];

const PICKUP_DAYS = 7;

export async function insertDemoStore(
  ctx: AppContext,
  tx: Tx,
  demoStation: { id: number; path: string },
): Promise<{ storeItems: number; redemptions: number }> {
  const rng = mulberry32(5202);
  const now = ctx.now();
  const at = (daysAgo: number, hour = 10) => new Date(now.getTime() - daysAgo * DAY_MS + hour * 60_000);
  const keeper = await tx
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'demo-station')
    .executeTakeFirstOrThrow();
  // demo-volunteer first, then the station's other active volunteers in id order
  const holders = await tx
    .selectFrom('volunteers as v')
    .leftJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.id', 'v.org_path'])
    .where('v.org_id', '=', demoStation.id)
    .where('v.status', '=', 'active')
    .orderBy(sql`(u.username = 'demo-volunteer') DESC NULLS LAST`)
    .orderBy('v.id')
    .limit(6)
    .execute();

  const itemIds = new Map<string, { id: number; name: string; price: number }>();
  for (const item of ITEMS) {
    const row = await tx
      .insertInto('store_items')
      .values({
        org_id: demoStation.id,
        org_path: demoStation.path,
        kind: item.kind,
        name: item.name,
        description: item.description,
        price: item.price,
        stock: item.stock,
        limit_count: item.limit?.[0] ?? null,
        limit_period: item.limit?.[1] ?? null,
        pickup_days: PICKUP_DAYS,
        on_shelf: item.onShelf ?? true,
        created_by: keeper.id,
        created_at: at(30),
        updated_at: at(30),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    itemIds.set(item.key, { id: row.id, name: item.name, price: item.price });
  }

  const used = new Set<string>();
  let count = 0;
  for (const [index, key, daysAgo, state] of REDEMPTIONS) {
    const holder = holders[index % holders.length]!;
    const item = itemIds.get(key)!;
    const created = at(daysAgo);
    const expires = new Date(created.getTime() + PICKUP_DAYS * DAY_MS);
    let code: string;
    do code = String(Math.floor(rng() * 1_000_000)).padStart(6, '0');
    while (used.has(code));
    used.add(code);
    const ended =
      state === 'handed_over'
        ? at(daysAgo - 1, 15)
        : state.startsWith('cancelled')
          ? at(daysAgo - 1, 9)
          : expires;
    const status = state.startsWith('cancelled') ? 'cancelled' : state;
    const row = await tx
      .insertInto('store_redemptions')
      .values({
        item_id: item.id,
        org_id: demoStation.id,
        org_path: demoStation.path,
        holder_type: 'volunteer',
        volunteer_id: holder.id,
        item_name: item.name,
        price: item.price,
        pickup_code: code,
        status,
        created_at: created,
        expires_at: expires,
        handed_over_at: status === 'handed_over' ? ended : null,
        handed_over_by: status === 'handed_over' ? keeper.id : null,
        cancelled_at: status === 'cancelled' ? ended : null,
        cancelled_by: state === 'cancelled_keeper' ? keeper.id : null,
        cancel_reason:
          state === 'cancelled_keeper'
            ? '本批次大米受潮，已联系本人改兑'
            : state === 'cancelled_holder'
              ? '本人取消'
              : null,
        expired_at: status === 'expired' ? ended : null,
        stock_returned: status === 'cancelled' || status === 'expired',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the price comes from the holder's ledger; a holder short of it gets the difference first
    const balance = await storeLedger.balance(tx, { holderType: 'volunteer', holderId: holder.id });
    if (balance < item.price) {
      await sql`SELECT post_points('volunteer', ${holder.id}, ${holder.org_path}::ltree, ${demoStation.path}::ltree,
          'adjust', 'manual', ${item.price - balance}::int, NULL::bigint, NULL::int, 'seed', NULL::bigint,
          NULL::bigint, ${`seed-store-topup:${row.id}`}, '演示数据：兑换前的积分', ${at(daysAgo + 1)}::timestamptz,
          ${keeper.id}::bigint)`.execute(tx);
    }
    const holderRef = { holderType: 'volunteer' as const, holderId: holder.id };
    const entryId = await storeLedger.spend(tx, {
      ...holderRef,
      points: item.price,
      redemptionId: row.id,
      orgPath: demoStation.path,
      reason: `兑换：${item.name}`,
      now: created,
      actorId: null,
    });
    await tx
      .updateTable('store_redemptions')
      .set({ point_entry_id: entryId })
      .where('id', '=', row.id)
      .execute();
    if (status === 'cancelled' || status === 'expired') {
      await storeLedger.refund(tx, {
        ...holderRef,
        redemptionId: row.id,
        orgPath: demoStation.path,
        reason: status === 'expired' ? `逾期未领取，兑换作废：${item.name}` : `取消兑换：${item.name}`,
        now: ended,
        actorId: state === 'cancelled_keeper' ? keeper.id : null,
      });
    } else {
      await tx
        .updateTable('store_items')
        .set({ stock: sql`stock - 1` })
        .where('id', '=', item.id)
        .where('stock', 'is not', null)
        .execute();
    }
    count++;
  }
  return { storeItems: ITEMS.length, redemptions: count };
}
