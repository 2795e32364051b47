// Owns logging in and out, the caller's own password and two-factor setup. Runs on the system
// connection: these steps happen before (or about) the caller's own account, not inside a scope.
import { sql } from 'kysely';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import {
  isMobile,
  normalizeMobile,
  passwordPolicyViolation,
  ROLE_LABELS,
  type LoginChallengeSolution,
  type Role,
} from '@civic/contracts';
import { phoneIndex } from '../../platform/personal-data.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { decoyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { sessionPolicy } from '../../platform/auth/plugin.ts';
import { createSession, deleteSession, deleteUserSessions } from '../../platform/auth/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, Invalid, Locked, Unauthenticated } from '../../platform/errors.ts';
import { createLoginChallenges } from './login-challenge.ts';
import {
  ACCOUNT_WIDE_THRESHOLD,
  accountKey,
  IP_FRICTION_MS,
  IP_FRICTION_THRESHOLD,
  LOCK_MS,
  LOCK_THRESHOLD,
  lockedUntil,
  minutesLeft,
  passwordChangeKey,
  WINDOW_MS,
} from './login-guard.ts';
import { PENDING_ACTIVATION_MESSAGE } from './privileged-accounts.ts';

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
  teamId: number | null;
  teamName: string | null;
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
    teamId: actor.teamId,
    teamName: actor.teamName,
    permissions: [...actor.permissions],
    mustChangePassword: actor.mustChangePassword,
    passwordExpired: actor.passwordExpired,
    totpEnabled: actor.totpEnabled,
    totpRequired: actor.totpRequired,
  };
}

export function createAuthService(ctx: AppContext) {
  const db = ctx.db.system;
  const challenges = createLoginChallenges(ctx);

  async function audit(entry: Parameters<typeof appendAudit>[1]) {
    await db.transaction().execute((tx) => appendAudit(tx, entry, ctx.now()));
  }

  /**
   * A typed name that signs in to no account, as it may be kept: a keyed hash (the same name
   * always gives the same one, so repeated guesses are still counted and can be correlated), never
   * the name itself — people type phone numbers and passwords into the username box.
   */
  function unknownName(typed: string): string {
    const normalised = isMobile(typed) ? normalizeMobile(typed) : typed.trim().toLowerCase();
    return `未知账号#${ctx.cipher.blindIndex(normalised, 'login-name').slice(0, 12)}`;
  }

  async function recordFailure(
    key: string,
    ip: string,
    reason: string,
    user: { id: number; username: string; role: string; org_id: number; org_path: string } | undefined,
  ) {
    await db.insertInto('login_failures').values({ username_key: key, ip, failed_at: ctx.now() }).execute();
    await audit({
      actor: user
        ? { userId: user.id, username: user.username, role: user.role }
        : { userId: null, username: key, role: null },
      action: 'auth.login',
      resourceType: 'session',
      resourceId: user?.id ?? null,
      orgId: user?.org_id ?? null,
      orgPath: user?.org_path ?? null,
      ip,
      outcome: 'failure',
      summary: { reason },
    });
  }

  /** Failure times (ms) under a counter key, optionally from one IP only. */
  async function failureTimes(key: string, ip?: string): Promise<number[]> {
    const since = new Date(ctx.now().getTime() - WINDOW_MS - LOCK_MS);
    let q = db
      .selectFrom('login_failures')
      .select('failed_at')
      .where('username_key', '=', key)
      .where('failed_at', '>', since);
    if (ip) q = q.where('ip', '=', ip);
    const rows = await q.execute();
    return rows.map((r) => new Date(r.failed_at).getTime());
  }

  /** Login failures from one IP, whatever account (password changes are counted apart). */
  async function ipFailureTimes(ip: string): Promise<number[]> {
    const since = new Date(ctx.now().getTime() - WINDOW_MS - IP_FRICTION_MS);
    const rows = await db
      .selectFrom('login_failures')
      .select('failed_at')
      .where('ip', '=', ip)
      .where('failed_at', '>', since)
      .where('username_key', 'not like', 'password-change:%')
      .execute();
    return rows.map((r) => new Date(r.failed_at).getTime());
  }

  /**
   * The account a typed name signs in to: its username in any case, or — volunteers log in on H5
   * with their phone (their username is the volunteer number) — that phone in any format.
   */
  async function resolveAccount(typed: string) {
    const byUsername = await db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(username)`, '=', typed.trim().toLowerCase())
      .executeTakeFirst();
    if (byUsername || !isMobile(typed)) return byUsername;
    const found = await db
      .selectFrom('users')
      .selectAll()
      .where('phone_index', '=', phoneIndex(ctx.cipher, typed))
      .where('role', '=', 'volunteer')
      .limit(2)
      .execute();
    return found.length === 1 ? found[0] : undefined;
  }

  /** Verifies a TOTP code and burns its time step, so the same code cannot be used twice. */
  async function acceptTotp(userId: number, secretEnc: string, code: string, lastStep: number | null) {
    const result = verifySync({
      secret: ctx.cipher.decrypt(secretEnc),
      token: code,
      epoch: Math.floor(ctx.now().getTime() / 1000),
      epochTolerance: 30,
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    });
    if (!result.valid || !('timeStep' in result)) return false;
    const step = result.timeStep;
    // conditional on the step still being newer: two simultaneous logins with one code, one wins
    const burnt = await db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(burnt.numUpdatedRows) === 1;
  }

  return {
    /** A proof-of-work challenge for a login from an address with many recent failures. */
    challenge() {
      return challenges.issue();
    },

    async login(input: {
      username: string;
      password: string;
      totp?: string | undefined;
      challenge?: LoginChallengeSolution | undefined;
      ip: string;
      userAgent?: string;
    }) {
      const now = ctx.now().getTime();

      // friction, not a lock: a busy address must show a solved challenge, then it is heard
      const friction = lockedUntil(
        await ipFailureTimes(input.ip),
        IP_FRICTION_THRESHOLD,
        IP_FRICTION_MS,
        now,
      );
      if (friction) await challenges.redeem(input.challenge);

      // failures count against the account, whichever of its names was typed
      const user = await resolveAccount(input.username);
      const key = user ? accountKey(user.id) : unknownName(input.username);

      const byKey = await failureTimes(key);
      const fromHere = await failureTimes(key, input.ip);
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
        await recordFailure(key, input.ip, user ? 'wrong_password' : 'unknown_user', user);
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
      if (user.status === 'pending') {
        // the right password, but a second person has not activated the account yet
        await audit({
          actor: { userId: user.id, username: user.username, role: user.role },
          action: 'auth.login',
          resourceType: 'session',
          resourceId: user.id,
          orgId: user.org_id,
          orgPath: user.org_path,
          ip: input.ip,
          outcome: 'failure',
          summary: { reason: 'pending_activation' },
        });
        throw new Unauthenticated(PENDING_ACTIVATION_MESSAGE, 'ACCOUNT_PENDING');
      }
      if (user.status !== 'active') {
        await recordFailure(key, input.ip, 'disabled', user);
        throw new Unauthenticated('账号已停用，请联系安全管理员', 'ACCOUNT_DISABLED');
      }
      if (user.totp_enabled && user.totp_secret_enc) {
        if (!input.totp) throw new Unauthenticated('请输入动态验证码', 'TOTP_REQUIRED');
        if (!(await acceptTotp(user.id, user.totp_secret_enc, input.totp, user.totp_last_step))) {
          await recordFailure(key, input.ip, 'wrong_totp', user);
          throw new Unauthenticated('动态验证码错误、已过期或已使用过', 'TOTP_INVALID');
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
      const now = ctx.now().getTime();
      const key = passwordChangeKey(actor.userId);
      const changeAudit = (outcome: 'success' | 'failure', summary: Record<string, unknown> = {}) => ({
        actor: auditActor(actor),
        action: 'auth.change_password',
        resourceType: 'user',
        resourceId: actor.userId,
        orgId: actor.orgId,
        orgPath: actor.orgPath,
        ip: actor.ip,
        outcome,
        summary,
      });
      // wrong current passwords are limited per account: a stolen session cannot guess the password
      const until = lockedUntil(await failureTimes(key), LOCK_THRESHOLD, LOCK_MS, now);
      if (until) {
        await audit(changeAudit('failure', { reason: 'locked' }));
        throw new Locked(
          `原密码错误次数过多，修改密码已暂停 30 分钟，请 ${minutesLeft(until, now)} 分钟后再试`,
        );
      }
      const user = await db
        .selectFrom('users')
        .select(['password_hash'])
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, oldPassword))) {
        await db
          .insertInto('login_failures')
          .values({ username_key: key, ip: actor.ip, failed_at: ctx.now() })
          .execute();
        await audit(changeAudit('failure', { reason: 'wrong_password' }));
        throw new Invalid('原密码不正确', 'WRONG_PASSWORD');
      }
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
        await tx.deleteFrom('login_failures').where('username_key', '=', key).execute();
        await appendAudit(tx, changeAudit('success'), ctx.now());
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
        .set({ totp_secret_enc: ctx.cipher.encrypt(secret), totp_last_step: null })
        .where('id', '=', actor.userId)
        .execute();
      const otpauthUrl = generateURI({ issuer: '文明实践云平台', label: actor.username, secret });
      return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
    },

    async enableTotp(actor: Actor, code: string) {
      const user = await db
        .selectFrom('users')
        .select(['totp_secret_enc', 'totp_enabled', 'totp_last_step'])
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      if (user.totp_enabled) throw new AppError(409, 'CONFLICT', '已启用两步验证');
      if (!user.totp_secret_enc) throw new Invalid('请先生成两步验证密钥');
      // the code that enables 2FA is used up too: it cannot then sign in
      if (!(await acceptTotp(actor.userId, user.totp_secret_enc, code, user.totp_last_step)))
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
