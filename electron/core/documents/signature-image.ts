import sharp from 'sharp';
import type { PDFImage } from 'pdf-lib';
import { BODY, MUTED } from '../pdf/layout.ts';
import type { PdfLayout } from '../pdf/layout.ts';
import { mm } from './paper.ts';

/** The box a signature is printed in, as on a paper form. */
const BOX = { widthMm: 40, heightMm: 20 };
/** Enough for a laser printer; the pad renders at 600 dpi. */
const PRINT_DPI = 300;

/**
 * Embeds the signature PNG. pdf-lib decodes and re-compresses PNGs in JavaScript, which for a 600-dpi signature
 * (1417 × 709 px) costs ~90 ms, so a larger image is first scaled (alpha kept) to 300 dpi at the printed size.
 */
export async function embedSignature(layout: PdfLayout, png: Uint8Array): Promise<PDFImage> {
  const image = sharp(png);
  const { format, width = 0, height = 0 } = await image.metadata();
  if (format !== 'png') throw new Error(`the signature must be a PNG image, got ${format}`);
  const maxWidth = Math.round((BOX.widthMm / 25.4) * PRINT_DPI);
  const maxHeight = Math.round((BOX.heightMm / 25.4) * PRINT_DPI);
  const bytes =
    width > maxWidth || height > maxHeight
      ? await image.resize({ width: maxWidth, height: maxHeight, fit: 'inside' }).png({ compressionLevel: 6 }).toBuffer()
      : png;
  return layout.doc.embedPng(bytes);
}

/** "申请人（签字）" beside the signature (above it on narrow paper), fitted into the 40 × 20 mm box, over a line. */
export function drawSignature(layout: PdfLayout, label: string, image: PDFImage): void {
  const boxWidth = mm(BOX.widthMm);
  const boxHeight = mm(BOX.heightMm);
  const lh = layout.lineHeight(BODY);
  const labelStyle = { ...BODY, color: MUTED };
  const labelWidth = layout.measure(label, BODY.size) + BODY.size;
  const beside = labelWidth + boxWidth <= layout.width;
  layout.ensure(boxHeight + lh * (beside ? 0.4 : 1.4));
  if (!beside) {
    layout.drawLine(label, layout.x, layout.y, labelStyle);
    layout.y -= lh;
  }
  const top = layout.y;
  const left = beside ? layout.x + labelWidth : layout.x;
  // Beside the box, the label sits on the signing line, as one signs on paper.
  if (beside) layout.drawLine(label, layout.x, top - boxHeight + lh * 0.8, labelStyle);
  const scale = Math.min(boxWidth / image.width, boxHeight / image.height);
  const [width, height] = [image.width * scale, image.height * scale];
  layout.page.drawImage(image, { x: left + (boxWidth - width) / 2, y: top - boxHeight + (boxHeight - height) / 2, width, height });
  layout.rule(top - boxHeight, left, left + boxWidth, MUTED, 0.6);
  layout.y = top - boxHeight - lh * 0.4;
}
