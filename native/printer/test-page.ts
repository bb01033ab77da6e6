/**
 * The technician's test page: one page on the role's paper that says which queue and role printed it and when, with
 * a border 5 mm inside the edge and a ruler of known length, so scaling and clipped margins show at a glance.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PrinterRole } from '../../contract/domain/printer-roles.ts';
import type { RolePaper } from './types.ts';
import { assetPath } from '../app-paths.ts';

/** WenQuanYi Micro Hei, the station's one CJK font: TrueType outlines, which pdf-lib subsets correctly. */
export const FONT_FILE = assetPath('fonts', 'wqy-microhei.ttf');

const ROLE_LABELS: Record<PrinterRole, string> = {
  receipt: '回执、通知单',
  a4: 'A4 文件',
  photo: '照片（6 寸相纸）',
};

const PT_PER_MM = 72 / 25.4;

let fontCache: Uint8Array | undefined;

function fontBytes(): Uint8Array {
  if (!fontCache) {
    try {
      fontCache = readFileSync(FONT_FILE);
    } catch (err) {
      throw new Error(`test page font missing at ${FONT_FILE}: run scripts/make-font.sh`, { cause: err });
    }
  }
  return fontCache;
}

export interface TestPageInfo {
  queue: string;
  role: PrinterRole;
  paper: RolePaper;
  printedAt: Date;
}

/** Local wall-clock time, as the technician's watch shows it. */
export function formatLocalTime(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ` +
    `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`
  );
}

export async function makeTestPage(info: TestPageInfo): Promise<Uint8Array> {
  const { queue, role, paper, printedAt } = info;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes(), { subset: true });
  doc.setTitle('打印测试页');
  doc.setProducer('Doorstep');
  doc.setCreationDate(printedAt);
  doc.setModificationDate(printedAt);

  const width = paper.widthMm * PT_PER_MM;
  const height = paper.heightMm * PT_PER_MM;
  const page = doc.addPage([width, height]);

  const border = 5 * PT_PER_MM;
  page.drawRectangle({
    x: border,
    y: border,
    width: width - 2 * border,
    height: height - 2 * border,
    borderWidth: 0.75,
    borderColor: rgb(0, 0, 0),
  });

  const margin = 10 * PT_PER_MM;
  const usable = width - 2 * margin;
  const body = Math.min(12, Math.max(6, width / 40));
  /** Draws a line of text below `top` at the largest size up to `max` that fits the width; returns the size. */
  const text = (line: string, top: number, max = body): number => {
    const size = Math.min(max, usable / Math.max(font.widthOfTextAtSize(line, 1), 1e-6));
    page.drawText(line, { x: margin, y: top - size, size, font, color: rgb(0, 0, 0) });
    return size;
  };
  let y = height - margin;
  y -= text('打印测试页', y, body * 2) * 1.6;
  const lines = [
    `打印机：${queue}`,
    `用途：${ROLE_LABELS[role]}（${role}）`,
    `纸张：${paper.media}，${paper.widthMm} × ${paper.heightMm} 毫米`,
    `时间：${formatLocalTime(printedAt)}`,
  ];
  for (const line of lines) y -= text(line, y) * 1.5;

  // The longest whole number of centimetres that fits, up to 10: a ruler that prints shorter means the driver scaled.
  const rulerCm = Math.max(1, Math.min(10, Math.floor(usable / (10 * PT_PER_MM))));
  y -= body;
  y -= text(`下面的线应正好 ${rulerCm * 10} 毫米长：`, y) * 1.2;
  const rulerY = y - body;
  const rulerEnd = margin + rulerCm * 10 * PT_PER_MM;
  page.drawLine({ start: { x: margin, y: rulerY }, end: { x: rulerEnd, y: rulerY }, thickness: 0.75 });
  for (let cm = 0; cm <= rulerCm; cm++) {
    const x = margin + cm * 10 * PT_PER_MM;
    page.drawLine({ start: { x, y: rulerY }, end: { x, y: rulerY + body * 0.6 }, thickness: 0.5 });
  }

  text('家门口便民服务站 · Doorstep', margin + body, body * 0.8);
  return doc.save();
}
