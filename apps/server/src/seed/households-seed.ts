// The demo's residents' civic points (群众文明积分): the county's default village rules at the centre
// (seed 002 §四(四)2, 003 §五(一)5), a station rule at 东风社区, and household registers in three
// villages — 东风社区 (demo-station; board names masked, demo-resident linked to a household),
// demo-station2's village (full names) and a third village (household numbers only) — with awards
// in every state: posted, waiting for a second person, rejected, and voided by a reversing entry;
// and two households' redemptions at 东风社区's store counter (one handed over, one to pick up).
// Deterministic: a seeded generator, times relative to now.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { DEFAULT_HOUSEHOLD_RULES, type BoardMode } from '@civic/contracts';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/database.ts';
import { phoneIndex } from '../platform/personal-data.ts';
import { AWARD_SOURCE } from '../modules/households/index.ts';
import { storeLedger } from '../modules/store/index.ts';
import { mobilePhone, mulberry32, personName } from './county-data.ts';

const DAY_MS = 86_400_000;
const RELATIONS = ['配偶', '子', '女', '父亲', '母亲', '儿媳', '孙子', '孙女'];
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface Village {
  org: { id: number; path: string };
  households: number;
  mode: BoardMode;
  /** who records (a station admin or the institute's) and who confirms (another person) */
  recorder: number;
  confirmer: number;
}

export async function insertDemoHouseholds(
  ctx: AppContext,
  tx: Tx,
  center: { id: number; path: string },
  demoStation: { id: number; path: string },
): Promise<{ households: number; householdAwards: number; householdRedemptions: number }> {
  const rng = mulberry32(2402);
  const now = ctx.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const user = async (username: string) =>
    Number(
      (await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
        .id,
    );
  const [station, station2, institute, centerAdmin, resident] = await Promise.all([
    user('demo-station'),
    user('demo-station2'),
    user('demo-institute'),
    user('demo-center'),
    user('demo-resident'),
  ]);
  const orgOf = async (username: string) =>
    tx
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select(['o.id', 'o.path'])
      .where('u.username', '=', username)
      .executeTakeFirstOrThrow();
  const station2Org = await orgOf('demo-station2');
  // a third village: the next station of demo-station's institute
  const third = await tx
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('kind', '=', 'station')
    .where('id', '<>', demoStation.id)
    .where(
      sql<boolean>`path <@ subpath(${demoStation.path}::ltree, 0, nlevel(${demoStation.path}::ltree) - 1)`,
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();

  // the county's defaults and one rule of 东风社区's own
  const ruleIds: Array<{ id: number; name: string; points: number }> = [];
  for (const rule of DEFAULT_HOUSEHOLD_RULES) {
    const row = await tx
      .insertInto('household_rules')
      .values({
        org_id: center.id,
        org_path: center.path,
        name: rule.name,
        description: rule.description,
        points: rule.points,
        created_by: centerAdmin,
        created_at: at(60),
        updated_at: at(60),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ruleIds.push({ id: row.id, name: rule.name, points: rule.points });
  }
  const own = await tx
    .insertInto('household_rules')
    .values({
      org_id: demoStation.id,
      org_path: demoStation.path,
      name: '门前三包',
      description: '门前包卫生、包绿化、包秩序，月度检查合格',
      points: 5,
      created_by: station,
      created_at: at(50),
      updated_at: at(50),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const demoRules = [...ruleIds, { id: own.id, name: '门前三包', points: 5 }];

  const villages: Village[] = [
    { org: demoStation, households: 24, mode: 'masked', recorder: station, confirmer: institute },
    { org: station2Org, households: 18, mode: 'full', recorder: station2, confirmer: centerAdmin },
    { org: third, households: 15, mode: 'number', recorder: institute, confirmer: centerAdmin },
  ];
  let households = 0;
  let awards = 0;
  for (const village of villages) {
    await tx
      .insertInto('household_settings')
      .values({
        org_id: village.org.id,
        org_path: village.org.path,
        board_mode: village.mode,
        confirm_threshold: 20,
        updated_by: village.recorder,
        updated_at: at(55),
      })
      .execute();
    const rules = village.org.id === demoStation.id ? demoRules : ruleIds;
    for (let n = 1; n <= village.households; n++) {
      const head = personName(rng);
      const surname = head.slice(0, 1);
      const members = Array.from({ length: Math.floor(rng() * 4) }, () => {
        const relation = RELATIONS[Math.floor(rng() * RELATIONS.length)]!;
        const name =
          relation === '配偶' || relation === '儿媳' ? personName(rng) : surname + personName(rng).slice(1);
        return { name, relation };
      });
      const phone = rng() < 0.7 ? mobilePhone(rng) : null;
      const created = at(45 - n / 2);
      const household = await tx
        .insertInto('households')
        .values({
          org_id: village.org.id,
          org_path: village.org.path,
          household_no: `${1 + Math.floor((n - 1) / 8)}-${String(((n - 1) % 8) + 1).padStart(2, '0')}`,
          head_name: head,
          members: JSON.stringify(members),
          phone_enc: phone ? ctx.cipher.encrypt(phone) : null,
          phone_index: phone ? phoneIndex(ctx.cipher, phone) : null,
          // demo-resident signs in as the first household of 东风社区
          resident_user_id: village.org.id === demoStation.id && n === 1 ? resident : null,
          created_by: village.recorder,
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      households++;
      // a few posted awards each; the states other than posted in the first households
      const count = 1 + Math.floor(rng() * 4);
      for (let k = 0; k < count; k++) {
        const rule = rules[Math.floor(rng() * rules.length)]!;
        const state =
          n === 2 && k === 0
            ? 'pending'
            : n === 3 && k === 0
              ? 'rejected'
              : n === 4 && k === 0
                ? 'voided'
                : 'posted';
        const pickedRule = state === 'pending' ? ruleIds.find((r) => r.points > 20)! : rule;
        const when = at(40 - n / 2 - k * 3);
        const photo = crypto.randomUUID();
        await tx
          .insertInto('uploads')
          .values({
            id: photo,
            org_path: village.org.path,
            uploaded_by: village.recorder,
            file_name: '积分凭证.png',
            mime_type: 'image/png',
            byte_size: PHOTO.length,
            sha256: crypto.createHash('sha256').update(PHOTO).digest('hex'),
            content: PHOTO,
            created_at: when,
          })
          .execute();
        const second = pickedRule.points > 20;
        const award = await tx
          .insertInto('household_awards')
          .values({
            household_id: household.id,
            org_id: village.org.id,
            org_path: village.org.path,
            rule_id: pickedRule.id,
            rule_name: pickedRule.name,
            points: pickedRule.points,
            note: state === 'rejected' ? '材料不全' : '',
            photo_id: photo,
            status: 'pending',
            created_by: village.recorder,
            created_at: when,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        awards++;
        if (state === 'pending') continue;
        if (state === 'rejected') {
          await tx
            .updateTable('household_awards')
            .set({
              status: 'rejected',
              decided_by: village.confirmer,
              decided_at: when,
              reject_reason: '未见红白理事会认定材料，请补充后重新记分',
            })
            .where('id', '=', award.id)
            .execute();
          continue;
        }
        const { rows } = await sql<{ id: number }>`SELECT id FROM post_points('household', ${household.id},
            ${village.org.path}::ltree, ${village.org.path}::ltree, 'award', 'household', ${pickedRule.points}::int,
            NULL::bigint, NULL::int, ${AWARD_SOURCE}, ${award.id}::bigint, NULL::bigint,
            ${`award:${AWARD_SOURCE}:${award.id}`}, ${`文明积分：${pickedRule.name}`}, ${when}::timestamptz,
            ${village.recorder}::bigint)`.execute(tx);
        const entryId = rows[0]!.id;
        await tx
          .updateTable('household_awards')
          .set({
            status: 'posted',
            entry_id: entryId,
            ...(second ? { decided_by: village.confirmer, decided_at: when } : {}),
          })
          .where('id', '=', award.id)
          .execute();
        if (state === 'voided') {
          const voidedAt = new Date(when.getTime() + DAY_MS);
          const reversal = await sql<{ id: number }>`SELECT id FROM post_points('household', ${household.id},
              ${village.org.path}::ltree, ${village.org.path}::ltree, 'reversal', 'household', 0, NULL::bigint,
              NULL::int, ${AWARD_SOURCE}, ${award.id}::bigint, ${entryId}::bigint, ${`reverse:${entryId}`},
              ${`作废文明积分：${pickedRule.name}（重复登记）`}, ${voidedAt}::timestamptz,
              ${village.recorder}::bigint)`.execute(tx);
          await tx
            .updateTable('household_awards')
            .set({
              status: 'voided',
              reversal_entry_id: reversal.rows[0]!.id,
              voided_by: village.recorder,
              voided_at: voidedAt,
              void_reason: '重复登记',
            })
            .where('id', '=', award.id)
            .execute();
        }
      }
    }
  }
  const householdRedemptions = await redeemAtCounter(tx, demoStation, station, at, rng);
  return { households, householdAwards: awards, householdRedemptions };
}

/**
 * Two households of 东风社区 redeemed at its store's counter (爱心超市): one handed over, one still
 * waiting to be picked up — spent from their ledgers like any redemption.
 */
async function redeemAtCounter(
  tx: Tx,
  demoStation: { id: number; path: string },
  keeper: number,
  at: (daysAgo: number) => Date,
  rng: () => number,
): Promise<number> {
  const item = await tx
    .selectFrom('store_items')
    .select(['id', 'name', 'price', 'pickup_days'])
    .where('org_id', '=', demoStation.id)
    .where('on_shelf', '=', true)
    .where('stock', '>', 2)
    .orderBy('price')
    .executeTakeFirst();
  if (!item) return 0;
  const holders = await tx
    .selectFrom('households as h')
    .innerJoin('point_balances as b', (j) =>
      j.on('b.holder_type', '=', 'household').onRef('b.holder_id', '=', 'h.id'),
    )
    .select(['h.id'])
    .where('h.org_id', '=', demoStation.id)
    .where('b.balance', '>=', item.price)
    .orderBy('h.id')
    .limit(2)
    .execute();
  const taken = new Set(
    (
      await tx
        .selectFrom('store_redemptions')
        .select('pickup_code')
        .where('org_id', '=', demoStation.id)
        .where('status', '=', 'pending')
        .execute()
    ).map((r) => r.pickup_code),
  );
  let count = 0;
  for (const [index, holder] of holders.entries()) {
    const created = at(3 - index);
    const handedOver = index === 0;
    let code: string;
    do code = String(Math.floor(rng() * 1_000_000)).padStart(6, '0');
    while (taken.has(code));
    taken.add(code);
    const row = await tx
      .insertInto('store_redemptions')
      .values({
        item_id: item.id,
        org_id: demoStation.id,
        org_path: demoStation.path,
        holder_type: 'household',
        household_id: holder.id,
        item_name: item.name,
        price: item.price,
        pickup_code: code,
        status: handedOver ? 'handed_over' : 'pending',
        created_at: created,
        expires_at: new Date(created.getTime() + item.pickup_days * DAY_MS),
        handed_over_at: handedOver ? created : null,
        handed_over_by: handedOver ? keeper : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const entryId = await storeLedger.spend(tx, {
      holderType: 'household',
      holderId: holder.id,
      points: item.price,
      redemptionId: row.id,
      orgPath: demoStation.path,
      reason: `兑换：${item.name}`,
      now: created,
      actorId: keeper,
    });
    await tx
      .updateTable('store_redemptions')
      .set({ point_entry_id: entryId })
      .where('id', '=', row.id)
      .execute();
    await tx
      .updateTable('store_items')
      .set({ stock: sql`stock - 1` })
      .where('id', '=', item.id)
      .execute();
    count++;
  }
  return count;
}
