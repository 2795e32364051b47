// What the hours module reads of the work it credits. Activities and orders sit above hours (they
// call recordService), so hours never imports them; it reads the few columns it needs — an
// activity's times and status for 补录 and for the cap of a correction — straight from their tables,
// read-only, under the caller's row-level security.
import { MAX_RECORD_HOURS } from '@civic/contracts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';

const ACTIVITY_NOT_FOUND = '活动不存在或不在您的数据范围内';

/** Whole minutes from start to end: an activity's length, the cap of any one record of it. */
export function spanMinutes(startsAt: Date | string, endsAt: Date | string): number {
  return Math.floor((new Date(endsAt).getTime() - new Date(startsAt).getTime()) / 60_000);
}

/** The most hours one record of `minutes` of work may carry: in tenths, never over 24 h. */
export function maxCreditHours(minutes: number): number {
  return Math.min(MAX_RECORD_HOURS, Math.floor(minutes / 6 + 1e-9) / 10);
}

/** An activity the caller manages (their subtree, not only visible from below); 404 otherwise. */
export async function managedActivityForHours(tx: Tx, actor: Actor, id: number) {
  const row = await tx
    .selectFrom('activities')
    .select(['id', 'org_path', 'status', 'starts_at', 'ends_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !inActorScope(actor, row.org_path)) throw new NotFound(ACTIVITY_NOT_FOUND);
  return row;
}
