import { PDFDocument, rgb } from 'pdf-lib';

const PT_PER_MM = 72 / 25.4;

/** 6-inch photo paper, the sheet the station prints photos on (assets/printer/roles.json, role photo). */
export const PHOTO_SHEET_MM: [number, number] = [101.6, 152.4];

/** The least gap between two photos, where the cutter's blade goes. */
export const MIN_GAP_MM = 2;
/** Paper kept clear at the edges, for printers that cannot print to the edge and for the cutting marks. */
export const SHEET_MARGIN_MM = 4;
const MAX_GAP_MM = 6;
const MARK_MM = 2.5;

export interface SheetLayout {
  pageMm: [number, number];
  photoMm: [number, number];
  columns: number;
  rows: number;
  count: number;
  gapMm: [number, number];
  /** Each photo's lower-left corner on the page, millimetres from the lower-left of the page (PDF's origin). */
  positionsMm: [number, number][];
}

function along(length: number, size: number): { n: number; gap: number; start: number } {
  const usable = length - 2 * SHEET_MARGIN_MM;
  const n = Math.max(0, Math.floor((usable + MIN_GAP_MM) / (size + MIN_GAP_MM)));
  const gap = n > 1 ? Math.min(MAX_GAP_MM, (usable - n * size) / (n - 1)) : 0;
  return { n, gap, start: (length - (n * size + (n - 1) * gap)) / 2 };
}

/**
 * The most photos of one size that fit the sheet with at least 2 mm between them, upright or with the sheet
 * turned, the grid centred and the spare paper shared between the gaps (up to 6 mm).
 */
export function sheetLayout(sheetMm: [number, number], photoMm: [number, number]): SheetLayout {
  const options = [sheetMm, [sheetMm[1], sheetMm[0]] as [number, number]].map((page) => {
    const x = along(page[0], photoMm[0]);
    const y = along(page[1], photoMm[1]);
    return { page, x, y, count: x.n * y.n };
  });
  const best = options[1]!.count > options[0]!.count ? options[1]! : options[0]!;
  const positionsMm: [number, number][] = [];
  for (let r = 0; r < best.y.n; r++) {
    for (let c = 0; c < best.x.n; c++) {
      // Rows from the top of the page down, as they are read and cut.
      const top = best.page[1] - best.y.start - r * (photoMm[1] + best.y.gap);
      positionsMm.push([best.x.start + c * (photoMm[0] + best.x.gap), top - photoMm[1]]);
    }
  }
  return {
    pageMm: best.page,
    photoMm,
    columns: best.x.n,
    rows: best.y.n,
    count: best.count,
    gapMm: [best.x.gap, best.y.gap],
    positionsMm,
  };
}

/**
 * A sheet of one photo as a PDF: the JPEG embedded once at its own resolution and placed at the spec's size in
 * every cell, with cutting marks in the margins on the line of every photo edge (never over a photo).
 */
export async function sheetPdf(jpeg: Uint8Array, layout: SheetLayout, title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Doorstep');
  pdf.setProducer('Doorstep');
  const page = pdf.addPage([layout.pageMm[0] * PT_PER_MM, layout.pageMm[1] * PT_PER_MM]);
  // A copy of its own: pdf-lib reads the bytes through their whole ArrayBuffer, ignoring a view's offset.
  const image = await pdf.embedJpg(new Uint8Array(jpeg));
  const [w, h] = layout.photoMm;
  for (const [x, y] of layout.positionsMm) {
    page.drawImage(image, { x: x * PT_PER_MM, y: y * PT_PER_MM, width: w * PT_PER_MM, height: h * PT_PER_MM });
  }
  const mark = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1 * PT_PER_MM, y: y1 * PT_PER_MM }, end: { x: x2 * PT_PER_MM, y: y2 * PT_PER_MM }, thickness: 0.3, color: rgb(0.3, 0.3, 0.3) });
  if (layout.count > 0) {
    const xs = [...new Set(layout.positionsMm.flatMap(([x]) => [x, x + w]))];
    const ys = [...new Set(layout.positionsMm.flatMap(([, y]) => [y, y + h]))];
    const left = Math.min(...xs), right = Math.max(...xs), bottom = Math.min(...ys), top = Math.max(...ys);
    const [pw, ph] = layout.pageMm;
    for (const x of xs) {
      mark(x, top + 0.5, x, Math.min(ph, top + 0.5 + MARK_MM));
      mark(x, bottom - 0.5, x, Math.max(0, bottom - 0.5 - MARK_MM));
    }
    for (const y of ys) {
      mark(left - 0.5, y, Math.max(0, left - 0.5 - MARK_MM), y);
      mark(right + 0.5, y, Math.min(pw, right + 0.5 + MARK_MM), y);
    }
  }
  return pdf.save();
}

/** A 6-inch sheet of one photo at its spec's size. */
export async function photoSheet(jpeg: Uint8Array, photoMm: [number, number], title: string): Promise<{ pdf: Uint8Array; layout: SheetLayout }> {
  const layout = sheetLayout(PHOTO_SHEET_MM, photoMm);
  return { layout, pdf: await sheetPdf(jpeg, layout, title) };
}
