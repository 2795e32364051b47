// Factories for the certificate tests: a finished activity of an org with a confirmed (or pending)
// service record of a volunteer, inserted directly; and the text of a PDF, extracted with pdf.js.
import crypto from 'node:crypto';
import type { TestContext } from './context.ts';
import type { OrgRef } from './org-factories.ts';
import { XSS } from './volunteer-factories.ts';

const HOUR = 3_600_000;

/** A finished activity of `org` that ended at `endedAt`, and `volunteerId`'s record of it. */
export async function servedActivity(
  t: TestContext,
  org: Pick<OrgRef, 'id' | 'path'>,
  volunteerId: number,
  options: { endedAt: Date; hours: number; status?: 'confirmed' | 'pending' | 'rejected'; title?: string },
): Promise<{ activityId: number; recordId: number; title: string }> {
  const db = t.ctx.db.system;
  const title = options.title ?? `敬老院志愿服务 ${XSS}`;
  const starts = new Date(options.endedAt.getTime() - options.hours * HOUR);
  const a = await db
    .insertInto('activities')
    .values({
      activity_no: `CT${crypto.randomBytes(5).toString('hex')}`,
      org_id: org.id,
      org_path: org.path,
      title,
      form: 'bang',
      place: '镇敬老院',
      starts_at: starts,
      ends_at: options.endedAt,
      capacity: 50,
      status: 'finished',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = await db
    .insertInto('service_records')
    .values({
      volunteer_id: volunteerId,
      org_path: org.path,
      source: 'activity',
      source_id: a.id,
      kind: 'credit',
      status: options.status ?? 'confirmed',
      started_at: starts,
      ended_at: options.endedAt,
      minutes: Math.round(options.hours * 60),
      hours: options.hours,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { activityId: a.id, recordId: r.id, title };
}

/** The text of every page of a PDF, each page's items joined (pdf.js, as a reader would see it). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}
