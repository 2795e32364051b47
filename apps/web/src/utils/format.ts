// Dates arrive as UTC ISO strings; staff read them in Beijing time whatever the browser's zone.
const TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | number | Date): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const result: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) result[part.type] = part.value;
  return result;
}

/** `YYYY-MM-DD HH:mm` (or with `:ss`) in Asia/Shanghai; '—' for empty values. */
export function formatDateTime(
  value: string | number | Date | null | undefined,
  options: { seconds?: boolean } = {},
): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = parts(value);
  if (!p) return String(value);
  const base = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return options.seconds ? `${base}:${p.second}` : base;
}

/** `YYYY-MM-DD` in Asia/Shanghai. Plain dates (already YYYY-MM-DD) are returned unchanged. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = parts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : String(value);
}

/** Today's date in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(): string {
  return formatDate(new Date());
}

/** Shows '—' for missing text. */
export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** Percentage 0–100 with one decimal, 0 when the denominator is 0. */
export function percent(numerator: number, denominator: number): number {
  if (!denominator) return 0;
  return Math.round((numerator / denominator) * 1000) / 10;
}
