import { useEffect, useRef, useState } from 'react';
import { StationError } from '../../../contract/domain/errors.ts';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import type { CallState } from '../station/use-call.ts';
import { useClient } from '../station/client-context.ts';
import { IdentityForm } from './IdentityForm.tsx';

/** While the reader says there is no card, it is asked again this often, so a card laid down is noticed by itself. */
const NO_CARD_RETRY_MS = 1500;

const noCard = (state: CallState<IdentityCard>) => state.status === 'error' && state.error instanceof StationError && state.error.code === 'idcard.no-card';

/**
 * Reads the card on the reader as soon as it opens, then fills the form; a failure is the catalogue message of
 * its code (no card, expired, not a resident card, unplugged…), which already says what to do. With no card on the
 * reader it looks again by itself, quietly (the message stays until a card is there); 重新读卡 reads again at once.
 */
export function IdCardPanel({ onRead }: { onRead?(card: IdentityCard): void }) {
  const { t } = useI18n();
  const client = useClient();
  const [attempt, setAttempt] = useState(0);
  const [read, setRead] = useState<CallState<IdentityCard>>({ status: 'loading' });
  const report = useRef(onRead);
  useEffect(() => {
    report.current = onRead;
  }, [onRead]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const once = (quiet: boolean) => {
      if (!quiet) setRead({ status: 'loading' });
      client.idcardRead({}).then(
        ({ card, visit }) => {
          if (!live) return;
          // At the kiosk the core binds this villager's visit to the card it read; the later calls carry it.
          client.setVisit(visit);
          setRead({ status: 'ok', value: card });
          report.current?.(card);
        },
        (error: unknown) => {
          if (!live) return;
          const next: CallState<IdentityCard> = { status: 'error', error };
          // Still no card: keep the same message on screen and look again in a moment.
          if (!(quiet && noCard(next))) setRead(next);
          if (noCard(next)) timer = setTimeout(() => once(true), NO_CARD_RETRY_MS);
        },
      );
    };
    once(false);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, attempt]);

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
