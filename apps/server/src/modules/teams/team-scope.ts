// A team leader's data scope (TEAM_BOUND_ROLES): the team their account leads and every team below
// it, inside their org's subtree. Row-level security narrows the same way (migration 0011, through
// app.team); the services say it too, so each list and each check is right on its own.
import { sql, type RawBuilder } from 'kysely';
import { isTeamBound, type Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';

/** What a team leader whose account leads no team is told (their lists are empty). */
export const NO_TEAM_MESSAGE = '您的账号尚未绑定所带队伍，请联系安全管理员设置';

/**
 * The teams a team leader works for: their account's team and its sub-teams, [] when the account
 * leads none. Null for every other role: no team limit.
 */
export async function ledTeamIds(tx: Tx, actor: Actor): Promise<number[] | null> {
  if (!isTeamBound(actor)) return null;
  if (actor.teamId === null) return [];
  const { rows } = await sql<{ id: number }>`
    WITH RECURSIVE down AS (
      SELECT id FROM teams WHERE id = ${actor.teamId}
      UNION SELECT t.id FROM teams t JOIN down d ON t.parent_id = d.id)
    SELECT id FROM down`.execute(tx);
  return rows.map((r) => Number(r.id));
}

/** `column` holds one of `teams` (false for an empty list, and for NULL). */
export function inTeams(column: string, teams: readonly number[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} = ANY(${[...teams]}::bigint[])`;
}
