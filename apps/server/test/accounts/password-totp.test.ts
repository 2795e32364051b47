// Issue 12, item 8: common passwords are refused, wrong current passwords on change-password are
// limited (and audited), and a TOTP code accepted once cannot be used again within its window.
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, nextIp, type Session, type TestContext } from '../support/context.ts';
import {
  auditEntries,
  client,
  createActiveUser,
  createUser,
  expectError,
  NEW_PASSWORD,
  orgIdOf,
  tryLogin,
} from '../support/factories.ts';

const MIN = 60_000;

let t: TestContext;
let security: Session;
let auditor: Session;
let stationId: number;

beforeAll(async () => {
  t = await createTestContext();
  security = await login(t.app, 'demo-security');
  auditor = await login(t.app, 'demo-audit');
  stationId = await orgIdOf(t.ctx, 'station');
});
afterAll(() => t.close());

const me = (s: Session) =>
  t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });

describe('common passwords', () => {
  it.each(['Password1', 'Password1!', 'P@ssw0rd', 'Aa123456', 'Qwer1234'])(
    'refuses %s as a new password, with the reason in Chinese',
    async (weak) => {
      const { user, initialPassword } = await createUser(t.app, security, {
        role: 'station_admin',
        orgId: stationId,
      });
      const c = client(t.app, await login(t.app, user.username, initialPassword));
      const refused = expectError(
        await c.post('/api/auth/password', { oldPassword: initialPassword, newPassword: weak }),
        400,
        'WEAK_PASSWORD',
      );
      expect(refused.message).toMatch(/常见/);
      expect(
        (await me(await login(t.app, user.username, initialPassword))).json().user.mustChangePassword,
      ).toBe(true);
    },
  );
});

describe('changing the password', () => {
  it('stops after 5 wrong current passwords for 30 minutes, and audits each attempt', async () => {
    const { user, session, password } = await createActiveUser(t.app, security, {
      role: 'station_admin',
      orgId: stationId,
    });
    const c = client(t.app, session);
    const start = Date.now();
    t.setNow(new Date(start));
    for (let i = 0; i < 5; i += 1)
      expectError(
        await c.post('/api/auth/password', { oldPassword: `Guess#${i}abc`, newPassword: 'Another#2026x' }),
        400,
        'WRONG_PASSWORD',
      );
    // even the right current password is refused now: the guessing has to stop
    const locked = expectError(
      await c.post('/api/auth/password', { oldPassword: password, newPassword: 'Another#2026x' }),
      423,
      'ACCOUNT_LOCKED',
    );
    expect(locked.message).toMatch(/30 分钟/);

    const failures = (await auditEntries(t.app, auditor, { action: 'auth.change_password' })).filter(
      (e) => e.resourceId === String(user.id) && e.outcome === 'failure',
    );
    expect(failures).toHaveLength(6);

    // the session is still good meanwhile (kept alive), and after 30 minutes the change goes through
    t.setNow(new Date(start + 20 * MIN));
    expect((await me(session)).statusCode).toBe(200);
    t.setNow(new Date(start + 29 * MIN));
    expectError(
      await c.post('/api/auth/password', { oldPassword: password, newPassword: 'Another#2026x' }),
      423,
    );
    t.setNow(new Date(start + 31 * MIN));
    const ok = await c.post('/api/auth/password', { oldPassword: password, newPassword: 'Another#2026x' });
    expect(ok.statusCode, ok.body).toBe(200);
    t.setNow(null);
  });
});

describe('TOTP replay', () => {
  it('accepts a code once: the same code (or an older one) cannot sign in again within its window', async () => {
    const { user, session } = await createActiveUser(t.app, security, {
      role: 'station_admin',
      orgId: stationId,
    });
    const c = client(t.app, session);
    // a fixed clock in the middle of a 30-second step
    const step = Math.floor(Date.now() / 30_000) + 10;
    const at = (s: number) => new Date(s * 30_000 + 10_000);
    const code = (s: number) => generateSync({ secret, epoch: s * 30 });
    t.setNow(at(step));
    const { secret } = (await c.post('/api/auth/totp/setup')).json() as { secret: string };
    expect((await c.post('/api/auth/totp/enable', { code: code(step) })).statusCode).toBe(200);

    // the code that enabled 2FA cannot be replayed to sign in
    expectError(
      await tryLogin(t.app, user.username, NEW_PASSWORD, nextIp(), code(step)),
      401,
      'TOTP_INVALID',
    );

    t.setNow(at(step + 1));
    const first = await tryLogin(t.app, user.username, NEW_PASSWORD, nextIp(), code(step + 1));
    expect(first.statusCode, first.body).toBe(200);
    // same code, same window, another device: refused
    expectError(
      await tryLogin(t.app, user.username, NEW_PASSWORD, nextIp(), code(step + 1)),
      401,
      'TOTP_INVALID',
    );
    // an older code still inside the tolerance: refused too
    expectError(
      await tryLogin(t.app, user.username, NEW_PASSWORD, nextIp(), code(step)),
      401,
      'TOTP_INVALID',
    );

    t.setNow(at(step + 2));
    expect((await tryLogin(t.app, user.username, NEW_PASSWORD, nextIp(), code(step + 2))).statusCode).toBe(
      200,
    );
    t.setNow(null);
  });
});
