// Images that belong to another module's record (the photos of an order): stored here, in the
// caller's transaction, under the record's org path, so they are bound to the record from the moment
// they exist — never a loose upload waiting to be claimed. The caller checks who may add one and
// writes the audit entry of its own action; the type comes from the file's bytes, as for any upload.
import crypto from 'node:crypto';
import type { Tx } from '../../platform/db/database.ts';
import { AppError, Invalid, NotFound } from '../../platform/errors.ts';
import { cleanFileName, detectImageType, UnsupportedFile } from './uploads.service.ts';

export interface StoredImage {
  id: string;
  mimeType: string;
  byteSize: number;
  sha256: string;
}

/**
 * Stores one image for a record of `orgPath`. The id is made here rather than read back with
 * RETURNING: a volunteer's evidence is written into a village their own scope cannot read.
 */
export async function storeRecordImage(tx: Tx, image: RecordFileInput): Promise<StoredImage> {
  if (!image.data.length) throw new Invalid('上传的文件为空');
  const mimeType = detectImageType(image.data);
  if (!mimeType) throw new UnsupportedFile();
  return insertRecordFile(tx, image, mimeType);
}

/** The type of an image or a PDF document, from its first bytes (never the name or the header sent). */
export function detectDocumentType(data: Uint8Array): string | null {
  const image = detectImageType(data);
  if (image) return image;
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-' ? 'application/pdf' : null;
}

/**
 * Stores one document (an image or a PDF, such as a training's handout) for a record of `orgPath`,
 * as storeRecordImage does for images. It is served only by the owning module's route, with its
 * file name (the uploads route serves images only).
 */
export async function storeRecordDocument(
  tx: Tx,
  file: RecordFileInput,
): Promise<StoredImage & { fileName: string }> {
  if (!file.data.length) throw new Invalid('上传的文件为空');
  const mimeType = detectDocumentType(file.data);
  if (!mimeType) throw new AppError(415, 'UNSUPPORTED_FILE', '仅支持 JPG、PNG、WEBP 图片和 PDF 文件');
  return { ...(await insertRecordFile(tx, file, mimeType)), fileName: cleanFileName(file.fileName) };
}

interface RecordFileInput {
  orgPath: string;
  /** The account that sent it; null for a resident without one. */
  uploadedBy: number | null;
  fileName: string | undefined;
  data: Buffer;
  now: Date;
}

async function insertRecordFile(tx: Tx, image: RecordFileInput, mimeType: string): Promise<StoredImage> {
  const id = crypto.randomUUID();
  const sha256 = crypto.createHash('sha256').update(image.data).digest('hex');
  await tx
    .insertInto('uploads')
    .values({
      id,
      org_path: image.orgPath,
      uploaded_by: image.uploadedBy,
      file_name: cleanFileName(image.fileName),
      mime_type: mimeType,
      byte_size: image.data.length,
      sha256,
      content: image.data,
      created_at: image.now,
    })
    .execute();
  return { id, mimeType, byteSize: image.data.length, sha256 };
}

/** One document of a record, with its stored name (the caller has checked that the record lists it). */
export async function readRecordDocument(
  tx: Tx,
  id: string,
): Promise<{ mimeType: string; fileName: string; content: Buffer }> {
  const row = await tx
    .selectFrom('uploads')
    .select(['mime_type', 'file_name', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound('文件不存在');
  return { mimeType: row.mime_type, fileName: row.file_name, content: row.content };
}

/** One image of a record, read by id (the caller has checked that the record lists it). */
export async function readRecordImage(tx: Tx, id: string): Promise<{ mimeType: string; content: Buffer }> {
  const row = await tx
    .selectFrom('uploads')
    .select(['mime_type', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound('照片不存在');
  return { mimeType: row.mime_type, content: row.content };
}
