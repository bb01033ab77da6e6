import { chinaDay } from '../../../contract/domain/clock.ts';
import { printedDay } from './document-dates.ts';
import { documentTranslator, facts, finishDocument, paragraph, startDocument } from './document-frame.ts';
import { maskIdNumber } from '../../../contract/domain/id-number.ts';
import { drawSignature, embedSignature } from './signature-image.ts';
import type { MandateInput } from './types.ts';

/** 委托书: the villager (委托人) voluntarily mandates a village agent (受托人) to handle one matter. */
export async function renderMandatePdf(input: MandateInput): Promise<Uint8Array> {
  if (input.scope.length === 0) throw new RangeError('a mandate needs at least one power (委托权限)');
  const t = documentTranslator();
  const frame = await startDocument(t, t('documents.mandate.title'), input);
  const { layout } = frame;
  const signature = await embedSignature(layout, input.signaturePng);
  const nameLabel = t('documents.label.name');
  const idLabel = t('documents.label.idNumber');
  const phoneLabel = t('documents.label.phone');

  layout.heading(t('documents.mandate.principal'), 2);
  facts(layout, [
    [nameLabel, input.applicant.name],
    [idLabel, maskIdNumber(input.applicant.idNumber)],
    ...(input.applicantPhone === undefined ? [] : [[phoneLabel, input.applicantPhone] as [string, string]]),
  ]);
  layout.heading(t('documents.mandate.agent'), 2);
  facts(layout, [
    [nameLabel, input.agent.name],
    ...(input.agent.idNumber === undefined ? [] : [[idLabel, maskIdNumber(input.agent.idNumber)] as [string, string]]),
    ...(input.agent.phone === undefined ? [] : [[phoneLabel, input.agent.phone] as [string, string]]),
  ]);
  layout.heading(t('documents.mandate.matter'), 2);
  facts(layout, [
    [t('documents.label.matter'), input.matter.name],
    [t('documents.label.matterCode'), input.matter.code],
    [t('documents.label.caseNo'), input.caseNo],
  ]);
  layout.heading(t('documents.mandate.scope'), 2);
  layout.list([...new Set(input.scope)].map((s) => t(`documents.mandate.scope.${s}`)), 'numbered');
  layout.gap(6);
  paragraph(layout, t('documents.mandate.term'));
  paragraph(layout, t('documents.mandate.statement'));
  layout.gap(10);
  drawSignature(layout, t('documents.label.signature.principal'), signature);
  facts(layout, [[t('documents.label.signedOn'), printedDay(t, chinaDay(input.issuedAt))]]);
  return finishDocument(frame, input.station);
}
