import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  DEMO_PASSWORD,
  login,
  nextIp,
  type Session,
  type TestContext,
} from '../support/context.ts';
import { auditEntries, client, tryLogin, uniqueName } from '../support/factories.ts';
import { TEST_KEY } from '../support/keys.ts';
import { auditSealJob } from '../../src/modules/audit/audit.jobs.ts';
import { appendAudit, entryHash, type EntryFields } from '../../src/platform/audit/audit.ts';
import { runJobOnce } from '../../src/platform/jobs/scheduler.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

let t: TestContext;
let auditor: Session;

beforeAll(async () => {
  t = await createTestContext();
  auditor = await login(t.app, 'demo-audit');
});
afterAll(() => t.close());

const verify = async () => {
  const res = await client(t.app, auditor).get('/api/audit-logs/verify');
  expect(res.statusCode).toBe(200);
  return res.json() as {
    ok: boolean;
    checked: number;
    sealed: number;
    unsealed: number;
    firstBrokenSeq: number | null;
    reason: string | null;
  };
};

/** One tick of the sealer job, as a running server does every second. */
const sealTick = async () => (await runJobOnce(t.ctx, auditSealJob))!;

/**
 * Ticks until everything there is sealed: the first tick seals the entries present and leaves a
 * fence, a later one settles the gaps once every transaction older than the fence has ended. The
 * snapshot's xmin is the whole cluster's, so another test file's open transaction (in its own
 * database) can hold a gap back for a moment: tick as the running server does, for up to 20 s.
 */
async function sealAll() {
  const deadline = Date.now() + 20_000;
  let unsealed = -1;
  for (let i = 0; unsealed !== 0 && (i < 3 || Date.now() < deadline); i += 1) {
    await sealTick();
    if (i >= 2) {
      unsealed = (await verify()).unsealed;
      if (unsealed !== 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  expect(unsealed).toBe(0);
}

/** `npm run audit:verify` against this file's database. */
function runCli(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'apps/server/src/cli/audit-verify.ts'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: t.databaseUrl, FIELD_ENCRYPTION_KEY: TEST_KEY },
        timeout: 80_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** Runs a statement as the application role inside a scoped transaction, as requests do. */
async function asAppRole(statement: ReturnType<typeof sql>) {
  return t.ctx.db.app.transaction().execute(async (tx) => {
    await sql`SELECT set_config('app.scope', '1', true)`.execute(tx);
    return statement.execute(tx);
  });
}

const lastSeq = async () =>
  (await sql<{ seq: number }>`SELECT max(seq)::int AS seq FROM audit_log`.execute(t.ctx.db.system)).rows[0]!
    .seq;
const entryCount = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(t.ctx.db.system)).rows[0]!.n;
const sealedThrough = async () =>
  (await sql<{ seq: number }>`SELECT max(last_seq)::int AS seq FROM audit_batches`.execute(t.ctx.db.system))
    .rows[0]!.seq;

/** An entry as the application would write it, in a system transaction that reports its number. */
const fieldsFor = (action: string): EntryFields => ({
  occurredAt: new Date().toISOString(),
  actorUserId: null,
  actorUsername: 'test',
  actorRole: null,
  action,
  resourceType: 'session',
  resourceId: null,
  orgId: null,
  orgPath: null,
  ip: null,
  outcome: 'success',
  summary: {},
});
async function appendNumbered(tx: Parameters<typeof appendAudit>[0], action: string): Promise<number> {
  await appendAudit(tx, { actor: null, action, resourceType: 'session' });
  return Number(
    (await sql<{ seq: string }>`SELECT currval('audit_log_seq') AS seq`.execute(tx)).rows[0]!.seq,
  );
}

describe('what the log records', () => {
  it('records a login with actor, role and IP', async () => {
    const ip = nextIp();
    expect((await tryLogin(t.app, 'demo-center', DEMO_PASSWORD, ip)).statusCode).toBe(200);
    const [entry] = (
      await auditEntries(t.app, auditor, { action: 'auth.login', actor: 'demo-center' })
    ).filter((e) => e.ip === ip);
    expect(entry).toMatchObject({
      actorUsername: 'demo-center',
      actorRole: 'center_admin',
      action: 'auth.login',
      resourceType: 'session',
      outcome: 'success',
    });
  });

  it('records failed logins, known user or not, without the attempted password', async () => {
    const ip = nextIp();
    const ghost = uniqueName('ghost');
    expect((await tryLogin(t.app, 'demo-station', 'Guess#wrong1', ip)).statusCode).toBe(401);
    expect((await tryLogin(t.app, ghost, 'Guess#wrong2', ip)).statusCode).toBe(401);

    const failures = (await auditEntries(t.app, auditor, { outcome: 'failure' })).filter((e) => e.ip === ip);
    expect(failures.every((e) => e.outcome === 'failure' && e.action === 'auth.login')).toBe(true);
    const byUser = new Map(failures.map((e) => [e.actorUsername, e]));
    expect(byUser.get('demo-station')?.summary).toContain('wrong_password');
    // a name that is no account is kept only as a keyed hash: it may be a phone or a password
    const unknown = failures.find((e) => e.summary.includes('unknown_user'));
    expect(unknown?.actorUsername).toMatch(/^未知账号#[0-9a-f]{12}$/);
    const text = JSON.stringify(failures);
    expect(text).not.toContain('Guess#wrong');
    expect(text).not.toContain(ghost);
  });

  it('records writes and logouts with the caller’s IP', async () => {
    const center = await login(t.app, 'demo-center');
    const c = client(t.app, center);
    const orgId = (await c.get('/api/auth/me')).json().user.orgId as number;
    const patched = await c.patch(`/api/orgs/${orgId}`, { openingHours: '周一至周日 8:30-17:30' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);

    const update = (await auditEntries(t.app, auditor, { action: 'org.update' })).find((e) => e.ip === c.ip);
    expect(update).toMatchObject({
      actorUsername: 'demo-center',
      resourceType: 'org',
      resourceId: String(orgId),
      outcome: 'success',
    });
    const logout = (await auditEntries(t.app, auditor, { action: 'auth.logout' })).find((e) => e.ip === c.ip);
    expect(logout).toMatchObject({ actorUsername: 'demo-center', outcome: 'success' });
  });

  it('filters by actor, action and outcome', async () => {
    const items = await auditEntries(t.app, auditor, {
      actor: 'demo-center',
      action: 'auth.',
      outcome: 'success',
    });
    expect(items.length).toBeGreaterThan(0);
    for (const e of items) {
      expect(e.actorUsername).toContain('demo-center');
      expect(e.action.startsWith('auth.')).toBe(true);
      expect(e.outcome).toBe('success');
    }
    const seqs = items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a)); // newest first
  });
});

describe('what the audit admin reads', () => {
  it('names the action, the object, its org and the actor, and says what changed in words', async () => {
    const center = await login(t.app, 'demo-center');
    const c = client(t.app, center);
    const me = (await c.get('/api/auth/me')).json().user as { orgId: number; orgName: string };
    expect(
      (await c.patch(`/api/orgs/${me.orgId}`, { openingHours: '周一至周五 9:00-17:00' })).statusCode,
    ).toBe(200);
    const entry = (await auditEntries(t.app, auditor, { action: 'org.update' })).find((e) => e.ip === c.ip)!;
    expect(entry).toMatchObject({
      actionLabel: '修改单位信息',
      resourceLabel: '单位',
      resourceName: me.orgName,
      orgName: me.orgName,
      actorName: expect.stringContaining('（demo-center）'),
      // the raw values stay for the detail
      resourceType: 'org',
      resourceId: String(me.orgId),
    });
    expect(entry.summaryText).toContain('修改内容：开放时间');
    expect(entry.summaryText).not.toContain('openingHours');
  });

  it('names a volunteer by number, never by name', async () => {
    const center = client(t.app, await login(t.app, 'demo-center'));
    const volunteer = await t.ctx.db.system
      .selectFrom('volunteers')
      .select(['id', 'name', 'volunteer_no'])
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const suspended = await center.post(`/api/volunteers/${volunteer.id}/suspend`, { reason: '核实身份' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const entry = (await auditEntries(t.app, auditor, { action: 'volunteer.suspend' })).find(
      (e) => e.ip === center.ip,
    )!;
    expect(entry).toMatchObject({ actionLabel: '暂停志愿者', resourceName: volunteer.volunteer_no });
    expect(entry.summaryText).toBe('原因：核实身份');
    expect(JSON.stringify(entry)).not.toContain(volunteer.name);
    await center.post(`/api/volunteers/${volunteer.id}/reactivate`);
  });

  it('labels a failed login and a refusal, not codes', async () => {
    const ip = nextIp();
    expect((await tryLogin(t.app, 'demo-station', 'Guess#wrong9', ip)).statusCode).toBe(401);
    const failed = (await auditEntries(t.app, auditor, { action: 'auth.login', outcome: 'failure' })).find(
      (e) => e.ip === ip,
    )!;
    expect(failed).toMatchObject({ actionLabel: '登录', resourceLabel: '登录会话' });
    expect(failed.summaryText).toBe('原因：密码错误');
  });

  it('filters one action exactly, or a whole group with a trailing dot', async () => {
    // "auth.log" is no action: it matches nothing (it used to match login and logout as a prefix)
    expect(await auditEntries(t.app, auditor, { action: 'auth.log' })).toEqual([]);
    const group = new Set((await auditEntries(t.app, auditor, { action: 'auth.' })).map((e) => e.action));
    expect(group).toContain('auth.login');
    expect(group).toContain('auth.logout');
    expect([...group].every((action) => action.startsWith('auth.'))).toBe(true);
  });

  it('finds an actor by name as well as by username', async () => {
    const { display_name: name } = await t.ctx.db.system
      .selectFrom('users')
      .select('display_name')
      .where('username', '=', 'demo-center')
      .executeTakeFirstOrThrow();
    const items = await auditEntries(t.app, auditor, { actor: name });
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((e) => e.actorUsername === 'demo-center')).toBe(true);
  });
});

describe('append-only for the application', () => {
  it.each([
    ['UPDATE', sql`UPDATE audit_log SET summary = '{"x":1}' WHERE seq = 1`],
    ['DELETE', sql`DELETE FROM audit_log WHERE seq = 1`],
    ['TRUNCATE', sql`TRUNCATE audit_log`],
    // the number comes from the sequence, never from the writer
    [
      'choose the number of',
      sql`INSERT INTO audit_log (seq, occurred_at, action, resource_type, outcome, hash)
          VALUES (999999, now(), 'auth.login', 'session', 'success', 'x')`,
    ],
    ['UPDATE the batches of', sql`UPDATE audit_batches SET hash = 'x'`],
    ['DELETE the batches of', sql`DELETE FROM audit_batches`],
    ['move the fence of', sql`DELETE FROM audit_seal_fence`],
  ])('the app role cannot %s audit_log', async (_verb, statement) => {
    await expect(asAppRole(statement)).rejects.toMatchObject({ code: '42501' });
    expect((await verify()).ok).toBe(true);
  });

  it('the app role can still append through the normal path', async () => {
    const before = await lastSeq();
    await login(t.app, 'demo-institute');
    expect(await lastSeq()).toBe(before + 1);
  });
});

describe('appends in parallel, sealed in batches', () => {
  it('an append does not wait for another transaction’s append', async () => {
    // the first writer keeps its transaction open while a second one appends and commits; with one
    // row lock for all appends the second would wait for the first (and run into its lock_timeout)
    let second: number | null = null;
    await t.ctx.db.app.transaction().execute(async (first) => {
      await sql`SELECT set_config('app.scope', '1', true)`.execute(first);
      await appendAudit(first, { actor: null, action: 'auth.login', resourceType: 'session' });
      await t.ctx.db.app.transaction().execute(async (other) => {
        await sql`SET LOCAL lock_timeout = '5s'`.execute(other);
        await sql`SELECT set_config('app.scope', '1', true)`.execute(other);
        await appendAudit(other, { actor: null, action: 'auth.logout', resourceType: 'session' });
      });
      second = await lastSeq();
    });
    expect(second).not.toBeNull();
    expect(await lastSeq()).toBe(second);
    expect((await verify()).ok).toBe(true);
  });

  it('seals what is there; verification counts what is not sealed yet', async () => {
    await login(t.app, 'demo-institute');
    const before = await verify();
    expect(before).toMatchObject({ ok: true });
    expect(before.unsealed).toBeGreaterThan(0);
    await sealAll();
    const after = await verify();
    expect(after).toMatchObject({ ok: true, unsealed: 0, checked: await entryCount() });
    expect(after.sealed).toBe(after.checked);
    expect(await sealedThrough()).toBe(await lastSeq());
  });

  it('a rolled-back append leaves a gap that is sealed as one; an entry forged into it is found', async () => {
    let gap = 0;
    await expect(
      t.ctx.db.system.transaction().execute(async (tx) => {
        gap = await appendNumbered(tx, 'auth.login');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await login(t.app, 'demo-institute'); // a later entry, committed
    await sealAll();
    const batch = await t.ctx.db.system
      .selectFrom('audit_batches')
      .selectAll()
      .where('first_seq', '<=', gap)
      .where('last_seq', '>=', gap)
      .executeTakeFirstOrThrow();
    expect(batch.gaps.map(Number)).toContain(gap);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });

    // a well-formed entry slipped into the gap afterwards, by someone with the owner's rights
    const fields = fieldsFor('auth.login');
    await sql`INSERT INTO audit_log (seq, occurred_at, actor_username, action, resource_type, outcome, summary, hash)
      VALUES (${gap}, ${fields.occurredAt}, ${fields.actorUsername}, ${fields.action}, ${fields.resourceType},
              ${fields.outcome}, '{}', ${entryHash(fields)})`.execute(t.ctx.db.system);
    try {
      const result = await verify();
      expect(result).toMatchObject({ ok: false, firstBrokenSeq: gap });
      expect(result.reason).toContain('插入');
    } finally {
      await sql`DELETE FROM audit_log WHERE seq = ${gap}`.execute(t.ctx.db.system);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('an entry whose transaction commits late is waited for, not passed over', async () => {
    await sealAll();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: (seq: number) => void;
    const numbered = new Promise<number>((resolve) => (appended = resolve));
    // a long transaction numbers its entry first, and commits last
    const late = t.ctx.db.system.transaction().execute(async (tx) => {
      appended(await appendNumbered(tx, 'volunteer.import'));
      await held;
    });
    const lateSeq = await numbered;
    try {
      await login(t.app, 'demo-institute'); // numbered after it, committed at once
      const after = await lastSeq();
      expect(after).toBeGreaterThan(lateSeq);
      for (let i = 0; i < 3; i += 1) await sealTick();
      // sealed up to the open transaction's number, and no further: its number is no gap yet
      expect(await sealedThrough()).toBe(lateSeq - 1);
      expect(await verify()).toMatchObject({ ok: true, unsealed: after - lateSeq });
    } finally {
      release();
      await late;
    }
    await sealAll();
    const sealedLate = await t.ctx.db.system
      .selectFrom('audit_batches')
      .select('gaps')
      .where('first_seq', '<=', lateSeq)
      .where('last_seq', '>=', lateSeq)
      .executeTakeFirstOrThrow();
    expect(sealedLate.gaps.map(Number)).not.toContain(lateSeq);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe('tamper evidence', () => {
  beforeAll(() => sealAll());

  it('reports an intact log, through the API and the CLI', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null, unsealed: 0 });
    expect(result.checked).toBe(await entryCount());

    const cli = await runCli();
    expect(cli.code, cli.output).toBe(0);
    expect(cli.output).toContain('完整');
  });

  it('detects an edited row, and the CLI names it', async () => {
    expect(await sealedThrough()).toBeGreaterThanOrEqual(3);
    const original = (
      await sql<{ summary: unknown }>`SELECT summary FROM audit_log WHERE seq = 3`.execute(t.ctx.db.system)
    ).rows[0]!.summary;
    await sql`UPDATE audit_log SET summary = '{"x":1}' WHERE seq = 3`.execute(t.ctx.db.system);
    try {
      expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 3 });
      const cli = await runCli();
      expect(cli.code, cli.output).toBe(1);
      expect(cli.output).toContain('第 3 条');
    } finally {
      await sql`UPDATE audit_log SET summary = ${JSON.stringify(original)}::jsonb WHERE seq = 3`.execute(
        t.ctx.db.system,
      );
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects an edited row whose own hash was recomputed to match: its batch no longer does', async () => {
    const row = (
      await sql<{ hash: string; action: string }>`SELECT hash, action FROM audit_log WHERE seq = 3`.execute(
        t.ctx.db.system,
      )
    ).rows[0]!;
    const forged = await t.ctx.db.system
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    const fields: EntryFields = {
      occurredAt: new Date(forged.occurred_at).toISOString(),
      actorUserId: forged.actor_user_id,
      actorUsername: forged.actor_username,
      actorRole: forged.actor_role,
      action: 'auth.logout',
      resourceType: forged.resource_type,
      resourceId: forged.resource_id,
      orgId: forged.org_id,
      orgPath: forged.org_path,
      ip: forged.ip,
      outcome: forged.outcome,
      summary: forged.summary,
    };
    await sql`UPDATE audit_log SET action = 'auth.logout', hash = ${entryHash(fields)} WHERE seq = 3`.execute(
      t.ctx.db.system,
    );
    try {
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.reason).toContain('封存哈希不匹配');
    } finally {
      await sql`UPDATE audit_log SET action = ${row.action}, hash = ${row.hash} WHERE seq = 3`.execute(
        t.ctx.db.system,
      );
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects a row deleted from the middle', async () => {
    const row = (
      await sql<Record<string, unknown>>`SELECT * FROM audit_log WHERE seq = 2`.execute(t.ctx.db.system)
    ).rows[0]!;
    await sql`DELETE FROM audit_log WHERE seq = 2`.execute(t.ctx.db.system);
    try {
      expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    } finally {
      await sql`INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(NULL::audit_log, ${JSON.stringify(row)}::json)`.execute(
        t.ctx.db.system,
      );
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects the newest sealed row being deleted', async () => {
    await login(t.app, 'demo-volunteer'); // make sure the tail is a fresh entry
    await sealAll();
    const seq = await lastSeq();
    expect(await sealedThrough()).toBe(seq);
    await sql`DELETE FROM audit_log WHERE seq = ${seq}`.execute(t.ctx.db.system);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: seq });
  });
});
