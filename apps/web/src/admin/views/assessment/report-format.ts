// How the assessment pages show a report's figures.
import type { AssessedKind, ReportRow } from '../../../api/bulletins';

export const KIND_LABELS: Record<AssessedKind, string> = {
  center: '县中心',
  institute: '实践所',
  station: '实践站',
};

export type Rag = ReportRow['rag'];
export const RAG_LABELS: Record<Rag, string> = { green: '达标', amber: '预警', red: '滞后', none: '无数据' };
export const RAG_TAGS: Record<Rag, 'success' | 'warning' | 'danger' | 'info'> = {
  green: 'success',
  amber: 'warning',
  red: 'danger',
  none: 'info',
};

export const PERIOD_KIND_LABELS = { month: '月通报', quarter: '季调度', year: '年总结' } as const;

export const changeText = (c: number | null) =>
  c === null ? '—' : c > 0 ? `↑${c}` : c < 0 ? `↓${-c}` : '持平';

/** "3 / 2（150%）", or 无数据. */
export function resultText(r: ReportRow['results'][number] | undefined): string {
  if (!r || r.actual === null) return '无数据';
  return `${r.actual} / ${r.target}（${r.completion}%）`;
}

export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });

const pad = (n: number) => String(n).padStart(2, '0');

/** The period key of a kind for a China day: '2026-11', '2026-Q4', '2026'. */
export function periodKeyOf(kind: 'month' | 'quarter' | 'year', day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return kind === 'month' ? `${y}-${pad(m)}` : kind === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : `${y}`;
}

/** The last day of a period key. */
export function periodEnd(kind: 'month' | 'quarter' | 'year', key: string): string {
  const y = Number(key.slice(0, 4));
  const lastMonth =
    kind === 'month' ? Number(key.slice(5, 7)) : kind === 'quarter' ? Number(key.slice(6)) * 3 : 12;
  return `${y}-${pad(lastMonth)}-${pad(new Date(Date.UTC(y, lastMonth, 0)).getUTCDate())}`;
}
