import { chinaDay } from '../../../contract/domain/clock.ts';
import { printedDay } from './document-dates.ts';
import { caseFacts, documentTranslator, facts, finishDocument, numberedTable, paragraph, startDocument } from './document-frame.ts';
import { drawSignature, embedSignature } from './signature-image.ts';
import type { RongqueInput } from './types.ts';

/** 容缺受理单: the materials the applicant promises to supply, each with its due date, and the signed promise. */
export async function renderRongquePdf(input: RongqueInput): Promise<Uint8Array> {
  if (input.promised.length === 0) throw new RangeError('a 容缺受理单 lists at least one promised material');
  const t = documentTranslator();
  const frame = await startDocument(t, t('documents.rongque.title'), input);
  const { layout } = frame;
  const signature = await embedSignature(layout, input.signaturePng);

  facts(layout, caseFacts(t, input));
  layout.gap(8);
  paragraph(layout, t('documents.rongque.intro', { matter: input.matter.name }));
  numberedTable(
    frame,
    [
      { header: t('documents.material.col.name'), share: 3.6 },
      { header: t('documents.material.col.form'), share: 1.4 },
      { header: t('documents.material.col.count'), share: 0.8 },
      { header: t('documents.material.col.due'), share: 1.9 },
    ],
    input.promised.map((m) => ({
      cells: [
        m.name,
        t(`documents.form.${m.form}`),
        t('documents.material.count', { count: m.count }),
        t('documents.material.due', { date: printedDay(t, m.dueDate) }),
      ],
    })),
  );
  // One date reads best when every material is due the same day; otherwise the table's dates are the promise.
  const dueDates = new Set(input.promised.map((m) => m.dueDate));
  const [only] = dueDates;
  paragraph(
    layout,
    dueDates.size === 1 && only !== undefined
      ? t('documents.rongque.promise', { date: printedDay(t, only) })
      : t('documents.rongque.promise.each'),
  );
  paragraph(layout, t('documents.rongque.integrity'));
  paragraph(layout, t('documents.rongque.submit', { phone: input.station.phone }));
  layout.gap(10);
  drawSignature(layout, t('documents.label.signature.applicant'), signature);
  facts(layout, [[t('documents.label.signedOn'), printedDay(t, chinaDay(input.issuedAt))]]);
  return finishDocument(frame, input.station);
}
