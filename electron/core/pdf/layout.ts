import { PDFDocument, rgb } from 'pdf-lib';
import type { Color, PDFPage } from 'pdf-lib';
import { embedDocFont } from './font.ts';
import type { DocFont } from './font.ts';
import { wrapText } from './text-wrap.ts';

/** Page size and margins in points (1 pt = 1/72 inch). */
export interface PageBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const A4: PageBox = {
  width: 595.28,
  height: 841.89,
  margin: { top: 56, right: 50, bottom: 60, left: 50 },
};

export interface TextStyle {
  size: number;
  color?: Color;
  /** Line pitch as a multiple of the size. */
  leading?: number;
}

export const BODY: TextStyle = { size: 10.5, leading: 1.55 };
export const INK = rgb(0, 0, 0);
export const MUTED = rgb(0.35, 0.35, 0.35);
export const ACCENT = rgb(0.08, 0.27, 0.52);
export const HAIRLINE = rgb(0.75, 0.75, 0.75);

export interface DocumentInfo {
  title: string;
  subject?: string;
  /** Also written as the creation date, so the same input gives the same document. */
  createdAt: Date;
  /** BCP 47, for screen readers and text extraction. */
  language: string;
}

/**
 * A top-down flow of text on pages: a cursor `y` moves down as blocks are drawn, and a new page starts whenever the
 * next line would cross the bottom margin. Blocks draw line by line, so long ones continue on the next page.
 */
export class PdfLayout {
  readonly doc: PDFDocument;
  readonly font: DocFont;
  readonly box: PageBox;
  page: PDFPage;
  /** Top of the next line, in points from the page bottom. */
  y: number;
  /** Left edge and width of the column being filled; `inset` narrows it for a while. */
  x: number;
  width: number;

  static async create(info: DocumentInfo, box: PageBox = A4): Promise<PdfLayout> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(info.title, { showInWindowTitleBar: true });
    if (info.subject !== undefined) doc.setSubject(info.subject);
    doc.setLanguage(info.language);
    doc.setCreator('Doorstep');
    doc.setProducer('Doorstep (pdf-lib)');
    doc.setCreationDate(info.createdAt);
    doc.setModificationDate(info.createdAt);
    return new PdfLayout(doc, await embedDocFont(doc), box);
  }

  private constructor(doc: PDFDocument, font: DocFont, box: PageBox) {
    this.doc = doc;
    this.font = font;
    this.box = box;
    this.page = doc.addPage([box.width, box.height]);
    this.y = this.top;
    this.x = box.margin.left;
    this.width = box.width - box.margin.left - box.margin.right;
  }

  private get top(): number {
    return this.box.height - this.box.margin.top;
  }

  private get bottom(): number {
    return this.box.margin.bottom;
  }

  get atPageTop(): boolean {
    return this.y === this.top;
  }

  lineHeight(style: TextStyle): number {
    return style.size * (style.leading ?? BODY.leading ?? 1.5);
  }

  measure(text: string, size: number): number {
    return this.font.measure(text, size);
  }

  wrap(text: string, width: number, size: number): string[] {
    return wrapText(text, width, (s) => this.font.measure(s, size));
  }

  newPage(): void {
    this.page = this.doc.addPage([this.box.width, this.box.height]);
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits; returns whether it did. A block taller than a page just starts one. */
  ensure(height: number): boolean {
    if (this.y - height >= this.bottom || this.atPageTop) return false;
    this.newPage();
    return true;
  }

  gap(height: number): void {
    this.y = Math.max(this.bottom, this.y - height);
  }

  /** Draws one line whose line box has its top at `top`, vertically centred in the line pitch. */
  drawLine(text: string, x: number, top: number, style: TextStyle): void {
    if (text === '') return;
    const { ascent, descent } = this.font;
    const pad = (this.lineHeight(style) - (ascent + descent) * style.size) / 2;
    this.page.drawText(text, {
      x,
      y: top - pad - ascent * style.size,
      size: style.size,
      font: this.font.pdf,
      color: style.color ?? INK,
    });
  }

  rule(y: number, x0: number, x1: number, color: Color = HAIRLINE, thickness = 0.5): void {
    this.page.drawLine({ start: { x: x0, y }, end: { x: x1, y }, thickness, color });
  }

  fillRect(x: number, y: number, width: number, height: number, color: Color): void {
    this.page.drawRectangle({ x, y, width, height, color });
  }

  /** Wrapped text in the column, shifted right by `indent`. */
  text(text: string, style: TextStyle = BODY, indent = 0): void {
    this.hanging([], this.wrap(text, this.width - indent, style.size), indent, style);
  }

  heading(text: string, level: 1 | 2): void {
    const style: TextStyle = level === 1 ? { size: 18, leading: 1.4, color: INK } : { size: 12.5, leading: 1.5, color: ACCENT };
    const lines = this.wrap(text, this.width, style.size);
    const lh = this.lineHeight(style);
    // Keep a heading with at least two lines of what follows it.
    this.ensure(lh * lines.length + 2 * this.lineHeight(BODY));
    if (level === 2) this.gap(lh * 0.3);
    this.hanging([], lines, 0, style);
    if (level === 2) {
      this.rule(this.y + 1, this.x, this.x + this.width, ACCENT, 0.8);
      this.gap(lh * 0.2);
    }
  }

  /** A grey label on the left and its value wrapped beside it. */
  labelled(label: string, value: string, labelWidth = 5.5 * BODY.size, style: TextStyle = BODY): void {
    const labelLines = this.wrap(label, labelWidth - style.size / 2, style.size);
    const valueLines = this.wrap(value, this.width - labelWidth, style.size);
    const lh = this.lineHeight(style);
    const rows = Math.max(labelLines.length, valueLines.length);
    for (let i = 0; i < rows; i++) {
      this.ensure(lh);
      this.drawLine(labelLines[i] ?? '', this.x, this.y, { ...style, color: MUTED });
      this.drawLine(valueLines[i] ?? '', this.x + labelWidth, this.y, style);
      this.y -= lh;
    }
  }

  list(items: readonly string[], kind: 'numbered' | 'bulleted', style: TextStyle = BODY): void {
    const markers = items.map((_, i) => (kind === 'numbered' ? `${i + 1}.` : '•'));
    const markerWidth = Math.max(0, ...markers.map((m) => this.measure(m, style.size))) + style.size / 2;
    items.forEach((item, i) => {
      this.hanging([markers[i] ?? ''], this.wrap(item, this.width - markerWidth, style.size), markerWidth, style);
    });
  }

  /** Runs `draw` in a column `dx` points right of the current one and `width` wide, then restores the column. */
  inset(dx: number, width: number, draw: () => void): void {
    const { x, width: saved } = this;
    this.x = x + dx;
    this.width = width;
    try {
      draw();
    } finally {
      this.x = x;
      this.width = saved;
    }
  }

  /**
   * Draws the footers once every page exists: `left` on each page and the page label (第 N 页 / 共 M 页) on the right.
   */
  finish(pageLabel: (page: number, pages: number) => string, left = ''): void {
    const style: TextStyle = { size: 8, leading: 1.4, color: MUTED };
    const pages = this.doc.getPages();
    const right = this.box.width - this.box.margin.right;
    const top = this.box.margin.bottom - 18;
    pages.forEach((page, i) => {
      const label = pageLabel(i + 1, pages.length);
      const labelWidth = this.measure(label, style.size);
      const [first = '', ...rest] = this.wrap(left, right - this.box.margin.left - labelWidth - 20, style.size);
      this.page = page;
      this.rule(top + 4, this.box.margin.left, right);
      this.drawLine(rest.length > 0 ? `${first}…` : first, this.box.margin.left, top, style);
      this.drawLine(label, right - labelWidth, top, style);
    });
  }

  /** Lines at `indent` with `markers` on the first lines in the margin before them; one page check per line. */
  private hanging(markers: readonly string[], lines: readonly string[], indent: number, style: TextStyle): void {
    const lh = this.lineHeight(style);
    lines.forEach((line, i) => {
      this.ensure(lh);
      const marker = markers[i];
      if (marker !== undefined) this.drawLine(marker, this.x, this.y, style);
      this.drawLine(line, this.x + indent, this.y, style);
      this.y -= lh;
    });
  }
}
