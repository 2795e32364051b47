// The filtered list of publicity pieces as an Excel workbook (audited as an export).
import ExcelJS from 'exceljs';
import { PUBLICITY_LEVEL_LABELS, type PublicityLevel } from '@civic/contracts';
import { auditAction, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { Invalid } from '../../platform/errors.ts';
import { filteredPieces, orgInScope, type PieceRow } from './publicity.service.ts';
import type { PieceFilter } from './publicity.schema.ts';

const MAX_ROWS = 20_000;

export function createPublicityExport(ctx: AppContext) {
  return {
    exportXlsx: (actor: Actor, q: PieceFilter) =>
      inScope(ctx.db.app, actor, async (tx) => {
        const org = await orgInScope(tx, actor, q.orgId ?? actor.orgId);
        const rows = (await (await filteredPieces(tx, actor, q)).limit(MAX_ROWS + 1).execute()) as PieceRow[];
        if (rows.length > MAX_ROWS)
          throw new Invalid(
            `一次最多导出 ${MAX_ROWS} 篇，请缩小范围（按单位、年份或级别）后再导出`,
            'TOO_MANY_ROWS',
          );
        const workbook = new ExcelJS.Workbook();
        workbook.creator = '文明实践云平台';
        const sheet = workbook.addWorksheet('宣传稿件');
        sheet.columns = [
          { header: '序号', key: 'seq', width: 6 },
          { header: '单位', key: 'org', width: 28 },
          { header: '级别', key: 'level', width: 8 },
          { header: '媒体名称', key: 'outlet', width: 24 },
          { header: '稿件标题', key: 'title', width: 48 },
          { header: '发表日期', key: 'date', width: 12 },
          { header: '链接', key: 'url', width: 40 },
          { header: '截图', key: 'screenshot', width: 6 },
          { header: '备注', key: 'note', width: 30 },
          { header: '登记人', key: 'by', width: 12 },
        ];
        rows.forEach((r, i) =>
          sheet.addRow({
            seq: i + 1,
            org: r.org_name,
            level: PUBLICITY_LEVEL_LABELS[r.level as PublicityLevel],
            outlet: r.outlet,
            title: r.title,
            date: r.published_on,
            // a link stays text: a cell never becomes a formula or a hyperlink the sheet follows
            url: r.url ?? '',
            screenshot: r.screenshot_id ? '有' : '',
            note: r.note,
            by: r.created_by_name ?? '',
          }),
        );
        sheet.getRow(1).font = { bold: true };
        await auditAction(
          tx,
          actor,
          'publicity.export',
          'org',
          { id: org.id, org_id: org.id, org_path: org.path },
          {
            rows: rows.length,
            level: q.level ?? null,
            year: q.year ?? null,
            from: q.from ?? null,
            to: q.to ?? null,
          },
          ctx.now(),
        );
        return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), orgName: org.name };
      }),
  };
}
