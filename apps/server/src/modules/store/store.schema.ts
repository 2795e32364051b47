import { z } from 'zod';
import { REDEMPTION_STATUSES, STORE_ITEM_KINDS, STORE_LIMIT_PERIODS } from '@civic/contracts';
import { bodyId, pagingQuery, queryId } from '../../platform/http/schemas.ts';

// ---------------------------------------------------------------- items

const MAX_PRICE = 1_000_000;
const MAX_STOCK = 1_000_000;

const price = z
  .number({ error: '所需积分须为正整数' })
  .int('所需积分须为正整数，不能有小数')
  .positive('所需积分须为正整数')
  .max(MAX_PRICE, `所需积分不能超过 ${MAX_PRICE}`);
/** null: unlimited (services only) */
const stock = z
  .number({ error: '库存须为不小于 0 的整数' })
  .int('库存须为整数')
  .min(0, '库存不能小于 0')
  .max(MAX_STOCK, `库存不能超过 ${MAX_STOCK}`)
  .nullable();
const instant = z.iso.datetime({ offset: true, error: '时间格式不正确' });

const itemFields = {
  kind: z.enum(STORE_ITEM_KINDS, { error: '类型须为实物或服务/礼遇' }),
  name: z.string().trim().min(1, '请填写物品名称').max(60, '名称不超过 60 个字'),
  description: z.string().trim().max(500, '说明不超过 500 个字').default(''),
  price,
  stock,
  limitCount: z
    .number({ error: '限兑数量须为正整数' })
    .int('限兑数量须为正整数')
    .positive('限兑数量须为正整数')
    .max(1000, '限兑数量不超过 1000')
    .nullable()
    .default(null),
  limitPeriod: z.enum(STORE_LIMIT_PERIODS, { error: '限兑周期不正确' }).nullable().default(null),
  availableFrom: instant.nullable().default(null),
  availableUntil: instant.nullable().default(null),
  pickupDays: z
    .number({ error: '领取期限须为 1–90 天' })
    .int('领取期限须为整数天')
    .min(1, '领取期限至少 1 天')
    .max(90, '领取期限不超过 90 天')
    .optional(),
  onShelf: z.boolean().default(false),
};

function checkItem(
  item: {
    kind?: string;
    stock?: number | null;
    limitCount?: number | null;
    limitPeriod?: string | null;
    availableFrom?: string | null;
    availableUntil?: string | null;
  },
  ctx: z.RefinementCtx,
) {
  if (item.kind === 'goods' && item.stock === null)
    ctx.addIssue({ code: 'custom', path: ['stock'], message: '实物须填写库存（不限量只适用于服务/礼遇）' });
  if (
    item.limitCount !== undefined &&
    item.limitPeriod !== undefined &&
    (item.limitCount === null) !== (item.limitPeriod === null)
  )
    ctx.addIssue({
      code: 'custom',
      path: ['limitPeriod'],
      message: '限兑数量和限兑周期须同时填写或同时不填',
    });
  if (
    item.availableFrom &&
    item.availableUntil &&
    Date.parse(item.availableUntil) <= Date.parse(item.availableFrom)
  )
    ctx.addIssue({ code: 'custom', path: ['availableUntil'], message: '兑换截止时间须晚于开始时间' });
}

export const itemInput = z.object({ orgId: bodyId.optional(), ...itemFields }).superRefine(checkItem);
export type ItemInput = z.infer<typeof itemInput>;

export const itemPatch = z
  .object({
    kind: itemFields.kind.optional(),
    name: itemFields.name.optional(),
    description: z.string().trim().max(500, '说明不超过 500 个字').optional(),
    price: price.optional(),
    stock: stock.optional(),
    limitCount: itemFields.limitCount.removeDefault().optional(),
    limitPeriod: itemFields.limitPeriod.removeDefault().optional(),
    availableFrom: instant.nullable().optional(),
    availableUntil: instant.nullable().optional(),
    pickupDays: itemFields.pickupDays,
    onShelf: z.boolean().optional(),
  })
  .superRefine(checkItem);
export type ItemPatch = z.infer<typeof itemPatch>;

export const itemListQuery = z.object({
  orgId: queryId,
  keyword: z.string().trim().max(50).optional(),
  onShelf: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pagingQuery,
});
export type ItemListQuery = z.infer<typeof itemListQuery>;

export const itemView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.enum(STORE_ITEM_KINDS),
  name: z.string(),
  description: z.string(),
  price: z.number(),
  /** null: unlimited */
  stock: z.number().nullable(),
  limitCount: z.number().nullable(),
  limitPeriod: z.enum(STORE_LIMIT_PERIODS).nullable(),
  availableFrom: z.string().nullable(),
  availableUntil: z.string().nullable(),
  pickupDays: z.number(),
  photoUrl: z.string().nullable(),
  onShelf: z.boolean(),
  /** redemptions waiting to be picked up */
  pending: z.number(),
  updatedAt: z.string(),
});
export type ItemView = z.infer<typeof itemView>;
export const itemPage = z.object({ items: z.array(itemView), total: z.number() });

// ---------------------------------------------------------------- redemptions

export const redeemInput = z.object({ itemId: bodyId });

export const cancelInput = z.object({
  reason: z.string().trim().min(1, '请填写取消原因').max(200, '原因不超过 200 个字'),
});
export const ownCancelInput = z.object({
  reason: z.string().trim().max(200, '原因不超过 200 个字').optional(),
});

export const redemptionView = z.object({
  id: z.number(),
  itemId: z.number(),
  itemName: z.string(),
  itemKind: z.enum(STORE_ITEM_KINDS),
  orgId: z.number(),
  orgName: z.string(),
  price: z.number(),
  status: z.enum(REDEMPTION_STATUSES),
  createdAt: z.string(),
  expiresAt: z.string(),
  handedOverAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  expiredAt: z.string().nullable(),
});
export type RedemptionView = z.infer<typeof redemptionView>;

/** The holder's own redemption: with its pick-up code while it waits (never shown to others in lists). */
export const myRedemptionView = redemptionView.extend({
  pickupCode: z.string().nullable(),
  /** the QR's text (pickupQrText) while pending */
  pickupQr: z.string().nullable(),
});
export type MyRedemptionView = z.infer<typeof myRedemptionView>;
export const myRedemptionPage = z.object({ items: z.array(myRedemptionView), total: z.number() });

/** A redemption as the store keeper sees it. */
export const keeperRedemptionView = redemptionView.extend({
  holderType: z.enum(['volunteer', 'household']),
  holderName: z.string(),
  /** the volunteer number (households: their register number, later) */
  holderNo: z.string(),
  handedOverBy: z.string().nullable(),
  cancelledBy: z.string().nullable(),
});
export type KeeperRedemptionView = z.infer<typeof keeperRedemptionView>;
export const keeperRedemptionPage = z.object({ items: z.array(keeperRedemptionView), total: z.number() });

export const redemptionListQuery = z.object({
  orgId: queryId,
  status: z.enum(REDEMPTION_STATUSES).optional(),
  /** the holder's name (part) or number, or the item's name (part) */
  keyword: z.string().trim().max(50).optional(),
  ...pagingQuery,
});
export type RedemptionListQuery = z.infer<typeof redemptionListQuery>;

export const myRedemptionQuery = z.object({
  status: z.enum(REDEMPTION_STATUSES).optional(),
  ...pagingQuery,
});

export const lookupQuery = z.object({
  /** 6 digits, or a pick-up QR's text */
  code: z.string().trim().min(1, '请输入取货码').max(100, '取货码格式不正确'),
  orgId: queryId,
});

// ---------------------------------------------------------------- the store on H5

export const shopItemView = itemView.omit({ pending: true, updatedAt: true }).extend({
  /** what the holder may still redeem of it in the current period (null: no limit) */
  remaining: z.number().nullable(),
  /** why it cannot be redeemed now (null: it can) */
  blocked: z.string().nullable(),
});
export type ShopItemView = z.infer<typeof shopItemView>;
export const shopView = z.object({
  balance: z.number(),
  items: z.array(shopItemView),
});

export const householdRedeemInput = z.object({
  itemId: bodyId,
  /** 户号 of the village register */
  householdNo: z.string({ error: '请填写户号' }).trim().min(1, '请填写户号').max(20, '户号不超过 20 位'),
  /** the household's station, when the store is above it (the item's org otherwise) */
  householdOrgId: bodyId.optional(),
});
