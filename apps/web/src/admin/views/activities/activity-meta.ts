// Tag colours, the lifecycle buttons and small derived facts for the activity pages (the labels and
// the legal transitions themselves come from @civic/contracts).
import {
  ACTIVITY_ACTION_LABELS,
  canActivity,
  type ActivityAction,
  type ActivityStatus,
  type SignupStatus,
} from '@civic/contracts';
import type { ActivityView, SignupSource } from '../../../api/activities';
import type { TagType } from '../../components/tag-types';

export const ACTIVITY_STATUS_TAG: Record<ActivityStatus, TagType> = {
  draft: 'info',
  published: 'warning',
  in_progress: 'primary',
  finished: 'success',
  archived: 'success',
  cancelled: 'danger',
};

export const SIGNUP_STATUS_TAG: Record<SignupStatus, TagType> = {
  confirmed: 'success',
  waitlisted: 'warning',
  cancelled: 'info',
  no_show: 'danger',
};

export const SIGNUP_SOURCE_LABELS: Record<SignupSource, string> = {
  self: '本人报名',
  leader: '队长添加',
  admin: '管理员添加',
};

export const FREQUENCY_LABELS = { weekly: '每周', monthly: '每月' } as const;

/** The lifecycle buttons in the order they are shown. */
const ACTION_ORDER: readonly ActivityAction[] = ['publish', 'start', 'finish', 'archive', 'cancel'];

/** The actions this activity's status allows (the caller must also manage it and hold activity.write). */
export function availableActions(activity: ActivityView, canWrite: boolean): ActivityAction[] {
  if (!canWrite || !activity.editable) return [];
  return ACTION_ORDER.filter((action) => canActivity(action, activity.status));
}

export const actionLabel = (action: ActivityAction) => ACTIVITY_ACTION_LABELS[action];

export function actionButtonType(action: ActivityAction): 'primary' | 'danger' | 'default' {
  if (action === 'cancel') return 'danger';
  if (action === 'publish' || action === 'start' || action === 'finish') return 'primary';
  return 'default';
}

/** Still open (published or under way) although its end time has passed: it waits for 结束. */
export function isOverdue(activity: ActivityView, now = Date.now()): boolean {
  return (
    (activity.status === 'published' || activity.status === 'in_progress') &&
    new Date(activity.endsAt).getTime() < now
  );
}

/** Every place taken (new sign-ups go on the waitlist). */
export const isFull = (activity: ActivityView) => activity.confirmedCount >= activity.capacity;

/** The fields may still be edited (the server refuses once it started, ended or was cancelled). */
export const isEditableStatus = (status: ActivityStatus) => status === 'draft' || status === 'published';

/** Check-in codes make sense while people can still turn up. */
export const isCheckinOpen = (status: ActivityStatus) => status === 'published' || status === 'in_progress';

/** There is an archive to write once it took place. */
export const hasArchive = (status: ActivityStatus) =>
  status === 'published' || status === 'in_progress' || status === 'finished' || status === 'archived';

/** 'YYYY-MM-DD HH:mm – HH:mm' (or the end's date too when it ends on another day), Beijing time. */
export function timeRange(startsAt: string, endsAt: string, format: (v: string) => string): string {
  const start = format(startsAt);
  const end = format(endsAt);
  return start.slice(0, 10) === end.slice(0, 10) ? `${start} – ${end.slice(11)}` : `${start} – ${end}`;
}
