// The periods of assessment: 月 ('2026-11'), 季 ('2026-Q3') and 年 ('2026'), as China calendar days.
// A bulletin covers one whole period; the live report may cover the current one up to today.

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  month: '月通报',
  quarter: '季调度',
  year: '年总结',
};

export interface Period {
  kind: PeriodKind;
  /** '2026-11', '2026-Q3', '2026' */
  key: string;
  /** '2026年11月', '2026年第三季度', '2026年' */
  label: string;
  /** first and last day, inclusive (YYYY-MM-DD) */
  start: string;
  end: string;
  /** calendar months in the period (1, 3 or 12): counted targets are per year × months / 12 */
  months: number;
}

const PATTERNS: Record<PeriodKind, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

const QUARTER_NAMES = ['一', '二', '三', '四'];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period of `kind` named `key`, or null when the key is not one (wrong shape, year < 2000). */
export function parsePeriod(kind: PeriodKind, key: string): Period | null {
  const m = PATTERNS[kind].exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const span = (first: number, months: number, label: string): Period => {
    const lastMonth = first + months - 1;
    return {
      kind,
      key,
      label,
      start: `${year}-${pad(first)}-01`,
      end: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`,
      months,
    };
  };
  if (kind === 'month') return span(Number(m[2]), 1, `${year}年${Number(m[2])}月`);
  if (kind === 'quarter') {
    const q = Number(m[2]);
    return span((q - 1) * 3 + 1, 3, `${year}年第${QUARTER_NAMES[q - 1]}季度`);
  }
  return span(1, 12, `${year}年`);
}

/** The period of `kind` that contains the China day `day` (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, day: string): Period {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const key = kind === 'month' ? `${y}-${pad(m)}` : kind === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : `${y}`;
  return parsePeriod(kind, key)!;
}

/** The period just before `p`. */
export function previousPeriod(p: Period): Period {
  const [y, m, d] = p.start.split('-').map(Number) as [number, number, number];
  const dayBefore = new Date(Date.UTC(y, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
  return periodOf(p.kind, dayBefore);
}

/** Days in [start, end], inclusive. */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
