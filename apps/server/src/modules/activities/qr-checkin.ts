// A QR check-in in one round trip (migration 0014, DESIGN §4): the volunteer's scope, the activity
// and sign-up lookup, the window, the sign-up rule, the geofence and the insert that a retry cannot
// duplicate are one statement, called outside a transaction. It returns the facts it decided on;
// the check-in service explains a refusal from them with the rules of attendance.ts.
import { sql } from 'kysely';
import { CHECKIN_OPENS_BEFORE_MIN } from '@civic/contracts';
import type { SelfVolunteer } from '../../platform/auth/volunteer-scope.ts';
import { SELF_SCOPE_LABEL, type Db } from '../../platform/db/database.ts';
import type { AttendanceActivity } from './attendance.ts';

/**
 * The statement writes a check-in only this far inside the fence: its distance (PostgreSQL's
 * floating point) and the reference one (contracts' checkGeofence, in JavaScript) could round a
 * position at the very edge differently, so there the service decides on its own (in a transaction).
 */
export const QR_FENCE_MARGIN_M = 1;

export interface QrCheckin extends AttendanceActivity {
  signup_status: string | null;
  /** The volunteer's check-in: the one just written, or the one from before. */
  checked_in_at: Date | null;
  in_distance_m: number | null;
  /** Whether this statement wrote it. */
  inserted: boolean;
}

/** Checks the volunteer in if the rules allow; null when the activity is not theirs to see. */
export async function checkInByQr(
  db: Db,
  me: SelfVolunteer,
  activityId: number,
  at: Date,
  position: { latitude?: number | undefined; longitude?: number | undefined },
): Promise<QrCheckin | null> {
  const { rows } = await sql<QrCheckin>`
    SELECT * FROM activity_checkin_qr(${`${me.orgPath}.${SELF_SCOPE_LABEL}`}::text, ${me.id}::bigint,
      ${activityId}::bigint, ${at}::timestamptz, ${position.latitude ?? null}::float8,
      ${position.longitude ?? null}::float8, ${CHECKIN_OPENS_BEFORE_MIN}::int, ${QR_FENCE_MARGIN_M}::int)`.execute(
    db,
  );
  return rows[0] ?? null;
}
