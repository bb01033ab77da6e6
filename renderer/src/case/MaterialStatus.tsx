import type { CaseDetail } from '../../../contract/domain/cases.ts';
import { dayText } from '../common/day-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { EXEMPTION_KEYS } from '../intake/material-words.ts';

type CaseMaterial = CaseDetail['materials'][number];

/** How a material of a case stands, in words: handed in, waived and why, owed by when, supplied later. */
export function MaterialStatus({ material }: { material: CaseMaterial }) {
  const { t, locale } = useI18n();
  const m = material;
  let text: string;
  switch (m.status) {
    case 'provided':
      text = m.pages.length === 0 ? t('ui.material.seen') : t('ui.material.pages', { count: m.pages.length });
      break;
    case 'supplied':
      text = t('ui.material.supplied', { count: m.pages.length });
      break;
    case 'exempt':
      text = t('ui.material.exempt', { kind: m.exemption === null ? '' : t(EXEMPTION_KEYS[m.exemption]) });
      if (m.source !== null) text += ` ${t('ui.guide.material.source', { source: m.source })}`;
      break;
    case 'promised':
      text = t('ui.material.promised', { date: m.dueDate === null ? '' : dayText(locale, m.dueDate) });
      break;
  }
  return (
    <span className={`material-status material-status--${m.status}`} data-testid="material-status" data-status={m.status}>
      {text}
    </span>
  );
}
