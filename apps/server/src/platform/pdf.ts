// PDF documents with Chinese text: the Noto Sans CJK (Simplified Chinese) fonts that the npm package
// @embedpdf/fonts-sc ships — no system font needed; pdfkit embeds only the glyphs a document uses —
// and the download response. Certificates and assessment bulletins are drawn with them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

let fontCache: { regular: Buffer; bold: Buffer } | null = null;

/** The font files, read once (the package's entry lies in dist/, the fonts beside it). */
export function cjkFonts() {
  if (!fontCache) {
    const dir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    fontCache = {
      regular: fs.readFileSync(path.join(dir, 'NotoSansHans-Regular.otf')),
      bold: fs.readFileSync(path.join(dir, 'NotoSansHans-Bold.otf')),
    };
  }
  return fontCache;
}

/**
 * A pdfkit document with the CJK fonts registered as 'body' and 'bold', and a promise of its bytes
 * once `doc.end()` is called.
 */
export function cjkDocument(options: PDFKit.PDFDocumentOptions) {
  const { regular, bold } = cjkFonts();
  const doc = new PDFDocument(options);
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** Sends a PDF as a download named `filename` (Chinese names survive through filename*). */
export function sendPdf(reply: FastifyReply, file: { filename: string; pdf: Buffer }) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'no-store')
    .send(file.pdf);
}
