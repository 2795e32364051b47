// The volunteer card (志愿者电子证): name, volunteer number, star level, organisation and a QR code
// whose token only this server can make (card-token.ts). The volunteer shows it on H5; a station
// prints it for a volunteer without a smartphone (audited, the printed card is a credential); it is
// re-issued (audited) when lost, which stops every older card. Activities checks a card in
// (volunteerByCard) in the organiser's scope.
import { sql } from 'kysely';
import { starLevel } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { CARD_KEY_PURPOSE, looksLikeCardToken, signCardToken, verifyCardToken } from './card-token.ts';
import type { VolunteerCard } from './volunteers.schema.ts';

const NOT_FOUND = '志愿者不存在或不在您的数据范围内';

interface CardRow {
  id: number;
  name: string;
  volunteer_no: string;
  org_id: number;
  org_path: string;
  org_name: string;
  status: string;
  lifetime_hours: string | number;
  card_version: number;
}

function cardRows(tx: Tx) {
  return tx
    .selectFrom('volunteers as v')
    .select([
      'v.id',
      'v.name',
      'v.volunteer_no',
      'v.org_id',
      'v.org_path',
      'v.status',
      'v.lifetime_hours',
      'v.card_version',
    ])
    .select(sql<string>`org_name(v.org_id)`.as('org_name'));
}

function cardOf(key: Buffer, row: CardRow): VolunteerCard {
  const hours = Number(row.lifetime_hours);
  return {
    volunteerId: row.id,
    name: row.name,
    volunteerNo: row.volunteer_no,
    orgName: row.org_name,
    starLevel: starLevel(hours),
    lifetimeHours: hours,
    status: row.status as VolunteerCard['status'],
    cardVersion: row.card_version,
    // no photo is kept for volunteers yet: the card shows a placeholder
    photoUrl: null,
    token: signCardToken(key, row.id, row.card_version),
  };
}

/** Who a card token (or a typed volunteer number) names, found in the caller's transaction and scope. */
export type CardLookup = { id: number; name: string; status: string; volunteerNo: string };

/**
 * The volunteer a scanned card token or a typed volunteer number names, visible in `tx` (row-level
 * security: the organiser's scope). A forged token is a 400; a card re-issued since is a 409.
 */
export async function volunteerByCard(tx: Tx, key: Buffer, code: string): Promise<CardLookup> {
  const text = code.trim();
  if (looksLikeCardToken(text)) {
    const claim = verifyCardToken(key, text);
    const row = await tx
      .selectFrom('volunteers')
      .select(['id', 'name', 'status', 'volunteer_no', 'card_version'])
      .where('id', '=', claim.volunteerId)
      .executeTakeFirst();
    if (!row) throw new NotFound(NOT_FOUND, 'VOLUNTEER_NOT_FOUND');
    if (row.card_version !== claim.version)
      throw new Conflict('这张志愿者证已停用（已补办新证），请出示新证或输入志愿者编号', 'CARD_REVOKED');
    return { id: row.id, name: row.name, status: row.status, volunteerNo: row.volunteer_no };
  }
  const row = await tx
    .selectFrom('volunteers')
    .select(['id', 'name', 'status', 'volunteer_no'])
    .where('volunteer_no', '=', text.toUpperCase())
    .executeTakeFirst();
  if (!row)
    throw new NotFound(
      `没有找到志愿者编号为 ${text} 的志愿者（或不在您的数据范围内）`,
      'VOLUNTEER_NOT_FOUND',
    );
  return { id: row.id, name: row.name, status: row.status, volunteerNo: row.volunteer_no };
}

/** The card key, for activities' card check-in. */
export function cardKey(ctx: AppContext): Buffer {
  return ctx.cipher.derive(CARD_KEY_PURPOSE);
}

export function createCardService(ctx: AppContext) {
  const key = cardKey(ctx);

  async function managed(tx: Tx, actor: Actor, id: number): Promise<CardRow> {
    const row = await cardRows(tx).where('v.id', '=', id).executeTakeFirst();
    // a card is issued by the volunteer's own org or above, not by a team leader who sees a member
    if (!row || !inActorScope(actor, row.org_path)) throw new NotFound(NOT_FOUND);
    return row;
  }

  const target = (row: CardRow) => ({ id: row.id, org_id: row.org_id, org_path: row.org_path });

  return {
    /** The volunteer's own card on H5. */
    mine: (actor: Actor) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const row = await cardRows(tx).where('v.id', '=', me.id).executeTakeFirstOrThrow();
        return cardOf(key, row);
      }),

    /** The card to print for a volunteer without a smartphone; audited (the card is a credential). */
    forPrint: (actor: Actor, id: number) =>
      inScope(ctx.db.app, actor, async (tx) => {
        const row = await managed(tx, actor, id);
        if (row.status === 'withdrawn')
          throw new Conflict('该志愿者已注销，不能打印志愿者证', 'VOLUNTEER_WITHDRAWN');
        await auditAction(
          tx,
          actor,
          'volunteer.card.print',
          'volunteer',
          target(row),
          { cardVersion: row.card_version },
          ctx.now(),
        );
        return cardOf(key, row);
      }),

    /** A new card (the old one lost): every older card's QR code stops working. */
    reissue: (actor: Actor, id: number) =>
      inScope(ctx.db.app, actor, async (tx) => {
        const row = await managed(tx, actor, id);
        if (row.status === 'withdrawn')
          throw new Conflict('该志愿者已注销，不能补办志愿者证', 'VOLUNTEER_WITHDRAWN');
        const updated = await tx
          .updateTable('volunteers')
          .set({ card_version: sql<number>`card_version + 1`, updated_at: ctx.now() })
          .where('id', '=', id)
          .returning('card_version')
          .executeTakeFirstOrThrow();
        await auditAction(
          tx,
          actor,
          'volunteer.card.reissue',
          'volunteer',
          target(row),
          { from: row.card_version, to: updated.card_version },
          ctx.now(),
        );
        return cardOf(key, { ...row, card_version: updated.card_version });
      }),
  };
}
