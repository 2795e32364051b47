// Owns staff and user accounts: create, edit, reset password, lock/unlock, enable/disable.
// Only the security admin (account.manage) reaches it — 三权分立: account work is theirs alone.
import crypto from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { ROLE_LABELS, ROLE_ORG_KINDS, ROLE_PERMISSIONS, ROLES, type Role } from '@civic/contracts';
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
import { containsPattern } from '../../platform/http/schemas.ts';

type UserRow = Selectable<UsersTable> & { org_name: string; org_kind: string };

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
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor.orgPath, work);

  const view = (row: UserRow): UserView => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    phone: maskedPhone(ctx.cipher, row.phone_enc),
    role: row.role as Role,
    roleLabel: ROLE_LABELS[row.role as Role],
    orgId: row.org_id,
    orgName: row.org_name,
    status: row.status as UserView['status'],
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
      .selectAll('u')
      .select(['o.name as org_name', 'o.kind as org_kind']);

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

  async function setFlags(
    actor: Actor,
    id: number,
    action: string,
    patch: Partial<Record<string, unknown>>,
    guard?: (row: UserRow) => void,
  ) {
    return run(actor, async (tx) => {
      const row = await find(tx, id);
      guard?.(row);
      await tx
        .updateTable('users')
        .set({ ...patch, updated_at: ctx.now() })
        .where('id', '=', id)
        .execute();
      await audit(tx, actor, action, row);
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
      },
    ) {
      const initialPassword = generateInitialPassword();
      const passwordHash = await hashPassword(initialPassword);
      const user = await run(actor, async (tx) => {
        const org = await checkOrgForRole(tx, input.role, input.orgId);
        // usernames are unique tenant-wide, including accounts outside the caller's view
        const taken = await ctx.db.system
          .selectFrom('users')
          .select('id')
          .where(sql`lower(username)`, '=', input.username.toLowerCase())
          .executeTakeFirst();
        if (taken) throw new Conflict(`账号 ${input.username} 已存在`, 'DUPLICATE_USERNAME');
        const phone = sealPhone(ctx.cipher, input.phone);
        const inserted = await tx
          .insertInto('users')
          .values({
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
            created_at: ctx.now(),
            updated_at: ctx.now(),
          })
          .returning(['id', 'org_id', 'org_path'])
          .executeTakeFirstOrThrow();
        await audit(tx, actor, 'user.create', inserted, {
          username: input.username,
          role: input.role,
          orgId: org.id,
        });
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
      },
    ) {
      return run(actor, async (tx) => {
        const row = await find(tx, id);
        if ((input.role || input.orgId) && row.id === actor.userId)
          throw new Forbidden('不能修改本人的角色或所属单位');
        const role = input.role ?? (row.role as Role);
        const org =
          input.role || input.orgId ? await checkOrgForRole(tx, role, input.orgId ?? row.org_id) : null;
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
          }).filter(([, v]) => v !== undefined),
        );
        if (!Object.keys(set).length) throw new Invalid('没有需要修改的内容');
        await tx
          .updateTable('users')
          .set({ ...set, updated_at: ctx.now() })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, 'user.update', row, {
          fields: Object.keys(input),
          role: input.role,
          orgId: input.orgId,
        });
        if (input.role || input.orgId) await deleteUserSessions(ctx.db.system, id);
        return view(await find(tx, id));
      });
    },

    async resetPassword(actor: Actor, id: number) {
      const initialPassword = generateInitialPassword();
      const hash = await hashPassword(initialPassword);
      await run(actor, async (tx) => {
        const row = await find(tx, id);
        if (row.id === actor.userId) throw new Forbidden('请通过“修改密码”修改本人密码');
        await tx
          .updateTable('users')
          .set({
            password_hash: hash,
            must_change_password: true,
            password_changed_at: ctx.now(),
            updated_at: ctx.now(),
          })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, 'user.reset_password', row);
      });
      await deleteUserSessions(ctx.db.system, id);
      return { initialPassword };
    },

    async unlock(actor: Actor, id: number) {
      const user = await setFlags(actor, id, 'user.unlock', { locked_until: null });
      await ctx.db.system
        .deleteFrom('login_failures')
        .where('username_key', '=', user.username.toLowerCase())
        .execute();
      return user;
    },

    async setDisabled(actor: Actor, id: number, disabled: boolean) {
      const user = await setFlags(
        actor,
        id,
        disabled ? 'user.disable' : 'user.enable',
        { status: disabled ? 'disabled' : 'active' },
        (row) => {
          if (row.id === actor.userId) throw new Forbidden('不能停用本人账号');
        },
      );
      if (disabled) await deleteUserSessions(ctx.db.system, id);
      return user;
    },

    async resetTotp(actor: Actor, id: number) {
      return setFlags(actor, id, 'user.reset_totp', { totp_enabled: false, totp_secret_enc: null });
    },
  };
}
