// The volunteers an honours list (礼遇褒奖) ranks: those registered at an org of a subtree and in
// service (status active), with what a ranking and its export may show; the phone and ID number
// only masked (the ID mask hides the birth date, and no birth date or age goes with it), and only
// for the volunteers that leave the server (maskedContacts), not for the whole subtree.
import { sql } from 'kysely';
import { starLevel, type PoliticalStatus } from '@civic/contracts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Tx } from '../../platform/db/database.ts';
import { maskedPhone } from '../../platform/personal-data.ts';
import { maskedIdNumber } from './identity.ts';

export interface HonourCandidate {
  id: number;
  volunteerNo: string;
  name: string;
  orgName: string;
  politicalStatus: PoliticalStatus;
  lifetimeHours: number;
  starLevel: number;
}

export interface MaskedContact {
  phoneMasked: string | null;
  idNumberMasked: string;
}

export async function honourCandidates(tx: Tx, orgPath: string): Promise<HonourCandidate[]> {
  const rows = await tx
    .selectFrom('volunteers as v')
    .select([
      'v.id',
      'v.volunteer_no',
      'v.name',
      sql<string>`org_name(v.org_id)`.as('org_name'),
      'v.political_status',
      'v.lifetime_hours',
    ])
    .where(sql<boolean>`v.org_path <@ ${orgPath}::ltree`)
    .where('v.status', '=', 'active')
    .orderBy('v.id')
    .execute();
  return rows.map((r) => {
    const lifetime = Number(r.lifetime_hours);
    return {
      id: r.id,
      volunteerNo: r.volunteer_no,
      name: r.name,
      orgName: r.org_name,
      politicalStatus: r.political_status as PoliticalStatus,
      lifetimeHours: lifetime,
      starLevel: starLevel(lifetime),
    };
  });
}

/** The masked phone and ID number of the given volunteers (those the caller's scope shows). */
export async function maskedContacts(
  tx: Tx,
  cipher: FieldCipher,
  ids: readonly number[],
): Promise<Map<number, MaskedContact>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('volunteers')
    .select(['id', 'phone_enc', 'id_number_enc'])
    .where(sql<boolean>`id = ANY(${[...ids]}::bigint[])`)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        phoneMasked: maskedPhone(cipher, r.phone_enc),
        idNumberMasked: maskedIdNumber(cipher, r.id_number_enc),
      },
    ]),
  );
}

/** The logged-in volunteer's own star level (their record is in their own scope). */
export async function ownStarLevel(
  tx: Tx,
  volunteerId: number,
): Promise<{ lifetimeHours: number; starLevel: number }> {
  const row = await tx
    .selectFrom('volunteers')
    .select('lifetime_hours')
    .where('id', '=', volunteerId)
    .executeTakeFirst();
  const lifetime = Number(row?.lifetime_hours ?? 0);
  return { lifetimeHours: lifetime, starLevel: starLevel(lifetime) };
}

/** Who the given volunteers are, for a list of honours (those the caller's scope shows). */
export async function volunteerLabels(
  tx: Tx,
  ids: readonly number[],
): Promise<Map<number, { volunteerNo: string; name: string; orgName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('volunteers as v')
    .select(['v.id', 'v.volunteer_no', 'v.name', sql<string>`org_name(v.org_id)`.as('org_name')])
    .where(sql<boolean>`v.id = ANY(${[...ids]}::bigint[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, { volunteerNo: r.volunteer_no, name: r.name, orgName: r.org_name }]));
}
