// 三权分立 per person, not only per role. The security admin creates accounts and resets passwords,
// and so learns the initial password; for a privileged account (centre or institute admin, security
// admin, audit admin) that would let them sign in as it. Such an account therefore stays 'pending'
// after the security admin creates, resets or promotes it, until a second person — an audit admin
// or a centre admin, never the one who asked — activates it. Audit admins, who watch the security
// admin, are out of the security admin's reach (no reset, disable, re-role or 2FA reset), and every
// audit admin is alerted in the console of each such action, refused attempts included.
import { PRIVILEGED_ROLES, ROLE_LABELS, type Role } from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { Forbidden } from '../../platform/errors.ts';
import { notifyUsers } from '../notifications/index.ts';

export type ActivationReason = 'create' | 'reset_password' | 'role_change';

export const ACTIVATION_REASON_LABELS: Record<ActivationReason, string> = {
  create: '新建',
  reset_password: '重置密码',
  role_change: '变更为管理角色',
};

/** Where an alert about an account waiting for activation leads: the page that activates it. */
export const ACTIVATION_PAGE = '/account-activations';

export const PENDING_ACTIVATION_MESSAGE = '账号待激活：需由审计管理员或中心管理员激活';

export function isPrivileged(role: string): boolean {
  return PRIVILEGED_ROLES.includes(role as Role);
}

/** The columns that put an account in 'pending', remembering who asked, when and why. */
export function pendingActivation(actor: Actor, reason: ActivationReason, now: Date) {
  return {
    status: 'pending',
    activation_requested_by: actor.userId,
    activation_requested_at: now,
    activation_reason: reason,
  };
}

/** The account an alert is about, as the audit admins read it: "中心管理员 zhang（张三）". */
export function accountLabel(user: { username: string; display_name: string; role: string }): string {
  return `${ROLE_LABELS[user.role as Role] ?? user.role} ${user.username}（${user.display_name}）`;
}

/**
 * Tells every active audit admin (but the actor) what happened, in the actor's transaction. The
 * alert is held at each audit admin's own org (the centre), which the security admin's and the
 * centre admin's scope covers.
 */
export async function alertAuditAdmins(
  tx: Tx,
  actor: Actor,
  what: { title: string; body?: string; link?: string },
  now: Date,
): Promise<void> {
  const auditors = await tx
    .selectFrom('users')
    .select(['id', 'org_id', 'org_path'])
    .where('role', '=', 'audit_admin')
    .where('status', '=', 'active')
    .where('id', '<>', actor.userId)
    .execute();
  const who = `${ROLE_LABELS[actor.role]} ${actor.username}`;
  await notifyUsers(
    tx,
    auditors.map((a) => ({ id: a.id, orgId: a.org_id, orgPath: a.org_path })),
    {
      kind: 'account.alert',
      title: what.title,
      body: [what.body, `操作人：${who}，IP：${actor.ip}`].filter(Boolean).join('；'),
      link: what.link ?? '/audit-logs',
    },
    now,
  );
}

const AUDIT_ADMIN_PROTECTED = '三权分立：安全管理员不能重置、停用、变更审计管理员账号或重置其两步验证';

/**
 * Refuses an account manager's action on an audit admin: the attempt is recorded (outcome
 * 'denied') and the audit admins are told, in a transaction of its own, before the 403.
 */
export async function refuseOnAuditAdmin(
  ctx: AppContext,
  actor: Actor,
  target: {
    id: number;
    username: string;
    display_name: string;
    role: string;
    org_id: number;
    org_path: string;
  },
  action: string,
  what: string,
): Promise<void> {
  if (target.role !== 'audit_admin') return;
  const now = ctx.now();
  await inScope(ctx.db.app, actor, async (tx) => {
    await appendAudit(
      tx,
      {
        actor: auditActor(actor),
        action,
        resourceType: 'user',
        resourceId: target.id,
        orgId: target.org_id,
        orgPath: target.org_path,
        ip: actor.ip,
        outcome: 'denied',
        summary: { reason: 'audit_admin_protected' },
      },
      now,
    );
    await alertAuditAdmins(
      tx,
      actor,
      { title: `已拒绝：${ROLE_LABELS[actor.role]}试图${what}${accountLabel(target)}` },
      now,
    );
  });
  throw new Forbidden(AUDIT_ADMIN_PROTECTED, 'AUDIT_ADMIN_PROTECTED');
}
