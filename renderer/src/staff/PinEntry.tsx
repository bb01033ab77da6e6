import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { DigitPad } from '../keys/DigitPad.tsx';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import '../styles/window.css';

const MAX_PIN = 12;
const MIN_PIN = 4;

/**
 * A PIN on a big number pad, shown as dots: signing in, or a clerk confirming a decision of theirs with it. A wrong
 * PIN is the catalogue's message with the tries left; a locked account says how long to wait. The PIN is forgotten
 * after every attempt.
 */
export function PinEntry({
  who,
  submitLabel,
  pendingLabel,
  onSubmit,
  onBack,
  backLabel,
  ready = true,
  submitTestId = 'login-submit',
  errorTestId = 'login-error',
}: {
  /** Whose PIN, or what it confirms. */
  who: string;
  submitLabel: string;
  pendingLabel: string;
  /** Uses the PIN; a rejection is shown and the PIN emptied. */
  onSubmit(pin: string): Promise<unknown>;
  onBack?(): void;
  backLabel?: string;
  /** Whether what the PIN confirms is complete (a reason chosen, say). */
  ready?: boolean;
  submitTestId?: string;
  errorTestId?: string;
}) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    onSubmit(pin).then(
      () => {
        setPin('');
        setBusy(false);
      },
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
          {who}
        </p>
        <PinDots length={pin.length} />
        {error !== null && <ErrorNotice error={error} testId={errorTestId} />}
        <button
          type="button"
          className="wide-button"
          data-testid={submitTestId}
          disabled={busy || !ready || pin.length < MIN_PIN}
          onClick={submit}
        >
          {busy ? pendingLabel : submitLabel}
        </button>
        {onBack !== undefined && backLabel !== undefined && (
          <button type="button" className="pin-entry__back" data-testid="pin-back" onClick={onBack}>
            {backLabel}
          </button>
        )}
      </div>
      <DigitPad
        onKey={(k) => setPin((p) => (p.length < MAX_PIN ? p + k : p))}
        onDelete={() => setPin((p) => p.slice(0, -1))}
        onClear={() => setPin('')}
      />
    </div>
  );
}

function PinDots({ length }: { length: number }) {
  const { t } = useI18n();
  return (
    <output className="pin-entry__dots" data-testid="pin-dots" data-length={length}>
      {length === 0 ? t('ui.staff.pinEmpty') : '●'.repeat(length)}
    </output>
  );
}
