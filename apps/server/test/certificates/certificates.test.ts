// Certificates (志愿服务记录证明): issuing by an admin (only the records of the issuing org's subtree)
// and by the volunteer (by the nearest org of their chain that covers their records), an empty
// period refused, the PDF's text in Chinese, the public verification (valid, altered, copied,
// revoked, forged serial) and revocation.
import type { LightMyRequestResponse } from 'fastify';
import { canonicalize } from 'json-canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '@civic/contracts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { pdfText, servedActivity } from '../support/certificate-factories.ts';
import { orgOfUser, orgRow, type OrgRef } from '../support/org-factories.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef; // 东风社区 (demo-station)
let institute: OrgRef; // its town (demo-institute)
let center: OrgRef;
let otherStation: OrgRef; // demo-station2, another town
let stationAdmin: ReturnType<typeof as>;
let instituteAdmin: ReturnType<typeof as>;
let volunteer: RegisteredVolunteer; // served in the village, the town and another town
let villageOnly: RegisteredVolunteer; // served only in the village
let idNumber: string;

const CHINESE = /[\u4e00-\u9fa5]/;
const DAY = 86_400_000;
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
let from: string;
let to: string;
/** The certificates the demo seed issued (read before any test issues one). */
let seededIds: number[] = [];

function expect4xx(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
  return body;
}

const certificateCount = async () =>
  Number(
    (
      await t.ctx.db.system
        .selectFrom('certificates')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const auditEntries = (action: string) =>
  t.ctx.db.system
    .selectFrom('audit_log')
    .select(['resource_id', 'summary'])
    .where('action', '=', action)
    .execute();

const publicVerify = (serial: string) =>
  t.app.inject({ method: 'GET', url: `/api/public/certificates/${encodeURIComponent(serial)}` });

beforeAll(async () => {
  t = await createTestContext();
  const db = t.ctx.db.system;
  seededIds = (await db.selectFrom('certificates').select('id').execute()).map((c) => c.id);
  station = await orgOfUser(db, 'demo-station');
  institute = (await orgRow(db, station.parentId!))!;
  center = (await orgRow(db, institute.parentId!))!;
  otherStation = await orgOfUser(db, 'demo-station2');
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  instituteAdmin = as(t.app, await login(t.app, 'demo-institute'));
  volunteer = await registerVolunteer(t, station.id);
  villageOnly = await registerVolunteer(t, station.id);
  const v = await db
    .selectFrom('volunteers')
    .select('id_number_enc')
    .where('id', '=', volunteer.id)
    .executeTakeFirstOrThrow();
  idNumber = t.ctx.cipher.decrypt(v.id_number_enc);

  const now = t.ctx.now();
  from = chinaDate(new Date(now.getTime() - 30 * DAY));
  to = chinaDate(now);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  await servedActivity(t, station, volunteer.id, {
    endedAt: ago(10),
    hours: 2,
    title: '东风社区敬老院送温暖',
  });
  await servedActivity(t, institute, volunteer.id, { endedAt: ago(5), hours: 3, title: '街道文明实践宣讲' });
  await servedActivity(t, otherStation, volunteer.id, { endedAt: ago(3), hours: 1.5, title: '外镇清洁家园' });
  // neither pending nor rejected nor earlier service counts
  await servedActivity(t, station, volunteer.id, { endedAt: ago(2), hours: 4, status: 'pending' });
  await servedActivity(t, station, volunteer.id, { endedAt: ago(2), hours: 5, status: 'rejected' });
  await servedActivity(t, station, volunteer.id, { endedAt: ago(60), hours: 6 });
  await servedActivity(t, station, villageOnly.id, { endedAt: ago(8), hours: 2.5, title: '村口义诊' });
});
afterAll(async () => t?.close());

describe('issuing', () => {
  it('lists only the records of the issuing org’s subtree, within the period', async () => {
    const res = await stationAdmin.post('/api/certificates', { volunteerId: volunteer.id, from, to });
    expect(res.statusCode, res.body).toBe(200);
    const cert = res.json();
    expect(cert).toMatchObject({
      volunteerId: volunteer.id,
      orgId: station.id,
      periodFrom: from,
      periodTo: to,
      totalHours: 2,
      recordCount: 1,
      selfService: false,
      status: 'valid',
    });
    expect(cert.serial).toMatch(/^ZM\d{4}-[2-9A-Z]{12}$/);

    const byTown = await instituteAdmin.post('/api/certificates', { volunteerId: volunteer.id, from, to });
    expect(byTown.statusCode, byTown.body).toBe(200);
    expect(byTown.json()).toMatchObject({ orgId: institute.id, totalHours: 5, recordCount: 2 });

    const stored = await t.ctx.db.system
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', byTown.json().id)
      .executeTakeFirstOrThrow();
    const content = JSON.parse(stored.content);
    expect(stored.content).toBe(canonicalize(content));
    expect(content.records.map((r: { title: string }) => r.title)).toEqual([
      '东风社区敬老院送温暖',
      '街道文明实践宣讲',
    ]);
    expect(content.volunteer.idNumber).toBe(maskIdNumber(idNumber));
    // the mask keeps nothing of the birth date or the area code
    expect(content.volunteer.idNumber).not.toContain(idNumber.slice(6, 14));
    expect(content.volunteer.idNumber.slice(1, -1)).toMatch(/^\*+$/);
    expect(content.handler).not.toBe('平台自助出具');

    const audit = await auditEntries('certificate.issue');
    expect(audit.some((a) => String(a.resource_id) === String(byTown.json().id))).toBe(true);
  });

  it('issues a volunteer’s own certificate from the nearest org of their chain that covers it all', async () => {
    const mine = as(t.app, volunteer.session);
    const res = await mine.post('/api/me/certificates', { from, to });
    expect(res.statusCode, res.body).toBe(200);
    // they also served in another town: only the centre can vouch for all of it
    expect(res.json()).toMatchObject({
      orgId: center.id,
      totalHours: 6.5,
      recordCount: 3,
      selfService: true,
    });
    expect(res.json().handler).toBe('平台自助出具');

    const village = await as(t.app, villageOnly.session).post('/api/me/certificates', { from, to });
    expect(village.statusCode, village.body).toBe(200);
    expect(village.json()).toMatchObject({ orgId: station.id, totalHours: 2.5, recordCount: 1 });

    const list = await mine.get('/api/me/certificates');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { volunteerId: number }) => c.volunteerId)).toEqual(
      list.json().items.map(() => volunteer.id),
    );
    // the station's admins see the village certificate among theirs
    const stationList = await stationAdmin.get(`/api/certificates?volunteerId=${villageOnly.id}`);
    expect(stationList.json().items.map((c: { id: number }) => c.id)).toContain(village.json().id);
  });

  it('refuses a period with no confirmed hours, or a wrong period, and issues nothing', async () => {
    const before = await certificateCount();
    const early = chinaDate(new Date(t.ctx.now().getTime() - 400 * DAY));
    const earlyTo = chinaDate(new Date(t.ctx.now().getTime() - 390 * DAY));
    expect4xx(
      await stationAdmin.post('/api/certificates', { volunteerId: volunteer.id, from: early, to: earlyTo }),
      400,
      'NO_CONFIRMED_HOURS',
    );
    expect4xx(
      await as(t.app, volunteer.session).post('/api/me/certificates', { from: early, to: earlyTo }),
      400,
      'NO_CONFIRMED_HOURS',
    );
    // the other town's record is no hours of this station's
    const threeDaysAgo = chinaDate(new Date(t.ctx.now().getTime() - 3 * DAY));
    expect4xx(
      await stationAdmin.post('/api/certificates', {
        volunteerId: volunteer.id,
        from: threeDaysAgo,
        to: threeDaysAgo,
      }),
      400,
      'NO_CONFIRMED_HOURS',
    );
    expect4xx(
      await stationAdmin.post('/api/certificates', { volunteerId: volunteer.id, from: to, to: from }),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/certificates', { volunteerId: volunteer.id, from, to: '2999-01-01' }),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/certificates', { volunteerId: volunteer.id, from: '2026-02-30', to }),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/certificates', { volunteerId: volunteer.id, from: 'x', to }),
      400,
    );
    expect(await certificateCount()).toBe(before);
  });
});

describe('the PDF', () => {
  it('carries every field of the national rules in Chinese, with the embedded font subset', async () => {
    const issued = await instituteAdmin.post('/api/certificates', { volunteerId: volunteer.id, from, to });
    const cert = issued.json();
    const res = await instituteAdmin.get(`/api/certificates/${cert.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // the font is subset: far below the 8 MB font file
    expect(pdf.length).toBeLessThan(400_000);
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    const org = await t.ctx.db.system
      .selectFrom('orgs')
      .select(['name', 'head_name'])
      .where('id', '=', institute.id)
      .executeTakeFirstOrThrow();
    for (const expected of [
      '志愿服务记录证明',
      volunteer.name,
      '居民身份证',
      maskIdNumber(idNumber),
      volunteer.volunteerNo,
      `${from}至${to}`,
      '5.0小时',
      '东风社区敬老院送温暖',
      '街道文明实践宣讲',
      org.name,
      '单位负责人',
      org.head_name ?? '—',
      '经办人',
      '联系电话',
      cert.serial,
      '出具日期',
      '免费',
      `/h5/verify/${cert.serial}`,
    ])
      expect(text, expected).toContain(expected.replace(/\s+/g, ''));
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain('外镇清洁家园');

    // the volunteer downloads their own
    const own = await as(t.app, volunteer.session).get('/api/me/certificates');
    const ownId = own.json().items.find((c: { selfService: boolean }) => c.selfService).id;
    const ownPdf = await as(t.app, volunteer.session).get(`/api/me/certificates/${ownId}/pdf`);
    expect(ownPdf.statusCode).toBe(200);
    expect((await pdfText(ownPdf.rawPayload)).replace(/\s+/g, '')).toContain('平台自助出具');
  });
});

describe('public verification', () => {
  async function issueOne() {
    const res = await stationAdmin.post('/api/certificates', { volunteerId: volunteer.id, from, to });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; serial: string };
  }

  it('shows the key facts of a valid certificate, the name masked, without a session', async () => {
    const cert = await issueOne();
    const res = await publicVerify(cert.serial);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ serial: cert.serial, status: 'valid', signatureValid: true });
    expect(body.facts).toMatchObject({ periodFrom: from, periodTo: to, totalHours: 2, recordCount: 1 });
    expect(body.facts.volunteerName).not.toBe(volunteer.name);
    expect(body.facts.volunteerName[0]).toBe(volunteer.name[0]);
    expect(body.facts.volunteerName).toContain('*');
    expect(res.body).not.toContain(volunteer.name);
    expect(res.body).not.toContain(idNumber.slice(1, -1));
  });

  it('fails an altered content, an altered signature, or a content copied from another certificate', async () => {
    const db = t.ctx.db.system;
    const cert = await issueOne();
    const row = await db
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', cert.id)
      .executeTakeFirstOrThrow();
    const content = JSON.parse(row.content);

    // more hours, re-canonicalised so it still looks well-formed
    await db
      .updateTable('certificates')
      .set({ content: canonicalize({ ...content, totalHours: 200 }), total_hours: 200 })
      .where('id', '=', cert.id)
      .execute();
    let res = await publicVerify(cert.serial);
    expect(res.statusCode).toBe(200);
    expect(res.json().signatureValid).toBe(false);
    expect(res.json().facts.totalHours).toBe(200);

    // the original content with a changed signature
    const flipped = (row.signature[0] === 'a' ? 'b' : 'a') + row.signature.slice(1);
    await db
      .updateTable('certificates')
      .set({ content: row.content, total_hours: row.total_hours, signature: flipped })
      .where('id', '=', cert.id)
      .execute();
    res = await publicVerify(cert.serial);
    expect(res.json().signatureValid).toBe(false);

    // restored, it verifies again (the test can tell the difference)
    await db
      .updateTable('certificates')
      .set({ signature: row.signature })
      .where('id', '=', cert.id)
      .execute();
    expect((await publicVerify(cert.serial)).json().signatureValid).toBe(true);

    // another certificate's genuine content and signature under this serial
    const other = await issueOne();
    const otherRow = await db
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('certificates')
      .set({ content: otherRow.content, signature: otherRow.signature })
      .where('id', '=', cert.id)
      .execute();
    expect((await publicVerify(cert.serial)).json().signatureValid).toBe(false);
    // and garbage
    await db
      .updateTable('certificates')
      .set({ content: 'not json', signature: 'zz' })
      .where('id', '=', cert.id)
      .execute();
    const garbage = await publicVerify(cert.serial);
    expect(garbage.statusCode).toBe(200);
    expect(garbage.json()).toMatchObject({ signatureValid: false, facts: null });
  });

  it('answers 404 in Chinese for a forged serial', async () => {
    for (const serial of ['ZM2026-AAAAAAAAAAAA', 'forged', '1']) {
      expect4xx(await publicVerify(serial), 404, 'CERTIFICATE_NOT_FOUND');
    }
  });

  it('lets an issuer revoke with a reason; the page then says so', async () => {
    const cert = await issueOne();
    expect4xx(await stationAdmin.post(`/api/certificates/${cert.id}/revoke`, { reason: '' }), 400);
    expect4xx(await stationAdmin.post(`/api/certificates/${cert.id}/revoke`, {}), 400);
    expect((await publicVerify(cert.serial)).json().status).toBe('valid');
    // the org above the issuer may revoke too
    const res = await instituteAdmin.post(`/api/certificates/${cert.id}/revoke`, {
      reason: '服务记录有误，重新出具',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokeReason: '服务记录有误，重新出具' });
    const verified = (await publicVerify(cert.serial)).json();
    expect(verified).toMatchObject({
      status: 'revoked',
      revokeReason: '服务记录有误，重新出具',
      signatureValid: true,
    });
    expect4xx(
      await stationAdmin.post(`/api/certificates/${cert.id}/revoke`, { reason: '再次撤销' }),
      409,
      'ALREADY_REVOKED',
    );
    const audit = await auditEntries('certificate.revoke');
    expect(audit.some((a) => String(a.resource_id) === String(cert.id))).toBe(true);
    const revokedList = await stationAdmin.get('/api/certificates?status=revoked');
    expect(revokedList.json().items.map((c: { id: number }) => c.id)).toContain(cert.id);
  });

  it('lets the application role change nothing certified, only the revocation', async () => {
    const cert = await issueOne();
    const { inScope } = await import('../../src/platform/db/database.ts');
    await expect(
      inScope(t.ctx.db.app, station.path, (tx) =>
        tx.updateTable('certificates').set({ content: '{}' }).where('id', '=', cert.id).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inScope(t.ctx.db.app, station.path, (tx) =>
        tx.deleteFrom('certificates').where('id', '=', cert.id).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('the demo county', () => {
  it('has certificates of the station, the institute and the demo volunteer, one revoked, all verifying', async () => {
    const seeded = await t.ctx.db.system
      .selectFrom('certificates as c')
      .innerJoin('users as u', 'u.id', 'c.issued_by')
      .select(['c.serial', 'c.revoked_at', 'c.self_service', 'u.username'])
      .where('c.id', 'in', seededIds.length > 0 ? seededIds : [0])
      .execute();
    expect(seeded.length).toBeGreaterThanOrEqual(5);
    expect(seeded.filter((c) => c.revoked_at !== null)).toHaveLength(1);
    expect(new Set(seeded.map((c) => c.username))).toEqual(
      new Set(['demo-station', 'demo-institute', 'demo-volunteer']),
    );
    expect(seeded.some((c) => c.self_service)).toBe(true);
    for (const c of seeded) {
      const res = await publicVerify(c.serial);
      expect(res.json()).toMatchObject({ signatureValid: true, status: c.revoked_at ? 'revoked' : 'valid' });
    }
  });
});
