// Turns volunteer rows into what may leave the server: personal data only ever masked.
import { sql, type Selectable } from 'kysely';
import {
  partyRequirement,
  starLevel,
  starProgress,
  type PoliticalStatus,
  type TeamMemberRole,
  type TeamMemberStatus,
  type TeamTier,
} from '@civic/contracts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { VolunteersTable } from '../../platform/db/schema.ts';
import { maskedPhone } from '../../platform/personal-data.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { ADULT_AGE, ageOn, ageRangeOf } from '@civic/contracts';
import { maskedIdNumber } from './identity.ts';
import type { VolunteerDetail, VolunteerListItem } from './volunteers.schema.ts';

export type VolunteerRow = Selectable<VolunteersTable> & {
  org_name: string;
  team_count: number;
};

/** A volunteer's row with what only the detail shows. */
export type VolunteerDetailRow = VolunteerRow & {
  /** confirmed hours per calendar year in China time, keyed by the year */
  hours_by_year: Record<string, number>;
};

/** volunteers v joined with its org name and its current team count. */
export function selectVolunteers(tx: Tx) {
  return (
    tx
      .selectFrom('volunteers as v')
      .selectAll('v')
      // a member of one of the caller's teams may live outside the caller's scope
      .select(sql<string>`org_name(v.org_id)`.as('org_name'))
      .select(
        sql<number>`(SELECT count(*) FROM team_members m WHERE m.volunteer_id = v.id AND m.status = 'active')::int`.as(
          'team_count',
        ),
      )
  );
}

/** One volunteer for the detail: the list's row plus the year's hours (lists and exports skip it). */
export async function volunteerDetailRow(tx: Tx, id: number): Promise<VolunteerDetailRow | undefined> {
  return (
    (await selectVolunteers(tx)
      // like lifetime_hours, counted over all the volunteer's records, whichever org holds them
      .select(sql<Record<string, number>>`volunteer_hours_by_year(v.id)`.as('hours_by_year'))
      .where('v.id', '=', id)
      .executeTakeFirst()) as VolunteerDetailRow | undefined
  );
}

/**
 * How much of the birth date a view may carry. The birth date is 8 of the ID number's 18 digits:
 * beside the masked number and the gender it narrows the rest to a few dozen candidates, so only
 * the volunteer themself and those who may see the full number ('date') get it; everyone else
 * gets an age range ('range').
 */
export type BirthDisclosure = 'date' | 'range';

/**
 * The birth date goes only to those who may see the full ID number of this volunteer (the
 * audited reveal): `volunteer.unmask` over the volunteer's residence. Others get an age range.
 */
export function birthDisclosure(actor: Actor, row: { org_path: string }): BirthDisclosure {
  return actor.permissions.has('volunteer.unmask') && inActorScope(actor, row.org_path) ? 'date' : 'range';
}

export function listItemOf(
  cipher: FieldCipher,
  row: VolunteerRow,
  now: Date,
  birth: BirthDisclosure,
): VolunteerListItem {
  const age = ageOn(row.birth_date, now);
  return {
    id: row.id,
    volunteerNo: row.volunteer_no,
    name: row.name,
    gender: row.gender as VolunteerListItem['gender'],
    age: birth === 'date' ? age : null,
    ageRange: ageRangeOf(age),
    birthDate: birth === 'date' ? row.birth_date : null,
    orgId: row.org_id,
    orgName: row.org_name,
    idNumber: maskedIdNumber(cipher, row.id_number_enc),
    phone: maskedPhone(cipher, row.phone_enc),
    politicalStatus: row.political_status as PoliticalStatus,
    categories: row.categories,
    skills: row.skills,
    serviceCategories: row.service_categories,
    availability: row.availability,
    isMinor: age < ADULT_AGE,
    status: row.status as VolunteerListItem['status'],
    source: row.source as VolunteerListItem['source'],
    lifetimeHours: row.lifetime_hours,
    starLevel: starLevel(row.lifetime_hours),
    teamCount: row.team_count,
    createdAt: isoTimestamp(row.created_at),
  };
}

export interface MembershipRow {
  id: number;
  team_id: number;
  team_name: string;
  tier: string;
  role: string;
  status: string;
}

export async function membershipsOf(tx: Tx, volunteerId: number): Promise<MembershipRow[]> {
  return tx
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['m.id', 'm.team_id', 't.name as team_name', 't.tier', 'm.role', 'm.status'])
    .where('m.volunteer_id', '=', volunteerId)
    .where('m.status', 'in', ['pending', 'active'])
    .orderBy('m.id')
    .execute();
}

/** Confirmed hours whose service ended in the calendar year of `now` (Asia/Shanghai, UTC+8). */
export function yearHours(row: Pick<VolunteerDetailRow, 'hours_by_year'>, now: Date): number {
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  return Math.round(Number(row.hours_by_year?.[String(year)] ?? 0) * 10) / 10;
}

export function detailOf(
  cipher: FieldCipher,
  row: VolunteerDetailRow,
  memberships: MembershipRow[],
  now: Date,
  birth: BirthDisclosure,
  /** where this caller reads the card photo (the volunteer's own path or the console's); null: may not */
  photoPath: ((photoId: string) => string) | null = null,
): VolunteerDetail {
  const year = yearHours(row, now);
  return {
    ...listItemOf(cipher, row, now, birth),
    orgPath: row.org_path,
    photoUrl: row.photo_id && photoPath ? photoPath(row.photo_id) : null,
    skillsNote: row.skills_note,
    statusReason: row.status_reason,
    hasAccount: row.user_id !== null,
    guardian: row.guardian_name
      ? {
          name: row.guardian_name,
          phone: maskedPhone(cipher, row.guardian_phone_enc),
          consentAt: isoTimestamp(row.guardian_consent_at),
        }
      : null,
    consent: {
      version: row.consent_version,
      at: isoTimestamp(row.consent_at),
      channel: row.consent_channel as 'online' | 'offline',
      withdrawnAt: isoTimestamp(row.consent_withdrawn_at),
      erasureRequestedAt: isoTimestamp(row.erasure_requested_at),
    },
    hours: {
      lifetime: row.lifetime_hours,
      year,
      star: starProgress(row.lifetime_hours),
      party: partyRequirement(row.political_status as PoliticalStatus, year),
    },
    teams: memberships.map((m) => ({
      memberId: m.id,
      teamId: m.team_id,
      teamName: m.team_name,
      tier: m.tier as TeamTier,
      role: m.role as TeamMemberRole,
      status: m.status as TeamMemberStatus,
    })),
  };
}

/** The card photo as the volunteer reads it (H5). */
export const ownPhotoPath = (photoId: string) => `/api/me/volunteer-card/photo/${photoId}`;
/** The card photo as an admin of the volunteer's org or above reads it (console). */
export const volunteerPhotoPath = (volunteerId: number) => (photoId: string) =>
  `/api/volunteers/${volunteerId}/photo/${photoId}`;
