// The activity archive's arithmetic: whether an activity left its traces (有资料、有痕迹), the
// year's targets, and the month the page shows (the figures themselves are counted by the server).
import type { ActivityView } from '../../../api/activities';
import { formatDate } from '../../../utils/format';

/** Seed 003: 全年开展文明实践活动不少于15场，其中结合"我们的节日"活动开展不少于5场. */
export const YEARLY_TARGETS = { held: 15, festival: 5 } as const;

/** What an inspector looks for. */
export interface Trace {
  summary: boolean;
  photos: boolean;
  sheet: boolean;
  video: boolean;
}

export function traceOf(activity: ActivityView): Trace {
  return {
    summary: !!activity.summary?.trim(),
    photos: activity.photoCount > 0,
    sheet: activity.checkedInCount > 0,
    video: activity.videoLinks.length > 0,
  };
}

/** The first and last day (YYYY-MM-DD) of a month, as the activity list's from/to filter. */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/**
 * The month the archive opens on: the latest month that has activities (in the current year, up to
 * this month — later months hold only what is planned); null when the year has none.
 */
export function defaultMonth(
  months: readonly { month: number; total: number }[],
  year: number,
  now: Date = new Date(),
): number | null {
  const today = formatDate(now);
  const thisMonth = Number(today.slice(0, 4)) === year ? Number(today.slice(5, 7)) : 12;
  const withActivities = months.filter((m) => m.total > 0);
  const upToNow = withActivities.filter((m) => m.month <= thisMonth);
  return (upToNow.at(-1) ?? withActivities[0])?.month ?? null;
}
