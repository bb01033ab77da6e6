import { useState } from 'react';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useCall } from '../station/use-call.ts';
import { IdentityForm } from './IdentityForm.tsx';

/**
 * Reads the card on the reader as soon as it opens, then fills the form; a failure is the catalogue message of
 * its code (no card, expired, not a resident card, unplugged…), which already says what to do. 重新读卡 reads again.
 */
export function IdCardPanel({ onRead }: { onRead?(card: IdentityCard): void }) {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const read = useCall(
    (client) =>
      client.idcardRead({}).then(({ card, visit }) => {
        // At the kiosk the core binds this villager's visit to the card it read; the later calls carry it.
        client.setVisit(visit);
        onRead?.(card);
        return card;
      }),
    [attempt],
  );
  return (
    <div className="idcard-panel" data-testid="idcard-panel" data-state={read.status}>
      {read.status === 'loading' && (
        <p className="call-status" role="status" data-testid="idcard-status">
          {t('ui.idcard.reading')}
        </p>
      )}
      {read.status === 'error' && <ErrorNotice error={read.error} testId="idcard-error" />}
      {read.status === 'ok' && <IdentityForm card={read.value} />}
      <button
        type="button"
        className="wide-button"
        data-testid="idcard-read"
        disabled={read.status === 'loading'}
        onClick={() => setAttempt((a) => a + 1)}
      >
        {t('ui.idcard.readAgain')}
      </button>
    </div>
  );
}
