// The certificate as a PDF (A4), drawn from its stored, signed facts — the same content the public
// verification page checks — with the Noto Sans CJK (Simplified Chinese) font that the npm package
// @embedpdf/fonts-sc ships: no system font is needed, and pdfkit embeds only the glyphs used (a
// certificate is tens of kilobytes, not the font's 8 MB). A QR code leads to /h5/verify/<serial>.
import QRCode from 'qrcode';
import { cjkDocument } from '../../platform/pdf.ts';
import type { CertificateContent } from './certificate-content.ts';

const MARGIN = 56;
const hoursText = (h: number) => h.toFixed(1);

/** Renders the certificate; `verifyUrl` is what its QR code holds. */
export async function renderCertificatePdf(content: CertificateContent, verifyUrl: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const { doc, bytes: done } = cjkDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `志愿服务记录证明 ${content.serial}`,
      Author: content.issuer.name,
      Subject: '志愿服务记录证明',
    },
  });

  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN;

  doc.font('bold').fontSize(22).text('志愿服务记录证明', { align: 'center' });
  doc.moveDown(0.3);
  doc.font('body').fontSize(10).text(`证明编号：${content.serial}`, { align: 'right' });
  doc.moveDown(0.8);

  const v = content.volunteer;
  doc
    .fontSize(12)
    .text(
      `兹证明 ${v.name}（证件类型：${v.idType}；证件号码：${v.idNumber}；志愿者编号：${v.volunteerNo}）` +
        `于 ${content.period.from} 至 ${content.period.to} 期间参加志愿服务，经${content.issuer.name}` +
        `及其下属单位记录并确认，累计服务时长 ${hoursText(content.totalHours)} 小时。具体服务内容如下：`,
      { lineGap: 4 },
    );
  doc.moveDown(0.6);

  // the records table: 序号 · 服务日期 · 服务内容 · 组织单位 · 时长
  const cols = [
    { title: '序号', width: 34 },
    { title: '服务日期', width: 72 },
    { title: '服务内容（活动/点单）', width: width - 34 - 72 - 150 - 60 },
    { title: '组织单位', width: 150 },
    { title: '时长（小时）', width: 60 },
  ];
  const drawRow = (cells: string[], font: 'body' | 'bold') => {
    doc.font(font).fontSize(9.5);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i]!.width - 6 }));
    const rowHeight = Math.max(...heights) + 8;
    if (doc.y + rowHeight > bottom()) {
      doc.addPage();
      if (font === 'body')
        drawRow(
          cols.map((c) => c.title),
          'bold',
        );
      doc.font(font).fontSize(9.5);
    }
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.rect(x, top, cols[i]!.width, rowHeight).lineWidth(0.5).stroke('#888888');
      doc.fillColor('#000000').text(cell, x + 3, top + 4, { width: cols[i]!.width - 6 });
      x += cols[i]!.width;
    });
    doc.x = MARGIN;
    doc.y = top + rowHeight;
  };
  drawRow(
    cols.map((c) => c.title),
    'bold',
  );
  content.records.forEach((r, i) =>
    drawRow([String(i + 1), r.date, r.title, r.org, hoursText(r.hours)], 'body'),
  );
  drawRow(['合计', '', `${content.records.length} 条服务记录`, '', hoursText(content.totalHours)], 'bold');

  // the issuer's block and the QR code, kept together on one page
  const blockHeight = 150;
  if (doc.y + 20 + blockHeight > bottom()) doc.addPage();
  doc.moveDown(1.2);
  const blockTop = doc.y;
  const issuer = content.issuer;
  doc.font('body').fontSize(11);
  const lines = [
    `出具单位：${issuer.name}（盖章）`,
    `单位负责人：${issuer.head ?? '—'}`,
    `经办人：${content.handler}`,
    `联系电话：${issuer.contactPhone ?? '—'}`,
    `出具日期：${content.issuedOn}`,
  ];
  for (const line of lines) doc.text(line, MARGIN, doc.y, { width: width - 130, lineGap: 5 });
  const qrSize = 110;
  doc.image(qr, MARGIN + width - qrSize, blockTop, { width: qrSize, height: qrSize });
  doc
    .fontSize(8)
    .text('扫码核验真伪', MARGIN + width - qrSize, blockTop + qrSize + 2, { width: qrSize, align: 'center' });
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, blockTop + qrSize + 16) + 10;
  doc
    .fontSize(8.5)
    .fillColor('#444444')
    .text(
      `本证明依据民政部《志愿服务记录与证明出具办法》出具，免费，仅证明上述期间经${issuer.name}及其下属单位确认的志愿服务记录。` +
        `本证明内容经平台 SM2 数字签名，可扫描二维码或访问 ${verifyUrl} 核验。`,
      MARGIN,
      doc.y,
      { width, lineGap: 3 },
    );
  doc.end();
  return done;
}
