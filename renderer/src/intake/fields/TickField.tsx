import type { FormField } from '../../../../contract/domain/forms.ts';
import { useI18n } from '../../i18n/i18n-context.ts';

/** A √ to tick: one big toggle holding the whole sentence. */
export function TickField({ field, value, onChange }: { field: FormField; value: unknown; onChange(value: boolean | undefined): void }) {
  const { t } = useI18n();
  const ticked = value === true;
  return (
    <button
      type="button"
      className="tick"
      aria-pressed={ticked}
      data-testid="tick"
      onClick={() => onChange(ticked ? undefined : true)}
    >
      <span className="tick__box" aria-hidden="true">
        {ticked ? '✓' : ''}
      </span>
      <span className="tick__label">
        {field.label}
        {field.required && <span className="form-field__required">{t('ui.form.required')}</span>}
      </span>
    </button>
  );
}
