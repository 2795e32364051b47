// The volunteer import workbook: the template admins fill in, and reading it back into rows.
// Dictionary cells accept the Chinese label (as in the template's dropdown sheet) or the code.
import ExcelJS from 'exceljs';
import {
  AVAILABILITY_LABELS,
  POLITICAL_STATUS_LABELS,
  SERVICE_CATEGORY_LABELS,
  SKILL_LABELS,
  VOLUNTEER_CATEGORY_LABELS,
} from '@civic/contracts';
import { readTemplateSheet } from '../../platform/excel.ts';

export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'idNumber', header: '身份证号', required: true, width: 22 },
  { key: 'phone', header: '手机号', required: true, width: 14 },
  { key: 'town', header: '镇(街道)', required: false, width: 14 },
  { key: 'village', header: '村(社区)', required: false, width: 14 },
  { key: 'politicalStatus', header: '政治面貌', required: true, width: 12 },
  { key: 'categories', header: '志愿者类别', required: false, width: 18 },
  { key: 'skills', header: '专长', required: false, width: 18 },
  { key: 'skillsNote', header: '专长说明', required: false, width: 18 },
  { key: 'serviceCategories', header: '服务类别', required: false, width: 18 },
  { key: 'availability', header: '可服务时间', required: false, width: 14 },
  { key: 'guardianName', header: '监护人姓名', required: false, width: 10 },
  { key: 'guardianPhone', header: '监护人手机号', required: false, width: 14 },
  { key: 'guardianConsent', header: '监护人已同意', required: false, width: 12 },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type ImportCells = Record<ImportColumnKey, string>;
export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  cells: ImportCells;
}

export const MAX_IMPORT_ROWS = 50_000;

export const DICTIONARIES = {
  politicalStatus: POLITICAL_STATUS_LABELS,
  categories: VOLUNTEER_CATEGORY_LABELS,
  skills: SKILL_LABELS,
  serviceCategories: SERVICE_CATEGORY_LABELS,
  availability: AVAILABILITY_LABELS,
} as const;

export function headerOf(key: ImportColumnKey): string {
  return IMPORT_COLUMNS.find((c) => c.key === key)!.header;
}

export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '文明实践云平台';
  const sheet = workbook.addWorksheet('志愿者');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    name: '张三',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    town: '城北街道',
    village: '东风社区',
    politicalStatus: '中共党员',
    categories: '在职党员干部、文艺志愿者',
    skills: '理论宣讲、书法绘画',
    skillsNote: '擅长毛笔书法',
    serviceCategories: '理论宣讲、文化文艺',
    availability: '周末、晚间',
  });
  sheet.getRow(2).font = { color: { argb: 'FF909399' }, italic: true };
  const note = workbook.addWorksheet('填写说明');
  note.columns = [{ width: 16 }, { width: 80 }];
  note.addRows([
    ['说明', '第 2 行为示例，导入前请删除；带 * 的列必填。'],
    ['身份证号', '18 位居民身份证号，末位 X 大写；系统校验校验位、出生日期与地区码。'],
    [
      '镇(街道) / 村(社区)',
      '填写简称（如“城北街道”“东风社区”），须在您的管辖范围内；实践站管理员可留空，默认本站。',
    ],
    ['多选列', '志愿者类别、专长、服务类别、可服务时间可填多个，用“、”或逗号分隔。'],
    ['未满 14 周岁', '须填写监护人姓名、监护人手机号，并在“监护人已同意”列填“是”（以纸质同意书为准）。'],
  ]);
  const dict = workbook.addWorksheet('可选值');
  const lists = Object.entries(DICTIONARIES).map(([key, labels]) => [
    headerOf(key as ImportColumnKey),
    ...Object.values(labels),
  ]);
  const height = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < height; i += 1) dict.addRow(lists.map((l) => l[i] ?? ''));
  dict.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads the first worksheet; refuses a file that is not a workbook or whose headers are wrong. */
export async function readSheet(buffer: Buffer): Promise<SheetRow[]> {
  return readTemplateSheet(buffer, IMPORT_COLUMNS, MAX_IMPORT_ROWS);
}

/** Splits a multi-value cell and maps labels (or codes) to codes; unknown values are reported. */
export function parseCodes(
  text: string,
  labels: Record<string, string>,
): { codes: string[]; unknown: string[] } {
  const byLabel = new Map(Object.entries(labels).map(([code, label]) => [label.replace(/["“”]/g, ''), code]));
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[、,，;；/\s]+/)) {
    const value = raw.trim().replace(/["“”]/g, '');
    if (!value) continue;
    const code = byLabel.get(value) ?? (value in labels ? value : undefined);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(raw.trim());
  }
  return { codes, unknown };
}
