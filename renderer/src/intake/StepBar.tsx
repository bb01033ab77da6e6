import { useI18n } from '../i18n/i18n-context.ts';
import type { StepId } from './intake-state.ts';
import { STEP_KEYS } from './step-words.ts';

/** Where the applicant is: every step numbered; the ones already reached can be tapped to go back to. */
export function StepBar({ steps, current, reachable, onGo }: { steps: readonly StepId[]; current: StepId; reachable: number; onGo(step: StepId): void }) {
  const { t } = useI18n();
  return (
    <ol className="step-bar" data-testid="step-bar">
      {steps.map((s, i) => (
        <li key={s}>
          <button
            type="button"
            className={s === current ? 'step-bar__step is-current' : 'step-bar__step'}
            aria-current={s === current ? 'step' : undefined}
            data-testid={`step-${s}`}
            disabled={i > reachable}
            onClick={() => onGo(s)}
          >
            {t('ui.intake.stepNumber', { n: i + 1, name: t(STEP_KEYS[s]) })}
          </button>
        </li>
      ))}
    </ol>
  );
}
