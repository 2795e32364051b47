import { z } from 'zod';
import { bodyId, pagingQuery, queryId } from '../../platform/http/schemas.ts';

const date = (what: string) =>
  z.iso.date({ error: `${what}格式不正确（YYYY-MM-DD）` }).refine((d) => d >= '2000-01-01', {
    error: `${what}不能早于 2000-01-01`,
  });

/** The period a certificate covers, both days included (China dates). */
export const periodInput = z.object({
  from: date('起始日期'),
  to: date('截止日期'),
});

export const issueInput = periodInput.extend({ volunteerId: bodyId });

export const revokeInput = z.object({
  reason: z
    .string({ error: '请填写撤销原因' })
    .trim()
    .min(2, '请填写撤销原因（至少 2 个字）')
    .max(200, '撤销原因不超过 200 个字'),
});

export const certificateListQuery = z.object({
  volunteerId: queryId,
  /** the serial (part of it), the volunteer's name (part of it) or volunteer number */
  q: z.string().trim().max(50).optional(),
  status: z.enum(['valid', 'revoked']).optional(),
  ...pagingQuery,
});

export const serialParams = z.object({ serial: z.string().min(1).max(64) });

export const certificateView = z.object({
  id: z.number(),
  serial: z.string(),
  volunteerId: z.number(),
  volunteerName: z.string(),
  volunteerNo: z.string(),
  /** the issuing org (出具单位) */
  orgId: z.number(),
  orgName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  totalHours: z.number(),
  recordCount: z.number(),
  /** the volunteer asked for it on H5 (经办人：平台自助出具) */
  selfService: z.boolean(),
  handler: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  status: z.enum(['valid', 'revoked']),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  revokedByName: z.string().nullable(),
});
export type CertificateView = z.infer<typeof certificateView>;

export const certificatePage = z.object({ items: z.array(certificateView), total: z.number() });

/** What anyone holding the serial sees: the key facts (the name masked), the signature's verdict. */
export const verifyView = z.object({
  serial: z.string(),
  status: z.enum(['valid', 'revoked']),
  /** the SM2 signature holds over the stored content, and the content is this certificate's */
  signatureValid: z.boolean(),
  /** fingerprint of the platform's public key the signature was checked with */
  keyId: z.string(),
  facts: z
    .object({
      volunteerName: z.string(),
      volunteerNo: z.string(),
      periodFrom: z.string(),
      periodTo: z.string(),
      totalHours: z.number(),
      recordCount: z.number(),
      issuerName: z.string(),
      issuedOn: z.string(),
    })
    .nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
