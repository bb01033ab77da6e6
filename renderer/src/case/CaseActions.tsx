import { useState } from 'react';
import type { CaseSummary } from '../../../contract/domain/cases.ts';
import { ACTION_KEYS, CONFIRM_ACTIONS, orderSteps, type CaseAction } from '../desk/case-words.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import { DeliverChoice } from './DeliverChoice.tsx';

/** The next steps the core allows this clerk, one button each; 不予批准 and 撤回 ask again, 送达 asks how. */
export function CaseActions({ summary, steps, onDone }: { summary: CaseSummary; steps: readonly CaseAction[]; onDone(): void }) {
  const { t } = useI18n();
  const client = useClient();
  const [asking, setAsking] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const actions = orderSteps(steps);

  const run = (action: CaseAction, detail: Record<string, string> = {}) => {
    setBusy(true);
    setError(null);
    client.caseTransition({ caseNo: summary.caseNo, action, detail }).then(
      () => {
        setBusy(false);
        setAsking(null);
        onDone();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };

  const tap = (action: CaseAction) => {
    setError(null);
    if (action === 'deliver' || CONFIRM_ACTIONS.has(action)) setAsking(action);
    else run(action);
  };

  if (actions.length === 0) return null;
  return (
    <section className="case-section" data-testid="case-actions">
      <h2 className="section-title">{t('ui.case.next')}</h2>
      <div className="case-actions">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'reject' || a === 'withdraw' ? 'case-action case-action--grave' : 'case-action'}
            data-testid={`case-action-${a}`}
            disabled={busy}
            onClick={() => tap(a)}
          >
            {t(ACTION_KEYS[a])}
          </button>
        ))}
      </div>
      {asking === 'deliver' && <DeliverChoice busy={busy} onDeliver={(detail) => run('deliver', detail)} onCancel={() => setAsking(null)} />}
      {asking !== null && asking !== 'deliver' && (
        <div className="confirm-bar" data-testid="confirm-bar">
          <p className="confirm-bar__text">{t('ui.case.confirm', { action: t(ACTION_KEYS[asking]) })}</p>
          <button type="button" className="wide-button" data-testid="confirm-yes" disabled={busy} onClick={() => run(asking)}>
            {t('ui.case.confirm.yes')}
          </button>
          <button type="button" data-testid="confirm-no" onClick={() => setAsking(null)}>
            {t('ui.sheet.cancel')}
          </button>
        </div>
      )}
      {error !== null && <ErrorNotice error={error} testId="case-action-error" />}
    </section>
  );
}
