import { BODY, MUTED, PdfLayout } from '../pdf/layout.ts';
import type { TextStyle } from '../pdf/layout.ts';
import { drawTable } from '../pdf/table.ts';
import type { Column, TableRow } from '../pdf/table.ts';
import { strictTranslator } from '../messages.ts';
import type { Translate } from '../messages.ts';
import { maskIdNumber } from '../../../contract/domain/id-number.ts';
import { pageFor } from './paper.ts';
import type { CaseDocumentInput, PaperSize, StationInfo } from './types.ts';

/** What every case document is drawn with: the layout and the strict zh-CN wording of documents.json. */
export interface DocumentFrame {
  layout: PdfLayout;
  t: Translate;
}

const TITLE: TextStyle = { size: 18, leading: 1.5 };
const STATION: TextStyle = { size: 10, leading: 1.5, color: MUTED };

/** Printed documents are in Chinese; the en table only keeps the catalogue's keys complete. */
export const documentTranslator = (): Translate => strictTranslator('zh-CN');

/** A new document with its title and the station's name centred at the top. */
export async function startDocument(
  t: Translate,
  title: string,
  input: Pick<CaseDocumentInput, 'station' | 'issuedAt'>,
  paper?: PaperSize,
): Promise<DocumentFrame> {
  const layout = await PdfLayout.create(
    { title, subject: input.station.name, createdAt: input.issuedAt, language: 'zh-CN' },
    pageFor(paper),
  );
  centred(layout, title, TITLE);
  centred(layout, input.station.name, STATION);
  layout.gap(2);
  layout.rule(layout.y, layout.x, layout.x + layout.width, MUTED, 0.8);
  layout.gap(8);
  return { layout, t };
}

/** Footers on every page (phone first, so a narrow roll cuts the station name, not the number), then the bytes. */
export function finishDocument({ layout, t }: DocumentFrame, station: StationInfo): Promise<Uint8Array> {
  layout.finish(
    (page, pages) => t('documents.page', { page, pages }),
    t('documents.footer', { station: station.name, phone: station.phone }),
  );
  return layout.doc.save();
}

/** Wrapped lines, each centred in the column. */
export function centred(layout: PdfLayout, text: string, style: TextStyle): void {
  const lh = layout.lineHeight(style);
  for (const line of layout.wrap(text, layout.width, style.size)) {
    layout.ensure(lh);
    layout.drawLine(line, layout.x + (layout.width - layout.measure(line, style.size)) / 2, layout.y, style);
    layout.y -= lh;
  }
}

/**
 * Label–value rows with the labels in one column as wide as the longest label (up to 40 % of the column), so
 * 承诺办结日期 and 申请人 line up on A4 and on a receipt roll alike.
 */
export function facts(layout: PdfLayout, rows: ReadonlyArray<readonly [label: string, value: string]>): void {
  const widest = Math.max(0, ...rows.map(([label]) => layout.measure(label, BODY.size)));
  const labelWidth = Math.min(widest + BODY.size * 1.2, layout.width * 0.4);
  for (const [label, value] of rows) layout.labelled(label, value, labelWidth);
}

/** The rows naming the case, the matter and the applicant, ID number masked (left out when unknown). */
export function caseFacts(
  t: Translate,
  input: Pick<CaseDocumentInput, 'caseNo' | 'matter'> & { applicant: { name: string; idNumber?: string } },
  caseLabel = 'documents.label.caseNo',
): [string, string][] {
  const { idNumber } = input.applicant;
  return [
    [t(caseLabel), input.caseNo],
    [t('documents.label.matter'), input.matter.name],
    [t('documents.label.matterCode'), input.matter.code],
    [t('documents.label.applicant'), input.applicant.name],
    ...(idNumber === undefined ? [] : [[t('documents.label.idNumber'), maskIdNumber(idNumber)] as [string, string]]),
  ];
}

/** A paragraph with some air after it. */
export function paragraph(layout: PdfLayout, text: string): void {
  layout.text(text);
  layout.gap(BODY.size * 0.5);
}

/**
 * A table with a 序号 column first, as wide as its header (on a receipt roll a share of the width would wrap it),
 * the other columns sharing the rest; `total` is a last row without a number.
 */
export function numberedTable(
  { layout, t }: DocumentFrame,
  columns: readonly Column[],
  rows: readonly TableRow[],
  total?: TableRow,
): void {
  const header = t('documents.material.col.index');
  const indexWidth = layout.measure(header, BODY.size) + BODY.size;
  const shares = columns.reduce((sum, c) => sum + c.share, 0);
  drawTable(
    layout,
    [{ header, share: indexWidth }, ...columns.map((c) => ({ header: c.header, share: (c.share / shares) * (layout.width - indexWidth) }))],
    [
      ...rows.map((row, i) => ({ ...row, cells: [String(i + 1), ...row.cells] })),
      ...(total ? [{ ...total, cells: ['', ...total.cells] }] : []),
    ],
  );
  layout.gap(BODY.size * 0.5);
}
