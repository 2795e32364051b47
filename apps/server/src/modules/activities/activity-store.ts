// What every part of the activities module shares: the activity row, finding and locking it in the
// caller's scope. Row-level security decides what is visible; these helpers turn "not visible"
// into one clear 404.
import { sql, type Selectable } from 'kysely';
import { inActorScope, type Actor, type AuditTarget } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { ActivitiesTable } from '../../platform/db/schema.ts';
import { NotFound } from '../../platform/errors.ts';
import { notifyVolunteers } from '../notifications/index.ts';
import { ledTeamIds } from '../teams/index.ts';

export type ActivityRow = Selectable<ActivitiesTable>;

export const ACTIVITY_NOT_FOUND = '活动不存在或不在您的数据范围内';

export function activityTarget(row: Pick<ActivityRow, 'id' | 'org_id' | 'org_path'>): AuditTarget {
  return { id: row.id, org_id: row.org_id, org_path: row.org_path };
}

/** The activity, read in the caller's scope; 404 when it is not there or not visible. */
export async function findActivity(tx: Tx, id: number): Promise<ActivityRow> {
  const row = await tx.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound(ACTIVITY_NOT_FOUND);
  return row;
}

/** The activity under its row lock (sign-ups and status changes serialise on it). */
export async function lockActivity(tx: Tx, id: number): Promise<ActivityRow> {
  const row = await tx
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFound(ACTIVITY_NOT_FOUND);
  return row;
}

/**
 * Refuses (404) an activity that is not one of a team leader's teams'; anyone else passes. Row-level
 * security hides it from them too: this keeps the service's answer right on its own.
 */
export async function checkLeaderActivity(
  tx: Tx,
  actor: Actor,
  row: Pick<ActivityRow, 'team_id'>,
): Promise<void> {
  const teams = await ledTeamIds(tx, actor);
  if (teams && (row.team_id === null || !teams.includes(row.team_id))) throw new NotFound(ACTIVITY_NOT_FOUND);
}

/**
 * An activity the caller manages (their subtree, activities of the orgs above are only visible; a
 * team leader's teams' only), optionally under its row lock; 404 otherwise.
 */
export async function managedActivity(
  tx: Tx,
  actor: Actor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<ActivityRow> {
  const row = options.lock ? await lockActivity(tx, id) : await findActivity(tx, id);
  if (!inActorScope(actor, row.org_path)) throw new NotFound(ACTIVITY_NOT_FOUND);
  await checkLeaderActivity(tx, actor, row);
  return row;
}

/** Minutes from start to end of an activity: the cap of any one record of it. */
export function activityMinutes(row: Pick<ActivityRow, 'starts_at' | 'ends_at'>): number {
  return Math.floor((new Date(row.ends_at).getTime() - new Date(row.starts_at).getTime()) / 60_000);
}

/**
 * Fills one free place from the waitlist (the longest-waiting volunteer, who is told) under the
 * activity's lock; returns who was promoted, or null when there is no room or nobody waiting.
 * Runs through the promote_from_waitlist function, so a volunteer who cancels never writes
 * another volunteer's sign-up themselves.
 */
export async function promoteFromWaitlist(
  tx: Tx,
  row: Pick<ActivityRow, 'id' | 'org_id' | 'org_path' | 'title'>,
  now: Date,
): Promise<number | null> {
  const { rows } = await sql<{ id: number | null }>`SELECT promote_from_waitlist(${row.id}) AS id`.execute(
    tx,
  );
  const promoted = rows[0]?.id ?? null;
  if (promoted === null) return null;
  await notifyVolunteers(
    tx,
    [promoted],
    { orgId: row.org_id, orgPath: row.org_path },
    {
      kind: 'activity.promoted',
      title: `候补成功：${row.title}`,
      body: '有名额空出，您已从候补转为正式报名，请按时参加。',
      link: `/activities/${row.id}`,
    },
    now,
  );
  return promoted;
}
