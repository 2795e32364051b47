// The privileges on a volunteer's card (志愿者电子证): the active privileges of the volunteer's org
// and the orgs above it that their star level already earns. Read through a database function
// (0025) so a station admin printing a card sees the county centre's privileges too; the caller has
// already checked that it may show this volunteer's card.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

export interface CardPrivilege {
  id: number;
  name: string;
  description: string;
  minStar: number;
  orgName: string;
}

export async function cardPrivileges(
  tx: Tx,
  volunteerId: number,
  starLevel: number,
): Promise<CardPrivilege[]> {
  if (starLevel < 1) return [];
  const { rows } = await sql<{
    id: string | number;
    name: string;
    description: string;
    min_star: number;
    org_name: string;
  }>`SELECT p.id, p.name, p.description, p.min_star, org_name(p.org_id) AS org_name
     FROM volunteer_card_privileges(${volunteerId}) p
     WHERE p.min_star <= ${starLevel}`.execute(tx);
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    description: r.description,
    minStar: r.min_star,
    orgName: r.org_name,
  }));
}
