import { useState } from 'react';
import type { FormField } from '../../../../contract/domain/forms.ts';
import { dayText } from '../../common/day-text.ts';
import { useI18n } from '../../i18n/i18n-context.ts';
import { DateSheet } from '../../keys/DateSheet.tsx';

/** A date, picked on a month page; never typed. */
export function DateField({ field, value, onChange }: { field: FormField; value: unknown; onChange(value: string | undefined): void }) {
  const { t, locale } = useI18n();
  const [picking, setPicking] = useState(false);
  const day = typeof value === 'string' && value !== '' ? value : null;
  return (
    <div className="field-value">
      <output className="field-value__text" data-testid="field-value" data-value={day ?? ''}>
        {day === null ? t('ui.form.notChosen') : dayText(locale, day)}
      </output>
      <button type="button" className="field-value__edit" data-testid="field-edit" onClick={() => setPicking(true)}>
        {t(day === null ? 'ui.form.pickDate' : 'ui.form.change')}
      </button>
      {day !== null && !field.required && (
        <button type="button" data-testid="field-clear" onClick={() => onChange(undefined)}>
          {t('ui.form.clear')}
        </button>
      )}
      {picking && (
        <DateSheet
          title={field.label}
          initial={day}
          onCancel={() => setPicking(false)}
          onDone={(d) => {
            setPicking(false);
            onChange(d);
          }}
        />
      )}
    </div>
  );
}
