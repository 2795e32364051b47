import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@civic/contracts';
import { createTestContext, login, nextIp, type Session, type TestContext } from '../support/context.ts';
import {
  activateUser,
  auditEntries,
  client,
  createActiveUser,
  createUser,
  expectError,
  orgIdOf,
  tryLogin,
  uniqueName,
  type UserView,
} from '../support/factories.ts';

let t: TestContext;
let security: Session;
let auditor: Session;
let sec: ReturnType<typeof client>;
let centerId: number;
let stationId: number;

beforeAll(async () => {
  t = await createTestContext();
  security = await login(t.app, 'demo-security');
  auditor = await login(t.app, 'demo-audit');
  sec = client(t.app, security, '10.200.0.1');
  centerId = await orgIdOf(t.ctx, 'center');
  stationId = await orgIdOf(t.ctx, 'station');
});
afterAll(() => t.close());

const me = (s: Session) =>
  t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });

async function findUser(username: string): Promise<UserView> {
  const res = await sec.get(`/api/users?keyword=${encodeURIComponent(username)}`);
  expect(res.statusCode).toBe(200);
  const found = (res.json() as { items: UserView[] }).items.find((u) => u.username === username);
  expect(found, username).toBeDefined();
  return found!;
}

/** The security admin's action on `userId` is in the audit log, attributed to them and their IP. */
async function expectAudited(action: string, userId: number) {
  const items = await auditEntries(t.app, auditor, { action, resourceType: 'user' });
  const entry = items.find((i) => i.action === action && i.resourceId === String(userId));
  expect(entry, `${action} on ${userId}`).toMatchObject({
    actorUsername: 'demo-security',
    actorRole: 'security_admin',
    ip: sec.ip,
    outcome: 'success',
  });
  return entry!;
}

describe('三权分立', () => {
  const matrix: Array<[string, string, number]> = [
    ['demo-security', '/api/users', 200],
    ['demo-security', '/api/roles', 200],
    // the tree (ids, names, kinds only) is open to account.manage for picking an account's org
    ['demo-security', '/api/orgs/tree', 200],
    ['demo-security', '/api/orgs', 403],
    ['demo-security', '/api/orgs/1', 403],
    ['demo-security', '/api/platforms', 403],
    ['demo-security', '/api/audit-logs', 403],
    ['demo-security', '/api/audit-logs/verify', 403],
    ['demo-audit', '/api/audit-logs', 200],
    ['demo-audit', '/api/users', 403],
    ['demo-audit', '/api/orgs', 403],
    ['demo-audit', '/api/orgs/tree', 403],
    ['demo-center', '/api/orgs/tree', 200],
    ['demo-center', '/api/users', 403],
    ['demo-center', '/api/roles', 403],
    ['demo-center', '/api/audit-logs', 403],
  ];
  it.each(matrix)('%s GET %s → %i', async (username, url, status) => {
    const res = await client(t.app, await login(t.app, username)).get(url);
    expect(res.statusCode, res.body).toBe(status);
    if (status === 403) expect(res.json().code).toBe('FORBIDDEN');
  });

  it('the security admin sees only the bare org tree and cannot change orgs', async () => {
    const tree = await sec.get('/api/orgs/tree');
    expect(Object.keys(tree.json()[0]).sort()).toEqual(
      ['children', 'code', 'id', 'kind', 'name', 'parentId', 'shortName', 'status'].sort(),
    );
    expect(tree.body).not.toMatch(/contact|phone|head/i);
    expectError(await sec.patch(`/api/orgs/${centerId}`, { openingHours: '全天' }), 403, 'FORBIDDEN');
  });

  it('only the security admin can create accounts', async () => {
    for (const username of ['demo-center', 'demo-audit']) {
      const name = uniqueName('intruder');
      const res = await client(t.app, await login(t.app, username)).post('/api/users', {
        username: name,
        displayName: '越权',
        role: 'center_admin',
        orgId: centerId,
      });
      expectError(res, 403, 'FORBIDDEN');
      expect((await sec.get(`/api/users?keyword=${name}`)).json().total).toBe(0);
    }
  });
});

describe('creating accounts', () => {
  it('returns the initial password once and keeps the phone masked and encrypted', async () => {
    const username = uniqueName('zhang');
    const res = await sec.post('/api/users', {
      username,
      displayName: '张三',
      phone: '+86 138 1234 5678',
      role: 'station_admin',
      orgId: stationId,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { user, initialPassword } = res.json() as { user: UserView; initialPassword: string };
    expect(initialPassword).toMatch(/^\S{12,}$/);
    expect(user).toMatchObject({
      username,
      phone: '138****5678',
      mustChangePassword: true,
      status: 'active',
    });
    expect(res.body).not.toContain('13812345678');

    const list = await sec.get(`/api/users?keyword=${username}`);
    expect(list.json().items[0].phone).toBe('138****5678');
    expect(list.body).not.toContain('13812345678');
    expect(list.body).not.toContain(initialPassword);

    const row = await sql<{ phone_enc: string; whole: string }>`
      SELECT phone_enc, u::text AS whole FROM users u WHERE id = ${user.id}`.execute(t.ctx.db.system);
    expect(row.rows[0]!.phone_enc).toBeTruthy();
    expect(row.rows[0]!.whole).not.toContain('13812345678');
    expect(row.rows[0]!.whole).not.toContain(initialPassword);

    const entry = await expectAudited('user.create', user.id);
    expect(entry.summary).toContain(username);
    expect(entry.summary).not.toContain('13812345678');
    expect(entry.summary).not.toContain(initialPassword);
    expect((await tryLogin(t.app, username, initialPassword, nextIp())).statusCode).toBe(200);
  });

  it('rejects a duplicate username regardless of case', async () => {
    const username = uniqueName('Dup');
    await createUser(t.app, security, { username, role: 'center_admin', orgId: centerId });
    const dup = expectError(
      await sec.post('/api/users', {
        username: username.toUpperCase(),
        displayName: '重复',
        role: 'center_admin',
        orgId: centerId,
      }),
      409,
    );
    expect(dup.message).toContain(username.toUpperCase());
    expectError(
      await sec.post('/api/users', {
        username: 'DEMO-CENTER',
        displayName: '重复',
        role: 'center_admin',
        orgId: centerId,
      }),
      409,
    );
  });

  it('lets only one of two simultaneous creates of the same name win', async () => {
    const username = uniqueName('race');
    const body = { username, displayName: '并发', role: 'center_admin', orgId: centerId };
    const results = await Promise.all([sec.post('/api/users', body), sec.post('/api/users', body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await sec.get(`/api/users?keyword=${username}`)).json().total).toBe(1);
  });

  it.each<[Role, 'center' | 'station']>([
    ['station_admin', 'center'],
    ['center_admin', 'station'],
    ['audit_admin', 'station'],
  ])('refuses %s on a %s', async (role, kind) => {
    const username = uniqueName('mismatch');
    const orgId = kind === 'center' ? centerId : stationId;
    const res = await sec.post('/api/users', { username, displayName: '错位', role, orgId });
    expectError(res, 400, 'ROLE_ORG_MISMATCH');
    expect((await sec.get(`/api/users?keyword=${username}`)).json().total).toBe(0);
  });

  it('rejects a malformed phone number, on create and on edit', async () => {
    for (const phone of ['12345', '2381234567', 'abcdefghijk', '138123456789']) {
      const res = await sec.post('/api/users', {
        username: uniqueName('phone'),
        displayName: '号码',
        phone,
        role: 'center_admin',
        orgId: centerId,
      });
      expectError(res, 400, 'INVALID_PHONE');
    }
    const { user } = await createUser(t.app, security, {
      role: 'center_admin',
      orgId: centerId,
      phone: '13900001111',
    });
    expectError(await sec.patch(`/api/users/${user.id}`, { phone: '1390000111' }), 400, 'INVALID_PHONE');
    expect((await findUser(user.username)).phone).toBe('139****1111');
  });

  it('rejects invalid usernames and unknown orgs', async () => {
    for (const username of ['ab', '1abc', 'has space', 'x'.repeat(40), '张三']) {
      const res = await sec.post('/api/users', {
        username,
        displayName: '名',
        role: 'resident',
        orgId: stationId,
      });
      expectError(res, 400, 'VALIDATION');
    }
    const res = await sec.post('/api/users', {
      username: uniqueName(),
      displayName: '名',
      role: 'resident',
      orgId: 999_999,
    });
    expectError(res, 404);
  });
});

describe('managing accounts', () => {
  it('reset-password forces a change and ends the user’s sessions', async () => {
    const { user, session, password } = await createActiveUser(t.app, security, {
      role: 'center_admin',
      orgId: centerId,
    });
    expect((await me(session)).statusCode).toBe(200);

    const res = await sec.post(`/api/users/${user.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { initialPassword } = res.json() as { initialPassword: string };
    expect(initialPassword).not.toBe(password);

    expectError(await me(session), 401, 'UNAUTHENTICATED');
    expectError(await tryLogin(t.app, user.username, password, nextIp()), 401, 'INVALID_CREDENTIALS');
    // a centre admin reset by the security admin waits for a second person (activation.test.ts)
    expectError(await tryLogin(t.app, user.username, initialPassword, nextIp()), 401, 'ACCOUNT_PENDING');
    await activateUser(t.app, user.id);
    const fresh = await login(t.app, user.username, initialPassword);
    expect((await me(fresh)).json().user.mustChangePassword).toBe(true);
    expectError(await client(t.app, fresh).get('/api/orgs/tree'), 403, 'PASSWORD_CHANGE_REQUIRED');
    await expectAudited('user.reset_password', user.id);
  });

  it('disable ends the sessions and blocks login; enable restores access', async () => {
    const { user, session, password } = await createActiveUser(t.app, security, {
      role: 'center_admin',
      orgId: centerId,
    });
    const res = await sec.post(`/api/users/${user.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('disabled');

    expectError(await me(session), 401, 'UNAUTHENTICATED');
    expectError(await tryLogin(t.app, user.username, password, nextIp()), 401, 'ACCOUNT_DISABLED');
    expect((await findUser(user.username)).status).toBe('disabled');
    await expectAudited('user.disable', user.id);

    expect((await sec.post(`/api/users/${user.id}/enable`)).statusCode).toBe(200);
    expect((await tryLogin(t.app, user.username, password, nextIp())).statusCode).toBe(200);
    await expectAudited('user.enable', user.id);
  });

  it('unlock clears a lockout from the failing IP', async () => {
    const { user, password } = await createActiveUser(t.app, security, {
      role: 'center_admin',
      orgId: centerId,
    });
    const ip = nextIp();
    for (let i = 0; i < 5; i += 1) expectError(await tryLogin(t.app, user.username, 'Wrong#pass1', ip), 401);
    expectError(await tryLogin(t.app, user.username, password, ip), 423, 'ACCOUNT_LOCKED');

    expect((await sec.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(200);
    expect((await tryLogin(t.app, user.username, password, ip)).statusCode).toBe(200);
    await expectAudited('user.unlock', user.id);
  });

  describe('account-wide lockout (20 failures from any IPs)', () => {
    async function lockEverywhere() {
      const { user, password } = await createActiveUser(t.app, security, {
        role: 'center_admin',
        orgId: centerId,
      });
      for (let i = 0; i < 20; i += 1)
        expectError(await tryLogin(t.app, user.username, 'Wrong#pass1', nextIp()), 401);
      expectError(await tryLogin(t.app, user.username, password, nextIp()), 423, 'ACCOUNT_LOCKED');
      return { user, password };
    }

    it('is cleared by unlock', async () => {
      const { user, password } = await lockEverywhere();
      expect((await sec.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(200);
      expect((await tryLogin(t.app, user.username, password, nextIp())).statusCode).toBe(200);
    });

    it('shows as locked in the account list, so the security admin knows to unlock it', async () => {
      const { user } = await lockEverywhere();
      expect((await findUser(user.username)).locked).toBe(true);
    });
  });

  it('the security admin cannot disable, reset or re-role themselves', async () => {
    const self = (await me(security)).json().user as { id: number; username: string };
    expectError(await sec.post(`/api/users/${self.id}/disable`), 403, 'FORBIDDEN');
    expectError(await sec.post(`/api/users/${self.id}/reset-password`), 403, 'FORBIDDEN');
    expectError(await sec.patch(`/api/users/${self.id}`, { role: 'center_admin' }), 403, 'FORBIDDEN');
    expect((await findUser(self.username)).status).toBe('active');
    expect((await me(security)).statusCode).toBe(200);
  });

  it('changing a user’s role ends their sessions and is audited', async () => {
    const { user, session } = await createActiveUser(t.app, security, {
      role: 'center_admin',
      orgId: centerId,
    });
    const res = await sec.patch(`/api/users/${user.id}`, { role: 'station_admin', orgId: stationId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'station_admin', orgId: stationId });
    expectError(await me(session), 401, 'UNAUTHENTICATED');
    await expectAudited('user.update', user.id);
  });
});
