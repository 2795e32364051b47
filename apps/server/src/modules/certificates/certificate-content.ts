// What a certificate certifies, as data: the fields of 民政部《志愿服务记录与证明出具办法》 — the
// volunteer (name, ID type, masked ID number, volunteer number), the period and total confirmed
// hours, each record's date, content, organising org and hours, the issuing org with its
// responsible person and phone, the handler, the serial and the date. Built once when issued,
// stored as canonical JSON and signed; the PDF and the verification page are drawn from it.
import { maskIdNumber } from '@civic/contracts';
import { chinaDate } from '../../platform/time.ts';

export const CONTENT_VERSION = 1;
/** The handler (经办人) of a certificate the volunteer asked for themself. */
export const SELF_SERVICE_HANDLER = '平台自助出具';
export const ID_TYPE_RESIDENT = '居民身份证';

export interface CertificateContent {
  version: number;
  serial: string;
  volunteer: { name: string; idType: string; idNumber: string; volunteerNo: string };
  period: { from: string; to: string };
  totalHours: number;
  records: Array<{ date: string; title: string; org: string; hours: number }>;
  issuer: { orgId: number; name: string; head: string | null; contactPhone: string | null };
  handler: string;
  issuedOn: string;
  issuedAt: string;
}

export interface ContentInput {
  serial: string;
  volunteer: { name: string; idNumber: string; volunteerNo: string };
  period: { from: string; to: string };
  records: ReadonlyArray<{ endedAt: string; title: string; orgName: string; hours: number }>;
  issuer: { orgId: number; name: string; head: string | null; contactPhone: string | null };
  handler: string;
  issuedAt: Date;
}

/** Hours summed in tenths (they are stored to one decimal), so 0.1 + 0.2 is 0.3. */
export function sumHours(hours: readonly number[]): number {
  return hours.reduce((sum, h) => sum + Math.round(h * 10), 0) / 10;
}

export function buildContent(input: ContentInput): CertificateContent {
  const records = input.records.map((r) => ({
    date: chinaDate(new Date(r.endedAt)),
    title: r.title,
    org: r.orgName,
    hours: r.hours,
  }));
  return {
    version: CONTENT_VERSION,
    serial: input.serial,
    volunteer: {
      name: input.volunteer.name,
      idType: ID_TYPE_RESIDENT,
      // first and last character only: nothing of the birth date or the area code
      idNumber: maskIdNumber(input.volunteer.idNumber),
      volunteerNo: input.volunteer.volunteerNo,
    },
    period: { from: input.period.from, to: input.period.to },
    totalHours: sumHours(records.map((r) => r.hours)),
    records,
    issuer: input.issuer,
    handler: input.handler,
    issuedOn: chinaDate(input.issuedAt),
    issuedAt: input.issuedAt.toISOString(),
  };
}

/** A name shown to anyone holding the serial: the first character, and the last of 3 or more. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Parses stored content; null when it is not a certificate's content (it was tampered with). */
export function parseContent(text: string): CertificateContent | null {
  try {
    const value = JSON.parse(text) as Partial<CertificateContent>;
    if (
      typeof value !== 'object' ||
      value === null ||
      typeof value.serial !== 'string' ||
      typeof value.volunteer?.name !== 'string' ||
      typeof value.period?.from !== 'string' ||
      typeof value.period?.to !== 'string' ||
      typeof value.totalHours !== 'number' ||
      !Array.isArray(value.records) ||
      typeof value.issuer?.name !== 'string' ||
      typeof value.issuedOn !== 'string'
    )
      return null;
    return value as CertificateContent;
  } catch {
    return null;
  }
}
