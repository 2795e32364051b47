// Volunteers end to end: H5 registration with consent and the guardian rule, activating an
// admin-entered record, the admin list/detail/edit/suspend, revealing and exporting personal data,
// withdrawing consent, and the data scope (another town's admin sees and changes nothing, and
// row-level security alone holds).
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ageOn,
  ageRangeOf,
  idCheckCharacter,
  maskIdNumber,
  maskMobile,
  PRIVACY_POLICY_VERSION,
} from '@civic/contracts';
import { inScope, inVolunteerScope } from '../../src/platform/db/database.ts';
import { as, createTestContext, login, nextIp, type Session, type TestContext } from '../support/context.ts';
import { expectError, tryLogin } from '../support/factories.ts';
import {
  createUser,
  orgOfUser,
  readSheet,
  tableDigest,
  uniqueCode,
  type OrgRef,
} from '../support/org-factories.ts';

type Client = ReturnType<typeof as>;

interface Detail {
  id: number;
  volunteerNo: string;
  name: string;
  gender: 'male' | 'female';
  age: number | null;
  ageRange: string;
  birthDate: string | null;
  orgId: number;
  idNumber: string;
  phone: string | null;
  politicalStatus: string;
  categories: string[];
  skills: string[];
  skillsNote: string | null;
  isMinor: boolean;
  status: string;
  statusReason: string | null;
  source: string;
  lifetimeHours: number;
  starLevel: number;
  teamCount: number;
  hasAccount: boolean;
  guardian: { name: string; phone: string | null; consentAt: string | null } | null;
  consent: {
    version: string;
    at: string;
    channel: string;
    withdrawnAt: string | null;
    erasureRequestedAt: string | null;
  };
  hours: { party: { required: number; remaining: number; met: boolean } | null };
  teams: Array<{ teamId: number; status: string }>;
}
interface Page {
  items: Detail[];
  total: number;
}

const CHINESE = /[\u4e00-\u9fa5]/;
const MASKED_ID = /^\d\*{16}[\dX]$/;
const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;
/** Put in free-text fields by default: every rendering test then also checks escaping. */
const XSS = '<script>alert("xss")</script>';
const PASSWORD = 'Zhiyuan#2026';

let t: TestContext;
let center: Client;
let institute: Client;
let station: Client;
let station2: Client;
let stationOrg: OrgRef; // 东风社区, demo-station
let instituteOrg: OrgRef; // 城北街道, demo-institute
let station2Org: OrgRef; // 南关社区 under 城南街道, demo-station2

const db = () => t.ctx.db.system;

// ---------------------------------------------------------------- factories

const usedIds = new Set<string>();
const usedPhones = new Set<string>();

/** YYYY-MM-DD of "today" in China time, shifted by whole years and days. */
function chinaDate(yearsAgo: number, daysAgo = 0): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(
    Date.UTC(now.getUTCFullYear() - yearsAgo, now.getUTCMonth(), now.getUTCDate() - daysAgo),
  );
  return d.toISOString().slice(0, 10);
}

/** A valid ID number from a Beijing district (the demo county's seed uses Hanzhong codes only). */
function idNumber(birthDate = chinaDate(30 + crypto.randomInt(0, 30), crypto.randomInt(0, 365))): string {
  for (;;) {
    const first17 = `110105${birthDate.replaceAll('-', '')}${String(crypto.randomInt(0, 1000)).padStart(3, '0')}`;
    const id = `${first17}${idCheckCharacter(first17)}`;
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}

/** An ID number with a wrong check character. */
function badCheckDigit(): string {
  const id = idNumber();
  const wrong = id[17] === '0' ? '1' : '0';
  return `${id.slice(0, 17)}${wrong}`;
}

function phone(): string {
  for (;;) {
    const p = `199${String(crypto.randomInt(0, 100_000_000)).padStart(8, '0')}`;
    if (!usedPhones.has(p)) {
      usedPhones.add(p);
      return p;
    }
  }
}

/** Random CJK ideographs: names no seeded volunteer has. */
function han(length: number): string {
  return Array.from({ length }, () => String.fromCodePoint(0x4e00 + crypto.randomInt(0, 0x51a5))).join('');
}
const personName = () => `验${han(3)}`;

function volunteerBody(extra: Record<string, unknown> = {}) {
  return {
    name: personName(),
    idNumber: idNumber(),
    phone: phone(),
    orgId: stationOrg.id,
    politicalStatus: 'masses',
    skills: ['medical'],
    skillsNote: XSS,
    ...extra,
  };
}

function registrationBody(extra: Record<string, unknown> = {}) {
  return {
    ...volunteerBody(),
    password: PASSWORD,
    privacyConsent: true,
    privacyVersion: PRIVACY_POLICY_VERSION,
    ...extra,
  };
}

function register(payload: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/volunteers/register', payload, remoteAddress: nextIp() });
}

function sessionOf(res: LightMyRequestResponse): Session {
  return {
    cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: (res.json() as { csrfToken: string }).csrfToken,
  };
}

/** Registers on H5 and returns the volunteer with a live session. */
async function registered(extra: Record<string, unknown> = {}) {
  const body = registrationBody(extra);
  const res = await register(body);
  expect(res.statusCode, res.body).toBe(200);
  const json = res.json() as { user: { id: number; username: string }; volunteer: Detail };
  return {
    body,
    user: json.user,
    volunteer: json.volunteer,
    session: sessionOf(res),
    client: as(t.app, sessionOf(res)),
  };
}

/** An admin entry (offline consent). */
async function created(by: Client, extra: Record<string, unknown> = {}) {
  const body = volunteerBody(extra);
  const res = await by.post('/api/volunteers', body);
  expect(res.statusCode, res.body).toBe(200);
  return { body, volunteer: res.json() as Detail };
}

async function createTeam(by: Client, orgId: number): Promise<number> {
  const res = await by.post('/api/teams', {
    orgId,
    name: `测试小队${uniqueCode('')}`,
    tier: 'squad',
    kind: 'regular',
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { id: number }).id;
}

async function addMembers(by: Client, teamId: number, volunteerIds: number[]) {
  const res = await by.post(`/api/teams/${teamId}/members`, { volunteerIds });
  expect(res.statusCode, res.body).toBe(200);
}

async function counts() {
  const { rows } = await sql<{ volunteers: number; users: number }>`
    SELECT (SELECT count(*)::int FROM volunteers) AS volunteers,
           (SELECT count(*)::int FROM users) AS users`.execute(db());
  return rows[0]!;
}

const volunteerRow = (id: number) =>
  db().selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const auditRows = (action: string, volunteerId?: number) => {
  let q = db()
    .selectFrom('audit_log')
    .select(['action', 'actor_username', 'resource_id', 'outcome', 'summary'])
    .where('action', '=', action);
  if (volunteerId !== undefined) q = q.where('resource_id', '=', String(volunteerId));
  return q.orderBy('seq').execute();
};

async function list(by: Client, query: Record<string, string | number | boolean>): Promise<Page> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await by.get(`/api/volunteers?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}
const idsOf = (page: Page) => page.items.map((v) => v.id).sort((a, b) => a - b);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** The exported sheet as records keyed by header. */
async function exportRows(res: LightMyRequestResponse): Promise<Array<Record<string, string>>> {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const { header, rows } = await readSheet(res.rawPayload);
  // header and rows are ExcelJS 1-based arrays with a hole at index 0, which flatMap skips
  return rows.map((values) =>
    Object.fromEntries(header.flatMap((h, i) => [[h, values[i] === undefined ? '' : String(values[i])]])),
  );
}

beforeAll(async () => {
  t = await createTestContext();
  center = as(t.app, await login(t.app, 'demo-center'));
  institute = as(t.app, await login(t.app, 'demo-institute'));
  station = as(t.app, await login(t.app, 'demo-station'));
  station2 = as(t.app, await login(t.app, 'demo-station2'));
  stationOrg = await orgOfUser(db(), 'demo-station');
  instituteOrg = await orgOfUser(db(), 'demo-institute');
  station2Org = await orgOfUser(db(), 'demo-station2');
});
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------- registration

describe('registering on H5', () => {
  it('lists towns with their villages and communities for the residence picker, without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/residence-orgs' });
    expect(res.statusCode).toBe(200);
    const towns = res.json() as Array<{ id: number; children: Array<{ id: number }> }>;
    const town = towns.find((x) => x.id === instituteOrg.id);
    expect(town?.children.map((c) => c.id)).toContain(stationOrg.id);
    expect(towns.map((x) => x.id)).not.toContain(stationOrg.id);
  });

  it('creates the volunteer and a login, starts a session and shows personal data masked', async () => {
    const body = registrationBody({ politicalStatus: 'party_member', categories: ['veteran'] });
    const before = await counts();
    const res = await register(body);
    expect(res.statusCode, res.body).toBe(200);
    const { user, volunteer, csrfToken } = res.json() as {
      user: { id: number; username: string; role: string; orgId: number; permissions: string[] };
      volunteer: Detail;
      csrfToken: string;
    };
    expect(user.role).toBe('volunteer');
    expect(user.username).toMatch(/^ZY\d{10}$/);
    expect(user.username).toBe(volunteer.volunteerNo);
    expect(user.orgId).toBe(stationOrg.id);
    expect(user.permissions).toEqual(['volunteer.self']);
    expect(csrfToken.length).toBeGreaterThan(10);
    const sid = res.cookies.find((c) => c.name === 'sid');
    expect(sid?.value).toBeTruthy();
    expect(sid?.httpOnly).toBe(true);

    expect(volunteer).toMatchObject({
      name: body.name,
      orgId: stationOrg.id,
      idNumber: maskIdNumber(body.idNumber),
      phone: maskMobile(body.phone),
      politicalStatus: 'party_member',
      categories: ['veteran'],
      skills: ['medical'],
      skillsNote: XSS,
      isMinor: false,
      status: 'active',
      source: 'self',
      hasAccount: true,
      guardian: null,
      consent: { version: '2026-11', channel: 'online', withdrawnAt: null, erasureRequestedAt: null },
    });
    expect(volunteer.idNumber).toMatch(MASKED_ID);
    expect(volunteer.phone).toMatch(MASKED_PHONE);
    expect(volunteer.birthDate).toBe(
      `${body.idNumber.slice(6, 10)}-${body.idNumber.slice(10, 12)}-${body.idNumber.slice(12, 14)}`,
    );
    expect(volunteer.hours.party).toMatchObject({ required: 20, remaining: 20, met: false });
    expect(res.body).not.toContain(body.idNumber);
    expect(res.body).not.toContain(body.phone);

    const after = await counts();
    expect(after).toEqual({ volunteers: before.volunteers + 1, users: before.users + 1 });
    const row = await volunteerRow(volunteer.id);
    expect(row.user_id).toBe(user.id);
    expect(row.id_number_enc).not.toContain(body.idNumber);
    expect(row.id_number_enc).not.toContain(body.idNumber.slice(6, 14));
    expect(row.phone_enc).not.toContain(body.phone);
    expect(t.ctx.cipher.decrypt(row.id_number_enc)).toBe(body.idNumber);
    expect(t.ctx.cipher.decrypt(row.phone_enc!)).toBe(body.phone);
    expect(row.phone_tail).toBe(body.phone.slice(-4));
    expect(row).toMatchObject({ consent_version: '2026-11', consent_channel: 'online', source: 'self' });
    const account = await db()
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ role: 'volunteer', status: 'active', must_change_password: false });
    expect(account.phone_enc).not.toContain(body.phone);
    expect(account.password_hash).not.toContain(PASSWORD);
    const audits = await auditRows('volunteer.register', volunteer.id);
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.summary)).not.toContain(body.idNumber);

    // the session started by registration works
    const me = await as(t.app, sessionOf(res)).get('/api/me/volunteer');
    expect(me.statusCode, me.body).toBe(200);
    expect((me.json() as Detail).id).toBe(volunteer.id);
  });

  it('lets the volunteer log in with the phone number (any format) or the volunteer number', async () => {
    const { body, volunteer } = await registered();
    for (const username of [body.phone as string, `+86 ${body.phone.slice(0, 3)} ${body.phone.slice(3)}`]) {
      const res = await tryLogin(t.app, username, PASSWORD, nextIp());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().user.username).toBe(volunteer.volunteerNo);
      const me = await as(t.app, sessionOf(res)).get('/api/me/volunteer');
      expect(me.statusCode).toBe(200);
      expect((me.json() as Detail).id).toBe(volunteer.id);
    }
    expect((await tryLogin(t.app, volunteer.volunteerNo, PASSWORD, nextIp())).statusCode).toBe(200);
    expectError(await tryLogin(t.app, body.phone, 'Wrong#2026pass', nextIp()), 401, 'INVALID_CREDENTIALS');
  });

  it('lets the volunteer edit their own profile and phone', async () => {
    const { client, volunteer } = await registered();
    const newPhone = phone();
    const res = await client.patch('/api/me/volunteer', {
      skills: ['law', 'law', 'computer'],
      availability: ['weekends'],
      phone: newPhone,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      skills: ['law', 'computer'],
      availability: ['weekends'],
      phone: maskMobile(newPhone),
    });
    const row = await volunteerRow(volunteer.id);
    expect(t.ctx.cipher.decrypt(row.phone_enc!)).toBe(newPhone);
    expect((await tryLogin(t.app, newPhone, PASSWORD, nextIp())).statusCode).toBe(200);
  });

  it('registers a 15-year-old without a guardian, as a minor', async () => {
    const { volunteer } = await registered({ idNumber: idNumber(chinaDate(15, 30)) });
    expect(volunteer).toMatchObject({ age: 15, isMinor: true, guardian: null });
    expect((await volunteerRow(volunteer.id)).is_minor).toBe(true);
  });

  it('registers a 10-year-old with a guardian who consents; the guardian phone is masked', async () => {
    const guardianPhone = phone();
    const { volunteer } = await registered({
      idNumber: idNumber(chinaDate(10, 30)),
      guardian: { name: '王监护', phone: guardianPhone, consent: true },
    });
    expect(volunteer).toMatchObject({ age: 10, isMinor: true });
    expect(volunteer.guardian).toMatchObject({ name: '王监护', phone: maskMobile(guardianPhone) });
    expect(volunteer.guardian!.consentAt).not.toBeNull();
    const row = await volunteerRow(volunteer.id);
    expect(row.guardian_phone_enc).not.toContain(guardianPhone);
    expect(t.ctx.cipher.decrypt(row.guardian_phone_enc!)).toBe(guardianPhone);
  });
});

describe('refused registrations write nothing', () => {
  const refusals: Array<[label: string, body: () => Record<string, unknown>, status: number, code?: string]> =
    [
      [
        'a wrong check digit',
        () => registrationBody({ idNumber: badCheckDigit() }),
        400,
        'ID_NUMBER_CHECK_DIGIT',
      ],
      ['a birth in 1880', () => registrationBody({ idNumber: '440524188001010014' }), 400, 'ID_NUMBER_AGE'],
      [
        'an unknown region code',
        () => {
          const first17 = '99999919900101001';
          return registrationBody({ idNumber: `${first17}${idCheckCharacter(first17)}` });
        },
        400,
        'ID_NUMBER_REGION',
      ],
      [
        '17 characters',
        () => registrationBody({ idNumber: idNumber().slice(0, 17) }),
        400,
        'ID_NUMBER_FORMAT',
      ],
      ['a bad phone', () => registrationBody({ phone: '1234567' }), 400, 'INVALID_PHONE'],
      ['a landline', () => registrationBody({ phone: '0916-2345678' }), 400, 'INVALID_PHONE'],
      ['privacy consent false', () => registrationBody({ privacyConsent: false }), 400],
      [
        'privacy consent missing',
        () => {
          const { privacyConsent: _omitted, ...rest } = registrationBody();
          return rest;
        },
        400,
      ],
      [
        'an outdated privacy notice',
        () => registrationBody({ privacyVersion: '2020-01' }),
        400,
        'PRIVACY_VERSION',
      ],
      ['a weak password', () => registrationBody({ password: 'abc12345' }), 400, 'WEAK_PASSWORD'],
      ['an empty password', () => registrationBody({ password: '' }), 400, 'VALIDATION'],
      [
        'a password containing the phone number',
        () => {
          const body = registrationBody();
          return { ...body, password: `Zz#${body.phone}` };
        },
        400,
        'WEAK_PASSWORD',
      ],
      ['an institute as residence', () => registrationBody({ orgId: instituteOrg.id }), 400, 'NOT_A_STATION'],
      ['a residence that does not exist', () => registrationBody({ orgId: 987654 }), 404],
      ['a name with markup', () => registrationBody({ name: XSS }), 400],
      [
        'a child under 14 without a guardian',
        () => registrationBody({ idNumber: idNumber(chinaDate(10, 30)) }),
        400,
        'GUARDIAN_REQUIRED',
      ],
      [
        'a child under 14 whose guardian did not consent',
        () =>
          registrationBody({
            idNumber: idNumber(chinaDate(10, 30)),
            guardian: { name: '王监护', phone: phone(), consent: false },
          }),
        400,
        'GUARDIAN_CONSENT_REQUIRED',
      ],
      [
        'a child one day short of 14 without a guardian',
        () => registrationBody({ idNumber: idNumber(chinaDate(14, -1)) }),
        400,
        'GUARDIAN_REQUIRED',
      ],
    ];

  for (const [label, body, status, code] of refusals) {
    it(`refuses ${label} with ${status}${code ? ` ${code}` : ''} and a Chinese message`, async () => {
      const before = await counts();
      const error = expectError(await register(body()), status, code);
      expect(error.message).toMatch(CHINESE);
      expect(await counts()).toEqual(before);
    });
  }

  it('explains a missing privacy consent in words', async () => {
    const { privacyConsent: _omitted, ...rest } = registrationBody();
    const error = expectError(await register(rest), 400, 'VALIDATION');
    expect(error.message).toMatch(/隐私政策/);
  });

  it('refuses an ID number registered before with 409 ALREADY_REGISTERED', async () => {
    const first = await registered();
    const before = await counts();
    const again = registrationBody({ idNumber: first.body.idNumber.toLowerCase() });
    const error = expectError(await register(again), 409, 'ALREADY_REGISTERED');
    expect(error.message).toMatch(/已有登记/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a phone number already bound to another volunteer account with 409', async () => {
    const first = await registered();
    const before = await counts();
    expectError(await register(registrationBody({ phone: first.body.phone })), 409, 'ALREADY_REGISTERED');
    expect(await counts()).toEqual(before);
  });
});

describe('activating an admin-entered volunteer', () => {
  it('claims the record with the same ID number, name and phone: same volunteer number, now with an account', async () => {
    const { body, volunteer } = await created(station);
    expect(volunteer).toMatchObject({ hasAccount: false, source: 'admin', consent: { channel: 'offline' } });
    const before = await counts();
    const res = await register(
      registrationBody({ idNumber: body.idNumber, name: body.name, phone: body.phone, skills: ['law'] }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const json = res.json() as { user: { username: string }; volunteer: Detail };
    expect(json.volunteer).toMatchObject({
      id: volunteer.id,
      volunteerNo: volunteer.volunteerNo,
      hasAccount: true,
      skills: ['law'],
      consent: { channel: 'online', version: PRIVACY_POLICY_VERSION },
    });
    expect(json.user.username).toBe(volunteer.volunteerNo);
    expect(await counts()).toEqual({ volunteers: before.volunteers, users: before.users + 1 });
    expect(await auditRows('volunteer.activate', volunteer.id)).toHaveLength(1);
    const detail = (await station.get(`/api/volunteers/${volunteer.id}`)).json() as Detail;
    expect(detail.hasAccount).toBe(true);
    // the record is claimed: a second registration is a duplicate
    expectError(await register(registrationBody({ idNumber: body.idNumber })), 409, 'ALREADY_REGISTERED');
  });

  it('refuses to activate with another name (409) and leaves the record unclaimed', async () => {
    const { body, volunteer } = await created(station);
    const before = await counts();
    const error = expectError(
      await register(registrationBody({ idNumber: body.idNumber, name: personName(), phone: body.phone })),
      409,
      'ALREADY_REGISTERED',
    );
    expect(error.message).toMatch(CHINESE);
    // with another phone as well
    expectError(
      await register(registrationBody({ idNumber: body.idNumber, name: body.name, phone: phone() })),
      409,
      'ALREADY_REGISTERED',
    );
    expect(await counts()).toEqual(before);
    expect((await volunteerRow(volunteer.id)).user_id).toBeNull();
  });
});

// ---------------------------------------------------------------- admin list

describe('the admin list', () => {
  const prefix = `验${han(2)}`;
  const v: Record<'a' | 'b' | 'c', Detail> = {} as Record<'a' | 'b' | 'c', Detail>;
  let teamId: number;

  beforeAll(async () => {
    v.a = (
      await created(station, {
        name: `${prefix}甲`,
        skills: ['medical', 'law'],
        categories: ['veteran'],
        serviceCategories: ['health'],
        politicalStatus: 'party_member',
      })
    ).volunteer;
    v.b = (
      await created(station, {
        name: `${prefix}乙`,
        skills: ['tutoring'],
        categories: ['cadre'],
        serviceCategories: ['education'],
      })
    ).volunteer;
    v.c = (
      await created(station, {
        name: `${prefix}丙`,
        idNumber: idNumber(chinaDate(16, 10)),
        skills: [],
        politicalStatus: 'league_member',
      })
    ).volunteer;
    await db().updateTable('volunteers').set({ lifetime_hours: 150 }).where('id', '=', v.a.id).execute();
    await db().updateTable('volunteers').set({ lifetime_hours: 650.5 }).where('id', '=', v.b.id).execute();
    teamId = await createTeam(station, stationOrg.id);
    await addMembers(station, teamId, [v.a.id, v.b.id]);
    const suspended = await station.post(`/api/volunteers/${v.b.id}/suspend`, { reason: '长期联系不上' });
    expect(suspended.statusCode, suspended.body).toBe(200);
  });

  const mine = (query: Record<string, string | number | boolean>) =>
    list(station, { keyword: prefix, ...query }).then(idsOf);

  it('finds by name keyword and by volunteer number (any case)', async () => {
    const page = await list(station, { keyword: prefix });
    expect(page.total).toBe(3);
    expect(idsOf(page)).toEqual(sorted([v.a.id, v.b.id, v.c.id]));
    expect(idsOf(await list(station, { keyword: `${prefix}乙` }))).toEqual([v.b.id]);
    expect(idsOf(await list(station, { keyword: v.c.volunteerNo }))).toEqual([v.c.id]);
    expect(idsOf(await list(station, { keyword: v.c.volunteerNo.toLowerCase() }))).toEqual([v.c.id]);
    // LIKE wildcards are literal
    expect((await list(station, { keyword: '%' })).total).toBe(0);
  });

  it('filters by skill, category, service category and political status', async () => {
    expect(await mine({ skill: 'medical' })).toEqual([v.a.id]);
    expect(await mine({ skill: 'law' })).toEqual([v.a.id]);
    expect(await mine({ skill: 'cooking' })).toEqual([]);
    expect(await mine({ category: 'cadre' })).toEqual([v.b.id]);
    expect(await mine({ serviceCategory: 'health' })).toEqual([v.a.id]);
    expect(await mine({ politicalStatus: 'party_member' })).toEqual([v.a.id]);
    expect(await mine({ politicalStatus: 'league_member' })).toEqual([v.c.id]);
    // a skill across the whole station: every item has it
    const medical = await list(station, { skill: 'medical', pageSize: 200 });
    expect(medical.items.every((i) => i.skills.includes('medical'))).toBe(true);
    expect(medical.items.map((i) => i.id)).toContain(v.a.id);
  });

  it('filters by phone tail', async () => {
    const tail = (await volunteerRow(v.a.id)).phone_tail!;
    expect(await mine({ phoneTail: tail })).toEqual([v.a.id]);
    const all = await list(station, { phoneTail: tail, pageSize: 200 });
    expect(all.items.map((i) => i.id)).toContain(v.a.id);
    expect(all.items.every((i) => i.phone?.endsWith(tail))).toBe(true);
    expectError(await station.get('/api/volunteers?phoneTail=12a'), 400, 'VALIDATION');
  });

  it('filters by status, minors and star level (from lifetime hours)', async () => {
    expect(await mine({ status: 'suspended' })).toEqual([v.b.id]);
    expect(await mine({ status: 'active' })).toEqual(sorted([v.a.id, v.c.id]));
    expect(await mine({ isMinor: true })).toEqual([v.c.id]);
    expect(await mine({ isMinor: false })).toEqual(sorted([v.a.id, v.b.id]));
    expect(await mine({ starLevel: 0 })).toEqual([v.c.id]);
    expect(await mine({ starLevel: 1 })).toEqual([v.a.id]);
    expect(await mine({ starLevel: 2 })).toEqual([]);
    expect(await mine({ starLevel: 3 })).toEqual([v.b.id]);
    const page = await list(station, { keyword: prefix });
    const b = page.items.find((i) => i.id === v.b.id)!;
    expect(b).toMatchObject({ lifetimeHours: 650.5, starLevel: 3 });
    expectError(await station.get('/api/volunteers?starLevel=6'), 400, 'VALIDATION');
  });

  it('filters by team and counts current teams', async () => {
    expect(await mine({ teamId })).toEqual(sorted([v.a.id, v.b.id]));
    const page = await list(station, { teamId });
    expect(page.total).toBe(2);
    expect(page.items.every((i) => i.teamCount === 1)).toBe(true);
    const detail = (await station.get(`/api/volunteers/${v.a.id}`)).json() as Detail;
    expect(detail.teams.map((m) => m.teamId)).toEqual([teamId]);
  });

  it('filters by org subtree', async () => {
    expect(await mine({ orgId: stationOrg.id })).toEqual(sorted([v.a.id, v.b.id, v.c.id]));
    expect(idsOf(await list(institute, { keyword: prefix, orgId: instituteOrg.id }))).toEqual(
      sorted([v.a.id, v.b.id, v.c.id]),
    );
    expect(await mine({ orgId: station2Org.id })).toEqual([]);
  });

  it('pages newest first with the full total on every page', async () => {
    const first = await list(station, { keyword: prefix, page: 1, pageSize: 2 });
    const second = await list(station, { keyword: prefix, page: 2, pageSize: 2 });
    const third = await list(station, { keyword: prefix, page: 3, pageSize: 2 });
    expect([first.total, second.total, third.total]).toEqual([3, 3, 3]);
    expect(first.items.map((i) => i.id)).toEqual([v.c.id, v.b.id]);
    expect(second.items.map((i) => i.id)).toEqual([v.a.id]);
    expect(third.items).toEqual([]);
    expectError(await station.get('/api/volunteers?pageSize=500'), 400, 'VALIDATION');
  });

  it('shows only masked ID numbers and phones, and only volunteers of the caller subtree', async () => {
    const page = await list(station, { pageSize: 200 });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.idNumber).toMatch(MASKED_ID);
      if (item.phone !== null) expect(item.phone).toMatch(MASKED_PHONE);
      // no birth date or exact age beside the mask: only an age range
      expect(item).toMatchObject({ birthDate: null, age: null });
      expect(item.ageRange).toMatch(/^(under_14|age_\d+_(\d+|plus))$/);
    }
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM volunteers WHERE org_path <@ ${stationOrg.path}::ltree`.execute(db());
    expect(page.total).toBe(rows[0]!.n);
    // the institute and the centre see them too
    expect((await list(institute, { keyword: prefix })).total).toBe(3);
    expect((await list(center, { keyword: prefix })).total).toBe(3);
  });
});

// ---------------------------------------------------------------- detail, edit, suspend

describe('editing a volunteer', () => {
  it('records an admin entry with offline consent and audits it', async () => {
    const { body, volunteer } = await created(station);
    expect(volunteer).toMatchObject({
      name: body.name,
      idNumber: maskIdNumber(body.idNumber),
      phone: maskMobile(body.phone),
      source: 'admin',
      status: 'active',
      hasAccount: false,
      skillsNote: XSS,
      consent: { version: PRIVACY_POLICY_VERSION, channel: 'offline' },
    });
    const audits = await auditRows('volunteer.create', volunteer.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_username: 'demo-station', outcome: 'success' });
    expect(audits[0]!.summary).toMatchObject({ volunteerNo: volunteer.volunteerNo });
    const detail = await station.get(`/api/volunteers/${volunteer.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(body.idNumber);
    expect(detail.body).not.toContain(body.phone);
  });

  it('refuses an admin entry with bad identity data or a duplicate ID number, writing nothing', async () => {
    const { body } = await created(station);
    const before = await counts();
    expectError(await station.post('/api/volunteers', volunteerBody({ idNumber: badCheckDigit() })), 400);
    expectError(await station.post('/api/volunteers', volunteerBody({ phone: '123' })), 400, 'INVALID_PHONE');
    expectError(
      await station.post('/api/volunteers', volunteerBody({ idNumber: body.idNumber })),
      409,
      'DUPLICATE_ID_NUMBER',
    );
    // the institute admin sees its own institute, which is no residence
    expectError(
      await institute.post('/api/volunteers', volunteerBody({ orgId: instituteOrg.id })),
      400,
      'NOT_A_STATION',
    );
    // the station admin cannot even see it
    expectError(await station.post('/api/volunteers', volunteerBody({ orgId: instituteOrg.id })), 404);
    expect(await counts()).toEqual(before);
  });

  it('edits skills and phone, re-validates a new ID number and refuses one already used', async () => {
    const other = await created(station);
    const { volunteer } = await created(station, { skills: ['medical'] });
    const newPhone = phone();
    const edited = await station.patch(`/api/volunteers/${volunteer.id}`, {
      skills: ['first_aid', 'driving'],
      phone: `+86 ${newPhone}`,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ skills: ['first_aid', 'driving'], phone: maskMobile(newPhone) });
    let row = await volunteerRow(volunteer.id);
    expect(t.ctx.cipher.decrypt(row.phone_enc!)).toBe(newPhone);
    expect(row.phone_tail).toBe(newPhone.slice(-4));

    const bad = expectError(
      await station.patch(`/api/volunteers/${volunteer.id}`, { idNumber: badCheckDigit() }),
      400,
      'ID_NUMBER_CHECK_DIGIT',
    );
    expect(bad.message).toMatch(CHINESE);
    expectError(
      await station.patch(`/api/volunteers/${volunteer.id}`, { idNumber: other.body.idNumber }),
      409,
      'DUPLICATE_ID_NUMBER',
    );
    expect(t.ctx.cipher.decrypt((await volunteerRow(volunteer.id)).id_number_enc)).not.toBe(
      other.body.idNumber,
    );

    const newId = idNumber('1985-03-08');
    const changed = await station.patch(`/api/volunteers/${volunteer.id}`, { idNumber: newId });
    expect(changed.statusCode, changed.body).toBe(200);
    // a station admin sees the age range, never the birth date (8 of the masked digits)
    expect(changed.json()).toMatchObject({
      idNumber: maskIdNumber(newId),
      birthDate: null,
      age: null,
      ageRange: ageRangeOf(ageOn('1985-03-08', new Date())),
    });
    const seen = (await center.get(`/api/volunteers/${volunteer.id}`)).json() as Detail;
    expect(seen).toMatchObject({ birthDate: '1985-03-08', age: ageOn('1985-03-08', new Date()) });
    row = await volunteerRow(volunteer.id);
    expect(t.ctx.cipher.decrypt(row.id_number_enc)).toBe(newId);
    // saving the same ID number again is not a duplicate of itself
    expect((await station.patch(`/api/volunteers/${volunteer.id}`, { idNumber: newId })).statusCode).toBe(
      200,
    );

    const audits = await auditRows('volunteer.update', volunteer.id);
    expect(audits.length).toBe(3);
    expect((audits[0]!.summary as { fields: string[] }).fields.sort()).toEqual(['phone', 'skills']);
    expect((audits[1]!.summary as { fields: string[] }).fields).toEqual(['idNumber']);
    expect(JSON.stringify(audits)).not.toContain(newId);
  });

  it("moves the phone login along when an admin corrects a registered volunteer's phone", async () => {
    const { body, volunteer } = await registered();
    const newPhone = phone();
    const res = await station.patch(`/api/volunteers/${volunteer.id}`, { phone: newPhone });
    expect(res.statusCode, res.body).toBe(200);
    // the account must follow the record: the volunteer logs in with the phone on record
    const withNew = await tryLogin(t.app, newPhone, PASSWORD, nextIp());
    expect(withNew.statusCode, withNew.body).toBe(200);
    expect(withNew.json().user.username).toBe(volunteer.volunteerNo);
    expectError(await tryLogin(t.app, body.phone, PASSWORD, nextIp()), 401);
  });

  it('requires a guardian when the corrected ID number makes the volunteer a child', async () => {
    const { volunteer } = await created(station);
    expectError(
      await station.patch(`/api/volunteers/${volunteer.id}`, { idNumber: idNumber(chinaDate(9, 5)) }),
      400,
      'GUARDIAN_REQUIRED',
    );
    expect((await volunteerRow(volunteer.id)).is_minor).toBe(false);
  });

  it('suspends with a reason, refuses a second suspension, and reactivates', async () => {
    const { volunteer } = await created(station);
    const url = `/api/volunteers/${volunteer.id}`;
    expectError(await station.post(`${url}/suspend`, {}), 400, 'VALIDATION');
    expectError(await station.post(`${url}/suspend`, { reason: ' ' }), 400, 'VALIDATION');
    const suspended = await station.post(`${url}/suspend`, { reason: '本人申请暂停服务' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: '本人申请暂停服务' });
    expectError(await station.post(`${url}/suspend`, { reason: '再次暂停' }), 409);
    const back = await station.post(`${url}/reactivate`);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'active', statusReason: null });
    expectError(await station.post(`${url}/reactivate`), 409);

    const suspendAudits = await auditRows('volunteer.suspend', volunteer.id);
    expect(suspendAudits).toHaveLength(1);
    expect(suspendAudits[0]!.summary).toMatchObject({ reason: '本人申请暂停服务' });
    expect(await auditRows('volunteer.reactivate', volunteer.id)).toHaveLength(1);
  });

  it('answers 404 for a volunteer that does not exist', async () => {
    expectError(await station.get('/api/volunteers/987654321'), 404);
    expectError(await station.patch('/api/volunteers/987654321', { skills: [] }), 404);
  });
});

// ---------------------------------------------------------------- reveal and export

describe('revealing personal data', () => {
  it('shows the centre admin the full ID number and phone, audited per field', async () => {
    const { body, volunteer } = await created(station);
    const id = await center.post(`/api/volunteers/${volunteer.id}/reveal`, { field: 'idNumber' });
    expect(id.statusCode, id.body).toBe(200);
    expect(id.json()).toEqual({ value: body.idNumber });
    const tel = await center.post(`/api/volunteers/${volunteer.id}/reveal`, { field: 'phone' });
    expect(tel.json()).toEqual({ value: body.phone });
    const audits = await auditRows('volunteer.reveal', volunteer.id);
    expect(audits.map((a) => [a.actor_username, (a.summary as { field: string }).field])).toEqual([
      ['demo-center', 'idNumber'],
      ['demo-center', 'phone'],
    ]);
    expect(JSON.stringify(audits)).not.toContain(body.idNumber);
    // nothing on record to reveal
    expectError(await center.post(`/api/volunteers/${volunteer.id}/reveal`, { field: 'guardianPhone' }), 404);
    expectError(await center.post(`/api/volunteers/${volunteer.id}/reveal`, { field: 'name' }), 400);
  });

  it('refuses a station admin (no volunteer.unmask) with 403 and no reveal audit', async () => {
    const { volunteer } = await created(station);
    const res = await station.post(`/api/volunteers/${volunteer.id}/reveal`, { field: 'idNumber' });
    expectError(res, 403, 'FORBIDDEN');
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
    expect(await auditRows('volunteer.reveal', volunteer.id)).toHaveLength(0);
    // the refused attempt itself is on record
    const denied = await db()
      .selectFrom('audit_log')
      .select(['actor_username', 'outcome', 'resource_id'])
      .where('action', '=', 'access.denied')
      .where('resource_id', '=', 'POST /api/volunteers/:id/reveal')
      .execute();
    expect(denied).toContainEqual({
      actor_username: 'demo-station',
      outcome: 'denied',
      resource_id: 'POST /api/volunteers/:id/reveal',
    });
  });
});

describe('exporting volunteers', () => {
  const prefix = `验${han(2)}`;
  const made: Array<{ body: ReturnType<typeof volunteerBody>; volunteer: Detail }> = [];

  beforeAll(async () => {
    for (const suffix of ['甲', '乙']) made.push(await created(station, { name: `${prefix}${suffix}` }));
  });

  it('exports the filtered list with masked ID numbers and phones', async () => {
    const rows = await exportRows(
      await station.get(`/api/volunteers/export?keyword=${encodeURIComponent(prefix)}`),
    );
    expect(rows.map((r) => r['志愿者编号']).sort()).toEqual(made.map((m) => m.volunteer.volunteerNo).sort());
    for (const { body, volunteer } of made) {
      const row = rows.find((r) => r['志愿者编号'] === volunteer.volunteerNo)!;
      expect(row['姓名']).toBe(body.name);
      expect(row['身份证号']).toBe(maskIdNumber(body.idNumber));
      expect(row['手机号']).toBe(maskMobile(body.phone));
      expect(row['专长']).toBe('医疗护理');
    }
    const audits = await auditRows('volunteer.export');
    expect(audits.at(-1)).toMatchObject({ actor_username: 'demo-station' });
    expect(audits.at(-1)!.summary).toMatchObject({ rows: 2, unmasked: false });
  });

  it('masks every row of an unfiltered export', async () => {
    const rows = await exportRows(await station.get('/api/volunteers/export'));
    expect(rows.length).toBeGreaterThanOrEqual(made.length);
    for (const row of rows) {
      expect(row['身份证号']).toMatch(MASKED_ID);
      if (row['手机号']) expect(row['手机号']).toMatch(MASKED_PHONE);
    }
  });

  it('refuses an unmasked export to a station admin', async () => {
    const before = (await auditRows('volunteer.export')).length;
    expectError(await station.get('/api/volunteers/export?unmasked=true'), 403, 'FORBIDDEN');
    expect((await auditRows('volunteer.export')).length).toBe(before);
  });

  it('gives the centre admin the full values, audited as unmasked', async () => {
    const rows = await exportRows(
      await center.get(`/api/volunteers/export?unmasked=true&keyword=${encodeURIComponent(prefix)}`),
    );
    expect(rows).toHaveLength(2);
    for (const { body, volunteer } of made) {
      const row = rows.find((r) => r['志愿者编号'] === volunteer.volunteerNo)!;
      expect(row['身份证号']).toBe(body.idNumber);
      expect(row['手机号']).toBe(body.phone);
    }
    const last = (await auditRows('volunteer.export')).at(-1)!;
    expect(last.actor_username).toBe('demo-center');
    expect(last.summary).toMatchObject({ unmasked: true, rows: 2 });
  });
});

// ---------------------------------------------------------------- withdrawal

describe('withdrawing consent', () => {
  it('erases contact data, closes the account, ends the session and leaves the teams', async () => {
    const { body, volunteer, client, session } = await registered({ availability: ['weekends'] });
    const teamId = await createTeam(station, stationOrg.id);
    await addMembers(station, teamId, [volunteer.id]);
    expect((await client.get('/api/me/volunteer')).json()).toMatchObject({ teamCount: 1 });

    const res = await client.post('/api/me/volunteer/withdraw', { erase: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    const row = await volunteerRow(volunteer.id);
    expect(row).toMatchObject({
      status: 'withdrawn',
      phone_enc: null,
      phone_index: null,
      phone_tail: null,
      skills: [],
      availability: [],
      skills_note: null,
    });
    expect(row.erasure_requested_at).not.toBeNull();
    expect(row.consent_withdrawn_at).not.toBeNull();
    // the service record stays: name, number and ID number are kept
    expect(t.ctx.cipher.decrypt(row.id_number_enc)).toBe(body.idNumber);
    const account = await db()
      .selectFrom('users')
      .select(['status', 'phone_enc', 'phone_index'])
      .where('id', '=', row.user_id!)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ status: 'disabled', phone_enc: null, phone_index: null });
    const memberships = await db()
      .selectFrom('team_members')
      .select(['status', 'left_at'])
      .where('volunteer_id', '=', volunteer.id)
      .execute();
    expect(memberships).toHaveLength(1);
    expect(memberships[0]!.status).toBe('left');
    expect(memberships[0]!.left_at).not.toBeNull();
    expect(await auditRows('volunteer.withdraw', volunteer.id)).toHaveLength(1);

    expectError(await as(t.app, session).get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await client.get('/api/me/volunteer'), 401);
    expectError(await tryLogin(t.app, body.phone, PASSWORD, nextIp()), 401);
    expectError(await tryLogin(t.app, volunteer.volunteerNo, PASSWORD, nextIp()), 401);

    const detail = (await station.get(`/api/volunteers/${volunteer.id}`)).json() as Detail;
    expect(detail).toMatchObject({ status: 'withdrawn', phone: null, teamCount: 0, teams: [] });
    expect(detail.consent.erasureRequestedAt).not.toBeNull();
    expectError(await station.patch(`/api/volunteers/${volunteer.id}`, { skills: ['law'] }), 409);
    expectError(await station.post(`/api/volunteers/${volunteer.id}/suspend`, { reason: '测试暂停' }), 409);
  });

  it('lets the same person come back with the phone on record (fresh consent), and no one else', async () => {
    const { body, volunteer, client } = await registered();
    expect((await client.post('/api/me/volunteer/withdraw', { erase: false })).statusCode).toBe(200);
    expectError(await register({ ...body, name: personName(), phone: phone() }), 409, 'ALREADY_REGISTERED');
    // the right name is no proof either (see rejoin.test.ts: a station confirms those)
    expectError(await register({ ...body, phone: phone() }), 409, 'ALREADY_REGISTERED');
    const again = await register({ ...body, password: PASSWORD });
    expect(again.statusCode, again.body).toBe(200);
    const json = again.json() as { user: { username: string }; volunteer: Detail };
    expect(json.volunteer).toMatchObject({
      id: volunteer.id,
      volunteerNo: volunteer.volunteerNo,
      status: 'active',
    });
    expect(json.volunteer.consent.withdrawnAt).toBeNull();
    expect(json.user.username).toBe(volunteer.volunteerNo);
    expect(await auditRows('volunteer.rejoin', volunteer.id)).toHaveLength(1);
    expect((await tryLogin(t.app, volunteer.volunteerNo, PASSWORD, nextIp())).statusCode).toBe(200);
  });

  it('keeps the contact data when erasure is not asked for', async () => {
    const { volunteer, client } = await registered();
    expect((await client.post('/api/me/volunteer/withdraw', { erase: false })).statusCode).toBe(200);
    const row = await volunteerRow(volunteer.id);
    expect(row.status).toBe('withdrawn');
    expect(row.phone_enc).not.toBeNull();
    expect(row.erasure_requested_at).toBeNull();
    expect(row.consent_withdrawn_at).not.toBeNull();
  });
});

// ---------------------------------------------------------------- roles

describe('volunteers and admins keep to their own endpoints', () => {
  it('refuses admin endpoints to a volunteer', async () => {
    const { client, volunteer } = await registered();
    expectError(await client.get('/api/volunteers'), 403, 'FORBIDDEN');
    expectError(await client.get(`/api/volunteers/${volunteer.id}`), 403);
    expectError(await client.get('/api/volunteers/export'), 403);
    expectError(await client.post('/api/volunteers', volunteerBody()), 403);
    expectError(await client.patch(`/api/volunteers/${volunteer.id}`, { skills: ['law'] }), 403);
    expectError(await client.post(`/api/volunteers/${volunteer.id}/reveal`, { field: 'idNumber' }), 403);
  });

  it('refuses the volunteer pages to admins', async () => {
    for (const admin of [station, center]) {
      expectError(await admin.get('/api/me/volunteer'), 403);
      expectError(await admin.patch('/api/me/volunteer', { skills: ['law'] }), 403);
      expectError(await admin.post('/api/me/volunteer/withdraw', { erase: true }), 403);
    }
  });

  it('answers 401 without a session', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/volunteers' }), 401, 'UNAUTHENTICATED');
    expectError(await t.app.inject({ method: 'GET', url: '/api/me/volunteer' }), 401, 'UNAUTHENTICATED');
  });
});

// ---------------------------------------------------------------- data scope

describe('data scope: another town sees and changes nothing', () => {
  const prefix = `验${han(2)}`;
  const foreign: Array<{ body: ReturnType<typeof volunteerBody>; volunteer: Detail }> = [];
  let otherInstitute: Client;

  beforeAll(async () => {
    for (const suffix of ['甲', '乙']) foreign.push(await created(station, { name: `${prefix}${suffix}` }));
    // an institute admin of the other town: has volunteer.unmask, but not over these volunteers
    const username = `inst2${crypto.randomBytes(3).toString('hex')}`;
    await createUser(db(), username, 'institute_admin', station2Org.parentId!);
    otherInstitute = as(t.app, await login(t.app, username));
  });

  it('refuses every read and write, with nothing changed in the database', async () => {
    const before = await tableDigest(db(), 'volunteers');
    const usersBefore = await tableDigest(db(), 'users');
    const target = foreign[0]!;
    const url = `/api/volunteers/${target.volunteer.id}`;
    for (const other of [station2, otherInstitute]) {
      expect((await list(other, { keyword: prefix })).total).toBe(0);
      expect((await list(other, { keyword: target.volunteer.volunteerNo })).total).toBe(0);
      const all = await list(other, { pageSize: 200 });
      expect(all.items.map((i) => i.id)).not.toContain(target.volunteer.id);
      expect((await list(other, { orgId: stationOrg.id })).total).toBe(0);
      expectError(await other.get(url), 404);
      expectError(await other.patch(url, { skills: ['law'], name: '改名字' }), 404);
      expectError(await other.post(`${url}/suspend`, { reason: '越权暂停' }), 404);
      expectError(await other.post(`${url}/reactivate`), 404);
      // the target's own residence is out of reach too
      expectError(await other.post('/api/volunteers', volunteerBody({ orgId: stationOrg.id })), 404);
      const exported = await exportRows(
        await other.get(`/api/volunteers/export?keyword=${encodeURIComponent(prefix)}`),
      );
      expect(exported).toEqual([]);
      const everything = await exportRows(await other.get('/api/volunteers/export'));
      const numbers = new Set(everything.map((r) => r['志愿者编号']));
      for (const f of foreign) expect(numbers.has(f.volunteer.volunteerNo)).toBe(false);
    }
    expectError(await station2.post(`${url}/reveal`, { field: 'idNumber' }), 403);
    expectError(await otherInstitute.post(`${url}/reveal`, { field: 'idNumber' }), 404);
    expectError(await otherInstitute.post(`${url}/reveal`, { field: 'phone' }), 404);
    const unmasked = await exportRows(await otherInstitute.get('/api/volunteers/export?unmasked=true'));
    const unmaskedText = JSON.stringify(unmasked);
    for (const f of foreign) {
      expect(unmaskedText).not.toContain(f.body.idNumber);
      expect(unmaskedText).not.toContain(f.body.phone);
    }

    expect(await tableDigest(db(), 'volunteers')).toBe(before);
    expect(await tableDigest(db(), 'users')).toBe(usersBefore);
    for (const action of [
      'volunteer.update',
      'volunteer.suspend',
      'volunteer.reactivate',
      'volunteer.reveal',
    ])
      expect(await auditRows(action, target.volunteer.id), action).toEqual([]);
  });

  it('says only "already registered" for an ID number held in another town', async () => {
    const before = await counts();
    const error = expectError(
      await station2.post(
        '/api/volunteers',
        volunteerBody({ orgId: station2Org.id, idNumber: foreign[1]!.body.idNumber }),
      ),
      409,
      'DUPLICATE_ID_NUMBER',
    );
    expect(error.message).not.toContain(foreign[1]!.body.name);
    expect(error.message).not.toContain(foreign[1]!.volunteer.volunteerNo);
    expect(await counts()).toEqual(before);
  });

  it('holds in the database alone: row-level security hides and protects the rows', async () => {
    const ids = foreign.map((f) => f.volunteer.id);
    const seen = await inScope(t.ctx.db.app, station2Org.path, (tx) =>
      tx.selectFrom('volunteers').select('id').where('id', 'in', ids).execute(),
    );
    expect(seen).toEqual([]);
    const leaked = await inScope(t.ctx.db.app, station2Org.path, (tx) =>
      tx.selectFrom('volunteers').select('org_path').execute(),
    );
    expect(
      leaked.every((r) => r.org_path === station2Org.path || r.org_path.startsWith(`${station2Org.path}.`)),
    ).toBe(true);
    const updated = await inScope(t.ctx.db.app, station2Org.path, (tx) =>
      tx.updateTable('volunteers').set({ name: '被改了' }).where('id', 'in', ids).executeTakeFirstOrThrow(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    // the same statements in the owner's scope do see the rows (the test is not vacuous)
    const own = await inScope(t.ctx.db.app, stationOrg.path, (tx) =>
      tx.selectFrom('volunteers').select('id').where('id', 'in', ids).execute(),
    );
    expect(sorted(own.map((r) => r.id))).toEqual(sorted(ids));
    const names = await db().selectFrom('volunteers').select('name').where('id', 'in', ids).execute();
    expect(names.map((r) => r.name)).not.toContain('被改了');
    // and a row of one's own cannot be moved into a foreign scope
    const mine = (await created(station2, { orgId: station2Org.id })).volunteer;
    await expect(
      inScope(t.ctx.db.app, station2Org.path, (tx) =>
        tx
          .updateTable('volunteers')
          .set({ org_id: stationOrg.id, org_path: stationOrg.path })
          .where('id', '=', mine.id)
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    expect((await volunteerRow(mine.id)).org_path).toBe(station2Org.path);
  });
});

// ---------------------------------------------------------------- time passing

describe('a volunteer acting for themself', () => {
  it('shows row-level security only their own record, not their neighbours at the same station', async () => {
    const me = await registered();
    const neighbour = await registered();
    const mine = await volunteerRow(me.volunteer.id);
    const seen = await inVolunteerScope(t.ctx.db.app, mine.org_path, mine.id, async (tx) => ({
      volunteers: (await tx.selectFrom('volunteers').select('id').execute()).map((r) => r.id),
      users: (await tx.selectFrom('users').select('id').execute()).map((r) => r.id),
      changed: Number(
        (
          await tx
            .updateTable('volunteers')
            .set({ skills_note: '改' })
            .where('id', '=', neighbour.volunteer.id)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
      teamsAbove: (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM teams WHERE ${mine.org_path}::ltree <@ org_path`.execute(tx)
      ).rows[0]!.n,
    }));
    expect(seen.volunteers).toEqual([me.volunteer.id]);
    expect(seen.users).toEqual([me.user.id]);
    expect(seen.changed).toBe(0);
    expect(seen.teamsAbove).toBeGreaterThan(0);
    // the same station seen by its admin holds both
    const both = await inScope(t.ctx.db.app, mine.org_path, (tx) =>
      tx
        .selectFrom('volunteers')
        .select('id')
        .where('id', 'in', [me.volunteer.id, neighbour.volunteer.id])
        .execute(),
    );
    expect(both).toHaveLength(2);
  });
});

describe('as time passes', () => {
  it('stops listing a volunteer as a minor once they turn 18', async () => {
    const prefix = `验${han(2)}`;
    // turns 18 in 20 days
    const { volunteer } = await created(station, {
      name: `${prefix}甲`,
      idNumber: idNumber(chinaDate(18, -20)),
    });
    expect(volunteer).toMatchObject({ ageRange: 'age_14_17', isMinor: true });
    t.setNow(new Date(Date.now() + 30 * 86_400_000));
    try {
      const later = as(t.app, await login(t.app, 'demo-station'));
      const detail = (await later.get(`/api/volunteers/${volunteer.id}`)).json() as Detail;
      expect(detail.ageRange).toBe('age_18_29');
      expect(detail.isMinor).toBe(false);
      expect(idsOf(await list(later, { keyword: prefix, isMinor: false }))).toEqual([volunteer.id]);
      expect(idsOf(await list(later, { keyword: prefix, isMinor: true }))).toEqual([]);
    } finally {
      t.setNow(null);
    }
  });
});
