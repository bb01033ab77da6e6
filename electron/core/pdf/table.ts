import { rgb } from 'pdf-lib';
import { HAIRLINE, INK } from './layout.ts';
import type { PdfLayout, TextStyle } from './layout.ts';

export interface Column {
  header: string;
  /** Share of the column width; shares are normalised over all columns. */
  share: number;
}

export interface TableRow {
  cells: readonly string[];
  /** Full-width lines under the row (notes, exemptions), starting at the second column. */
  details?: readonly string[];
}

const CELL: TextStyle = { size: 9.5, leading: 1.45 };
const DETAIL: TextStyle = { size: 9, leading: 1.45, color: rgb(0.1, 0.38, 0.2) };
const HEADER_FILL = rgb(0.92, 0.93, 0.95);
const PAD = 4;

/** A ruled table that breaks between rows (and between detail lines) and repeats its header on each new page. */
export function drawTable(layout: PdfLayout, columns: readonly Column[], rows: readonly TableRow[]): void {
  const total = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * layout.width);
  const lefts = widths.map((_, i) => layout.x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const right = layout.x + layout.width;
  const lh = layout.lineHeight(CELL);

  const cellLines = (cells: readonly string[]): string[][] =>
    cells.map((cell, i) => layout.wrap(cell, (widths[i] ?? 0) - 2 * PAD, CELL.size));

  const rowHeight = (lines: string[][]): number => Math.max(1, ...lines.map((c) => c.length)) * lh + PAD;
  const drawRow = (lines: string[][], style: TextStyle): void => {
    const top = layout.y - PAD / 2;
    lines.forEach((cell, i) =>
      cell.forEach((line, j) => layout.drawLine(line, (lefts[i] ?? 0) + PAD, top - j * lh, style)),
    );
    layout.y -= rowHeight(lines);
  };

  const headerLines = cellLines(columns.map((c) => c.header));
  const drawHeader = (): void => {
    const height = rowHeight(headerLines);
    layout.fillRect(layout.x, layout.y - height, layout.width, height, HEADER_FILL);
    drawRow(headerLines, { ...CELL, color: INK });
  };
  // Breaks the page if `height` does not fit, and then repeats the header.
  const room = (height: number): void => {
    if (layout.ensure(height)) drawHeader();
  };

  layout.ensure(rowHeight(headerLines) + lh + PAD);
  drawHeader();
  const detailX = (lefts[1] ?? layout.x) + PAD;
  const detailWidth = right - detailX - PAD;
  const detailLh = layout.lineHeight(DETAIL);
  for (const row of rows) {
    const lines = cellLines(row.cells);
    room(rowHeight(lines));
    drawRow(lines, CELL);
    for (const detail of row.details ?? []) {
      for (const line of layout.wrap(detail, detailWidth, DETAIL.size)) {
        room(detailLh);
        layout.drawLine(line, detailX, layout.y, DETAIL);
        layout.y -= detailLh;
      }
    }
    if (row.details?.length) layout.y -= PAD / 2;
    layout.rule(layout.y, layout.x, right, HAIRLINE);
  }
  layout.y -= PAD;
}
