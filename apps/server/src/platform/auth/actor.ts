import {
  ROLE_PERMISSIONS,
  STAFF_ROLES,
  TEAM_BOUND_ROLES,
  type Permission,
  type Role,
} from '@civic/contracts';
import { Forbidden } from '../errors.ts';
import { appendAudit, type AuditActor } from '../audit/audit.ts';
import type { Tx } from '../db/database.ts';

/** The authenticated caller, built once per request by the auth plugin and passed down. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  /** The root of the caller's data scope (their org's ltree path). */
  orgPath: string;
  /**
   * The team a team leader's account leads (users.team_id): their data scope is that team and its
   * sub-teams, inside orgPath. Null for every other role, and for a leader bound to no team (who
   * then sees no team's data).
   */
  teamId: number | null;
  teamName: string | null;
  permissions: ReadonlySet<Permission>;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  totpEnabled: boolean;
  totpRequired: boolean;
  ip: string;
  /** The account's own volunteer record (id, residence org path, status), read with the session. */
  volunteer?: { id: number; orgPath: string; status: string } | null;
}

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** True for a role whose data scope is the team it leads (TEAM_BOUND_ROLES), not the org subtree. */
export function isTeamBound(actor: Pick<Actor, 'role'>): boolean {
  return TEAM_BOUND_ROLES.includes(actor.role);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw new Forbidden();
}

/** True when `path` lies inside the actor's subtree (service-layer check beside RLS). */
export function inActorScope(actor: Actor, path: string): boolean {
  return path === actor.orgPath || path.startsWith(`${actor.orgPath}.`);
}

export function auditActor(actor: Actor): AuditActor {
  return { userId: actor.userId, username: actor.username, role: actor.role };
}

/** The org-scoped object an action was taken on, for its audit entry. */
export interface AuditTarget {
  id: number | string;
  org_id: number | null;
  org_path: string | null;
}

/** Appends the audit entry of an action the actor took on one object, in the action's transaction. */
export async function auditAction(
  tx: Tx,
  actor: Actor,
  action: string,
  resourceType: string,
  target: AuditTarget,
  summary: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await appendAudit(
    tx,
    {
      actor: auditActor(actor),
      action,
      resourceType,
      resourceId: target.id,
      orgId: target.org_id,
      orgPath: target.org_path,
      ip: actor.ip,
      summary,
    },
    now,
  );
}
