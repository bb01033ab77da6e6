import type { Dispatch } from 'react';
import type { EligibilityFailure } from '../../../contract/domain/eligibility.ts';
import { useSpokenText } from '../speech/use-spoken-text.ts';
import { IdCardPanel } from '../idcard/IdCardPanel.tsx';
import { IdentityForm } from '../idcard/IdentityForm.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import { cardProblem } from './intake-steps.ts';
import type { IntakeAction, IntakeState } from './intake-state.ts';
import '../styles/devices.css';

/**
 * 1. The ID card on the reader fills in the applicant. A card the reader refuses (expired, not an ID card) shows
 * its message and goes no further; a number that fails its check stops here too.
 */
export function CardStep({ state, dispatch }: { state: IntakeState; dispatch: Dispatch<IntakeAction> }) {
  const { t } = useI18n();
  if (state.card === null) {
    return (
      <div className="intake-card" data-testid="intake-card">
        <p className="hint">{t('ui.intake.card.hint')}</p>
        <IdCardPanel onRead={(card) => dispatch({ type: 'card', card })} />
      </div>
    );
  }
  const problem = cardProblem(state.card);
  return (
    <div className="intake-card" data-testid="intake-card" data-read="true">
      {problem !== null && (
        <p className="call-status call-status--error" role="alert" data-testid="intake-card-problem">
          {t(problem)}
        </p>
      )}
      <button type="button" className="intake-card__again" data-testid="intake-card-again" onClick={() => dispatch({ type: 'card', card: null })}>
        {t('ui.idcard.readAgain')}
      </button>
      {state.check !== null && state.check.ineligible.length > 0 && <Ineligible failures={state.check.ineligible} />}
      <IdentityForm card={state.card} />
    </div>
  );
}

/** The conditions this villager fails, said aloud as well: the application goes no further. */
function Ineligible({ failures }: { failures: EligibilityFailure[] }) {
  const { t } = useI18n();
  const text = failures.map((f) => t(f.code, f.params)).join(' ');
  useSpokenText(text);
  return (
    <p className="call-status call-status--error" role="alert" data-testid="intake-ineligible" data-codes={failures.map((f) => f.code).join(' ')}>
      {text}
    </p>
  );
}
