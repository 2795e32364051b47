// Owns logging in and out, the caller's own password and two-factor setup. Runs on the system
// connection: these steps happen before (or about) the caller's own account, not inside a scope.
import { sql } from 'kysely';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { isMobile, passwordPolicyViolation, ROLE_LABELS, type Role } from '@civic/contracts';
import { phoneIndex } from '../../platform/personal-data.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { decoyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { sessionPolicy } from '../../platform/auth/plugin.ts';
import { createSession, deleteSession, deleteUserSessions } from '../../platform/auth/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, Invalid, Locked, TooManyRequests, Unauthenticated } from '../../platform/errors.ts';
import {
  ACCOUNT_WIDE_THRESHOLD,
  IP_THRESHOLD,
  LOCK_MS,
  LOCK_THRESHOLD,
  lockedUntil,
  minutesLeft,
  WINDOW_MS,
} from './login-guard.ts';

const BAD_CREDENTIALS = '账号或密码错误';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  orgId: number;
  orgName: string;
  orgPath: string;
  permissions: string[];
  mustChangePassword: boolean;
  passwordExpired: boolean;
  totpEnabled: boolean;
  totpRequired: boolean;
}

export function meOf(actor: Actor): Me {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    orgId: actor.orgId,
    orgName: actor.orgName,
    orgPath: actor.orgPath,
    permissions: [...actor.permissions],
    mustChangePassword: actor.mustChangePassword,
    passwordExpired: actor.passwordExpired,
    totpEnabled: actor.totpEnabled,
    totpRequired: actor.totpRequired,
  };
}

export function createAuthService(ctx: AppContext) {
  const db = ctx.db.system;

  async function audit(entry: Parameters<typeof appendAudit>[1]) {
    await db.transaction().execute((tx) => appendAudit(tx, entry, ctx.now()));
  }

  async function recordFailure(usernameKey: string, ip: string, reason: string, userId: number | null) {
    await db
      .insertInto('login_failures')
      .values({ username_key: usernameKey, ip, failed_at: ctx.now() })
      .execute();
    await audit({
      actor: { userId, username: usernameKey, role: null },
      action: 'auth.login',
      resourceType: 'session',
      ip,
      outcome: 'failure',
      summary: { reason },
    });
  }

  async function failureTimes(column: 'username_key' | 'ip', value: string, ip?: string): Promise<number[]> {
    const since = new Date(ctx.now().getTime() - WINDOW_MS - LOCK_MS);
    let q = db
      .selectFrom('login_failures')
      .select('failed_at')
      .where(column, '=', value)
      .where('failed_at', '>', since);
    if (ip) q = q.where('ip', '=', ip);
    const rows = await q.execute();
    return rows.map((r) => new Date(r.failed_at).getTime());
  }

  /** Volunteers log in on H5 with their phone number (their username is the volunteer number). */
  async function volunteerByPhone(input: string) {
    if (!isMobile(input)) return undefined;
    const found = await db
      .selectFrom('users')
      .selectAll()
      .where('phone_index', '=', phoneIndex(ctx.cipher, input))
      .where('role', '=', 'volunteer')
      .limit(2)
      .execute();
    return found.length === 1 ? found[0] : undefined;
  }

  return {
    async login(input: {
      username: string;
      password: string;
      totp?: string | undefined;
      ip: string;
      userAgent?: string;
    }) {
      const now = ctx.now().getTime();
      const key = input.username.trim().toLowerCase();

      const ipUntil = lockedUntil(await failureTimes('ip', input.ip), IP_THRESHOLD, WINDOW_MS, now);
      if (ipUntil) throw new TooManyRequests(`登录失败次数过多，请 ${minutesLeft(ipUntil, now)} 分钟后再试`);

      const user =
        (await db
          .selectFrom('users')
          .selectAll()
          .where(sql`lower(username)`, '=', key)
          .executeTakeFirst()) ?? (await volunteerByPhone(input.username));

      const byKey = await failureTimes('username_key', key);
      const fromHere = await failureTimes('username_key', key, input.ip);
      const until = Math.max(
        lockedUntil(fromHere, LOCK_THRESHOLD, LOCK_MS, now) ?? 0,
        lockedUntil(byKey, ACCOUNT_WIDE_THRESHOLD, LOCK_MS, now) ?? 0,
        user?.locked_until ? new Date(user.locked_until).getTime() : 0,
      );
      if (until > now) {
        throw new Locked(`连续登录失败次数过多，账号已临时锁定，请 ${minutesLeft(until, now)} 分钟后再试`);
      }

      const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
      if (!user || !passwordOk) {
        await recordFailure(key, input.ip, user ? 'wrong_password' : 'unknown_user', user?.id ?? null);
        // a distributed attack locks the whole account; mark it so the security admin sees and can unlock it
        const accountWide = lockedUntil([...byKey, now], ACCOUNT_WIDE_THRESHOLD, LOCK_MS, now);
        if (user && accountWide) {
          await db
            .updateTable('users')
            .set({ locked_until: new Date(accountWide) })
            .where('id', '=', user.id)
            .execute();
        }
        const remaining = LOCK_THRESHOLD - (fromHere.length + 1);
        throw new Unauthenticated(
          remaining > 0 && remaining <= 2
            ? `${BAD_CREDENTIALS}，再失败 ${remaining} 次将锁定 30 分钟`
            : BAD_CREDENTIALS,
          'INVALID_CREDENTIALS',
        );
      }
      if (user.status !== 'active') {
        await recordFailure(key, input.ip, 'disabled', user.id);
        throw new Unauthenticated('账号已停用，请联系安全管理员', 'ACCOUNT_DISABLED');
      }
      if (user.totp_enabled && user.totp_secret_enc) {
        if (!input.totp) throw new Unauthenticated('请输入动态验证码', 'TOTP_REQUIRED');
        const secret = ctx.cipher.decrypt(user.totp_secret_enc);
        const ok = verifySync({
          secret,
          token: input.totp,
          epoch: Math.floor(now / 1000),
          epochTolerance: 30,
        }).valid;
        if (!ok) {
          await recordFailure(key, input.ip, 'wrong_totp', user.id);
          throw new Unauthenticated('动态验证码错误或已过期', 'TOTP_INVALID');
        }
      }

      await db
        .deleteFrom('login_failures')
        .where('username_key', '=', key)
        .where('ip', '=', input.ip)
        .execute();
      const session = await createSession(
        db,
        sessionPolicy(ctx),
        user.id,
        { ip: input.ip, userAgent: input.userAgent },
        ctx.now(),
      );
      await db
        .updateTable('users')
        .set({ last_login_at: ctx.now(), last_login_ip: input.ip })
        .where('id', '=', user.id)
        .execute();
      await audit({
        actor: { userId: user.id, username: user.username, role: user.role },
        action: 'auth.login',
        resourceType: 'session',
        resourceId: user.id,
        orgId: user.org_id,
        orgPath: user.org_path,
        ip: input.ip,
      });
      return session;
    },

    async logout(actor: Actor) {
      await deleteSession(db, actor.sessionId);
      await audit({
        actor: auditActor(actor),
        action: 'auth.logout',
        resourceType: 'session',
        resourceId: actor.userId,
        orgId: actor.orgId,
        orgPath: actor.orgPath,
        ip: actor.ip,
      });
    },

    async changePassword(actor: Actor, oldPassword: string, newPassword: string) {
      const user = await db
        .selectFrom('users')
        .select(['password_hash'])
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, oldPassword)))
        throw new Invalid('原密码不正确', 'WRONG_PASSWORD');
      const violation = passwordPolicyViolation(newPassword, actor.username);
      if (violation) throw new Invalid(violation, 'WEAK_PASSWORD');
      if (await verifyPassword(user.password_hash, newPassword))
        throw new Invalid('新密码不能与原密码相同', 'WEAK_PASSWORD');
      const hash = await hashPassword(newPassword);
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('users')
          .set({
            password_hash: hash,
            password_changed_at: ctx.now(),
            must_change_password: false,
            updated_at: ctx.now(),
          })
          .where('id', '=', actor.userId)
          .execute();
        await appendAudit(
          tx,
          {
            actor: auditActor(actor),
            action: 'auth.change_password',
            resourceType: 'user',
            resourceId: actor.userId,
            orgId: actor.orgId,
            orgPath: actor.orgPath,
            ip: actor.ip,
          },
          ctx.now(),
        );
      });
      // other devices must sign in again with the new password
      await deleteUserSessions(db, actor.userId, actor.sessionId);
    },

    async setupTotp(actor: Actor) {
      if (actor.totpEnabled)
        throw new AppError(409, 'CONFLICT', '已启用两步验证；如需更换请联系安全管理员重置');
      const secret = generateSecret();
      await db
        .updateTable('users')
        .set({ totp_secret_enc: ctx.cipher.encrypt(secret) })
        .where('id', '=', actor.userId)
        .execute();
      const otpauthUrl = generateURI({ issuer: '文明实践云平台', label: actor.username, secret });
      return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
    },

    async enableTotp(actor: Actor, code: string) {
      const user = await db
        .selectFrom('users')
        .select(['totp_secret_enc', 'totp_enabled'])
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      if (user.totp_enabled) throw new AppError(409, 'CONFLICT', '已启用两步验证');
      if (!user.totp_secret_enc) throw new Invalid('请先生成两步验证密钥');
      const secret = ctx.cipher.decrypt(user.totp_secret_enc);
      const epoch = Math.floor(ctx.now().getTime() / 1000);
      if (!verifySync({ secret, token: code, epoch, epochTolerance: 30 }).valid)
        throw new Invalid('动态验证码错误或已过期', 'TOTP_INVALID');
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('users')
          .set({ totp_enabled: true, updated_at: ctx.now() })
          .where('id', '=', actor.userId)
          .execute();
        await appendAudit(
          tx,
          {
            actor: auditActor(actor),
            action: 'auth.enable_totp',
            resourceType: 'user',
            resourceId: actor.userId,
            orgId: actor.orgId,
            orgPath: actor.orgPath,
            ip: actor.ip,
          },
          ctx.now(),
        );
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
