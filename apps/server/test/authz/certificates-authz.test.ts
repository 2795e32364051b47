// The authorization matrix of the certificate routes: no session 401; a role without
// certificate.issue (team leader, security admin, volunteer) 403; another town's admin 404 on
// every certificate of this town, changing nothing; a station admin cannot reach what the town
// above it issued; a volunteer reaches only their own certificates and issues only for themself.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { servedActivity } from '../support/certificate-factories.ts';
import { orgOfUser, orgRow, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef;
let volunteer: RegisteredVolunteer;
let other: RegisteredVolunteer;
let stationCert: { id: number; serial: string };
let instituteCert: { id: number; serial: string };
let otherCert: { id: number; serial: string };
const DAY = 86_400_000;
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
let period: { from: string; to: string };

function expectStatus(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect((res.json() as { message: string }).message).toMatch(/[\u4e00-\u9fa5]/);
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.ctx.db.system;
  station = await orgOfUser(db, 'demo-station');
  const institute = (await orgRow(db, station.parentId!))!;
  volunteer = await registerVolunteer(t, station.id);
  other = await registerVolunteer(t, station.id);
  const now = t.ctx.now();
  period = { from: chinaDate(new Date(now.getTime() - 30 * DAY)), to: chinaDate(now) };
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  await servedActivity(t, station, volunteer.id, { endedAt: ago(4), hours: 2 });
  await servedActivity(t, institute, volunteer.id, { endedAt: ago(3), hours: 1 });
  await servedActivity(t, station, other.id, { endedAt: ago(4), hours: 3 });
  const issue = async (username: string) => {
    const res = await as(t.app, await login(t.app, username)).post('/api/certificates', {
      volunteerId: volunteer.id,
      ...period,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; serial: string };
  };
  stationCert = await issue('demo-station');
  instituteCert = await issue('demo-institute');
  const own = await as(t.app, other.session).post('/api/me/certificates', period);
  expect(own.statusCode, own.body).toBe(200);
  otherCert = own.json();
});
afterAll(async () => t?.close());

const adminRoutes = () => [
  ['GET', '/api/certificates'],
  ['POST', '/api/certificates'],
  ['GET', `/api/certificates/${stationCert.id}`],
  ['GET', `/api/certificates/${stationCert.id}/pdf`],
  ['POST', `/api/certificates/${stationCert.id}/revoke`],
];
const selfRoutes = () => [
  ['GET', '/api/me/certificates'],
  ['POST', '/api/me/certificates'],
  ['GET', `/api/me/certificates/${otherCert.id}/pdf`],
];

describe('certificate routes', () => {
  it('answer 401 without a session, except the public verification', async () => {
    for (const [method, url] of [...adminRoutes(), ...selfRoutes()]) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        payload: method === 'POST' ? {} : undefined,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    const open = await t.app.inject({ method: 'GET', url: `/api/public/certificates/${stationCert.serial}` });
    expect(open.statusCode).toBe(200);
  });

  it('answer 403 to roles without certificate.issue, and to staff on the volunteer’s routes', async () => {
    const before = await tableDigest(t.ctx.db.system, 'certificates');
    for (const username of ['demo-leader', 'demo-security', 'demo-audit']) {
      const c = as(t.app, await login(t.app, username));
      for (const [method, url] of adminRoutes()) {
        const res =
          method === 'GET'
            ? await c.get(url!)
            : await c.post(url!, { volunteerId: volunteer.id, reason: '越权撤销', ...period });
        expect(res.statusCode, `${username} ${method} ${url}`).toBe(403);
      }
    }
    const volunteerClient = as(t.app, volunteer.session);
    for (const [method, url] of adminRoutes()) {
      const res =
        method === 'GET'
          ? await volunteerClient.get(url!)
          : await volunteerClient.post(url!, { volunteerId: other.id, reason: '越权撤销', ...period });
      expectStatus(res, 403);
    }
    const admin = as(t.app, await login(t.app, 'demo-station'));
    for (const [method, url] of selfRoutes()) {
      const res = method === 'GET' ? await admin.get(url!) : await admin.post(url!, period);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await tableDigest(t.ctx.db.system, 'certificates')).toBe(before);
  });

  it('answer 404 to another town’s admin, who changes nothing', async () => {
    const before = await tableDigest(t.ctx.db.system, 'certificates');
    const town2 = as(t.app, await login(t.app, 'demo-station2'));
    for (const cert of [stationCert, instituteCert, otherCert]) {
      expectStatus(await town2.get(`/api/certificates/${cert.id}`), 404);
      expectStatus(await town2.get(`/api/certificates/${cert.id}/pdf`), 404);
      expectStatus(await town2.post(`/api/certificates/${cert.id}/revoke`, { reason: '越权撤销' }), 404);
    }
    expectStatus(await town2.post('/api/certificates', { volunteerId: volunteer.id, ...period }), 404);
    const list = await town2.get(`/api/certificates?volunteerId=${volunteer.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ items: [], total: 0 });
    const search = await town2.get(`/api/certificates?q=${encodeURIComponent(stationCert.serial)}`);
    expect(search.json().total).toBe(0);
    expect(await tableDigest(t.ctx.db.system, 'certificates')).toBe(before);
  });

  it('let a station reach its own certificates but not what the town above issued', async () => {
    const admin = as(t.app, await login(t.app, 'demo-station'));
    expect((await admin.get(`/api/certificates/${stationCert.id}`)).statusCode).toBe(200);
    expectStatus(await admin.get(`/api/certificates/${instituteCert.id}`), 404);
    expectStatus(
      await admin.post(`/api/certificates/${instituteCert.id}/revoke`, { reason: '越级撤销' }),
      404,
    );
    const institute = as(t.app, await login(t.app, 'demo-institute'));
    expect((await institute.get(`/api/certificates/${stationCert.id}`)).statusCode).toBe(200);
    expect((await institute.get(`/api/certificates/${instituteCert.id}/pdf`)).statusCode).toBe(200);
  });

  it('let a volunteer reach only their own certificates and issue only for themself', async () => {
    const mine = as(t.app, volunteer.session);
    const list = await mine.get('/api/me/certificates');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((c: { id: number }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([stationCert.id, instituteCert.id]));
    expect(ids).not.toContain(otherCert.id);
    expectStatus(await mine.get(`/api/me/certificates/${otherCert.id}/pdf`), 404);
    expect((await mine.get(`/api/me/certificates/${stationCert.id}/pdf`)).statusCode).toBe(200);
    // naming another volunteer changes nothing: the certificate is the caller's own
    const res = await mine.post('/api/me/certificates', { ...period, volunteerId: other.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().volunteerId).toBe(volunteer.id);
  });
});
