// The mobile H5 face (群众/志愿者端): public registration, the volunteer's own profile and teams.
import { api, call, type BodyOf, type ResponseOf } from './http';

/** An institute (town/street) with its stations (villages/communities). */
export type ResidenceTown = ResponseOf<'/api/public/residence-orgs', 'get'>[number];
export type RegistrationInput = BodyOf<'/api/volunteers/register', 'post'>;
export type RegistrationResponse = ResponseOf<'/api/volunteers/register', 'post'>;
export type VolunteerDetail = ResponseOf<'/api/me/volunteer', 'get'>;
export type VolunteerHours = VolunteerDetail['hours'];
export type SelfProfilePatch = BodyOf<'/api/me/volunteer', 'patch'>;
export type MyTeam = ResponseOf<'/api/me/teams', 'get'>[number];
export type TeamListItem = ResponseOf<'/api/me/teams/available', 'get'>[number];
export type TeamMember = ResponseOf<'/api/me/teams/{teamId}/applications', 'get'>[number];

const own = { skipSessionHandler: true };
const team = (teamId: number) => ({ params: { path: { teamId } } });
const application = (memberId: number) => ({ params: { path: { memberId } } });

export const publicApi = {
  residenceOrgs: () => call(api.GET('/api/public/residence-orgs'), own),
  register: (body: RegistrationInput) => call(api.POST('/api/volunteers/register', { body }), own),
};

export const myVolunteerApi = {
  get: () => call(api.GET('/api/me/volunteer')),
  update: (patch: SelfProfilePatch) => call(api.PATCH('/api/me/volunteer', { body: patch })),
  withdraw: (erase: boolean) => call(api.POST('/api/me/volunteer/withdraw', { body: { erase } })),
};

export const myTeamsApi = {
  list: () => call(api.GET('/api/me/teams')),
  available: () => call(api.GET('/api/me/teams/available')),
  apply: (teamId: number, note?: string) =>
    call(api.POST('/api/me/teams/{teamId}/apply', { ...team(teamId), body: note ? { note } : {} })),
  leave: (teamId: number) => call(api.POST('/api/me/teams/{teamId}/leave', team(teamId))),
  applications: (teamId: number) => call(api.GET('/api/me/teams/{teamId}/applications', team(teamId))),
  approve: (memberId: number, note?: string) =>
    call(
      api.POST('/api/me/team-applications/{memberId}/approve', {
        ...application(memberId),
        body: note ? { note } : {},
      }),
    ),
  reject: (memberId: number, note?: string) =>
    call(
      api.POST('/api/me/team-applications/{memberId}/reject', {
        ...application(memberId),
        body: note ? { note } : {},
      }),
    ),
};
