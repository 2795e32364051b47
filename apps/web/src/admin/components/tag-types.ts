// Tag colours for the volunteer, team and order statuses (the labels come from @civic/contracts).
import type {
  OrderPriority,
  OrderStatus,
  TaskState,
  TeamMemberRole,
  TeamMemberStatus,
  TeamStatus,
  VolunteerStatus,
} from '@civic/contracts';

export type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary';

export const VOLUNTEER_STATUS_TAG: Record<VolunteerStatus, TagType> = {
  active: 'success',
  suspended: 'warning',
  withdrawn: 'info',
};

export const TEAM_STATUS_TAG: Record<TeamStatus, TagType> = { active: 'success', dissolved: 'info' };

export const MEMBER_STATUS_TAG: Record<TeamMemberStatus, TagType> = {
  pending: 'warning',
  active: 'success',
  rejected: 'danger',
  left: 'info',
};

export const MEMBER_ROLE_TAG: Record<TeamMemberRole, TagType> = {
  leader: 'danger',
  deputy: 'warning',
  member: 'info',
};

export const ORDER_STATUS_TAG: Record<OrderStatus, TagType> = {
  submitted: 'warning',
  accepted: 'warning',
  dispatched: 'primary',
  claimed: 'primary',
  in_service: 'primary',
  served: 'success',
  closed: 'success',
  rejected: 'danger',
  merged: 'info',
  cancelled: 'info',
};

export const ORDER_PRIORITY_TAG: Record<OrderPriority, TagType> = { normal: 'info', urgent: 'danger' };

export const TASK_STATE_TAG: Record<TaskState, TagType> = {
  pending: 'warning',
  submitted: 'primary',
  returned: 'danger',
  approved: 'success',
  overdue: 'danger',
  cancelled: 'info',
};
