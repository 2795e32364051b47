// How activities read on the mobile pages: the words and tag colours of a status or a sign-up, the
// time as older readers expect it (date, weekday, from–to), and whether sign-up is open now. Labels
// come from @civic/contracts; the server decides — these only say what the page should offer.
import {
  ACTIVITY_FORM_LABELS,
  ACTIVITY_STATUS_LABELS,
  FESTIVAL_LABELS,
  SIGNUP_STATUS_LABELS,
  type ActivityForm,
  type ActivityStatus,
  type Festival,
  type SignupStatus,
} from '@civic/contracts';
import { formatDateTime } from '../utils/format';

export type TagType = 'primary' | 'success' | 'warning' | 'danger';

export const formLabel = (form: string): string => ACTIVITY_FORM_LABELS[form as ActivityForm] ?? form;

export const festivalLabel = (festival: string | null): string =>
  festival ? (FESTIVAL_LABELS[festival as Festival] ?? festival) : '';

export const activityStatusLabel = (status: string): string =>
  ACTIVITY_STATUS_LABELS[status as ActivityStatus] ?? status;

/** null: a neutral (dark grey) tag — Vant's own grey is too light to read on white. */
export function activityStatusTag(status: string): TagType | null {
  switch (status) {
    case 'published':
      return 'primary';
    case 'in_progress':
      return 'success';
    case 'cancelled':
      return 'danger';
    default:
      return null;
  }
}

/** 已报名 / 候补第 2 位 / 未到场 … */
export function signupLabel(status: string, waitlistPosition?: number | null): string {
  if (status === 'waitlisted' && waitlistPosition) return `候补第 ${waitlistPosition} 位`;
  return SIGNUP_STATUS_LABELS[status as SignupStatus] ?? status;
}

/** My own status on a list card, next to the activity's 报名中. */
export function mySignupLabel(status: string): string {
  switch (status) {
    case 'confirmed':
      return '我已报名';
    case 'waitlisted':
      return '我在候补';
    case 'no_show':
      return '我未到场';
    default:
      return signupLabel(status);
  }
}

export function signupTag(status: string): TagType | null {
  switch (status) {
    case 'confirmed':
      return 'success';
    case 'waitlisted':
      return 'warning';
    case 'no_show':
      return 'danger';
    default:
      return null;
  }
}

/** The colour for a neutral tag (WCAG AA with white text). */
export const NEUTRAL_TAG_COLOR = '#4b5057';

const weekdayFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', weekday: 'short' });

/** 2025-10-29（周三）09:00–12:00, or both ends in full when the activity spans days. */
export function timeRange(startsAt: string, endsAt: string): string {
  const start = formatDateTime(startsAt);
  const end = formatDateTime(endsAt);
  const [startDay, startTime] = start.split(' ');
  const [endDay, endTime] = end.split(' ');
  const weekday = weekdayFormat.format(new Date(startsAt));
  if (startDay === endDay) return `${startDay}（${weekday}）${startTime}–${endTime}`;
  return `${startDay}（${weekday}）${startTime} 至 ${end}`;
}

export type SignupWindow =
  { state: 'open' } | { state: 'not_open'; opensAt: string } | { state: 'closed'; reason: string };

/** Whether the page should offer 报名 now (the server checks again, with its own clock). */
export function signupWindow(
  activity: { status: string; signupOpensAt: string | null; signupClosesAt: string | null; startsAt: string },
  now = Date.now(),
): SignupWindow {
  if (activity.status === 'cancelled') return { state: 'closed', reason: '活动已取消' };
  if (activity.status !== 'published') return { state: 'closed', reason: '活动已开始或已结束，报名已截止' };
  if (activity.signupOpensAt && now < new Date(activity.signupOpensAt).getTime())
    return { state: 'not_open', opensAt: activity.signupOpensAt };
  const closes = activity.signupClosesAt ?? activity.startsAt;
  if (now >= new Date(closes).getTime()) return { state: 'closed', reason: '报名已截止' };
  return { state: 'open' };
}

/** 已报名 12/20 人（候补 3 人） */
export function enrolmentText(activity: {
  confirmedCount: number;
  capacity: number;
  waitlistCount?: number;
}): string {
  const waitlist = activity.waitlistCount ? `（候补 ${activity.waitlistCount} 人）` : '';
  return `已报名 ${activity.confirmedCount}/${activity.capacity} 人${waitlist}`;
}
