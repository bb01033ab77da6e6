import { dueText } from '../common/due-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import type { IntakeState } from './intake-state.ts';

/**
 * Before the form: the promised date, whether the applicant meets the conditions the station decides (age,
 * household), and whether 容缺 is open to them for this matter, and why not.
 */
export function ApplicantCheckPanel({ state, error }: { state: IntakeState; error: unknown }) {
  const { t, locale } = useI18n();
  const { check, matter } = state;
  if (error !== null) return <ErrorNotice error={error} testId="check-error" />;
  if (check === null || matter === null) {
    return (
      <p className="call-status" role="status">
        {t('ui.loading')}
      </p>
    );
  }
  const why = check.blacklisted
    ? t('ui.check.rongque.blacklisted', { reason: check.reason ?? '' })
    : matter.rongque
      ? null
      : t('ui.check.rongque.notForMatter');
  return (
    <dl className="check-panel" data-testid="applicant-check" data-rongque={check.rongque}>
      <div className="check-panel__row">
        <dt>{t('ui.case.due')}</dt>
        <dd data-testid="check-due" data-date={check.dueDate} data-provisional={check.dueProvisional}>
          {dueText(t, locale, check.dueDate, check.dueProvisional)}
        </dd>
      </div>
      {(matter.eligibility ?? []).length > 0 && (
        <div className="check-panel__row">
          <dt>{t('ui.check.eligibility')}</dt>
          <dd
            data-testid="check-eligibility"
            data-eligible={check.ineligible.length === 0}
            className={check.ineligible.length === 0 ? 'check-panel__open' : 'check-panel__closed'}
            role={check.ineligible.length === 0 ? undefined : 'alert'}
          >
            {check.ineligible.length === 0 ? t('ui.check.eligibility.met') : check.ineligible.map((f) => t(f.code, f.params)).join(' ')}
          </dd>
        </div>
      )}
      {state.channel === 'window' && (
        <div className="check-panel__row">
          <dt>{t('ui.check.rongque')}</dt>
          <dd data-testid="check-rongque" className={check.rongque ? 'check-panel__open' : 'check-panel__closed'}>
            {check.rongque ? t('ui.check.rongque.open') : t('ui.check.rongque.closed', { why: why ?? '' })}
          </dd>
        </div>
      )}
    </dl>
  );
}
