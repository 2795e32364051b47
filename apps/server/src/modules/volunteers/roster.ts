// The volunteers another module lists by id (a training's attendance): who they are as a staff list
// shows them — number, name, unit, status and the masked phone — for the ids the caller's scope
// reaches (row-level security); an id out of scope is simply absent from the answer.
import { sql } from 'kysely';
import type { VolunteerStatus } from '@civic/contracts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Tx } from '../../platform/db/database.ts';
import { maskedPhone } from '../../platform/personal-data.ts';

export interface RosterVolunteer {
  id: number;
  volunteerNo: string;
  name: string;
  orgId: number;
  orgName: string;
  status: VolunteerStatus;
  phoneMasked: string | null;
}

export async function rosterVolunteers(
  tx: Tx,
  cipher: FieldCipher,
  ids: readonly number[],
): Promise<Map<number, RosterVolunteer>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('volunteers as v')
    .select([
      'v.id',
      'v.volunteer_no',
      'v.name',
      'v.org_id',
      sql<string>`org_name(v.org_id)`.as('org_name'),
      'v.status',
      'v.phone_enc',
    ])
    .where(sql<boolean>`v.id = ANY(${[...ids]}::bigint[])`)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        volunteerNo: r.volunteer_no,
        name: r.name,
        orgId: r.org_id,
        orgName: r.org_name,
        status: r.status as VolunteerStatus,
        phoneMasked: maskedPhone(cipher, r.phone_enc),
      },
    ]),
  );
}
