import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { DigitPad } from '../keys/DigitPad.tsx';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import type { StaffSession } from './staff-context.ts';

const MAX_PIN = 12;
const MIN_PIN = 4;

/**
 * The PIN on a big number pad, shown as dots. A wrong PIN is the catalogue's message with the tries left; a locked
 * account says how long to wait. The PIN is forgotten after every attempt.
 */
export function PinEntry({
  staff,
  onSignedIn,
  onBack,
}: {
  staff: { id: number; name: string };
  onSignedIn(session: StaffSession): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const login = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    client.staffLogin({ staffId: staff.id, pin }).then(
      (session) => onSignedIn(session),
      (e: unknown) => {
        setPin('');
        setError(e);
        setBusy(false);
      },
    );
  };

  return (
    <div className="pin-entry" data-testid="pin-entry">
      <div className="pin-entry__side">
        <p className="pin-entry__who" data-testid="pin-who">
          {t('ui.staff.pinFor', { name: staff.name })}
        </p>
        <output className="pin-entry__dots" data-testid="pin-dots" data-length={pin.length}>
          {pin.length === 0 ? t('ui.staff.pinEmpty') : '●'.repeat(pin.length)}
        </output>
        {error !== null && <ErrorNotice error={error} testId="login-error" />}
        <button
          type="button"
          className="wide-button"
          data-testid="login-submit"
          disabled={busy || pin.length < MIN_PIN}
          onClick={login}
        >
          {t(busy ? 'ui.staff.signingIn' : 'ui.staff.signIn')}
        </button>
        <button type="button" className="pin-entry__back" data-testid="pin-back" onClick={onBack}>
          {t('ui.staff.otherPerson')}
        </button>
      </div>
      <DigitPad
        onKey={(k) => setPin((p) => (p.length < MAX_PIN ? p + k : p))}
        onDelete={() => setPin((p) => p.slice(0, -1))}
        onClear={() => setPin('')}
      />
    </div>
  );
}
