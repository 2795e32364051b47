// A volunteer acting for themselves (H5): the work runs in a scope of their own, so row-level
// security shows them their own record, account and memberships and the teams of their org and
// above, nothing else (see inVolunteerScope and migration 0003).
import type { AppContext } from '../context.ts';
import { inVolunteerScope, type Tx } from '../db/database.ts';
import { Forbidden } from '../errors.ts';
import type { Actor } from './actor.ts';

export interface SelfVolunteer {
  id: number;
  orgPath: string;
}

/** The logged-in volunteer's own record; refuses accounts that are not (or no longer) volunteers. */
export async function ownVolunteer(ctx: AppContext, actor: Actor): Promise<SelfVolunteer> {
  // one's own record came with the session; finding it by the account id comes before there is
  // a scope to find it in
  const me =
    actor.volunteer !== undefined
      ? actor.volunteer
      : await ctx.db.system
          .selectFrom('volunteers')
          .select(['id', 'org_path as orgPath', 'status'])
          .where('user_id', '=', actor.userId)
          .executeTakeFirst();
  if (!me || me.status === 'withdrawn') throw new Forbidden('您还不是志愿者，请先注册', 'NOT_A_VOLUNTEER');
  return { id: me.id, orgPath: me.orgPath };
}

/** Runs `work` as the logged-in volunteer in their own scope; refuses accounts that are not (or no longer) volunteers. */
export async function inOwnVolunteerScope<T>(
  ctx: AppContext,
  actor: Actor,
  work: (tx: Tx, me: SelfVolunteer) => Promise<T>,
): Promise<T> {
  const me = await ownVolunteer(ctx, actor);
  return inVolunteerScope(ctx.db.app, me.orgPath, me.id, (tx) => work(tx, me));
}
