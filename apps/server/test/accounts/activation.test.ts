// 三权分立 per person (issue 12, item 2): the security admin alone must never be able to sign in as
// a privileged account. What they create, reset or promote waits for an audit admin or a centre
// admin to activate it; audit admins are out of their reach; and the audit admins hear of each step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@civic/contracts';
import {
  createTestContext,
  DEMO_PASSWORD,
  login,
  nextIp,
  type Session,
  type TestContext,
} from '../support/context.ts';
import {
  auditEntries,
  client,
  expectError,
  NEW_PASSWORD,
  orgIdOf,
  tryLogin,
  uniqueName,
  type UserView,
} from '../support/factories.ts';
import { createUser as insertUser } from '../support/org-factories.ts';

const PENDING_MESSAGE = '账号待激活：需由审计管理员或中心管理员激活';

let t: TestContext;
let security: Session;
let auditor: Session;
let center: Session;
let sec: ReturnType<typeof client>;
let centerId: number;
let instituteId: number;
let stationId: number;
/** A second audit admin: every audit admin is told, not only one. */
let secondAuditor: Session;

beforeAll(async () => {
  t = await createTestContext();
  security = await login(t.app, 'demo-security');
  auditor = await login(t.app, 'demo-audit');
  center = await login(t.app, 'demo-center');
  sec = client(t.app, security, '10.201.0.1');
  centerId = await orgIdOf(t.ctx, 'center');
  instituteId = await orgIdOf(t.ctx, 'institute');
  stationId = await orgIdOf(t.ctx, 'station');
  const second = uniqueName('audit');
  await insertUser(t.ctx.db.system, second, 'audit_admin', centerId);
  secondAuditor = await login(t.app, second);
});
afterAll(() => t.close());

interface Alert {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
}

async function alertsOf(session: Session): Promise<Alert[]> {
  const res = await client(t.app, session).get('/api/notifications?pageSize=100');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Alert[] }).items;
}

async function create(role: Role, orgId: number) {
  const username = uniqueName(role.slice(0, 4));
  const res = await sec.post('/api/users', { username, displayName: '待激活测试', role, orgId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { user: UserView; initialPassword: string };
}

const activate = (session: Session, id: number) => client(t.app, session).post(`/api/users/${id}/activate`);

/** An account of `role` that is in use: created, activated, its password changed. */
async function activeAccount(role: Role, orgId: number) {
  const { user, initialPassword } = await create(role, orgId);
  expect((await activate(auditor, user.id)).statusCode).toBe(200);
  const session = await login(t.app, user.username, initialPassword);
  const changed = await client(t.app, session).post('/api/auth/password', {
    oldPassword: initialPassword,
    newPassword: NEW_PASSWORD,
  });
  expect(changed.statusCode, changed.body).toBe(200);
  return { user, session };
}

async function statusOf(id: number): Promise<string> {
  const row = await t.ctx.db.system
    .selectFrom('users')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}

describe('privileged accounts the security admin creates wait for a second role', () => {
  it.each<[Role, 'center' | 'institute']>([
    ['center_admin', 'center'],
    ['institute_admin', 'institute'],
    ['security_admin', 'center'],
    ['audit_admin', 'center'],
  ])('a new %s cannot sign in until activated', async (role, kind) => {
    const { user, initialPassword } = await create(role, kind === 'center' ? centerId : instituteId);
    expect(user.status).toBe('pending');

    const refused = await tryLogin(t.app, user.username, initialPassword, nextIp());
    expect(expectError(refused, 401, 'ACCOUNT_PENDING').message).toBe(PENDING_MESSAGE);
    expect(refused.cookies.find((c) => c.name === 'sid')).toBeUndefined();
    // a wrong password still gets the usual answer: the state is told only to the right password
    expectError(await tryLogin(t.app, user.username, 'Wrong#pass1', nextIp()), 401, 'INVALID_CREDENTIALS');

    const done = await activate(auditor, user.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: user.id, status: 'active' });
    const ok = await tryLogin(t.app, user.username, initialPassword, nextIp());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(true);
  });

  it('leaves other accounts active at once', async () => {
    const { user, initialPassword } = await create('station_admin', stationId);
    expect(user.status).toBe('active');
    expect((await tryLogin(t.app, user.username, initialPassword, nextIp())).statusCode).toBe(200);
  });

  it('a centre admin may activate too, and the activation is audited with who asked for it', async () => {
    const { user } = await create('institute_admin', instituteId);
    const pending = await client(t.app, center).get('/api/users/pending-activation');
    expect(pending.statusCode, pending.body).toBe(200);
    const row = (pending.json() as { items: Array<Record<string, unknown>> }).items.find(
      (item) => item.id === user.id,
    );
    expect(row).toMatchObject({
      username: user.username,
      status: 'pending',
      activationReason: 'create',
      activationRequestedBy: 'demo-security',
    });

    expect((await activate(center, user.id)).statusCode).toBe(200);
    const entries = await auditEntries(t.app, auditor, { action: 'user.activate' });
    expect(entries.find((e) => e.resourceId === String(user.id))).toMatchObject({
      actorUsername: 'demo-center',
      outcome: 'success',
    });
    const listed = (await client(t.app, center).get('/api/users/pending-activation')).json() as {
      items: Array<{ id: number }>;
    };
    expect(listed.items.map((i) => i.id)).not.toContain(user.id);
    // activating twice is refused and changes nothing
    expectError(await activate(auditor, user.id), 409);
  });

  it('the person who asked for the activation cannot give it', async () => {
    const { user } = await create('center_admin', centerId);
    const centerUser = await t.ctx.db.system
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-center')
      .executeTakeFirstOrThrow();
    await t.ctx.db.system
      .updateTable('users')
      .set({ activation_requested_by: centerUser.id })
      .where('id', '=', user.id)
      .execute();
    const refused = expectError(await activate(center, user.id), 403);
    expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await statusOf(user.id)).toBe('pending');
  });

  it('disabling and enabling a pending account leaves it pending', async () => {
    const { user } = await create('center_admin', centerId);
    expect((await sec.post(`/api/users/${user.id}/disable`)).json().status).toBe('disabled');
    expect((await sec.post(`/api/users/${user.id}/enable`)).json().status).toBe('pending');
  });
});

describe('reset and promotion', () => {
  it('resetting a privileged account’s password makes it pending again', async () => {
    const { user, session } = await activeAccount('center_admin', centerId);
    const reset = await sec.post(`/api/users/${user.id}/reset-password`);
    expect(reset.statusCode, reset.body).toBe(200);
    const { initialPassword } = reset.json() as { initialPassword: string };
    expect(await statusOf(user.id)).toBe('pending');
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } }),
      401,
    );
    expectError(await tryLogin(t.app, user.username, initialPassword, nextIp()), 401, 'ACCOUNT_PENDING');
    expect((await activate(auditor, user.id)).statusCode).toBe(200);
    expect((await tryLogin(t.app, user.username, initialPassword, nextIp())).statusCode).toBe(200);
  });

  it('resetting a station admin’s password needs no activation', async () => {
    const { user, initialPassword } = await create('station_admin', stationId);
    const reset = await sec.post(`/api/users/${user.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect(await statusOf(user.id)).toBe('active');
    expectError(await tryLogin(t.app, user.username, initialPassword, nextIp()), 401, 'INVALID_CREDENTIALS');
  });

  it('promoting an account to a privileged role makes it pending', async () => {
    const { user } = await create('station_admin', stationId);
    const promoted = await sec.patch(`/api/users/${user.id}`, {
      role: 'institute_admin',
      orgId: instituteId,
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json().status).toBe('pending');
    expect((await activate(auditor, user.id)).statusCode).toBe(200);
  });
});

describe('audit admins are out of the security admin’s reach', () => {
  it('refuses to reset, disable, re-role or reset the 2FA of an audit admin, and records the attempt', async () => {
    const { user } = await activeAccount('audit_admin', centerId);
    const before = await t.ctx.db.system
      .selectFrom('users')
      .select(['password_hash', 'status', 'role', 'totp_enabled', 'updated_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const attempts = [
      () => sec.post(`/api/users/${user.id}/reset-password`),
      () => sec.post(`/api/users/${user.id}/disable`),
      () => sec.post(`/api/users/${user.id}/reset-totp`),
      () => sec.patch(`/api/users/${user.id}`, { role: 'station_admin', orgId: stationId }),
    ];
    for (const attempt of attempts) {
      const refused = expectError(await attempt(), 403, 'AUDIT_ADMIN_PROTECTED');
      expect(refused.message).toMatch(/审计管理员/);
    }
    const after = await t.ctx.db.system
      .selectFrom('users')
      .select(['password_hash', 'status', 'role', 'totp_enabled', 'updated_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);

    const denied = (await auditEntries(t.app, auditor, { resourceType: 'user' })).filter(
      (e) => e.resourceId === String(user.id) && e.outcome === 'denied',
    );
    expect(denied.map((e) => e.action).sort()).toEqual(
      ['user.disable', 'user.reset_password', 'user.reset_totp', 'user.update'].sort(),
    );
    expect(denied.every((e) => e.actorUsername === 'demo-security')).toBe(true);
  });
});

describe('every audit admin is alerted', () => {
  it('of creating, resetting and activating privileged accounts, and of refused attempts on audit admins', async () => {
    const seen = async (s: Session) => new Set((await alertsOf(s)).map((a) => a.id));
    const [beforeA, beforeB] = [await seen(auditor), await seen(secondAuditor)];
    const fresh = async (s: Session, before: Set<number>) =>
      (await alertsOf(s)).filter((a) => !before.has(a.id));

    const { user } = await create('center_admin', centerId);
    await activate(center, user.id);
    await sec.post(`/api/users/${user.id}/reset-password`);
    const auditUser = await t.ctx.db.system
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-audit')
      .executeTakeFirstOrThrow();
    await sec.post(`/api/users/${auditUser.id}/disable`);

    for (const [session, before] of [
      [auditor, beforeA],
      [secondAuditor, beforeB],
    ] as const) {
      const alerts = await fresh(session, before);
      const text = alerts.map((a) => `${a.title} ${a.body ?? ''}`).join('\n');
      expect(alerts.length, text).toBeGreaterThanOrEqual(4);
      expect(text).toContain(user.username);
      expect(text).toMatch(/新建/);
      expect(text).toMatch(/重置密码/);
      expect(text).toMatch(/激活/);
      expect(text).toMatch(/拒绝/);
      expect(alerts.every((a) => a.kind === 'account.alert')).toBe(true);
      // the alert of an account waiting for activation opens the page that activates it
      expect(alerts.find((a) => a.title.includes('新建'))?.link).toBe('/account-activations');
    }
    // the alerts are the audit admins' own: the centre's staff bell does not show them
    const centerAlerts = await alertsOf(center);
    expect(centerAlerts.some((a) => a.kind === 'account.alert')).toBe(false);
  });
});

describe('demo accounts', () => {
  it('are active, so the demo signs in', async () => {
    for (const username of ['demo-center', 'demo-institute', 'demo-security', 'demo-audit']) {
      expect((await tryLogin(t.app, username, DEMO_PASSWORD, nextIp())).statusCode, username).toBe(200);
    }
  });
});
