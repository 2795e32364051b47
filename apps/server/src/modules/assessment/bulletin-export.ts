// A published bulletin as an Excel workbook (a sheet per kind of unit with every indicator's figure,
// target and completion; the reward allocation when there is one) and as a landscape A4 PDF with the
// CJK font embedded (a table per kind of unit: rank, score, change and each indicator's completion).
import ExcelJS from 'exceljs';
import { cjkDocument } from '../../platform/pdf.ts';
import type { BulletinView, ReportRow } from './bulletins.schema.ts';
import type { AssessedKind, Rag } from './indicators.ts';

export const KIND_LABELS: Record<AssessedKind, string> = {
  center: '县中心',
  institute: '实践所',
  station: '实践站',
};
export const RAG_LABELS: Record<Rag, string> = { green: '达标', amber: '预警', red: '滞后', none: '无数据' };

const KIND_ORDER: AssessedKind[] = ['center', 'institute', 'station'];

const yuan = (fen: number) => (fen / 100).toFixed(2);
const changeText = (c: number | null) => (c === null ? '—' : c > 0 ? `+${c}` : String(c));

function rowsOf(b: BulletinView, kind: AssessedKind) {
  return b.report.rows
    .filter((r) => r.kind === kind)
    .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || x.orgId - y.orgId);
}

export async function bulletinWorkbook(b: BulletinView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '文明实践云平台';
  for (const kind of KIND_ORDER) {
    const rows = rowsOf(b, kind);
    if (rows.length === 0) continue;
    const indicators = b.report.indicators.filter((i) => i.orgKind === kind);
    const sheet = book.addWorksheet(KIND_LABELS[kind]);
    sheet.addRow([`${b.title}（${KIND_LABELS[kind]}）`]);
    sheet.addRow([
      `统计期间：${b.report.period.start} 至 ${b.report.period.end}\u3000发布：${b.publishedAt.slice(0, 10)}`,
    ]);
    const header = [
      '排名',
      '单位',
      ...(kind === 'station' ? ['所属实践所'] : []),
      '得分',
      '较上期',
      '状态',
      '建设推进不力',
    ];
    for (const i of indicators) header.push(`${i.name}(${i.unit})`, '目标', '完成率%');
    sheet.addRow(header).font = { bold: true };
    for (const r of rows) {
      const cells: (string | number)[] = [
        r.rank ?? (r.archived ? '已撤销' : '—'),
        r.name,
        ...(kind === 'station' ? [r.parentName ?? ''] : []),
        r.score ?? '无数据',
        changeText(r.change),
        RAG_LABELS[r.rag],
        r.behind ? '是' : '',
      ];
      for (const i of indicators) {
        const res = r.results.find((x) => x.code === i.code);
        cells.push(res?.actual ?? '无数据', res?.target ?? '', res?.completion ?? '无数据');
      }
      sheet.addRow(cells);
    }
    sheet.getColumn(2).width = 28;
    if (kind === 'station') sheet.getColumn(3).width = 22;
    sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];
  }
  if (b.allocation) {
    const a = b.allocation;
    const sheet = book.addWorksheet('奖补资金');
    sheet.addRow([
      `奖补资金分配：总额 ${yuan(a.poolFen)} 元，${KIND_LABELS[a.unitKind]}得分不低于 ${a.minScore} 分按得分比例分配`,
    ]);
    sheet.addRow(['单位', '得分', '分配金额(元)']).font = { bold: true };
    for (const r of a.rows) sheet.addRow([r.name, r.score, yuan(r.amountFen)]);
    sheet.addRow(['合计', '', yuan(a.rows.reduce((s, r) => s + r.amountFen, 0))]).font = { bold: true };
    sheet.getColumn(1).width = 28;
    sheet.getColumn(3).width = 16;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const MARGIN = 32;

export async function bulletinPdf(b: BulletinView): Promise<Buffer> {
  const { doc, bytes } = cjkDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: b.title, Author: b.orgName, Subject: '新时代文明实践工作考核通报' },
  });
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN;

  doc.font('bold').fontSize(16).text(b.title, { align: 'center' });
  doc.moveDown(0.3);
  doc
    .font('body')
    .fontSize(9)
    .text(
      `统计期间：${b.report.period.start} 至 ${b.report.period.end}\u3000\u3000发布时间：${b.publishedAt.slice(0, 10)}\u3000\u3000` +
        b.report.summary.kinds
          .map(
            (k) =>
              `${KIND_LABELS[k.kind]} ${k.units} 个，平均 ${k.averageScore ?? '—'} 分，建设推进不力 ${k.behind} 个`,
          )
          .join('；'),
      { align: 'center' },
    );
  doc.moveDown(0.6);

  for (const kind of KIND_ORDER) {
    const rows = rowsOf(b, kind);
    if (rows.length === 0) continue;
    const indicators = b.report.indicators.filter((i) => i.orgKind === kind);
    const fixed = [28, 130, 36, 36];
    const flagWidth = 52;
    const indWidth = (width - fixed.reduce((s, w) => s + w, 0) - flagWidth) / Math.max(indicators.length, 1);
    const widths = [...fixed, ...indicators.map(() => indWidth), flagWidth];
    const header = ['排名', '单位', '得分', '较上期', ...indicators.map((i) => `${i.name}`), '状态'];
    const drawRow = (cells: string[], font: 'body' | 'bold', colors?: (string | null)[]) => {
      doc.font(font).fontSize(7.5);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 6;
      if (doc.y + height > bottom()) doc.addPage();
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        doc.fillColor(colors?.[i] ?? '#000000').text(c, x + 2, y + 3, { width: widths[i]! - 4 });
        x += widths[i]!;
      });
      doc.fillColor('#000000');
      doc
        .moveTo(MARGIN, y + height)
        .lineTo(MARGIN + width, y + height)
        .lineWidth(0.4)
        .strokeColor('#999999')
        .stroke();
      doc.x = MARGIN;
      doc.y = y + height;
    };
    doc.font('bold').fontSize(11).text(`${KIND_LABELS[kind]}（${rows.length} 个）`, MARGIN, doc.y);
    doc.moveDown(0.2);
    drawRow(header, 'bold');
    const ragColor = (rag: Rag) => (rag === 'red' ? '#c0392b' : rag === 'amber' ? '#b9770e' : null);
    for (const r of rows as ReportRow[]) {
      const cells = [
        r.rank === null ? '—' : String(r.rank),
        kind === 'station' && r.parentName ? `${r.name}（${r.parentName}）` : r.name,
        r.score === null ? '无数据' : String(r.score),
        changeText(r.change),
        ...indicators.map((i) => {
          const res = r.results.find((x) => x.code === i.code);
          return !res || res.actual === null ? '无数据' : `${res.actual}/${res.target} ${res.completion}%`;
        }),
        r.behind ? '建设推进不力' : RAG_LABELS[r.rag],
      ];
      const colors = [
        null,
        null,
        ragColor(r.rag),
        null,
        ...indicators.map((i) => {
          const res = r.results.find((x) => x.code === i.code);
          return res ? ragColor(res.rag) : null;
        }),
        r.behind ? '#c0392b' : ragColor(r.rag),
      ];
      drawRow(cells, 'body', colors);
    }
    doc.moveDown(0.8);
  }
  if (b.allocation) {
    const a = b.allocation;
    if (doc.y + 60 > bottom()) doc.addPage();
    doc
      .font('bold')
      .fontSize(11)
      .text(
        `奖补资金分配（总额 ${yuan(a.poolFen)} 元，${KIND_LABELS[a.unitKind]}得分不低于 ${a.minScore} 分按得分比例分配）`,
        MARGIN,
        doc.y,
      );
    doc.font('body').fontSize(8);
    for (const r of a.rows) {
      if (doc.y + 12 > bottom()) doc.addPage();
      doc.text(`${r.name}\u3000得分 ${r.score}\u3000${yuan(r.amountFen)} 元`, MARGIN, doc.y);
    }
  }
  doc
    .font('body')
    .fontSize(7)
    .fillColor('#666666')
    .text(
      '说明：计数类指标目标按年度目标折算到本期并按单位存续天数折算；比率类指标按目标值直接比较；无数据的指标不计入得分，其余指标权重按比例折算；得分低于 60 分为建设推进不力。',
      MARGIN,
      doc.y + 6,
      { width },
    );
  doc.end();
  return bytes;
}
