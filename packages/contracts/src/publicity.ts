// Publicity pieces (宣传稿件, issue 16; seed 004 §13): what each unit records of the pieces media
// published on its new-era civilisation practice, the yearly quota per level, and the checks the
// server's schema and the console's form share (Chinese messages).
import { z } from 'zod';

/** The level of the outlet that published a piece: 中央级 counts toward the province quota. */
export const PUBLICITY_LEVELS = ['national', 'province', 'city', 'county'] as const;
export type PublicityLevel = (typeof PUBLICITY_LEVELS)[number];
export const PUBLICITY_LEVEL_LABELS: Record<PublicityLevel, string> = {
  national: '中央级',
  province: '省级',
  city: '市级',
  county: '县级',
};

/** The levels a quota is set for (national pieces count as province ones). */
export const PUBLICITY_QUOTA_LEVELS = ['province', 'city', 'county'] as const;
export type PublicityQuotaLevel = (typeof PUBLICITY_QUOTA_LEVELS)[number];

/**
 * Seed 004 §13: "各镇（街道）、各部门（单位）年度各级媒体宣传报道新时代文明实践活动的稿件，省级不少于1篇，
 * 市级不少于2篇，县级不少于3篇" — a unit's yearly pieces per level (中央级 counted with 省级).
 */
export const PUBLICITY_QUOTA: Record<PublicityQuotaLevel, number> = { province: 1, city: 2, county: 3 };

/** The quota level a piece counts toward. */
export function quotaLevelOf(level: PublicityLevel): PublicityQuotaLevel {
  return level === 'national' ? 'province' : level;
}

/** Per-level counts → the pieces that count toward the quota: Σ min(count, quota) (at most 6 a year). */
export function publicityCredited(counts: Record<PublicityQuotaLevel, number>): number {
  return PUBLICITY_QUOTA_LEVELS.reduce((s, l) => s + Math.min(counts[l], PUBLICITY_QUOTA[l]), 0);
}

export const PUBLICITY_LIMITS = { outlet: 40, title: 100, url: 500, note: 500 } as const;

export const PUBLICITY_MESSAGES = {
  level: '请选择媒体级别',
  outlet: '请填写媒体名称',
  outletLong: `媒体名称不超过 ${PUBLICITY_LIMITS.outlet} 个字`,
  title: '请填写稿件标题',
  titleLong: `稿件标题不超过 ${PUBLICITY_LIMITS.title} 个字`,
  url: '链接须以 http:// 或 https:// 开头',
  urlLong: `链接不超过 ${PUBLICITY_LIMITS.url} 个字符`,
  date: '请填写发表日期（如 2026-05-20）',
  future: '发表日期不能晚于今天',
  tooOld: '发表日期不能早于 2000 年',
  note: `备注不超过 ${PUBLICITY_LIMITS.note} 个字`,
} as const;

/** A link a person may open: http(s) with a host, no spaces. */
export function isPublicityUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today in China (the day a piece may at latest be published). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Why a publication date is refused (a Chinese sentence), or null. */
export function publishedOnProblem(value: string, today: string = chinaToday()): string | null {
  if (!isCalendarDate(value)) return PUBLICITY_MESSAGES.date;
  if (value > today) return PUBLICITY_MESSAGES.future;
  if (value < '2000-01-01') return PUBLICITY_MESSAGES.tooOld;
  return null;
}

const text = (required: string, max: number, long: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, long);

/** The fields of a piece, as the API takes them (POST whole, PATCH partly). */
export const publicityPieceFields = {
  level: z.enum(PUBLICITY_LEVELS, { error: PUBLICITY_MESSAGES.level }),
  outlet: text(PUBLICITY_MESSAGES.outlet, PUBLICITY_LIMITS.outlet, PUBLICITY_MESSAGES.outletLong),
  title: text(PUBLICITY_MESSAGES.title, PUBLICITY_LIMITS.title, PUBLICITY_MESSAGES.titleLong),
  /** null or '' clears it */
  url: z
    .string({ error: PUBLICITY_MESSAGES.url })
    .trim()
    .max(PUBLICITY_LIMITS.url, PUBLICITY_MESSAGES.urlLong)
    .refine((v) => v === '' || isPublicityUrl(v), PUBLICITY_MESSAGES.url)
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  publishedOn: z
    .string({ error: PUBLICITY_MESSAGES.date })
    .trim()
    .superRefine((v, ctx) => {
      const problem = publishedOnProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  note: z
    .string({ error: PUBLICITY_MESSAGES.note })
    .trim()
    .max(PUBLICITY_LIMITS.note, PUBLICITY_MESSAGES.note),
};
