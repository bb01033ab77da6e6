import { useState, type Dispatch } from 'react';
import { timeLimitText } from '../guide/matter-words.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import { ApplicantCheckPanel } from './ApplicantCheckPanel.tsx';
import type { IntakeAction, IntakeState } from './intake-state.ts';
import { MatterSearch } from './MatterSearch.tsx';

/** 2. Which matter: searched in the catalogue; then the promised date and whether 容缺 is open, and why not. */
export function MatterStep({ state, dispatch, checkError }: { state: IntakeState; dispatch: Dispatch<IntakeAction>; checkError: unknown }) {
  const { t } = useI18n();
  const client = useClient();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const pick = (code: string) => {
    setLoading(true);
    setError(null);
    client.catalogGuide({ code }).then(
      (guide) => {
        setLoading(false);
        dispatch({ type: 'matter', matter: guide.matter });
      },
      (e: unknown) => {
        setLoading(false);
        setError(e);
      },
    );
  };

  if (state.matter === null) {
    return (
      <div className="intake-matter" data-testid="intake-matter">
        {loading && (
          <p className="call-status" role="status">
            {t('ui.loading')}
          </p>
        )}
        {error !== null && <ErrorNotice error={error} testId="matter-error" />}
        <MatterSearch onPick={pick} />
      </div>
    );
  }
  const m = state.matter;
  return (
    <div className="intake-matter" data-testid="intake-matter" data-code={m.code}>
      <p className="intake-matter__name" data-testid="intake-matter-name">
        {m.name}
      </p>
      <p className="intake-matter__facts">
        {t('ui.label.value', { label: t('guide.label.timeLimit'), value: timeLimitText(t, m.timeLimit) })}
        {m.proxyAllowed && ` · ${t('guide.service.proxy.yes')}`}
      </p>
      <ApplicantCheckPanel state={state} error={checkError} />
      <button type="button" className="intake-matter__change" data-testid="intake-matter-change" onClick={() => dispatch({ type: 'matter', matter: null })}>
        {t('ui.intake.matter.change')}
      </button>
    </div>
  );
}
