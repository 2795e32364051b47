// The workbook for opening balances (历史时长导入): one row per volunteer and origin, naming the
// volunteer by their number and name (no ID numbers in the file), the hours, where they come from
// and the period they cover.
import ExcelJS from 'exceljs';
import { MAX_OPENING_HOURS, OPENING_ORIGIN_LABELS } from '@civic/contracts';
import { readTemplateSheet, type TemplateRow } from '../../platform/excel.ts';

export const OPENING_COLUMNS = [
  { key: 'volunteerNo', header: '志愿者编号', required: true, width: 16 },
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'hours', header: '历史时长(小时)', required: true, width: 14 },
  { key: 'origin', header: '来源类型', required: true, width: 14 },
  { key: 'originName', header: '来源名称', required: true, width: 26 },
  { key: 'periodFrom', header: '起始日期', required: true, width: 12 },
  { key: 'periodTo', header: '截止日期', required: true, width: 12 },
  { key: 'note', header: '备注', required: false, width: 24 },
] as const;
export type OpeningColumnKey = (typeof OPENING_COLUMNS)[number]['key'];
export type OpeningCells = Record<OpeningColumnKey, string>;

/** More rows than a town's registers hold; a bigger history is split across files. */
export const MAX_OPENING_ROWS = 5_000;

export function openingHeaderOf(key: OpeningColumnKey): string {
  return OPENING_COLUMNS.find((c) => c.key === key)!.header;
}

export async function buildOpeningTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '文明实践云平台';
  const sheet = workbook.addWorksheet('历史时长');
  sheet.columns = OPENING_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    volunteerNo: 'ZY0000000001',
    name: '张三',
    hours: '120.5',
    origin: OPENING_ORIGIN_LABELS.system,
    originName: '志愿汇',
    periodFrom: '2019-03-01',
    periodTo: '2025-12-31',
    note: '原平台导出',
  });
  sheet.getRow(2).font = { color: { argb: 'FF909399' }, italic: true };
  const note = workbook.addWorksheet('填写说明');
  note.columns = [{ width: 16 }, { width: 86 }];
  note.addRows([
    ['说明', '第 2 行为示例，导入前请删除；带 * 的列必填。每行是一位志愿者来自一个来源的历史时长。'],
    ['志愿者编号、姓名', '须为您管辖范围内已登记的志愿者，编号与姓名须一致。'],
    ['历史时长(小时)', `大于 0，最多一位小数，不超过 ${MAX_OPENING_HOURS} 小时，且不超过所填期间的总时数。`],
    ['来源类型', `填“${OPENING_ORIGIN_LABELS.system}”或“${OPENING_ORIGIN_LABELS.register}”。`],
    [
      '来源名称',
      '原系统名称（如“志愿汇”“全国志愿服务信息系统”）或登记簿名称（如“东风社区志愿服务登记簿”）。',
    ],
    ['起始/截止日期', '这些时长所属的服务期间，格式 2019-03-01；截止日期不晚于今天。'],
    ['审核', '导入后为“待确认”，须由另一位管理员在“服务记录”中确认后才计入累计时长。'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads the first worksheet's data rows; refuses a file that is not a workbook or has wrong headers. */
export async function readOpeningSheet(buffer: Buffer): Promise<Array<TemplateRow<OpeningColumnKey>>> {
  return readTemplateSheet(buffer, OPENING_COLUMNS, MAX_OPENING_ROWS);
}

/** 2019-03-01, 2019/3/1, 2019.3.1 or 2019年3月1日 → 2019-03-01; null when it is not a real date. */
export function parseSheetDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
