// Tag colours for the volunteer and team statuses (the labels come from @civic/contracts).
import type { TeamMemberRole, TeamMemberStatus, TeamStatus, VolunteerStatus } from '@civic/contracts';

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
