// Writing in-app notifications, in the caller's transaction: to an org's staff (the console bell),
// to one staff member (e.g. each audit admin, of a privileged account action), or to volunteers (H5 消息). A volunteer's notification carries the org path of what it is about
// (an order, an activity), so the staff who cause it write it in their own scope; the volunteer
// reads it by volunteer_id (row-level security, migration 0005).
import type { Tx } from '../../platform/db/database.ts';

export interface NotificationContent {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

export async function notifyOrg(
  tx: Tx,
  org: { id: number; path: string },
  content: NotificationContent,
  now: Date,
): Promise<void> {
  await tx
    .insertInto('notifications')
    .values({
      org_id: org.id,
      org_path: org.path,
      kind: content.kind,
      title: content.title,
      body: content.body ?? null,
      link: content.link ?? null,
      created_at: now,
    })
    .execute();
}

/** One notification per volunteer, about something held by `about` (its org and path). */
export async function notifyVolunteers(
  tx: Tx,
  volunteerIds: Iterable<number>,
  about: { orgId: number; orgPath: string },
  content: NotificationContent,
  now: Date,
): Promise<void> {
  const rows = [...new Set(volunteerIds)].map((volunteerId) => ({
    org_id: about.orgId,
    org_path: about.orgPath,
    volunteer_id: volunteerId,
    kind: content.kind,
    title: content.title,
    body: content.body ?? null,
    link: content.link ?? null,
    created_at: now,
  }));
  if (rows.length) await tx.insertInto('notifications').values(rows).execute();
}

/** One notification per staff member, held at each one's own org (they read it by user_id). */
export async function notifyUsers(
  tx: Tx,
  users: Iterable<{ id: number; orgId: number; orgPath: string }>,
  content: NotificationContent,
  now: Date,
): Promise<void> {
  const rows = [...new Map([...users].map((u) => [u.id, u])).values()].map((user) => ({
    org_id: user.orgId,
    org_path: user.orgPath,
    user_id: user.id,
    kind: content.kind,
    title: content.title,
    body: content.body ?? null,
    link: content.link ?? null,
    created_at: now,
  }));
  if (rows.length) await tx.insertInto('notifications').values(rows).execute();
}
