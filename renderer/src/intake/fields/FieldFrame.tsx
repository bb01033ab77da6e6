import type { ReactNode } from 'react';
import type { FormField } from '../../../../contract/domain/forms.ts';
import { useI18n } from '../../i18n/i18n-context.ts';

/** One question of the form: its label (必填 marked), the hint under it, the answer, and the core's complaint. */
export function FieldFrame({ field, issue, children }: { field: FormField; issue: string | undefined; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section
      className={issue === undefined ? 'form-field' : 'form-field form-field--invalid'}
      data-testid={`field-${field.id}`}
      data-field-type={field.type}
      data-invalid={issue !== undefined}
    >
      {field.type !== 'tick' && (
        <h3 className="form-field__label">
          {field.label}
          {field.required && <span className="form-field__required">{t('ui.form.required')}</span>}
        </h3>
      )}
      {field.hint !== undefined && <p className="form-field__hint">{field.hint}</p>}
      {children}
      {issue !== undefined && (
        <p className="form-field__issue" role="alert" data-testid="field-issue">
          {issue}
        </p>
      )}
    </section>
  );
}
