import { dueText } from '../common/due-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { useCall } from '../station/use-call.ts';
import { PROGRESS_STATE_KEYS } from './progress-words.ts';

/** The villager's own cases, newest first: what, its number, where it stands in plain words, and its date. */
export function ProgressList({ idNumber }: { idNumber: string }) {
  const { t, locale } = useI18n();
  const cases = useCall((client) => client.caseProgress({ idNumber }), [idNumber]);
  if (cases.status !== 'ok') return <CallStatus state={cases} />;
  if (cases.value.length === 0) {
    return (
      <p className="hint" data-testid="progress-none">
        {t('ui.progress.none')}
      </p>
    );
  }
  return (
    <ul className="progress-list" data-testid="progress-list">
      {cases.value.map((c) => (
        <li key={c.caseNo} className="progress-item" data-testid="progress-item" data-case-no={c.caseNo} data-state={c.state}>
          <span className="progress-item__matter">{c.matterName}</span>
          <span className={`case-state case-state--${c.state} progress-item__state`} data-testid="progress-state">
            {t(PROGRESS_STATE_KEYS[c.state])}
          </span>
          <span className="progress-item__line">{t('ui.label.value', { label: t('ui.receipt.caseNo'), value: c.caseNo })}</span>
          <span className="progress-item__line" data-testid="progress-due" data-date={c.dueDate} data-provisional={c.dueProvisional}>
            {t('ui.label.value', { label: t('ui.case.due'), value: dueText(t, locale, c.dueDate, c.dueProvisional) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
