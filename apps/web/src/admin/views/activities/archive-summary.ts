// The activity archive's arithmetic: activities grouped by month (Beijing time), whether each one
// left its traces (有资料、有痕迹), and the year's figures against the seeds' targets.
import { OUR_FESTIVALS } from '@civic/contracts';
import type { ActivityView } from '../../../api/activities';
import { codeOf } from '../../../utils/codes';
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

/** Summary, sign-in sheet and photos are all there. */
export function isComplete(activity: ActivityView): boolean {
  const trace = traceOf(activity);
  return trace.summary && trace.sheet && trace.photos;
}

export interface ArchiveMonth {
  /** 1–12 */
  month: number;
  items: ActivityView[];
  cancelled: number;
}

/** Months that have activities, in calendar order; activities in each by start time. */
export function groupByMonth(activities: readonly ActivityView[]): ArchiveMonth[] {
  const byMonth = new Map<number, ActivityView[]>();
  for (const activity of activities) {
    const month = Number(formatDate(activity.startsAt).slice(5, 7));
    const list = byMonth.get(month) ?? [];
    list.push(activity);
    byMonth.set(month, list);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, items]) => ({
      month,
      items: [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      cancelled: items.filter((a) => a.status === 'cancelled').length,
    }));
}

export interface ArchiveStats {
  /** Published or later, not cancelled (a draft has not been announced yet). */
  held: number;
  festival: number;
  activeMonths: number;
  complete: number;
}

export function archiveStats(activities: readonly ActivityView[]): ArchiveStats {
  const held = activities.filter((a) => a.status !== 'cancelled' && a.status !== 'draft');
  return {
    held: held.length,
    festival: held.filter((a) => codeOf(OUR_FESTIVALS, a.festival) !== null).length,
    activeMonths: new Set(held.map((a) => formatDate(a.startsAt).slice(5, 7))).size,
    complete: held.filter(isComplete).length,
  };
}
