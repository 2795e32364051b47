// The points store (爱心超市 / 积分兑换, issue 14): item kinds, per-holder limit periods and the
// redemption lifecycle, with their Chinese labels. Shared by the server, the console and H5.

/** 实物 or 服务/礼遇 (e.g. 优先服务); a service may have unlimited stock. */
export const STORE_ITEM_KINDS = ['goods', 'service'] as const;
export type StoreItemKind = (typeof STORE_ITEM_KINDS)[number];
export const STORE_ITEM_KIND_LABELS: Record<StoreItemKind, string> = {
  goods: '实物',
  service: '服务/礼遇',
};

/** The period a per-person limit counts in ('total': ever); in China time. */
export const STORE_LIMIT_PERIODS = ['day', 'week', 'month', 'year', 'total'] as const;
export type StoreLimitPeriod = (typeof STORE_LIMIT_PERIODS)[number];
export const STORE_LIMIT_PERIOD_LABELS: Record<StoreLimitPeriod, string> = {
  day: '每天',
  week: '每周',
  month: '每月',
  year: '每年',
  total: '累计',
};

export const REDEMPTION_STATUSES = ['pending', 'handed_over', 'cancelled', 'expired'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = {
  pending: '待领取',
  handed_over: '已领取',
  cancelled: '已取消',
  expired: '已过期',
};

/** Days to pick up before an unclaimed redemption expires and returns, unless the item says otherwise. */
export const DEFAULT_PICKUP_DAYS = 7;

/** The text a pick-up QR code carries: the store's redemption and its 6 digits. */
export function pickupQrText(redemptionId: number, code: string): string {
  return `civic-store:${redemptionId}:${code}`;
}

/** The 6 digits in what a keeper typed or scanned (a pick-up QR's text or the digits alone). */
export function parsePickupInput(input: string): string | null {
  const text = input.trim();
  const qr = /^civic-store:\d+:(\d{6})$/.exec(text);
  if (qr) return qr[1]!;
  const digits = text.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
