// Coming back after withdrawing consent. Knowing a withdrawn volunteer's name and ID number is no
// proof of being them: rejoining on H5 needs the phone on record, otherwise the registration is
// refused like any other and files a request that the station confirms in the console after
// seeing the person. An erasure request stays on record whoever registers, and the refusal reads
// the same whether the ID number belongs to a volunteer, an imported record or nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_POLICY_VERSION } from '@civic/contracts';
import { as, createTestContext, login, nextIp, type TestContext } from '../support/context.ts';
import { expectError, tryLogin } from '../support/factories.ts';
import { orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { freshPhone, volunteerInput, VOLUNTEER_PASSWORD } from '../support/volunteer-factories.ts';

type Client = ReturnType<typeof as>;

interface RejoinRequest {
  id: number;
  volunteerId: number;
  volunteerNo: string;
  name: string;
  phone: string;
  erasureRequested: boolean;
}

const STRANGER_PASSWORD = 'Stranger#2026';

let t: TestContext;
let station: Client;
let station2: Client;
let leader: Client;
let stationOrg: OrgRef;

const db = () => t.ctx.db.system;

function register(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/volunteers/register', payload, remoteAddress: nextIp() });
}

function registration(input: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    ...input,
    password: VOLUNTEER_PASSWORD,
    privacyConsent: true,
    privacyVersion: PRIVACY_POLICY_VERSION,
    ...extra,
  };
}

/** A volunteer who registered on H5 and then withdrew (asking for erasure or not). */
async function withdrawn(erase: boolean) {
  const input = await volunteerInput(t, stationOrg.id);
  const res = await register(registration(input));
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { csrfToken: string; volunteer: { id: number; volunteerNo: string } };
  const session = { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: body.csrfToken };
  const out = await as(t.app, session).post('/api/me/volunteer/withdraw', { erase });
  expect(out.statusCode, out.body).toBe(200);
  return { input, id: body.volunteer.id, volunteerNo: body.volunteer.volunteerNo };
}

const volunteerRow = (id: number) =>
  db().selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const auditRows = (action: string, resourceId: number | string) =>
  db()
    .selectFrom('audit_log')
    .select(['actor_username', 'summary'])
    .where('action', '=', action)
    .where('resource_id', '=', String(resourceId))
    .orderBy('seq')
    .execute();

async function requestsOf(by: Client): Promise<RejoinRequest[]> {
  const res = await by.get('/api/volunteers/rejoin-requests');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: RejoinRequest[] }).items;
}

beforeAll(async () => {
  t = await createTestContext();
  station = as(t.app, await login(t.app, 'demo-station'));
  station2 = as(t.app, await login(t.app, 'demo-station2'));
  leader = as(t.app, await login(t.app, 'demo-leader'));
  stationOrg = await orgOfUser(db(), 'demo-station');
});
afterAll(async () => {
  await t?.close();
});

describe('registering again after withdrawal', () => {
  it('refuses a stranger with another phone: no takeover of the account or its history', async () => {
    const gone = await withdrawn(false);
    const before = await tableDigest(db(), 'volunteers');
    const usersBefore = await tableDigest(db(), 'users');
    const strangerPhone = await freshPhone(t);
    const res = await register(
      registration(gone.input, { phone: strangerPhone, password: STRANGER_PASSWORD, skills: ['law'] }),
    );
    expectError(res, 409, 'ALREADY_REGISTERED');
    expect(res.cookies.find((c) => c.name === 'sid')).toBeUndefined();
    expect(await tableDigest(db(), 'volunteers')).toBe(before);
    expect(await tableDigest(db(), 'users')).toBe(usersBefore);
    expect((await volunteerRow(gone.id)).status).toBe('withdrawn');
    for (const username of [strangerPhone, gone.volunteerNo])
      expectError(await tryLogin(t.app, username, STRANGER_PASSWORD, nextIp()), 401);
    expect(await auditRows('volunteer.rejoin', gone.id)).toEqual([]);
    // what it did leave: a request for the station, audited without the phone
    const filed = await auditRows('volunteer.rejoin_request', gone.id);
    expect(filed).toHaveLength(1);
    expect(filed[0]!.actor_username).toBeNull();
    expect(JSON.stringify(filed)).not.toContain(strangerPhone);
  });

  it('never clears an erasure request, whoever registers', async () => {
    const gone = await withdrawn(true);
    const asked = (await volunteerRow(gone.id)).erasure_requested_at;
    expect(asked).not.toBeNull();
    // the phone was erased with the rest, so no phone can prove anything: a request for the station
    const res = await register(registration(gone.input, { phone: await freshPhone(t) }));
    expectError(res, 409, 'ALREADY_REGISTERED');
    const row = await volunteerRow(gone.id);
    expect(row).toMatchObject({ status: 'withdrawn', phone_enc: null, user_id: row.user_id });
    expect(row.erasure_requested_at).toEqual(asked);
  });

  it('lets the same person back with the phone on record and a fresh consent', async () => {
    const gone = await withdrawn(false);
    const res = await register(registration(gone.input, { password: 'Comeback#2026', skills: ['law'] }));
    expect(res.statusCode, res.body).toBe(200);
    const json = res.json() as { user: { username: string }; volunteer: Record<string, unknown> };
    expect(json.user.username).toBe(gone.volunteerNo);
    expect(json.volunteer).toMatchObject({ id: gone.id, status: 'active', skills: ['law'] });
    const row = await volunteerRow(gone.id);
    expect(row).toMatchObject({ consent_withdrawn_at: null, erasure_requested_at: null });
    expect(await auditRows('volunteer.rejoin', gone.id)).toHaveLength(1);
    expect((await tryLogin(t.app, gone.input.phone as string, 'Comeback#2026', nextIp())).statusCode).toBe(
      200,
    );
  });

  it('answers a stranger the same whether the ID number is a volunteer, an imported record, withdrawn or unknown', async () => {
    // a volunteer with an account
    const member = await volunteerInput(t, stationOrg.id);
    expect((await register(registration(member))).statusCode).toBe(200);
    // a record entered by the station, no account yet
    const entered = await volunteerInput(t, stationOrg.id);
    expect((await station.post('/api/volunteers', entered)).statusCode).toBe(200);
    const gone = await withdrawn(false);
    // an ID number nobody holds, with a phone that already logs in (so it fails too)
    const unknown = await volunteerInput(t, stationOrg.id);

    const answers = [
      await register(registration({ ...member, phone: await freshPhone(t) })),
      await register(registration({ ...entered, phone: await freshPhone(t) })),
      await register(registration({ ...entered, name: '冒名者' })),
      await register(registration({ ...gone.input, name: '冒名者', phone: await freshPhone(t) })),
      await register(registration({ ...unknown, phone: member.phone })),
    ].map((res) => {
      const { code, message } = expectError(res, 409);
      return { code, message };
    });
    expect(answers[0]!.code).toBe('ALREADY_REGISTERED');
    expect(answers[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });
});

describe('a station confirms a rejoin request in the console', () => {
  it('lists the request, masked, to the residence station only, and confirms it (audited)', async () => {
    const gone = await withdrawn(true);
    const asked = (await volunteerRow(gone.id)).erasure_requested_at;
    const newPhone = await freshPhone(t);
    expectError(
      await register(registration(gone.input, { phone: newPhone, password: 'Comeback#2026' })),
      409,
      'ALREADY_REGISTERED',
    );
    const mine = (await requestsOf(station)).filter((r) => r.volunteerId === gone.id);
    expect(mine).toHaveLength(1);
    const request = mine[0]!;
    expect(request).toMatchObject({
      volunteerNo: gone.volunteerNo,
      name: gone.input.name,
      phone: `${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`,
      erasureRequested: true,
    });
    expect(JSON.stringify(mine)).not.toContain(newPhone);

    // another station neither sees nor decides it; a leader or a volunteer may not
    expect((await requestsOf(station2)).map((r) => r.id)).not.toContain(request.id);
    expectError(await station2.post(`/api/volunteers/rejoin-requests/${request.id}/confirm`), 404);
    expectError(await leader.get('/api/volunteers/rejoin-requests'), 403);
    expectError(await leader.post(`/api/volunteers/rejoin-requests/${request.id}/confirm`), 403);
    expect((await volunteerRow(gone.id)).status).toBe('withdrawn');

    const confirmed = await station.post(`/api/volunteers/rejoin-requests/${request.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ id: gone.id, status: 'active', hasAccount: true });
    const row = await volunteerRow(gone.id);
    expect(row).toMatchObject({ status: 'active', consent_withdrawn_at: null });
    // the erasure request is the person's: it stays on record
    expect(row.erasure_requested_at).toEqual(asked);
    expect(t.ctx.cipher.decrypt(row.phone_enc!)).toBe(newPhone);
    const audits = await auditRows('volunteer.rejoin_confirm', gone.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor_username).toBe('demo-station');
    expect(JSON.stringify(audits)).not.toContain(newPhone);
    const loggedIn = await tryLogin(t.app, newPhone, 'Comeback#2026', nextIp());
    expect(loggedIn.statusCode, loggedIn.body).toBe(200);
    expect(loggedIn.json().user.username).toBe(gone.volunteerNo);

    // decided once
    expect((await requestsOf(station)).map((r) => r.id)).not.toContain(request.id);
    expectError(await station.post(`/api/volunteers/rejoin-requests/${request.id}/confirm`), 409);
  });

  it('rejects a request: nothing changes, and it cannot be confirmed afterwards (audited)', async () => {
    const gone = await withdrawn(false);
    const strangerPhone = await freshPhone(t);
    expectError(
      await register(registration(gone.input, { phone: strangerPhone, password: STRANGER_PASSWORD })),
      409,
    );
    const request = (await requestsOf(station)).find((r) => r.volunteerId === gone.id)!;
    expect(request).toBeDefined();
    const before = await tableDigest(db(), 'volunteers');
    const rejected = await station.post(`/api/volunteers/rejoin-requests/${request.id}/reject`);
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await tableDigest(db(), 'volunteers')).toBe(before);
    expect(await auditRows('volunteer.rejoin_reject', gone.id)).toHaveLength(1);
    expectError(await station.post(`/api/volunteers/rejoin-requests/${request.id}/confirm`), 409);
    expectError(await tryLogin(t.app, strangerPhone, STRANGER_PASSWORD, nextIp()), 401);
    // the request keeps no password once decided
    const stored = await db()
      .selectFrom('volunteer_rejoin_requests')
      .select(['status', 'password_hash'])
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'rejected', password_hash: null });
  });

  it('files no request for another name, and answers 404 for a request that does not exist', async () => {
    const gone = await withdrawn(false);
    expectError(
      await register(registration({ ...gone.input, name: '冒名者', phone: await freshPhone(t) })),
      409,
    );
    expect((await requestsOf(station)).filter((r) => r.volunteerId === gone.id)).toEqual([]);
    expectError(await station.post('/api/volunteers/rejoin-requests/987654321/confirm'), 404);
    expectError(await station.post('/api/volunteers/rejoin-requests/987654321/reject'), 404);
  });
});
