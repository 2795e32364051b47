// Membership changes other modules cause: a volunteer who withdraws consent leaves every team
// (and their pending applications lapse), written in the caller's transaction.
import type { Tx } from '../../platform/db/database.ts';

export async function leaveAllTeams(tx: Tx, volunteerId: number, now: Date): Promise<void> {
  await tx
    .updateTable('team_members')
    .set({ status: 'left', left_at: now })
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', ['pending', 'active'])
    .execute();
}
