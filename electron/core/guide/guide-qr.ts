import type { Matter } from '../../../contract/domain/catalog.ts';
import { guideTerms } from './guide-terms.ts';

/**
 * Most a guide QR code carries. Past ~1000 bytes the symbol needs so many modules that a village laser printer and
 * an old phone camera stop agreeing on it.
 */
export const QR_TEXT_MAX_BYTES = 1000;

const ELLIPSIS = '…';
const encoder = new TextEncoder();
const bytes = (s: string): number => encoder.encode(s).length;

/**
 * What the guide's QR code holds: the public link of the guide when there is one (`publicUrl`, else the matter's
 * own), or else a compact text version — name and code first, so a cut-off text still says which matter to ask
 * for, then time limit, fees, conditions and materials.
 */
export function guideQrPayload(matter: Matter, publicUrl?: string): string {
  const url = publicUrl ?? matter.publicUrl;
  if (url !== undefined) return url;

  const g = guideTerms();
  const { t } = g;
  const row = (label: string, value: string): string => t('guide.text.row', { label: t(label), value });
  const materials = matter.materials.map((mat) =>
    t('guide.text.material', {
      name: mat.name,
      form: g.form(mat),
      count: g.count(mat),
      requirement: mat.exemptions.length > 0 ? t('guide.exemption.short') : g.requirement(mat),
    }),
  );
  const head = [matter.name, row('guide.label.code', matter.code)].join('\n');
  // Short facts before the long lists, so a cut shortens a list rather than dropping a fact.
  const body = [
    row('guide.label.timeLimit', g.timeLimit(matter)),
    row('guide.label.fees', g.fees(matter)),
    row('guide.label.conditions', g.join(matter.conditions)),
    row('guide.label.materials', materials.length > 0 ? g.join(materials) : t('guide.material.none')),
  ].join('\n');
  return `${head}\n${truncateUtf8(body, QR_TEXT_MAX_BYTES - bytes(head) - 1)}`;
}

/** Cuts `text` to at most `max` UTF-8 bytes at a character boundary, ending with "…" when anything was cut. */
export function truncateUtf8(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  let kept = '';
  let size = bytes(ELLIPSIS);
  for (const ch of text) {
    size += bytes(ch);
    if (size > max) break;
    kept += ch;
  }
  // A cut right after a separator or line break would leave a dangling "；…".
  return kept.replace(/[\s；;，,、：:]+$/u, '') + ELLIPSIS;
}

/** The whole guide as plain Chinese text, one element per line (read aloud at the kiosk). */
export function guideText(matter: Matter): string {
  const g = guideTerms();
  const { t } = g;
  const row = (label: string, value: string): string => t('guide.text.row', { label: t(label), value });
  const section = (label: string, items: readonly string[]): string[] => [
    t('guide.text.section', { label: t(label) }),
    ...items.map((item, i) => `${i + 1}. ${item}`),
  ];
  const materials = matter.materials.flatMap((mat, i) => [
    `${i + 1}. ${t('guide.text.material', { name: mat.name, form: g.form(mat), count: g.count(mat), requirement: g.requirement(mat) })}`,
    ...mat.exemptions.map((e) => `   ${g.exemption(e)}`),
    ...(mat.note === undefined ? [] : [`   ${t('guide.material.note', { note: mat.note })}`]),
  ]);

  return [
    t('guide.text.title', { name: matter.name }),
    row('guide.label.shortName', matter.shortName),
    row('guide.label.code', matter.code),
    row('guide.label.type', matter.type),
    row('guide.label.department', matter.department),
    row('guide.label.level', g.level(matter)),
    row('guide.label.timeLimit', g.timeLimit(matter)),
    row('guide.label.fees', g.fees(matter)),
    row('guide.label.service', g.join(g.service(matter))),
    ...section('guide.label.legalBasis', matter.legalBasis),
    ...section('guide.label.conditions', matter.conditions),
    t('guide.text.section', { label: t('guide.label.materials') }),
    ...(materials.length > 0 ? materials : [t('guide.material.none')]),
    ...section('guide.label.steps', matter.steps.map(g.step)),
    row('guide.label.tags', g.join(matter.tags)),
  ].join('\n');
}
