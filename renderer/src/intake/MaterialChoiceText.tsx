import type { Material } from '../../../contract/domain/catalog.ts';
import { dayText } from '../common/day-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import type { MaterialChoice } from './intake-state.ts';
import { EXEMPTION_KEYS } from './material-words.ts';

/** Where a material stands in this intake, in one line: pages taken, waived and why, promised by when, missing. */
export function MaterialChoiceText({ material, choice }: { material: Material; choice: MaterialChoice | undefined }) {
  const { t, locale } = useI18n();
  let text: string;
  if (choice === undefined) {
    text = t(material.requirement === 'required' ? 'ui.material.missing.required' : 'ui.material.missing.secondary');
  } else if (choice.status === 'provided') {
    text = choice.pages.length === 0 ? t('ui.material.seen') : t('ui.material.pages', { count: choice.pages.length });
  } else if (choice.status === 'exempt') {
    const reason = material.exemptions.find((e) => e.kind === choice.exemption)?.reason ?? '';
    text = t('ui.material.exemptBecause', { kind: t(EXEMPTION_KEYS[choice.exemption]), reason });
  } else {
    text = t('ui.material.promised', { date: dayText(locale, choice.dueDate) });
  }
  return (
    <p
      className={choice === undefined ? `material-choice material-choice--missing-${material.requirement}` : 'material-choice'}
      data-testid="material-choice"
      data-status={choice?.status ?? 'missing'}
    >
      {text}
    </p>
  );
}
