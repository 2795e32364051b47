// Reading uploaded workbooks (.xlsx) the same way everywhere: a file that is not a workbook is a
// clear 400, and a cell reads as the text the admin sees.
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { Invalid } from './errors.ts';

/** Loads an uploaded workbook; anything that is not an .xlsx file is refused with a 400. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new Invalid('文件不是有效的 Excel (.xlsx) 文件，请使用下载的模板', 'INVALID_FILE');
  }
  return workbook;
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

/** The header row's columns by their label, with the template's "*" (required) and spaces removed. */
export function headerPositions(sheet: ExcelJS.Worksheet): Map<string, number> {
  const positions = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => positions.set(cellText(cell).replace(/[*＊\s]/g, ''), col));
  return positions;
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
