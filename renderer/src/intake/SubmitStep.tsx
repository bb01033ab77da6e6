import { useRef, useState, type Dispatch } from 'react';
import { dueText } from '../common/due-text.ts';
import { fenToYuan } from '../../../contract/domain/money.ts';
import { validationIssues } from '../common/remote-issues.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import { buildIntake } from './build-intake.ts';
import { sortIssues } from './form-issues.ts';
import type { IntakeAction, IntakeState } from './intake-state.ts';
import { IssueList } from './IssueList.tsx';

/**
 * 7. What will be submitted, in short, and 提交. The button is off while the call runs, a second tap in the same
 * instant is ignored, and the intake's one requestId makes any repeat the same case. A refused form goes back to
 * the form with every problem beside its field.
 */
export function SubmitStep({ state, dispatch }: { state: IntakeState; dispatch: Dispatch<IntakeAction> }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const input = buildIntake(state);
  const { other } = sortIssues(state.matter?.form, state.issues);
  const counts = { provided: 0, exempt: 0, promised: 0 };
  for (const c of Object.values(state.materials)) counts[c.status]++;
  const feeTotal = state.fees.reduce((sum, f) => sum + f.amountFen, 0);

  const submit = () => {
    if (input === null || inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setError(null);
    client.caseIntake(input).then(
      (result) => dispatch({ type: 'result', result }),
      (e: unknown) => {
        inFlight.current = false;
        setPending(false);
        const issues = validationIssues(e);
        dispatch({ type: 'issues', issues });
        if (sortIssues(state.matter?.form, issues).byField.size > 0) dispatch({ type: 'go', step: 'form' });
        else setError(e);
      },
    );
  };

  return (
    <div className="intake-submit" data-testid="intake-submit-step">
      <dl className="case-facts">
        <div className="case-fact">
          <dt>{t('ui.case.applicant')}</dt>
          <dd data-testid="submit-applicant">{state.card?.name}</dd>
        </div>
        <div className="case-fact">
          <dt>{t('ui.case.matter')}</dt>
          <dd>{state.matter?.name}</dd>
        </div>
        {state.check !== null && (
          <div className="case-fact">
            <dt>{t('ui.case.due')}</dt>
            <dd>{dueText(t, locale, state.check.dueDate, state.check.dueProvisional)}</dd>
          </div>
        )}
        <div className="case-fact">
          <dt>{t('ui.case.materials')}</dt>
          <dd>{t('ui.submit.materials', counts)}</dd>
        </div>
        {state.proxy && (
          <div className="case-fact">
            <dt>{t('ui.case.proxy')}</dt>
            <dd>{t('ui.fee.total', { amount: fenToYuan(feeTotal) })}</dd>
          </div>
        )}
      </dl>
      {other.length > 0 && <IssueList issues={other} />}
      {error !== null && <ErrorNotice error={error} testId="submit-error" />}
      <button
        type="button"
        className="wide-button intake-submit__button"
        data-testid="intake-submit"
        disabled={input === null || pending}
        onClick={submit}
      >
        {t(pending ? 'ui.submit.pending' : 'ui.submit.button')}
      </button>
    </div>
  );
}
