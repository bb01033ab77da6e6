import { MUTED } from '../pdf/layout.ts';
import type { PdfLayout } from '../pdf/layout.ts';
import { drawQr, qrMatrix } from '../pdf/qr.ts';
import type { TableRow } from '../pdf/table.ts';
import type { Translate } from '../messages.ts';
import { printedDateTime, printedDay } from './document-dates.ts';
import {
  caseFacts,
  centred,
  documentTranslator,
  facts,
  finishDocument,
  numberedTable,
  paragraph,
  startDocument,
} from './document-frame.ts';
import { formatYuan } from '../../../contract/domain/money.ts';
import type { ReceiptInput, ReceivedMaterial } from './types.ts';

/** Points, quiet zone included (~35 mm): a short progress payload prints with modules near 1 mm. */
const QR_SIDE = 100;
const CAPTION = { size: 8, leading: 1.35, color: MUTED };
/** Below this column width the QR code goes under the facts instead of beside them. */
const QR_BESIDE_MIN_WIDTH = 360;

/** 受理单, or 代办受理单 for a proxy case: what was received, by whom, when the result is promised. */
export async function renderReceiptPdf(input: ReceiptInput): Promise<Uint8Array> {
  const t = documentTranslator();
  const title = t(input.proxy ? 'documents.receipt.title.proxy' : 'documents.receipt.title');
  const frame = await startDocument(t, title, input, input.paper);
  const { layout } = frame;

  const rows: [string, string][] = [
    ...caseFacts(t, input),
    ...(input.proxy ? [[t('documents.label.agent'), input.proxy.agentName] as [string, string]] : []),
    [t('documents.label.receivedAt'), printedDateTime(t, input.receivedAt)],
    [
      t('documents.label.completion'),
      input.completion.kind === 'immediate'
        ? t('documents.completion.immediate')
        : input.completion.provisional
          ? t('documents.completion.provisional', { date: printedDay(t, input.completion.date) })
          : printedDay(t, input.completion.date),
    ],
    [t('documents.label.firstAsked'), input.firstAskedBy],
  ];
  if (layout.width >= QR_BESIDE_MIN_WIDTH) {
    const top = layout.y;
    drawProgressQr(layout, t, input.progressQr, layout.x + layout.width - QR_SIDE);
    const qrBottom = layout.y;
    layout.y = top;
    layout.inset(0, layout.width - QR_SIDE - 12, () => facts(layout, rows));
    layout.y = Math.min(layout.y, qrBottom);
  } else {
    facts(layout, rows);
    layout.gap(6);
    drawProgressQr(layout, t, input.progressQr, layout.x + (layout.width - QR_SIDE) / 2);
  }

  layout.heading(t('documents.receipt.materials'), 2);
  if (input.materials.length === 0) {
    paragraph(layout, t('documents.receipt.materials.none'));
  } else {
    numberedTable(
      frame,
      [
        { header: t('documents.material.col.name'), share: 4 },
        { header: t('documents.material.col.received'), share: 2.3 },
      ],
      input.materials.map((m) => materialRow(t, m)),
    );
  }

  if (input.proxy && input.proxy.advancedFees.length > 0) {
    const fees = input.proxy.advancedFees;
    layout.heading(t('documents.receipt.fees'), 2);
    numberedTable(
      frame,
      [
        { header: t('documents.receipt.fees.col.item'), share: 4 },
        { header: t('documents.receipt.fees.col.amount'), share: 2.3 },
      ],
      fees.map((fee) => ({ cells: [fee.item, formatYuan(fee.amountFen)] })),
      { cells: [t('documents.receipt.fees.total'), formatYuan(fees.reduce((sum, fee) => sum + fee.amountFen, 0))] },
    );
    paragraph(layout, t('documents.receipt.fees.note'));
  }

  layout.text(t('documents.receipt.keep'));
  return finishDocument(frame, input.station);
}

function materialRow(t: Translate, m: ReceivedMaterial): TableRow {
  const cells = (status: string): string[] => [m.name, status];
  switch (m.status) {
    case 'provided': {
      const form = t(`documents.form.${m.form}`);
      return {
        cells: cells(
          m.pages > 0 ? t('documents.receipt.provided', { form, pages: m.pages }) : t('documents.receipt.provided.seen', { form }),
        ),
      };
    }
    case 'exempt':
      return { cells: cells(t('documents.receipt.exempt')), details: [t('documents.receipt.exempt.reason', { reason: m.reason })] };
    case 'promised':
      return { cells: cells(t('documents.receipt.promised', { date: printedDay(t, m.dueDate) })) };
  }
}

/** The progress QR code with its caption under it, `left` being its left edge; leaves `y` below the caption. */
function drawProgressQr(layout: PdfLayout, t: Translate, payload: string, left: number): void {
  const captionHeight = layout.lineHeight(CAPTION);
  layout.ensure(QR_SIDE + captionHeight);
  drawQr(layout.page, qrMatrix(payload), left, layout.y - QR_SIDE, QR_SIDE);
  layout.y -= QR_SIDE;
  layout.inset(left - layout.x, QR_SIDE, () => centred(layout, t('documents.receipt.qr'), CAPTION));
}
