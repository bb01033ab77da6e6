import type { Material } from '../../../contract/domain/catalog.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import type { MaterialChoice } from './intake-state.ts';
import { EXEMPTION_KEYS } from './material-words.ts';

/** 免交: only the exemptions the catalogue lists for this material, each with its reason and where the data is. */
export function ExemptionChoices({ material, onChoose, onCancel }: { material: Material; onChoose(choice: MaterialChoice): void; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div className="material-options" data-testid="exemption-choices">
      {material.exemptions.map((e, i) => (
        <button
          key={`${e.kind}:${i}`}
          type="button"
          className="option"
          data-testid="exemption-choice"
          data-kind={e.kind}
          onClick={() => onChoose({ status: 'exempt', exemption: e.kind, ...(e.source ? { source: e.source } : {}) })}
        >
          <span className="option__title">{t(EXEMPTION_KEYS[e.kind])}</span>
          <span className="option__line">{e.reason}</span>
          {e.source !== undefined && <span className="option__line">{t('ui.guide.material.source', { source: e.source })}</span>}
        </button>
      ))}
      <button type="button" data-testid="option-cancel" onClick={onCancel}>
        {t('ui.sheet.cancel')}
      </button>
    </div>
  );
}
