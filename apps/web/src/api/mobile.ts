// Typed client for the mobile H5 face (群众/志愿者端): public registration, the volunteer's own
// profile and teams. Shapes follow docs/api.md, "Volunteers (issue 4)" and "Teams (issue 4)".
import type {
  Availability,
  Gender,
  PoliticalStatus,
  ServiceCategory,
  Skill,
  TeamKind,
  TeamMemberRole,
  TeamMemberStatus,
  TeamStatus,
  TeamTier,
  VolunteerCategory,
  VolunteerSource,
  VolunteerStatus,
} from '@civic/contracts';
import { http } from './http';
import type { Id, Me, OkResponse } from './types';

export interface ResidenceStation {
  id: Id;
  name: string;
}

/** An institute (town/street) with its stations (villages/communities). */
export interface ResidenceTown {
  id: Id;
  name: string;
  children: ResidenceStation[];
}

export interface GuardianInput {
  name: string;
  phone: string;
  consent: boolean;
}

export interface VolunteerInput {
  name: string;
  idNumber: string;
  phone: string;
  orgId: Id;
  politicalStatus: PoliticalStatus;
  categories?: VolunteerCategory[];
  skills?: Skill[];
  skillsNote?: string;
  serviceCategories?: ServiceCategory[];
  availability?: Availability[];
  guardian?: GuardianInput;
}

export interface RegistrationInput extends VolunteerInput {
  password: string;
  privacyConsent: true;
  privacyVersion: string;
}

export interface VolunteerTeamLink {
  memberId: Id;
  teamId: Id;
  teamName: string;
  tier: TeamTier;
  role: TeamMemberRole;
  status: TeamMemberStatus;
}

export interface VolunteerHours {
  lifetime: number;
  year: number;
  star: { level: number; nextThreshold: number | null; hoursToNext: number | null };
  party: { required: number; done: number; remaining: number; met: boolean } | null;
}

export interface VolunteerDetail {
  id: Id;
  volunteerNo: string;
  name: string;
  gender: Gender;
  age: number;
  birthDate: string;
  orgId: Id;
  orgName: string;
  orgPath: string;
  /** Always masked, e.g. 110***********1234. */
  idNumber: string;
  /** Masked, e.g. 138****5678. */
  phone: string | null;
  politicalStatus: PoliticalStatus;
  categories: VolunteerCategory[];
  skills: Skill[];
  skillsNote: string | null;
  serviceCategories: ServiceCategory[];
  availability: Availability[];
  isMinor: boolean;
  status: VolunteerStatus;
  statusReason: string | null;
  source: VolunteerSource;
  lifetimeHours: number;
  starLevel: number;
  teamCount: number;
  hasAccount: boolean;
  guardian: { name: string; phone: string; consentAt: string | null } | null;
  consent: {
    version: string | null;
    at: string | null;
    channel: 'online' | 'offline';
    withdrawnAt: string | null;
    erasureRequestedAt: string | null;
  };
  hours: VolunteerHours;
  teams: VolunteerTeamLink[];
  createdAt: string;
}

export interface RegistrationResponse {
  user: Me;
  csrfToken: string;
  volunteer: VolunteerDetail;
}

export type SelfProfilePatch = Partial<
  Pick<
    VolunteerInput,
    | 'politicalStatus'
    | 'categories'
    | 'skills'
    | 'skillsNote'
    | 'serviceCategories'
    | 'availability'
    | 'phone'
  >
>;

export interface MyTeam {
  memberId: Id;
  teamId: Id;
  teamName: string;
  tier: TeamTier;
  kind: TeamKind;
  orgName: string;
  role: TeamMemberRole;
  status: TeamMemberStatus;
  appliedAt: string | null;
  joinedAt: string | null;
  /** Pending applications; only for the team's leader and deputies. */
  pendingApplications?: number | null;
}

export interface TeamListItem {
  id: Id;
  name: string;
  tier: TeamTier;
  kind: TeamKind;
  orgId: Id;
  orgName: string;
  parentId: Id | null;
  parentName: string | null;
  platform: string | null;
  responsibleUnit: string | null;
  yearlyServiceTarget: number | null;
  serviceCategories: ServiceCategory[];
  leaderName: string | null;
  memberCount: number;
  pendingCount: number;
  acceptingApplications: boolean;
  status: TeamStatus;
}

export interface TeamMember {
  /** Membership id. */
  id: Id;
  volunteerId: Id;
  volunteerNo: string;
  name: string;
  phone: string | null;
  orgName: string;
  role: TeamMemberRole;
  status: TeamMemberStatus;
  source: string;
  applicationNote: string | null;
  decisionNote: string | null;
  appliedAt: string | null;
  joinedAt: string | null;
}

const enc = encodeURIComponent;

export const publicApi = {
  residenceOrgs: () =>
    http.get<ResidenceTown[]>('/api/public/residence-orgs', undefined, { skipSessionHandler: true }),
  register: (body: RegistrationInput) =>
    http.post<RegistrationResponse>('/api/volunteers/register', body, { skipSessionHandler: true }),
};

export const myVolunteerApi = {
  get: () => http.get<VolunteerDetail>('/api/me/volunteer'),
  update: (patch: SelfProfilePatch) => http.patch<VolunteerDetail>('/api/me/volunteer', patch),
  withdraw: (erase: boolean) => http.post<OkResponse>('/api/me/volunteer/withdraw', { erase }),
};

export const myTeamsApi = {
  list: () => http.get<MyTeam[]>('/api/me/teams'),
  available: () => http.get<TeamListItem[]>('/api/me/teams/available'),
  apply: (teamId: Id, note?: string) =>
    http.post<{ memberId: Id; status: 'pending' }>(
      `/api/me/teams/${enc(String(teamId))}/apply`,
      note ? { note } : {},
    ),
  leave: (teamId: Id) => http.post<OkResponse>(`/api/me/teams/${enc(String(teamId))}/leave`, {}),
  applications: (teamId: Id) => http.get<TeamMember[]>(`/api/me/teams/${enc(String(teamId))}/applications`),
  approve: (memberId: Id, note?: string) =>
    http.post<TeamMember>(`/api/me/team-applications/${enc(String(memberId))}/approve`, note ? { note } : {}),
  reject: (memberId: Id, note?: string) =>
    http.post<TeamMember>(`/api/me/team-applications/${enc(String(memberId))}/reject`, note ? { note } : {}),
};
