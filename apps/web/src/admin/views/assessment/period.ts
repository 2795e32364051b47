// The periods the 单位指标 page offers (月 / 季 / 年 / 自定义) as China calendar dates.

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `2026-11` → 2026-11-01 … 2026-11-30. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
}

/** Quarter 1–4 of a year. */
export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Today in China (Asia/Shanghai), whatever the browser's time zone. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** What the period fields (PeriodFields.vue) hold. */
export interface PeriodChoice {
  kind: PeriodKind;
  /** 'YYYY-MM' */
  month: string;
  quarterYear: string;
  quarter: number;
  year: string;
  /** days ('YYYY-MM-DD') or months ('YYYY-MM'), as the page's custom range offers */
  custom: [string, string] | null;
}

/** This month, this quarter and this year, as of `today` (China). */
export function initialChoice(today: string, month = today.slice(0, 7)): PeriodChoice {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return {
    kind: 'month',
    month,
    quarterYear: String(y),
    quarter: Math.ceil(m / 3),
    year: String(y),
    custom: null,
  };
}

/** The days a choice covers; a custom range of months covers its first month's first day to its last month's last. */
export function periodOfChoice(c: PeriodChoice, custom: 'days' | 'months' = 'days'): Period | null {
  switch (c.kind) {
    case 'month':
      return c.month ? monthPeriod(c.month) : null;
    case 'quarter':
      return quarterPeriod(Number(c.quarterYear), c.quarter);
    case 'year':
      return yearPeriod(Number(c.year));
    default:
      if (!c.custom) return null;
      return custom === 'months'
        ? { from: monthPeriod(c.custom[0]).from, to: monthPeriod(c.custom[1]).to }
        : { from: c.custom[0], to: c.custom[1] };
  }
}
