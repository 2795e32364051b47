// The service-record list's filters, shared by the list and its tab badges (counts per status) so
// the two always agree. Conditions name the list's aliases: r (the record), v (its volunteer) and a
// (its activity). A team leader's limit to their teams' credit records is one of them.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import { inTeams, ledTeamIds } from '../teams/index.ts';
import type { RecordFilters } from './hours.schema.ts';

const DAY_MS = 86_400_000;

/** The conditions of `q` for `actor`; null when they match nothing for sure (an unknown unit). */
export async function recordConditions(
  tx: Tx,
  actor: Actor,
  q: RecordFilters,
): Promise<Expression<SqlBool>[] | null> {
  const conditions: Expression<SqlBool>[] = [sql<boolean>`r.org_path <@ ${actor.orgPath}::ltree`];
  const teams = await ledTeamIds(tx, actor);
  if (teams)
    conditions.push(
      sql<boolean>`r.source = 'activity' AND r.kind = 'credit' AND ${inTeams('a.team_id', teams)}`,
    );
  if (q.orgId) {
    const org = await tx.selectFrom('orgs').select('path').where('id', '=', q.orgId).executeTakeFirst();
    if (!org) return null;
    conditions.push(sql<boolean>`r.org_path <@ ${org.path}::ltree`);
  }
  if (q.kind) conditions.push(sql<boolean>`r.kind = ${q.kind}`);
  if (q.source) conditions.push(sql<boolean>`r.source = ${q.source}`);
  if (q.activityId) conditions.push(sql<boolean>`r.source = 'activity' AND r.source_id = ${q.activityId}`);
  if (q.keyword) {
    const like = containsPattern(q.keyword);
    conditions.push(sql<boolean>`(v.name ILIKE ${like} OR v.volunteer_no = ${q.keyword.toUpperCase()})`);
  }
  if (q.from) conditions.push(sql<boolean>`r.ended_at >= ${new Date(`${q.from}T00:00:00+08:00`)}`);
  if (q.to)
    conditions.push(
      sql<boolean>`r.ended_at < ${new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + DAY_MS)}`,
    );
  return conditions;
}
