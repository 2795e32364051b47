import { ROLE_PERMISSIONS, STAFF_ROLES, type Permission, type Role } from '@civic/contracts';
import { Forbidden } from '../errors.ts';
import type { AuditActor } from '../audit/audit.ts';

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
  permissions: ReadonlySet<Permission>;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  totpEnabled: boolean;
  totpRequired: boolean;
  ip: string;
}

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
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
