// A volunteer's login account (role 'volunteer', username = volunteer number, phone as a second
// login name). The volunteers module decides when an account is opened, moved or closed; this file
// is the only place those changes touch the users table, in the caller's transaction.
import type { Tx } from '../../platform/db/database.ts';

export interface VolunteerAccountInput {
  displayName: string;
  phoneEnc: string | null;
  phoneIndex: string | null;
  passwordHash: string;
  org: { id: number; path: string };
}

/**
 * Opens the account of a volunteer who registered on H5, or reopens the one they had (a returning
 * volunteer, or a record staff created before the person registered): active, with the password
 * they chose, so no first-login change is asked.
 */
export async function openVolunteerAccount(
  tx: Tx,
  existingUserId: number | null,
  username: string,
  input: VolunteerAccountInput,
  now: Date,
): Promise<{ id: number; username: string }> {
  const account = {
    display_name: input.displayName,
    phone_enc: input.phoneEnc,
    phone_index: input.phoneIndex,
    password_hash: input.passwordHash,
    password_changed_at: now,
    must_change_password: false,
    status: 'active',
    org_id: input.org.id,
    org_path: input.org.path,
    updated_at: now,
  };
  return existingUserId
    ? tx
        .updateTable('users')
        .set(account)
        .where('id', '=', existingUserId)
        .returning(['id', 'username'])
        .executeTakeFirstOrThrow()
    : tx
        .insertInto('users')
        .values({ ...account, username, role: 'volunteer', created_at: now })
        .returning(['id', 'username'])
        .executeTakeFirstOrThrow();
}

/** Follows a change to the volunteer's record: phone (their login), org (their scope) or name. */
export async function updateVolunteerAccount(
  tx: Tx,
  userId: number,
  change: {
    phone?: { enc: string; index: string };
    org?: { id: number; path: string };
    displayName?: string;
  },
  now: Date,
): Promise<void> {
  const set = {
    ...(change.phone ? { phone_enc: change.phone.enc, phone_index: change.phone.index } : {}),
    ...(change.org ? { org_id: change.org.id, org_path: change.org.path } : {}),
    ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await tx
    .updateTable('users')
    .set({ ...set, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** A volunteer who withdrew consent: the account can no longer log in and forgets the phone. */
export async function closeVolunteerAccount(tx: Tx, userId: number, now: Date): Promise<void> {
  await tx
    .updateTable('users')
    .set({ status: 'disabled', phone_enc: null, phone_index: null, updated_at: now })
    .where('id', '=', userId)
    .execute();
}
