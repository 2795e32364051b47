// Owns staff and user accounts: create, edit, reset password, lock/unlock, enable/disable, and the
// activation of privileged accounts. Account work is the security admin's (account.manage); what
// they do to a privileged account waits for a second person's activation (account.activate: an
// audit admin or a centre admin) — 三权分立 per person, see privileged-accounts.ts. A team leader's
// account is bound to the team it leads and sits at that team's org (its data scope is the team).
import crypto from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import {
  ROLE_LABELS,
  ROLE_ORG_KINDS,
  ROLE_PERMISSIONS,
  ROLES,
  TEAM_BOUND_ROLES,
  type Role,
} from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { deleteUserSessions } from '../../platform/auth/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import type { UsersTable } from '../../platform/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { maskedPhone, phoneIndex, sealPhone } from '../../platform/personal-data.ts';
import { isoTimestamp } from '../../platform/time.ts';
import type { UserView } from './accounts.schema.ts';
import { accountKey } from './login-guard.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import {
  ACTIVATION_PAGE,
  ACTIVATION_REASON_LABELS,
  accountLabel,
  alertAuditAdmins,
  isPrivileged,
  pendingActivation,
  refuseOnAuditAdmin,
  type ActivationReason,
} from './privileged-accounts.ts';

/** The oldest pending activations listed at once; the answer's total counts them all. */
const PENDING_LIST_LIMIT = 500;

type UserRow = Selectable<UsersTable> & {
  org_name: string;
  org_kind: string;
  team_name: string | null;
  requested_by_username: string | null;
};

/** A random initial password that satisfies the policy (upper, lower, digit, symbol). */
export function generateInitialPassword(): string {
  const pick = (set: string) => set[crypto.randomInt(set.length)]!;
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const lower = 'abcdefghijkmnpqrstuvwxyz';
  const digits = '23456789';
  const symbols = '@#$%&*!?';
  const all = upper + lower + digits + symbols;
  const chars = [pick(upper), pick(lower), pick(digits), pick(symbols)];
  while (chars.length < 12) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export function createUsersService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  const view = (row: UserRow): UserView => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    phone: maskedPhone(ctx.cipher, row.phone_enc),
    role: row.role as Role,
    roleLabel: ROLE_LABELS[row.role as Role],
    orgId: row.org_id,
    orgName: row.org_name,
    teamId: row.team_id,
    teamName: row.team_name,
    status: row.status as UserView['status'],
    activationReason: row.activation_reason as ActivationReason | null,
    activationRequestedBy: row.requested_by_username,
    activationRequestedAt: row.activation_requested_at ? isoTimestamp(row.activation_requested_at) : null,
    locked: row.locked_until !== null && new Date(row.locked_until).getTime() > ctx.now().getTime(),
    mustChangePassword: row.must_change_password,
    totpEnabled: row.totp_enabled,
    lastLoginAt: isoTimestamp(row.last_login_at),
    createdAt: isoTimestamp(row.created_at),
  });

  const selectUsers = (tx: Tx) =>
    tx
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .leftJoin('users as requester', 'requester.id', 'u.activation_requested_by')
      // a team leader's team (the teams table is read here, never written)
      .leftJoin('teams as team', 'team.id', 'u.team_id')
      .selectAll('u')
      .select([
        'o.name as org_name',
        'o.kind as org_kind',
        'team.name as team_name',
        'requester.username as requested_by_username',
      ]);

  async function find(tx: Tx, id: number): Promise<UserRow> {
    const row = await selectUsers(tx).where('u.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFound('账号不存在或不在您的数据范围内');
    return row;
  }

  async function checkOrgForRole(tx: Tx, role: Role, orgId: number) {
    const org = await tx
      .selectFrom('orgs')
      .select(['id', 'path', 'kind', 'status'])
      .where('id', '=', orgId)
      .executeTakeFirst();
    if (!org) throw new NotFound('所属单位不存在或不在您的数据范围内');
    if (org.status !== 'active') throw new Conflict('所属单位已归档');
    const kinds = ROLE_ORG_KINDS[role];
    if (kinds && !kinds.includes(org.kind as never)) {
      throw new Invalid(
        `${ROLE_LABELS[role]}只能设在以下类型的单位：${kinds.join('、')}`,
        'ROLE_ORG_MISMATCH',
      );
    }
    return org;
  }

  /**
   * The team a team leader's account leads, checked against the account's org: required for a
   * team leader and one of that org's own active teams (so the leader sits where the team is: a
   * county professional team's at the centre, a village 中队's at its station); refused on any other
   * role, whose team is always none.
   */
  async function checkTeamForRole(
    tx: Tx,
    role: Role,
    org: { id: number },
    teamId: number | null | undefined,
  ): Promise<number | null> {
    if (!TEAM_BOUND_ROLES.includes(role)) {
      if (teamId != null) throw new Invalid('只有志愿服务队队长账号可以绑定队伍', 'TEAM_ONLY_FOR_LEADERS');
      return null;
    }
    if (teamId == null)
      throw new Invalid('志愿服务队队长账号须绑定所带的队伍：请选择所属单位本级的一支队伍', 'TEAM_REQUIRED');
    const team = await tx
      .selectFrom('teams')
      .select(['id', 'org_id', 'status', sql<string>`org_name(org_id)`.as('org_name')])
      .where('id', '=', teamId)
      .executeTakeFirst();
    if (!team) throw new Invalid('所选队伍不存在或不在您的数据范围内', 'TEAM_NOT_FOUND');
    if (team.status !== 'active') throw new Invalid('所选队伍已解散', 'TEAM_DISSOLVED');
    if (team.org_id !== org.id)
      throw new Invalid(
        `队长账号须设在其队伍所在的单位（${team.org_name}），请改选所属单位或队伍`,
        'TEAM_ORG_MISMATCH',
      );
    return team.id;
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    action: string,
    user: { id: number; org_id: number; org_path: string },
    summary: Record<string, unknown> = {},
  ) {
    await appendAudit(
      tx,
      {
        actor: auditActor(actor),
        action,
        resourceType: 'user',
        resourceId: user.id,
        orgId: user.org_id,
        orgPath: user.org_path,
        ip: actor.ip,
        summary,
      },
      ctx.now(),
    );
  }

  const keepDisabled = (row: UserRow) => (row.status === 'disabled' ? { status: 'disabled' } : {});

  /** The target of an action, read before it (to refuse one on an audit admin first). */
  const target = (actor: Actor, id: number) => run(actor, (tx) => find(tx, id));

  async function setFlags(
    actor: Actor,
    id: number,
    action: string,
    patch: Partial<Record<string, unknown>> | ((row: UserRow) => Partial<Record<string, unknown>>),
    options: { guard?: (row: UserRow) => void; alert?: (row: UserRow) => string | null } = {},
  ) {
    return run(actor, async (tx) => {
      const row = await find(tx, id);
      options.guard?.(row);
      await tx
        .updateTable('users')
        .set({ ...(typeof patch === 'function' ? patch(row) : patch), updated_at: ctx.now() })
        .where('id', '=', id)
        .execute();
      await audit(tx, actor, action, row);
      const title = options.alert?.(row);
      if (title) await alertAuditAdmins(tx, actor, { title }, ctx.now());
      return view(await find(tx, id));
    });
  }

  return {
    roles() {
      return ROLES.map((role) => ({
        role,
        label: ROLE_LABELS[role],
        permissions: [...ROLE_PERMISSIONS[role]],
        orgKinds: [...(ROLE_ORG_KINDS[role] ?? [])],
      }));
    },

    /** The active teams of one org (not below it): those a team leader account there may lead. */
    async teamOptions(actor: Actor, orgId: number) {
      return run(actor, (tx) =>
        tx
          .selectFrom('teams')
          .select(['id', 'name', 'tier'])
          .where('org_id', '=', orgId)
          .where('status', '=', 'active')
          .orderBy(sql`array_position(ARRAY['corps','brigade','squadron','squad','detachment'], tier)`)
          .orderBy('id')
          .execute(),
      );
    },

    async list(
      actor: Actor,
      q: {
        keyword?: string | undefined;
        role?: Role | undefined;
        orgId?: number | undefined;
        status?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      return run(actor, async (tx) => {
        let base = tx.selectFrom('users as u');
        if (q.keyword) {
          const like = containsPattern(q.keyword);
          base = base.where((eb) =>
            eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]),
          );
        }
        if (q.role) base = base.where('u.role', '=', q.role);
        if (q.status) base = base.where('u.status', '=', q.status);
        if (q.orgId)
          base = base.where(sql<boolean>`u.org_path <@ (SELECT path FROM orgs WHERE id = ${q.orgId})`);
        const { total } = await base
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow();
        const ids = (
          await base
            .select('u.id')
            .orderBy('u.id')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute()
        ).map((r) => r.id);
        const rows = ids.length
          ? await selectUsers(tx).where('u.id', 'in', ids).orderBy('u.id').execute()
          : [];
        return { items: rows.map(view), total };
      });
    },

    async create(
      actor: Actor,
      input: {
        username: string;
        displayName: string;
        phone?: string | null | undefined;
        role: Role;
        orgId: number;
        teamId?: number | null | undefined;
      },
    ) {
      const initialPassword = generateInitialPassword();
      const passwordHash = await hashPassword(initialPassword);
      const user = await run(actor, async (tx) => {
        const org = await checkOrgForRole(tx, input.role, input.orgId);
        const teamId = await checkTeamForRole(tx, input.role, org, input.teamId);
        // usernames are unique tenant-wide, including accounts outside the caller's view
        const taken = await ctx.db.system
          .selectFrom('users')
          .select('id')
          .where(sql`lower(username)`, '=', input.username.toLowerCase())
          .executeTakeFirst();
        if (taken) throw new Conflict(`账号 ${input.username} 已存在`, 'DUPLICATE_USERNAME');
        const phone = sealPhone(ctx.cipher, input.phone);
        const privileged = isPrivileged(input.role);
        const inserted = await tx
          .insertInto('users')
          .values({
            ...(privileged ? pendingActivation(actor, 'create', ctx.now()) : {}),
            username: input.username,
            display_name: input.displayName,
            phone_enc: phone ?? null,
            phone_index: phone && input.phone ? phoneIndex(ctx.cipher, input.phone) : null,
            password_hash: passwordHash,
            password_changed_at: ctx.now(),
            must_change_password: true,
            role: input.role,
            org_id: org.id,
            org_path: org.path,
            team_id: teamId,
            created_at: ctx.now(),
            updated_at: ctx.now(),
          })
          .returning(['id', 'org_id', 'org_path'])
          .executeTakeFirstOrThrow();
        await audit(tx, actor, 'user.create', inserted, {
          username: input.username,
          role: input.role,
          orgId: org.id,
          teamId: teamId ?? undefined,
          pendingActivation: privileged,
        });
        if (privileged) {
          const label = accountLabel({ ...input, display_name: input.displayName });
          await alertAuditAdmins(
            tx,
            actor,
            { title: `新建${label}，待激活`, link: ACTIVATION_PAGE },
            ctx.now(),
          );
        }
        return view(await find(tx, inserted.id));
      });
      return { user, initialPassword };
    },

    async update(
      actor: Actor,
      id: number,
      input: {
        displayName?: string | undefined;
        phone?: string | null | undefined;
        role?: Role | undefined;
        orgId?: number | undefined;
        teamId?: number | null | undefined;
      },
    ) {
      // the team is part of a team leader's scope: changing it is a change of role
      const changesRole = input.role !== undefined || input.orgId !== undefined || input.teamId !== undefined;
      if (changesRole) {
        const before = await target(actor, id);
        await refuseOnAuditAdmin(ctx, actor, before, 'user.update', '变更角色或单位：');
      }
      return run(actor, async (tx) => {
        const row = await find(tx, id);
        if (changesRole && row.id === actor.userId) throw new Forbidden('不能修改本人的角色或所属单位');
        const role = input.role ?? (row.role as Role);
        // promoted into a privileged role: a second person has to activate it
        const promoted = input.role !== undefined && input.role !== row.role && isPrivileged(input.role);
        const org =
          input.role || input.orgId ? await checkOrgForRole(tx, role, input.orgId ?? row.org_id) : null;
        // a team leader keeps their team unless told otherwise; any other role has none
        const teamId = changesRole
          ? await checkTeamForRole(
              tx,
              role,
              { id: org?.id ?? row.org_id },
              input.teamId !== undefined
                ? input.teamId
                : TEAM_BOUND_ROLES.includes(role)
                  ? row.team_id
                  : null,
            )
          : undefined;
        const phone = sealPhone(ctx.cipher, input.phone);
        const set = Object.fromEntries(
          Object.entries({
            display_name: input.displayName,
            phone_enc: phone,
            phone_index:
              phone === undefined
                ? undefined
                : phone && input.phone
                  ? phoneIndex(ctx.cipher, input.phone)
                  : null,
            role: input.role,
            org_id: org?.id,
            org_path: org?.path,
            team_id: teamId,
          }).filter(([, v]) => v !== undefined),
        );
        if (!Object.keys(set).length) throw new Invalid('没有需要修改的内容');
        // a disabled account stays disabled; enabling it later brings it back as pending
        const pending = promoted
          ? { ...pendingActivation(actor, 'role_change', ctx.now()), ...keepDisabled(row) }
          : {};
        await tx
          .updateTable('users')
          .set({ ...set, ...pending, updated_at: ctx.now() })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, 'user.update', row, {
          fields: Object.keys(input),
          role: input.role,
          orgId: input.orgId,
          teamId: input.teamId,
          pendingActivation: promoted || undefined,
        });
        if (promoted) {
          await alertAuditAdmins(
            tx,
            actor,
            { title: `${accountLabel(row)}变更为${ROLE_LABELS[input.role!]}，待激活`, link: ACTIVATION_PAGE },
            ctx.now(),
          );
        } else if (changesRole && isPrivileged(row.role)) {
          await alertAuditAdmins(tx, actor, { title: `变更了${accountLabel(row)}的角色或单位` }, ctx.now());
        }
        if (changesRole) await deleteUserSessions(ctx.db.system, id);
        return view(await find(tx, id));
      });
    },

    async resetPassword(actor: Actor, id: number) {
      await refuseOnAuditAdmin(ctx, actor, await target(actor, id), 'user.reset_password', '重置密码：');
      const initialPassword = generateInitialPassword();
      const hash = await hashPassword(initialPassword);
      await run(actor, async (tx) => {
        const row = await find(tx, id);
        if (row.id === actor.userId) throw new Forbidden('请通过“修改密码”修改本人密码');
        const privileged = isPrivileged(row.role);
        await tx
          .updateTable('users')
          .set({
            password_hash: hash,
            must_change_password: true,
            password_changed_at: ctx.now(),
            updated_at: ctx.now(),
            // a disabled account stays disabled; enabling it later brings it back as pending
            ...(privileged
              ? { ...pendingActivation(actor, 'reset_password', ctx.now()), ...keepDisabled(row) }
              : {}),
          })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, 'user.reset_password', row, { pendingActivation: privileged || undefined });
        if (privileged)
          await alertAuditAdmins(
            tx,
            actor,
            { title: `重置密码：${accountLabel(row)}，待激活`, link: ACTIVATION_PAGE },
            ctx.now(),
          );
      });
      await deleteUserSessions(ctx.db.system, id);
      return { initialPassword };
    },

    async unlock(actor: Actor, id: number) {
      const user = await setFlags(actor, id, 'user.unlock', { locked_until: null });
      await ctx.db.system.deleteFrom('login_failures').where('username_key', '=', accountKey(id)).execute();
      return user;
    },

    async setDisabled(actor: Actor, id: number, disabled: boolean) {
      if (disabled) await refuseOnAuditAdmin(ctx, actor, await target(actor, id), 'user.disable', '停用');
      const user = await setFlags(
        actor,
        id,
        disabled ? 'user.disable' : 'user.enable',
        // an account still waiting for its activation comes back as pending, not active
        (row) => ({ status: disabled ? 'disabled' : row.activation_requested_by ? 'pending' : 'active' }),
        {
          guard: (row) => {
            if (row.id === actor.userId) throw new Forbidden('不能停用本人账号');
          },
          alert: (row) =>
            isPrivileged(row.role) ? `${disabled ? '停用' : '启用'}了${accountLabel(row)}` : null,
        },
      );
      if (disabled) await deleteUserSessions(ctx.db.system, id);
      return user;
    },

    async resetTotp(actor: Actor, id: number) {
      await refuseOnAuditAdmin(ctx, actor, await target(actor, id), 'user.reset_totp', '重置两步验证：');
      return setFlags(
        actor,
        id,
        'user.reset_totp',
        { totp_enabled: false, totp_secret_enc: null, totp_last_step: null },
        { alert: (row) => (isPrivileged(row.role) ? `重置了${accountLabel(row)}的两步验证` : null) },
      );
    },

    /** Accounts waiting for a second person's activation, oldest request first. */
    async pendingActivations(actor: Actor) {
      return run(actor, async (tx) => {
        const pending = selectUsers(tx).where('u.status', '=', 'pending');
        const rows = await pending
          .orderBy('u.activation_requested_at')
          .orderBy('u.id')
          .limit(PENDING_LIST_LIMIT)
          .execute();
        // the total counts every pending account, also beyond the ones listed (the page says so)
        const { n: total } = await pending
          .clearSelect()
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow();
        return { items: rows.map(view), total };
      });
    },

    /** The second person's step: an audit admin or a centre admin, never the one who asked. */
    async activate(actor: Actor, id: number) {
      return run(actor, async (tx) => {
        const row = await find(tx, id);
        if (row.status !== 'pending') throw new Conflict('该账号不在待激活状态');
        if (row.id === actor.userId) throw new Forbidden('不能激活本人账号');
        if (row.activation_requested_by === actor.userId)
          throw new Forbidden(
            '三权分立：不能激活由本人新建、重置或变更的账号，请由另一位审计管理员或中心管理员激活',
          );
        const reason = row.activation_reason as ActivationReason;
        await tx
          .updateTable('users')
          .set({
            status: 'active',
            activation_requested_by: null,
            activation_requested_at: null,
            activation_reason: null,
            updated_at: ctx.now(),
          })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .execute();
        await audit(tx, actor, 'user.activate', row, {
          reason,
          requestedBy: row.requested_by_username,
          requestedAt: isoTimestamp(row.activation_requested_at),
        });
        await alertAuditAdmins(
          tx,
          actor,
          {
            title: `已激活${accountLabel(row)}`,
            body: `原因：${ACTIVATION_REASON_LABELS[reason] ?? reason}，由 ${row.requested_by_username ?? '—'} 发起`,
          },
          ctx.now(),
        );
        return view(await find(tx, id));
      });
    },
  };
}
