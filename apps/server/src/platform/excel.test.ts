// Uploaded workbooks cannot exhaust the server: a small archive that inflates to gigabytes (a zip
// bomb) is refused by its declared sizes, and one whose headers lie about its sizes is refused while
// inflating, before ExcelJS ever sees it. Real templates still read, dates included.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zip } from '../../test/support/zip-bomb.ts';
import { ARCHIVE_LIMITS, checkArchive, readTemplateSheet } from './excel.ts';

const COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'since', header: '起始日期', required: false },
] as const;

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('数据');
  sheet.addRow(['姓名*', '起始日期']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('checkArchive', () => {
  it('refuses a small upload that declares gigabytes inside', async () => {
    // 64 MB of zeros packs into ~64 KB; a limit of 16 MB stands in for the real one
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(
      checkArchive(bomb, { ...ARCHIVE_LIMITS, inflatedBytes: 16 * 1024 * 1024 }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'ARCHIVE_TOO_LARGE',
    });
    // and with the real limits: the ratio gives it away
    await expect(checkArchive(bomb)).rejects.toMatchObject({ code: 'ARCHIVE_TOO_LARGE' });
  });

  it('refuses an archive whose headers understate what it inflates to', async () => {
    const liar = zip([
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x61), claim: 1000 },
    ]);
    await expect(checkArchive(liar)).rejects.toMatchObject({ status: 400, code: 'INVALID_FILE' });
  });

  it('refuses too many entries and counts what really inflates across entries', async () => {
    const many = zip(
      Array.from({ length: 30 }, (_, i) => ({ name: `e${i}.xml`, data: Buffer.from('<a/>') })),
    );
    await expect(checkArchive(many, { ...ARCHIVE_LIMITS, entries: 20 })).rejects.toMatchObject({
      code: 'ARCHIVE_TOO_LARGE',
    });
    // each entry alone is small and honest; together they pass the limit
    const spread = zip(
      Array.from({ length: 6 }, (_, i) => ({ name: `e${i}.xml`, data: Buffer.alloc(512 * 1024, 0x62 + i) })),
    );
    await expect(
      checkArchive(spread, { ...ARCHIVE_LIMITS, inflatedBytes: 2 * 1024 * 1024 }),
    ).rejects.toMatchObject({
      code: 'ARCHIVE_TOO_LARGE',
    });
  });

  it('refuses what is not a zip at all', async () => {
    await expect(checkArchive(Buffer.from('姓名,手机号\n张三,138'))).rejects.toMatchObject({
      code: 'INVALID_FILE',
    });
  });
});

describe('readTemplateSheet', () => {
  it('reads a real workbook by header, dates as days, skipping blank rows', async () => {
    const rows = await readTemplateSheet(
      await workbook([['张三', new Date('2019-03-01T00:00:00Z')], [], ['李四', '2020/1/2']]),
      COLUMNS,
      10,
    );
    expect(rows).toEqual([
      { row: 2, cells: { name: '张三', since: '2019-03-01' } },
      { row: 4, cells: { name: '李四', since: '2020/1/2' } },
    ]);
  });

  it('stops at the row cap, and refuses wrong headers and empty sheets', async () => {
    const big = await workbook(Array.from({ length: 12 }, (_, i) => [`志愿者${i}`, '']));
    await expect(readTemplateSheet(big, COLUMNS, 10)).rejects.toMatchObject({ code: 'TOO_MANY_ROWS' });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('x').addRow(['名字']);
    await expect(
      readTemplateSheet(Buffer.from(await book.xlsx.writeBuffer()), COLUMNS, 10),
    ).rejects.toMatchObject({
      code: 'BAD_HEADERS',
    });
    await expect(readTemplateSheet(await workbook([]), COLUMNS, 10)).rejects.toMatchObject({
      code: 'EMPTY_FILE',
    });
  });

  it('reads every Chinese character whole, also where the XML is cut into inflated chunks', async () => {
    // 3,000 distinct 12-character names: ~120 KB of shared strings in UTF-8, inflated in 16 KB
    // chunks, so several 3-byte characters straddle a chunk boundary (a streaming read decoded
    // each chunk alone and turned those into U+FFFD)
    const han = '志愿服务文明实践新时代中心站所队伍';
    const names = Array.from(
      { length: 3000 },
      (_, i) =>
        Array.from({ length: 12 }, (_, k) => han[(i * 7 + k * (1 + (i % 5))) % han.length]).join('') +
        String(i).replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!),
    );
    const rows = await readTemplateSheet(await workbook(names.map((n) => [n, ''])), COLUMNS, 5000);
    expect(rows.map((r) => r.cells.name)).toEqual(names);
  });
});
