import { useState } from 'react';
import type { FormField } from '../../../../contract/domain/forms.ts';
import { useI18n } from '../../i18n/i18n-context.ts';
import { keyboardFor } from '../../keys/keyboard-kind.ts';
import { KeyboardSheet } from '../../keys/KeyboardSheet.tsx';

type TextFieldSpec = Extract<FormField, { type: 'text' }>;

/** A short text, typed on the screen with the keys its pattern calls for: the number pad for a phone number. */
export function TextField({ field, value, onChange }: { field: TextFieldSpec; value: unknown; onChange(value: string | undefined): void }) {
  const { t } = useI18n();
  const [typing, setTyping] = useState(false);
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="field-value">
      <output className="field-value__text" data-testid="field-value" data-value={text}>
        {text === '' ? t('ui.form.notFilled') : text}
      </output>
      <button type="button" className="field-value__edit" data-testid="field-edit" onClick={() => setTyping(true)}>
        {t(text === '' ? 'ui.form.fill' : 'ui.form.change')}
      </button>
      {text !== '' && (
        <button type="button" data-testid="field-clear" onClick={() => onChange(undefined)}>
          {t('ui.form.clear')}
        </button>
      )}
      {typing && (
        <KeyboardSheet
          title={field.label}
          hint={field.patternHint ?? field.hint}
          initial={text}
          maxLength={field.maxLength}
          kinds={[keyboardFor(field.pattern)]}
          onCancel={() => setTyping(false)}
          onDone={(v) => {
            setTyping(false);
            onChange(v.trim() === '' ? undefined : v);
          }}
        />
      )}
    </div>
  );
}
