// Uploaded images (inspection photos): kept in the database beside the records that cite them,
// scoped like everything else by org_path, so a photo is visible exactly where its org's data is.
// The type is decided by the file's own magic bytes, never by the name or the client's header.
import crypto from 'node:crypto';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { sql } from 'kysely';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { AppError, Invalid, NotFound } from '../../platform/errors.ts';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) or WEBP ('RIFF' …. 'WEBP'); null for anything else. */
export function detectImageType(data: Uint8Array): ImageType | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/** A storable file name: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((ch) => {
    const code = ch.codePointAt(0)!;
    return code >= 0x20 && code !== 0x7f;
  });
  const clean = printable.join('').trim().slice(0, 200);
  return clean || 'upload';
}

export class UnsupportedFile extends AppError {
  constructor() {
    super(415, 'UNSUPPORTED_FILE', '仅支持 JPG、PNG、WEBP 图片');
  }
}

export const uploadUrl = (id: string) => `/api/uploads/${id}`;

/**
 * Attaches photos to something held by the org at `orgPath`: photos the caller can see (row-level
 * security) that were uploaded higher up (e.g. by the centre) move down to that org, so the unit
 * can see the photos of its own record; the uploader still sees them. Returns how many of `ids`
 * exist in the caller's scope, so the caller can refuse a list with unknown photos.
 */
export async function attachUploads(tx: Tx, ids: readonly string[], orgPath: string): Promise<number> {
  if (ids.length === 0) return 0;
  const found = await tx.selectFrom('uploads').select('id').where('id', 'in', ids).execute();
  await sql`UPDATE uploads SET org_path = ${orgPath}::ltree
            WHERE id = ANY(${ids}::uuid[]) AND ${orgPath}::ltree <@ org_path AND org_path <> ${orgPath}::ltree`.execute(
    tx,
  );
  return found.length;
}

export function createUploadsService(ctx: AppContext) {
  return {
    async create(
      actor: Actor,
      file: { fileName: string | undefined; data: Buffer },
    ): Promise<{ id: string; url: string }> {
      if (!file.data.length) throw new Invalid('上传的文件为空');
      const mimeType = detectImageType(file.data);
      if (!mimeType) throw new UnsupportedFile();
      const fileName = cleanFileName(file.fileName);
      const sha256 = crypto.createHash('sha256').update(file.data).digest('hex');
      const id = await inScope(ctx.db.app, actor, async (tx) => {
        const row = await tx
          .insertInto('uploads')
          .values({
            org_path: actor.orgPath,
            uploaded_by: actor.userId,
            file_name: fileName,
            mime_type: mimeType,
            byte_size: file.data.length,
            sha256,
            content: file.data,
            created_at: ctx.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(
          tx,
          {
            actor: auditActor(actor),
            action: 'upload.create',
            resourceType: 'upload',
            resourceId: row.id,
            orgId: actor.orgId,
            orgPath: actor.orgPath,
            ip: actor.ip,
            summary: { fileName, mimeType, byteSize: file.data.length, sha256 },
          },
          ctx.now(),
        );
        return row.id;
      });
      return { id, url: uploadUrl(id) };
    },

    async get(actor: Actor, id: string): Promise<{ mimeType: string; content: Buffer }> {
      const row = await inScope(ctx.db.app, actor, (tx) =>
        tx
          .selectFrom('uploads')
          .select(['mime_type', 'content'])
          .where('id', '=', id)
          // images only: a record's documents (a training's PDF) are served by their module's route
          .where('mime_type', 'like', 'image/%')
          .executeTakeFirst(),
      );
      if (!row) throw new NotFound('文件不存在或不在您的数据范围内');
      return { mimeType: row.mime_type, content: row.content };
    },
  };
}
export type UploadsService = ReturnType<typeof createUploadsService>;
