// Residents' civic points (群众文明积分, issue 14; seeds 002 §四(四)2, 003 §五(一)5): how a village's
// public board names households, the lifecycle of an award, and the county's default rule list.
// Shared by the server, the console and H5.

/** How the public board names a household: the head's full name, masked (张*明), or the number only. */
export const BOARD_MODES = ['full', 'masked', 'number'] as const;
export type BoardMode = (typeof BOARD_MODES)[number];
export const BOARD_MODE_LABELS: Record<BoardMode, string> = {
  full: '显示户主全名',
  masked: '户主姓名脱敏（张*明）',
  number: '只显示户号',
};

/** pending: waits for a second person; posted: in the ledger; rejected: never posted; voided: reversed. */
export const HOUSEHOLD_AWARD_STATUSES = ['pending', 'posted', 'rejected', 'voided'] as const;
export type HouseholdAwardStatus = (typeof HOUSEHOLD_AWARD_STATUSES)[number];
export const HOUSEHOLD_AWARD_STATUS_LABELS: Record<HouseholdAwardStatus, string> = {
  pending: '待确认',
  posted: '已记入',
  rejected: '已驳回',
  voided: '已作废',
};

/** Awards of more points than this wait for a second person, unless the station sets otherwise. */
export const DEFAULT_CONFIRM_THRESHOLD = 20;

/** The county's default village rules (seed 002 §四(四)2, 003 §五(一)5), points each. */
export const DEFAULT_HOUSEHOLD_RULES: ReadonlyArray<{ name: string; description: string; points: number }> = [
  { name: '参加志愿服务', description: '户内成员参加一次村（社区）组织的志愿服务', points: 5 },
  { name: '移风易俗（红白事简办）', description: '红白喜事简办、不大操大办，经红白理事会认定', points: 20 },
  { name: '环境卫生评比', description: '庭院环境卫生月度评比为“清洁户”', points: 10 },
  { name: '好人好事', description: '拾金不昧、见义勇为、扶危济困等经核实的好人好事', points: 30 },
  { name: '孝老爱亲', description: '赡养老人、邻里互助，经村（社区）评议', points: 10 },
  { name: '参加文明实践活动', description: '参加理论宣讲、文化文艺等文明实践活动一次', points: 2 },
];

/** The head's name as a masked board shows it: 张*明, 张*, 王**华 (first and last character). */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 户号: digits, letters and dashes (e.g. 3-12: group 3, house 12). */
export const HOUSEHOLD_NO_PATTERN = /^[0-9A-Za-z-]{1,20}$/;
