import QRCode from 'qrcode';
import {
  concatTransformationMatrix,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingColor,
} from 'pdf-lib';
import type { PDFOperator, PDFPage } from 'pdf-lib';

/** Light modules around the symbol that a scanner needs (ISO/IEC 18004). */
export const QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(payload: string): QrMatrix {
  // Long payloads (the guide-text fallback) get level L so the symbol keeps modules large enough to print and scan.
  const level = Buffer.byteLength(payload, 'utf8') > 300 ? 'L' : 'M';
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: level });
  return { size: modules.size, dark: (row, col) => modules.data[row * modules.size + col] === 1 };
}

/**
 * Draws the symbol as vector rectangles, one per horizontal run of dark modules, all in a single filled path (one
 * path rasterises without hairline seams between rows). Coordinates are in module units under one scaling
 * matrix, which keeps the content stream small. `x`, `y` is the lower-left corner of the quiet zone; `side` its
 * outer width in points.
 */
export function drawQr(page: PDFPage, matrix: QrMatrix, x: number, y: number, side: number): void {
  const total = matrix.size + 2 * QUIET_ZONE;
  const unit = side / total;
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    concatTransformationMatrix(unit, 0, 0, unit, x + QUIET_ZONE * unit, y + QUIET_ZONE * unit),
    setFillingColor(rgb(0, 0, 0)),
  ];
  for (let row = 0; row < matrix.size; row++) {
    const bottom = matrix.size - 1 - row;
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      ops.push(rectangle(start, bottom, col - start, 1));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}
