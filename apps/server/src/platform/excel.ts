// Reading uploaded workbooks (.xlsx) the same way everywhere. An .xlsx file is a zip archive, and a
// small upload can inflate to gigabytes (a zip bomb), so before any parsing the archive's declared
// sizes are checked and every entry is inflated once through a counter that stops at the limit (a
// lying header fails yauzl's size validation). Rows are then streamed from the first worksheet and
// reading stops at the caller's row cap. A file that is not a workbook is a clear 400.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import yauzl from 'yauzl';
import { Invalid } from './errors.ts';

/** What an uploaded workbook may hold once inflated: far above a 50,000-row import (~60 MB of XML). */
export const ARCHIVE_LIMITS = {
  entries: 2_000,
  inflatedBytes: 256 * 1024 * 1024,
  /** an entry above 1 MB that inflates more than this many times its packed size is a bomb */
  ratio: 200,
};

const NOT_A_WORKBOOK = '文件不是有效的 Excel (.xlsx) 文件，请使用下载的模板';
const TOO_BIG = '文件解压后过大（可能是恶意构造的压缩包），请检查文件或拆分后分批导入';

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    ),
  );
}

/**
 * Refuses an archive whose entries would inflate past the limits: first by the sizes its central
 * directory declares, then by inflating every entry through a byte counter (nothing is kept).
 */
export async function checkArchive(buffer: Buffer, limits = ARCHIVE_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch {
    throw new Invalid(NOT_A_WORKBOOK, 'INVALID_FILE');
  }
  if (zip.entryCount > limits.entries) {
    zip.close();
    throw new Invalid(TOO_BIG, 'ARCHIVE_TOO_LARGE');
  }
  let inflated = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        const declared = entry.uncompressedSize;
        const packed = Math.max(1, entry.compressedSize);
        if (declared > limits.inflatedBytes || (declared > 1024 * 1024 && declared / packed > limits.ratio)) {
          reject(new Invalid(TOO_BIG, 'ARCHIVE_TOO_LARGE'));
          return;
        }
        if (/\/$/.test(entry.fileName)) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) {
            reject(error ?? new Error('unreadable entry'));
            return;
          }
          const counter = new Writable({
            write(chunk: Buffer, _encoding, done) {
              inflated += chunk.length;
              done(inflated > limits.inflatedBytes ? new Invalid(TOO_BIG, 'ARCHIVE_TOO_LARGE') : undefined);
            },
          });
          pipeline(stream, counter).then(() => zip.readEntry(), reject);
        });
      });
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof Invalid) throw error;
    // a size that differs from the declared one, a bad CRC, a truncated file
    throw new Invalid(NOT_A_WORKBOOK, 'INVALID_FILE');
  } finally {
    zip.close();
  }
}

/** A cell as text: rich text joined, formulas as their result, dates as YYYY-MM-DD. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) {
      const result = v.result;
      return result instanceof Date ? result.toISOString().slice(0, 10) : String(result ?? '').trim();
    }
  }
  // long digit strings typed as numbers lose precision; templates ask for text cells
  return String(v).trim();
}

/** A column of an import template: its key in code, its header in the sheet ("*" marks required). */
export interface TemplateColumn<K extends string> {
  key: K;
  header: string;
  required: boolean;
}

export interface TemplateRow<K extends string> {
  /** the row number Excel shows */
  row: number;
  cells: Record<K, string>;
}

/**
 * The data rows of an import template's first worksheet, as text by column key. Refuses a file that
 * is not a workbook (or inflates too far), one whose header row lacks a required column, one with
 * more than `maxRows` data rows, and one without data rows.
 *
 * The workbook is loaded whole, after checkArchive has bounded what it inflates to. ExcelJS's
 * streaming reader decodes each inflated chunk of XML to text on its own, so a Chinese character
 * whose UTF-8 bytes straddle two chunks comes out as U+FFFD (exceljs issues #2084, #2316, open):
 * about one row in a thousand of a volunteer import failed its name check that way.
 */
export async function readTemplateSheet<K extends string>(
  buffer: Buffer,
  columns: ReadonlyArray<TemplateColumn<K>>,
  maxRows: number,
): Promise<Array<TemplateRow<K>>> {
  await checkArchive(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new Invalid(NOT_A_WORKBOOK, 'INVALID_FILE');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Invalid('文件中没有工作表', 'INVALID_FILE');
  const found = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => found.set(cellText(cell).replace(/[*＊\s]/g, ''), col));
  const missing = columns.filter((c) => c.required && !found.has(c.header));
  if (missing.length > 0)
    throw new Invalid(
      `表头与模板不一致：缺少${missing.map((c) => `「${c.header}」`).join('、')}列，请使用下载的模板`,
      'BAD_HEADERS',
    );
  const rows: Array<TemplateRow<K>> = [];
  for (let number = 2; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const cells = {} as Record<K, string>;
    let any = false;
    for (const c of columns) {
      const col = found.get(c.header);
      const text = col ? cellText(row.getCell(col)) : '';
      cells[c.key] = text;
      if (text) any = true;
    }
    if (!any) continue;
    if (rows.length >= maxRows) throw new Invalid(`一次最多导入 ${maxRows} 行，请拆分文件`, 'TOO_MANY_ROWS');
    rows.push({ row: number, cells });
  }
  if (rows.length === 0) throw new Invalid('文件中没有数据行', 'EMPTY_FILE');
  return rows;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download named `fileName` (Chinese names survive through filename*). */
export function sendXlsx(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(buffer);
}
