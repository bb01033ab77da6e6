import type { Dispatch } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { FormFieldView } from './fields/FormFieldView.tsx';
import { sortIssues } from './form-issues.ts';
import type { IntakeAction, IntakeState } from './intake-state.ts';
import { IssueList } from './IssueList.tsx';

/**
 * 3. The application form, filled from the card where it can be (少填): ticks and choices as big buttons, dates on a
 * month page, texts on the screen's keys. After a refused 提交 every problem shows at once beside its field.
 */
export function FormStep({ state, dispatch }: { state: IntakeState; dispatch: Dispatch<IntakeAction> }) {
  const { t } = useI18n();
  const form = state.matter?.form;
  if (!form) return <p className="hint">{t('ui.intake.form.none')}</p>;
  const { byField, other } = sortIssues(form, state.issues);
  return (
    <div className="intake-form" data-testid="intake-form" data-issues={byField.size}>
      {byField.size > 0 && (
        <p className="intake-form__banner" role="alert" data-testid="form-issues-banner">
          {t('ui.intake.form.issues', { count: byField.size })}
        </p>
      )}
      {other.length > 0 && <IssueList issues={other} />}
      <ScrollArea>
        <div className="form-fields">
          {form.fields.map((f) => (
            <FormFieldView
              key={f.id}
              field={f}
              value={state.form[f.id]}
              issue={byField.get(f.id)}
              onChange={(value) => dispatch({ type: 'field', id: f.id, value })}
            />
          ))}
        </div>
      </ScrollArea>
    </div>
  );
}
