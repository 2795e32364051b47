// The volunteer card (志愿者电子证): name, volunteer number, star level, organisation and a QR code
// whose token only this server can make (card-token.ts). The volunteer shows it on H5; a station
// prints it for a volunteer without a smartphone (audited, the printed card is a credential); it is
// re-issued (audited) when lost, which stops every older card. Activities checks a card in
// (volunteerByCard) in the organiser's scope. The card's photo is kept as an upload under the
// volunteer's org, set by the volunteer or an admin of their org (audited), and read only by them;
// the privileges printed on it come from honours (above this module), which asks cardHolderStar.
import { sql } from 'kysely';
import { starLevel } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { readRecordImage, storeRecordImage } from '../uploads/index.ts';
import { CARD_KEY_PURPOSE, looksLikeCardToken, signCardToken, verifyCardToken } from './card-token.ts';
import { ownPhotoPath, volunteerPhotoPath } from './volunteer-view.ts';
import type { CardPhoto, VolunteerCard } from './volunteers.schema.ts';

const NOT_FOUND = '志愿者不存在或不在您的数据范围内';

type UploadedFile = { fileName: string | undefined; data: Buffer };

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
  photo_id: string | null;
  user_id: number | null;
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
      'v.photo_id',
      'v.user_id',
    ])
    .select(sql<string>`org_name(v.org_id)`.as('org_name'));
}

/** The card; `photoPath` says where this caller reads the photo (H5 or console). */
function cardOf(key: Buffer, row: CardRow, photoPath: (photoId: string) => string): VolunteerCard {
  const hours = Number(row.lifetime_hours);
  const star = starLevel(hours);
  return {
    volunteerId: row.id,
    name: row.name,
    volunteerNo: row.volunteer_no,
    orgName: row.org_name,
    starLevel: star,
    lifetimeHours: hours,
    status: row.status as VolunteerCard['status'],
    cardVersion: row.card_version,
    photoUrl: row.photo_id ? photoPath(row.photo_id) : null,
    token: signCardToken(key, row.id, row.card_version),
  };
}

/** The limit for a card photo (the phone shrinks it to 1600 px first, a few hundred KB). */
export const CARD_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

const NO_PHOTO = '照片不存在或已更换';

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

/**
 * The star level of a volunteer whose card `actor` may print (an admin of the volunteer's org or
 * above, as for the card itself), for the privileges honours prints on it. Others get a 404.
 */
export async function cardHolderStar(
  tx: Tx,
  actor: Actor,
  id: number,
): Promise<{ id: number; starLevel: number }> {
  const row = await cardRows(tx).where('v.id', '=', id).executeTakeFirst();
  if (!row || !inActorScope(actor, row.org_path)) throw new NotFound(NOT_FOUND);
  return { id: row.id, starLevel: starLevel(Number(row.lifetime_hours)) };
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
        return cardOf(key, row, ownPhotoPath);
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
        return cardOf(key, row, volunteerPhotoPath(row.id));
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
        return cardOf(key, { ...row, card_version: updated.card_version }, volunteerPhotoPath(row.id));
      }),

    /** The volunteer sets the photo on their own card (H5). */
    setMyPhoto: (actor: Actor, file: UploadedFile) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const row = await cardRows(tx).where('v.id', '=', me.id).executeTakeFirstOrThrow();
        // the upload is the volunteer's own (0025 checks it): their account sent it
        return setPhoto(tx, actor, row, file, row.user_id, ownPhotoPath);
      }),

    /** An admin of the volunteer's org or above sets the card photo (console volunteer drawer). */
    setPhotoFor: (actor: Actor, id: number, file: UploadedFile) =>
      inScope(ctx.db.app, actor, async (tx) => {
        const row = await managed(tx, actor, id);
        if (row.status === 'withdrawn')
          throw new Conflict('该志愿者已注销，不能更换照片', 'VOLUNTEER_WITHDRAWN');
        return setPhoto(tx, actor, row, file, actor.userId, volunteerPhotoPath(row.id));
      }),

    /** The volunteer's own card photo (only the current one). */
    myPhoto: (actor: Actor, photoId: string) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const row = await cardRows(tx).where('v.id', '=', me.id).executeTakeFirstOrThrow();
        if (row.photo_id !== photoId) throw new NotFound(NO_PHOTO, 'PHOTO_NOT_FOUND');
        return readRecordImage(tx, photoId);
      }),

    /** A volunteer's card photo for an admin of their org or above (not a team leader). */
    photoFor: (actor: Actor, id: number, photoId: string) =>
      inScope(ctx.db.app, actor, async (tx) => {
        const row = await managed(tx, actor, id);
        if (row.photo_id !== photoId) throw new NotFound(NO_PHOTO, 'PHOTO_NOT_FOUND');
        return readRecordImage(tx, photoId);
      }),
  };

  async function setPhoto(
    tx: Tx,
    actor: Actor,
    row: CardRow,
    file: UploadedFile,
    uploadedBy: number | null,
    photoPath: (photoId: string) => string,
  ): Promise<CardPhoto> {
    const now = ctx.now();
    const image = await storeRecordImage(tx, {
      orgPath: row.org_path,
      uploadedBy,
      fileName: file.fileName,
      data: file.data,
      now,
    });
    await tx
      .updateTable('volunteers')
      .set({ photo_id: image.id, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await auditAction(
      tx,
      actor,
      'volunteer.photo.set',
      'volunteer',
      target(row),
      { photoId: image.id, previous: row.photo_id, byteSize: image.byteSize, sha256: image.sha256 },
      now,
    );
    return { photoId: image.id, photoUrl: photoPath(image.id) };
  }
}
