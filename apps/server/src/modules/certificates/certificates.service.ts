// Certificates (志愿服务记录证明): issuing one for a volunteer and a period — by an admin in the
// console, or by the volunteer themself on H5 — revoking one, listing them, the PDF, and the public
// verification by serial. The module owns the certificates table; it reads service records only
// through the hours module (confirmedRecordsInPeriod) and reads volunteers and orgs read-only.
//
// Who may certify what: only the org that organised a service, or an org above it. So a
// certificate lists only the confirmed records whose org lies in the issuing org's subtree. An
// admin issues as their own org. A volunteer's self-service certificate is issued by the nearest
// org of their own chain (their station, its institute, the centre) whose subtree holds all of
// their confirmed records in the period: the station when they served only in their village, the
// institute when they also served in the town's activities, the centre when they served elsewhere
// in the county — the closest org that can vouch for everything, and the one that knows them.
// That issue runs in the issuing org's scope (as a leader confirms in their team's org scope), for
// this one volunteer's records only, with 平台自助出具 as the handler.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditAction } from '../../platform/auth/actor.ts';
import { inOwnVolunteerScope, ownVolunteer } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, inVolunteerScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { chinaDate, isoTimestamp } from '../../platform/time.ts';
import { confirmedRecordsInPeriod } from '../hours/index.ts';
import {
  buildContent,
  maskName,
  parseContent,
  SELF_SERVICE_HANDLER,
  type CertificateContent,
} from './certificate-content.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { canonicalContent, signContent, signingKeyOf, verifyContent } from './signature.ts';

export const CERTIFICATE_NOT_FOUND = '证明不存在或不在您的数据范围内';
export const SERIAL_NOT_FOUND = '未找到该编号的志愿服务记录证明，请核对证明上的编号；伪造的证明无法通过核验';
const VOLUNTEER_NOT_FOUND = '志愿者不存在或不在您的数据范围内';
export const NO_HOURS_MESSAGE = '所选期间内没有可由本单位证明的已确认服务时长，未出具证明';

/** Serial characters: no 0/O, 1/I/L, so a serial read aloud or typed from paper is unambiguous. */
const SERIAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `ZM2026-7K3QX9MDR2PA`: the year and 12 random characters (about 59 bits: not guessable). */
export function newSerial(now: Date, random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(12);
  let tail = '';
  for (const b of bytes) tail += SERIAL_ALPHABET[b % SERIAL_ALPHABET.length];
  return `ZM${chinaDate(now).slice(0, 4)}-${tail}`;
}

/**
 * The org of the volunteer's own chain that issues their self-service certificate: the nearest one
 * (from their own org up) whose subtree holds every record's org; the top of the chain when none does.
 */
export function chooseIssuerPath(volunteerOrgPath: string, recordPaths: readonly string[]): string {
  const labels = volunteerOrgPath.split('.');
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  for (let n = labels.length; n >= 1; n -= 1) {
    const candidate = labels.slice(0, n).join('.');
    if (recordPaths.every((p) => within(p, candidate))) return candidate;
  }
  return labels[0]!;
}

export interface Period {
  from: string;
  to: string;
}

interface IssueInput extends Period {
  volunteerId: number;
  issuer: { id: number; path: string };
  handler: string;
  selfService: boolean;
  issuedBy: number;
  serial: string;
  now: Date;
}

function checkPeriod(period: Period, now: Date) {
  if (period.from > period.to) throw new Invalid('起始日期不能晚于截止日期', 'INVALID_PERIOD');
  if (period.to > chinaDate(now)) throw new Invalid('截止日期不能晚于今天', 'INVALID_PERIOD');
}

/**
 * Issues one certificate in `tx` (whose scope covers the issuing org): the volunteer's confirmed
 * records of the period in the issuer's subtree, signed; nothing is written when there are none.
 */
export async function issueCertificateIn(ctx: AppContext, tx: Tx, input: IssueInput) {
  checkPeriod(input, input.now);
  const volunteer = await tx
    .selectFrom('volunteers')
    .select(['id', 'name', 'volunteer_no', 'id_number_enc', 'org_path'])
    .where('id', '=', input.volunteerId)
    .executeTakeFirst();
  if (!volunteer) throw new NotFound(VOLUNTEER_NOT_FOUND);
  const org = await tx
    .selectFrom('orgs')
    .select(['id', 'name', 'path', 'head_name', 'head_title', 'contact_phone_enc'])
    .where('id', '=', input.issuer.id)
    .executeTakeFirst();
  if (!org || org.path !== input.issuer.path) throw new NotFound('出具单位不存在');
  const records = await confirmedRecordsInPeriod(tx, {
    volunteerId: volunteer.id,
    from: input.from,
    to: input.to,
    withinPath: org.path,
  });
  if (records.length === 0) throw new Invalid(NO_HOURS_MESSAGE, 'NO_CONFIRMED_HOURS');
  const content = buildContent({
    serial: input.serial,
    volunteer: {
      name: volunteer.name,
      idNumber: ctx.cipher.decrypt(volunteer.id_number_enc),
      volunteerNo: volunteer.volunteer_no,
    },
    period: { from: input.from, to: input.to },
    records,
    issuer: {
      orgId: org.id,
      name: org.name,
      head: org.head_name ? `${org.head_name}${org.head_title ? `（${org.head_title}）` : ''}` : null,
      contactPhone: org.contact_phone_enc ? ctx.cipher.decrypt(org.contact_phone_enc) : null,
    },
    handler: input.handler,
    issuedAt: input.now,
  });
  const canonical = canonicalContent(content);
  const row = await tx
    .insertInto('certificates')
    .values({
      serial: input.serial,
      volunteer_id: volunteer.id,
      org_id: org.id,
      org_path: org.path,
      period_from: input.from,
      period_to: input.to,
      total_hours: content.totalHours,
      record_count: records.length,
      content: canonical,
      signature: signContent(signingKeyOf(ctx), canonical),
      self_service: input.selfService,
      issued_by: input.issuedBy,
      issued_at: input.now,
    })
    .returning(['id', 'serial'])
    .executeTakeFirstOrThrow();
  return { id: row.id, serial: row.serial, content, org };
}

export interface VerifyView {
  serial: string;
  status: 'valid' | 'revoked';
  signatureValid: boolean;
  keyId: string;
  facts: {
    volunteerName: string;
    volunteerNo: string;
    periodFrom: string;
    periodTo: string;
    totalHours: number;
    recordCount: number;
    issuerName: string;
    issuedOn: string;
  } | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

export function createCertificatesService(ctx: AppContext) {
  const listQuery = (tx: Tx) =>
    tx
      .selectFrom('certificates as c')
      .leftJoin('volunteers as v', 'v.id', 'c.volunteer_id')
      .leftJoin('users as iu', 'iu.id', 'c.issued_by')
      .leftJoin('users as ru', 'ru.id', 'c.revoked_by')
      .select([
        'c.id',
        'c.serial',
        'c.volunteer_id',
        'c.org_id',
        'c.period_from',
        'c.period_to',
        'c.total_hours',
        'c.record_count',
        'c.self_service',
        'c.issued_at',
        'c.revoked_at',
        'c.revoke_reason',
        'c.content',
        'v.name as volunteer_name',
        'v.volunteer_no',
        'iu.display_name as issued_by_name',
        'ru.display_name as revoked_by_name',
      ])
      .select(sql<string>`org_name(c.org_id)`.as('org_name'));
  type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['executeTakeFirstOrThrow']>>;

  const viewOf = (r: ListRow) => {
    const content = parseContent(r.content);
    return {
      id: r.id,
      serial: r.serial,
      volunteerId: r.volunteer_id,
      volunteerName: content?.volunteer.name ?? r.volunteer_name ?? '',
      volunteerNo: r.volunteer_no ?? content?.volunteer.volunteerNo ?? '',
      orgId: r.org_id,
      orgName: r.org_name,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      totalHours: Number(r.total_hours),
      recordCount: r.record_count,
      selfService: r.self_service,
      handler: content?.handler ?? '',
      issuedAt: isoTimestamp(r.issued_at),
      issuedByName: r.self_service ? SELF_SERVICE_HANDLER : (r.issued_by_name ?? ''),
      status: (r.revoked_at ? 'revoked' : 'valid') as 'valid' | 'revoked',
      revokedAt: isoTimestamp(r.revoked_at),
      revokeReason: r.revoke_reason,
      revokedByName: r.revoked_by_name,
    };
  };

  async function findIn(tx: Tx, id: number) {
    const row = await listQuery(tx).where('c.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFound(CERTIFICATE_NOT_FOUND);
    return row;
  }

  const verifyUrlOf = (serial: string) =>
    `${ctx.config.publicUrl ?? ''}/h5/verify/${encodeURIComponent(serial)}`;

  async function pdfOf(row: ListRow) {
    const content = parseContent(row.content);
    if (!content) throw new Conflict('证明内容已损坏，无法生成 PDF', 'CERTIFICATE_DAMAGED');
    return {
      filename: `志愿服务记录证明-${row.serial}.pdf`,
      pdf: await renderCertificatePdf(content, verifyUrlOf(row.serial)),
    };
  }

  return {
    verifyUrlOf,

    /** An admin issues as their own org, over the records of its subtree. */
    async issue(actor: Actor, input: Period & { volunteerId: number }) {
      const now = ctx.now();
      const issued = await inScope(ctx.db.app, actor, async (tx) => {
        const result = await issueCertificateIn(ctx, tx, {
          ...input,
          issuer: { id: actor.orgId, path: actor.orgPath },
          handler: actor.displayName,
          selfService: false,
          issuedBy: actor.userId,
          serial: newSerial(now),
          now,
        });
        await auditIssue(tx, actor, result, input, now);
        return findIn(tx, result.id);
      });
      return viewOf(issued);
    },

    /** The volunteer's own certificate, issued by the nearest org of their chain that covers it all. */
    async issueMine(actor: Actor, period: Period) {
      const now = ctx.now();
      checkPeriod(period, now);
      const me = await ownVolunteer(ctx, actor);
      const records = await inVolunteerScope(ctx.db.app, me.orgPath, me.id, (tx) =>
        confirmedRecordsInPeriod(tx, { volunteerId: me.id, ...period }),
      );
      if (records.length === 0)
        throw new Invalid('所选期间内没有已确认的服务时长，未出具证明', 'NO_CONFIRMED_HOURS');
      const issuerPath = chooseIssuerPath(
        me.orgPath,
        records.map((r) => r.orgPath),
      );
      const issuerId = Number(issuerPath.split('.').pop());
      const result = await inScope(ctx.db.app, issuerPath, async (tx) => {
        const issued = await issueCertificateIn(ctx, tx, {
          ...period,
          volunteerId: me.id,
          issuer: { id: issuerId, path: issuerPath },
          handler: SELF_SERVICE_HANDLER,
          selfService: true,
          issuedBy: actor.userId,
          serial: newSerial(now),
          now,
        });
        await auditIssue(tx, actor, issued, { ...period, volunteerId: me.id }, now);
        return issued;
      });
      return inOwnVolunteerScope(ctx, actor, async (tx) => viewOf(await findIn(tx, result.id)));
    },

    list(
      actor: Actor,
      q: {
        volunteerId?: number | undefined;
        q?: string | undefined;
        status?: 'valid' | 'revoked' | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      return inScope(ctx.db.app, actor, async (tx) => {
        let query = listQuery(tx);
        if (q.volunteerId) query = query.where('c.volunteer_id', '=', q.volunteerId);
        if (q.status === 'valid') query = query.where('c.revoked_at', 'is', null);
        if (q.status === 'revoked') query = query.where('c.revoked_at', 'is not', null);
        if (q.q) {
          const text = q.q;
          query = query.where((eb) =>
            eb.or([
              eb('c.serial', 'ilike', containsPattern(text)),
              eb('v.name', 'ilike', containsPattern(text)),
              eb('v.volunteer_no', '=', text),
            ]),
          );
        }
        const { rows, total } = await pageOf(query.orderBy('c.issued_at', 'desc').orderBy('c.id', 'desc'), q);
        return { items: rows.map(viewOf), total };
      });
    },

    get: (actor: Actor, id: number) => inScope(ctx.db.app, actor, async (tx) => viewOf(await findIn(tx, id))),

    pdf: (actor: Actor, id: number) => inScope(ctx.db.app, actor, async (tx) => pdfOf(await findIn(tx, id))),

    /** An issuer (the issuing org or one above it) revokes a certificate, with the reason. */
    revoke: (actor: Actor, id: number, reason: string) =>
      inScope(ctx.db.app, actor, async (tx) => {
        const row = await findIn(tx, id);
        if (row.revoked_at) throw new Conflict('该证明已撤销', 'ALREADY_REVOKED');
        const now = ctx.now();
        await tx
          .updateTable('certificates')
          .set({ revoked_at: now, revoke_reason: reason, revoked_by: actor.userId })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .execute();
        const cert = await tx
          .selectFrom('certificates')
          .select(['org_path'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        await auditAction(
          tx,
          actor,
          'certificate.revoke',
          'certificate',
          { id, org_id: row.org_id, org_path: cert.org_path },
          { serial: row.serial, volunteerId: row.volunteer_id, reason },
          now,
        );
        return viewOf(await findIn(tx, id));
      }),

    mine: (actor: Actor) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const rows = await listQuery(tx)
          .where('c.volunteer_id', '=', me.id)
          .orderBy('c.issued_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(100)
          .execute();
        return { items: rows.map(viewOf), total: rows.length };
      }),

    myPdf: (actor: Actor, id: number) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const row = await findIn(tx, id);
        if (row.volunteer_id !== me.id) throw new NotFound(CERTIFICATE_NOT_FOUND);
        return pdfOf(row);
      }),

    /** Anyone holding the serial: the key facts, whether the signature holds, and the status. */
    async verify(serial: string): Promise<VerifyView> {
      const row = await ctx.db.system
        .selectFrom('certificates')
        .select([
          'serial',
          'content',
          'signature',
          'period_from',
          'period_to',
          'total_hours',
          'org_id',
          'revoked_at',
          'revoke_reason',
        ])
        .where('serial', '=', serial)
        .executeTakeFirst();
      if (!row) throw new NotFound(SERIAL_NOT_FOUND, 'CERTIFICATE_NOT_FOUND');
      const key = signingKeyOf(ctx);
      const content = parseContent(row.content);
      // the signature covers the content; the content must also be this row's (not one copied from
      // another certificate) and agree with the row's own period, hours and issuer
      const consistent =
        content !== null &&
        content.serial === row.serial &&
        content.period.from === row.period_from &&
        content.period.to === row.period_to &&
        content.totalHours === Number(row.total_hours) &&
        content.issuer.orgId === row.org_id;
      const signatureValid = consistent && verifyContent(key, row.content, row.signature);
      return {
        serial: row.serial,
        status: row.revoked_at ? 'revoked' : 'valid',
        signatureValid,
        keyId: key.keyId,
        facts: content ? factsOf(content) : null,
        revokedAt: isoTimestamp(row.revoked_at),
        revokeReason: row.revoke_reason,
      };
    },
  };

  async function auditIssue(
    tx: Tx,
    actor: Actor,
    issued: { id: number; serial: string; content: CertificateContent; org: { id: number; path: string } },
    input: Period & { volunteerId: number },
    now: Date,
  ) {
    await auditAction(
      tx,
      actor,
      'certificate.issue',
      'certificate',
      { id: issued.id, org_id: issued.org.id, org_path: issued.org.path },
      {
        serial: issued.serial,
        volunteerId: input.volunteerId,
        periodFrom: input.from,
        periodTo: input.to,
        totalHours: issued.content.totalHours,
        records: issued.content.records.length,
        selfService: issued.content.handler === SELF_SERVICE_HANDLER,
      },
      now,
    );
  }
}

function factsOf(content: CertificateContent): NonNullable<VerifyView['facts']> {
  return {
    volunteerName: maskName(content.volunteer.name),
    volunteerNo: content.volunteer.volunteerNo,
    periodFrom: content.period.from,
    periodTo: content.period.to,
    totalHours: content.totalHours,
    recordCount: content.records.length,
    issuerName: content.issuer.name,
    issuedOn: content.issuedOn,
  };
}
