/**
 * Writes the demo county's volunteers, teams and memberships (volunteers-gen.ts, teams-gen.ts)
 * into the database, sealing personal data the way the volunteers service does: SM4 ciphertext
 * plus a keyed blind index for the ID number ('id-number') and the phone ('phone').
 */
import { PRIVACY_POLICY_VERSION } from '@civic/contracts';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/database.ts';
import { phoneIndex } from '../platform/personal-data.ts';
import type { OrgRef } from './org-ref.ts';
import { buildTeams, type CountyTeams } from './teams-gen.ts';
import { buildVolunteers, type CountyVolunteers } from './volunteers-gen.ts';

const BATCH = 500;
/** The blind-index purpose of ID numbers; the volunteers service looks duplicates up with it. */
const ID_NUMBER_PURPOSE = 'id-number';
/** created_by of seeded volunteers: the seed's system actor (the first demo account). */
const SEED_ACTOR = 1;

export interface CountyVolunteerSeed extends CountyVolunteers, CountyTeams {}

/** The whole volunteer side of the demo county, as plain data. */
export function buildCountyVolunteerSeed(orgs: readonly OrgRef[], today: Date): CountyVolunteerSeed {
  const county = buildVolunteers(orgs, today);
  return { ...county, ...buildTeams(orgs, county, today) };
}

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function insertVolunteersAndTeams(
  ctx: AppContext,
  tx: Tx,
  orgs: OrgRef[],
): Promise<{ volunteers: number; teams: number; members: number; prior: PriorHours[] }> {
  const { cipher } = ctx;
  const seed = buildCountyVolunteerSeed(orgs, ctx.now());

  const indexes = seed.volunteers.map((v) => cipher.blindIndex(v.idNumber, ID_NUMBER_PURPOSE));
  const position = new Map(indexes.map((index, i) => [index, i]));
  const volunteerIds: number[] = [];
  const rows = seed.volunteers.map((v, i) => ({
    org_id: v.orgId,
    org_path: v.orgPath,
    name: v.name,
    gender: v.gender,
    birth_date: v.birthDate,
    id_number_enc: cipher.encrypt(v.idNumber),
    id_number_index: indexes[i]!,
    phone_enc: v.phone === null ? null : cipher.encrypt(v.phone),
    phone_index: v.phone === null ? null : phoneIndex(cipher, v.phone),
    phone_tail: v.phone === null ? null : v.phone.slice(-4),
    political_status: v.politicalStatus,
    categories: v.categories,
    skills: v.skills,
    skills_note: v.skillsNote,
    service_categories: v.serviceCategories,
    availability: v.availability,
    is_minor: v.isMinor,
    guardian_name: v.guardian?.name ?? null,
    guardian_phone_enc: v.guardian ? cipher.encrypt(v.guardian.phone) : null,
    guardian_consent_at: v.guardian?.consentAt ?? null,
    consent_version: PRIVACY_POLICY_VERSION,
    consent_at: v.consentAt,
    consent_channel: v.consentChannel,
    status: v.status,
    status_reason: v.statusReason,
    source: v.source,
    created_by: v.source === 'self' ? null : SEED_ACTOR,
    created_at: v.consentAt,
    updated_at: v.consentAt,
  }));
  await inBatches(rows, async (batch) => {
    const inserted = await tx
      .insertInto('volunteers')
      .values(batch)
      .returning(['id', 'id_number_index'])
      .execute();
    for (const row of inserted) volunteerIds[position.get(row.id_number_index)!] = Number(row.id);
  });

  // teams parents first, one wave per depth; (org_id, name) is unique and names the row
  const teamIds = new Map<string, number>();
  for (const depth of [0, 1, 2, 3] as const) {
    const wave = seed.teams.filter((t) => t.depth === depth);
    await inBatches(wave, async (batch) => {
      const inserted = await tx
        .insertInto('teams')
        .values(
          batch.map((t) => ({
            org_id: t.orgId,
            org_path: t.orgPath,
            parent_id: t.parentKey === null ? null : teamIds.get(t.parentKey)!,
            name: t.name,
            tier: t.tier,
            kind: t.kind,
            platform: t.platform,
            responsible_unit: t.responsibleUnit,
            yearly_service_target: t.yearlyServiceTarget,
            service_categories: t.serviceCategories,
            description: t.description,
            founded_on: t.foundedOn,
            accepting_applications: t.acceptingApplications,
          })),
        )
        .returning(['id', 'org_id', 'name'])
        .execute();
      for (const row of inserted) teamIds.set(`${row.org_id}/${row.name}`, Number(row.id));
    });
  }

  const teamPath = new Map(seed.teams.map((t) => [t.key, t.orgPath]));
  await inBatches(seed.memberships, async (batch) => {
    await tx
      .insertInto('team_members')
      .values(
        batch.map((m) => ({
          team_id: teamIds.get(m.teamKey)!,
          volunteer_id: volunteerIds[m.volunteer]!,
          org_path: teamPath.get(m.teamKey)!,
          role: m.role,
          status: m.status,
          source: m.source,
          application_note: m.applicationNote,
          decision_note: m.decisionNote,
          decided_by: null,
          applied_at: m.appliedAt,
          decided_at: m.decidedAt,
          joined_at: m.joinedAt,
          left_at: m.leftAt,
        })),
      )
      .execute();
  });
  const prior = seed.volunteers
    .map((v, i) => ({
      volunteerId: volunteerIds[i]!,
      orgPath: v.orgPath,
      hours: v.lifetimeHours,
      joinedAt: v.consentAt,
    }))
    .filter((p) => p.hours > 0);
  return { volunteers: rows.length, teams: seed.teams.length, members: seed.memberships.length, prior };
}

/** Hours a seeded volunteer served before the platform: they enter as opening records (hours-seed). */
export interface PriorHours {
  volunteerId: number;
  orgPath: string;
  hours: number;
  /** when they joined the platform: their history ends the day before */
  joinedAt: Date;
}

export interface SeededVolunteer {
  id: number;
  name: string;
  phone: string;
  /** the team they lead */
  teamId: number;
}

/**
 * The leader of a station's 中队: the demo volunteer account signs in as them, and the demo team
 * leader's console account is bound to the same team.
 */
export async function squadronLeaderOf(ctx: AppContext, tx: Tx, stationId: number): Promise<SeededVolunteer> {
  const row = await tx
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .innerJoin('volunteers as v', 'v.id', 'm.volunteer_id')
    .select(['v.id', 'v.name', 'v.phone_enc', 't.id as team_id'])
    .where('t.org_id', '=', stationId)
    .where('t.tier', '=', 'squadron')
    .where('m.role', '=', 'leader')
    .where('m.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return {
    id: Number(row.id),
    name: row.name,
    phone: ctx.cipher.decrypt(row.phone_enc!),
    teamId: Number(row.team_id),
  };
}

export async function linkVolunteerUser(tx: Tx, volunteerId: number, userId: number): Promise<void> {
  await tx.updateTable('volunteers').set({ user_id: userId }).where('id', '=', volunteerId).execute();
}
