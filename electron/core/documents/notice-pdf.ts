import { chinaDay } from '../../../contract/domain/clock.ts';
import { printedDay } from './document-dates.ts';
import { caseFacts, documentTranslator, facts, finishDocument, numberedTable, paragraph, startDocument } from './document-frame.ts';
import type { OneTimeNoticeInput } from './types.ts';

/** 一次性告知单: every material still missing for the matter, once, in writing, with where to get it when known. */
export async function renderOneTimeNoticePdf(input: OneTimeNoticeInput): Promise<Uint8Array> {
  const t = documentTranslator();
  const frame = await startDocument(t, t('documents.notice.title'), input, input.paper);
  const { layout } = frame;

  facts(layout, caseFacts(t, input, 'documents.label.noticeNo'));
  layout.gap(8);
  paragraph(layout, t('documents.notice.intro', { name: input.applicant.name, matter: input.matter.name }));
  numberedTable(
    frame,
    [
      { header: t('documents.material.col.name'), share: 4.2 },
      { header: t('documents.material.col.form'), share: 1.5 },
      { header: t('documents.material.col.count'), share: 0.9 },
    ],
    input.missing.map((m) => ({
      cells: [m.name, t(`documents.form.${m.form}`), t('documents.material.count', { count: m.count })],
      details: m.note === undefined ? [] : [t('documents.notice.note', { note: m.note })],
    })),
  );
  paragraph(layout, t('documents.notice.closing'));
  paragraph(layout, t('documents.notice.contact', { phone: input.station.phone }));
  layout.gap(8);
  facts(layout, [
    ...(input.clerk === undefined ? [] : [[t('documents.label.clerk'), input.clerk] as [string, string]]),
    [t('documents.label.noticeDate'), printedDay(t, chinaDay(input.issuedAt))],
  ]);
  return finishDocument(frame, input.station);
}
