import { useI18n } from '../i18n/i18n-context.ts';

/** 上一步 · 下一步 at the foot of every step. */
export function StepNav({ onBack, onNext, canNext }: { onBack: (() => void) | null; onNext: (() => void) | null; canNext: boolean }) {
  const { t } = useI18n();
  return (
    <div className="step-nav">
      {onBack !== null && (
        <button type="button" className="step-nav__back" data-testid="step-back" onClick={onBack}>
          {t('ui.intake.back')}
        </button>
      )}
      <span className="step-nav__spacer" />
      {onNext !== null && (
        <button type="button" className="wide-button step-nav__next" data-testid="step-next" disabled={!canNext} onClick={onNext}>
          {t('ui.intake.next')}
        </button>
      )}
    </div>
  );
}
