import type { FastifyRequest } from 'fastify';
import { AppError, Invalid } from '../errors.ts';
import { badTextError, findBadText } from './control-characters.ts';

/**
 * Reads the one uploaded file of a multipart request. The plugin's own errors (file too large →
 * 413, limits, …) carry a 4xx status and reach the error handler as they are; anything else is a
 * malformed request body, never a server fault. `maxBytes` lowers the app-wide size limit for one
 * route (with `tooLarge`, the message that says so); `missing`, the message when no file was sent.
 * The text fields sent before the file come back as `fields` (fields after it are not read).
 */
export async function readUploadedFile(
  request: FastifyRequest,
  options: { maxBytes?: number; tooLarge?: string; missing?: string } = {},
): Promise<{ fileName: string; data: Buffer; fields: Record<string, string> }> {
  const missing = options.missing ?? '请选择要上传的文件';
  if (!request.isMultipart()) throw new Invalid(missing);
  try {
    const part = await request.file(
      options.maxBytes ? { limits: { fileSize: options.maxBytes } } : undefined,
    );
    if (!part) throw new Invalid(missing);
    // throws FST_REQ_FILE_TOO_LARGE (413) when the file passes the size limit
    const data = await part.toBuffer();
    // the file name and any fields sent before the file are strings like any other (see
    // control-characters.ts; the preValidation hook cannot see a body the handler reads itself)
    const fields = Object.fromEntries(
      Object.values(part.fields).flatMap((field) =>
        (Array.isArray(field) ? field : [field]).flatMap((f) =>
          f && f.type === 'field' && typeof f.value === 'string' ? [[f.fieldname, f.value]] : [],
        ),
      ),
    );
    const found = findBadText({ filename: part.filename, ...fields }, 'line');
    if (found) throw badTextError(found);
    return { fileName: part.filename, data, fields: fields as Record<string, string> };
  } catch (error) {
    if (error instanceof Invalid) throw error;
    if (options.tooLarge && (error as { code?: unknown } | null)?.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'TOO_LARGE', options.tooLarge);
    const status = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) throw error;
    throw new Invalid('上传内容格式不正确，请重新选择文件上传');
  }
}
