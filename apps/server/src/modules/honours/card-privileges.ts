// The privileges on a volunteer's card (志愿者电子证): the active privileges of the volunteer's org
// and the orgs above it that their star level already earns, shown on the H5 card and printed on
// the paper one. The card itself belongs to volunteers (below this module); the pages ask here for
// what goes on it. Read through a database function (0025) so a station admin printing a card sees
// the county centre's privileges too, which their own scope would hide.
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { cardHolderStar, ownStarLevel } from '../volunteers/index.ts';
import type { CardPrivilegesView } from './honours.schema.ts';

type CardPrivilege = CardPrivilegesView['privileges'][number];

async function cardPrivileges(tx: Tx, volunteerId: number, starLevel: number): Promise<CardPrivilege[]> {
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

export function createCardPrivilegesService(ctx: AppContext) {
  return {
    /** On the volunteer's own card (H5). */
    mine: (actor: Actor): Promise<CardPrivilegesView> =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const { starLevel } = await ownStarLevel(tx, me.id);
        return { starLevel, privileges: await cardPrivileges(tx, me.id, starLevel) };
      }),

    /** On the card an admin of the volunteer's org or above prints (same rule as the card). */
    forCard: (actor: Actor, volunteerId: number): Promise<CardPrivilegesView> =>
      inScope(ctx.db.app, actor, async (tx) => {
        const holder = await cardHolderStar(tx, actor, volunteerId);
        return {
          starLevel: holder.starLevel,
          privileges: await cardPrivileges(tx, holder.id, holder.starLevel),
        };
      }),
  };
}
