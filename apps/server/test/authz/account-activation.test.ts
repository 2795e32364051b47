// Authorization matrix of account activation (issue 12, item 2): only an audit admin or a centre
// admin may list the accounts waiting for activation and activate one; every other role, the
// security admin included, is refused with 403 and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { tableDigest } from '../support/org-factories.ts';

let t: TestContext;
let pendingId = 0;
const clients: Record<string, ReturnType<typeof as>> = {};

const ROLES: Array<[string, 'allowed' | 'refused']> = [
  ['demo-center', 'allowed'],
  ['demo-audit', 'allowed'],
  ['demo-security', 'refused'],
  ['demo-institute', 'refused'],
  ['demo-station', 'refused'],
  ['demo-leader', 'refused'],
  ['demo-volunteer', 'refused'],
  ['demo-resident', 'refused'],
];

beforeAll(async () => {
  t = await createTestContext();
  for (const [username] of ROLES) clients[username] = as(t.app, await login(t.app, username));
  const centerId = (
    await t.ctx.db.system
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'center')
      .executeTakeFirstOrThrow()
  ).id;
  const created = await clients['demo-security']!.post('/api/users', {
    username: `pending${process.pid}`,
    displayName: '待激活',
    role: 'center_admin',
    orgId: centerId,
  });
  expect(created.statusCode, created.body).toBe(200);
  pendingId = created.json().user.id;
});
afterAll(() => t.close());

describe('authorization matrix: account activation', () => {
  it.each(ROLES.filter(([, may]) => may === 'refused'))(
    '%s may neither list pending accounts nor activate one',
    async (username) => {
      const before = await tableDigest(t.ctx.db.system, 'users');
      const c = clients[username]!;
      for (const res of [
        await c.get('/api/users/pending-activation'),
        await c.post(`/api/users/${pendingId}/activate`),
      ]) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await tableDigest(t.ctx.db.system, 'users')).toBe(before);
    },
  );

  it.each(ROLES.filter(([, may]) => may === 'allowed'))('%s may list pending accounts', async (username) => {
    const res = await clients[username]!.get('/api/users/pending-activation');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: Array<{ id: number }> }).items.map((i) => i.id)).toContain(pendingId);
  });

  it('an audit admin may activate it (and then it is no longer pending)', async () => {
    const res = await clients['demo-audit']!.post(`/api/users/${pendingId}/activate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('active');
  });
});
