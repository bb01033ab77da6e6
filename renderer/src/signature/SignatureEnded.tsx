import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';

/** Signing stopped, cancelled or failed: why, and a button to sign again. */
export function SignatureEnded({ error, onAgain }: { error: unknown; onAgain(): void }) {
  const { t } = useI18n();
  return (
    <div className="signature-ended">
      {error === null ? (
        <p className="call-status" role="status" data-testid="signature-cancelled">
          {t('ui.signature.cancelled')}
        </p>
      ) : (
        <ErrorNotice error={error} testId="signature-error" />
      )}
      <button type="button" className="wide-button" data-testid="signature-again" onClick={onAgain}>
        {t('ui.signature.again')}
      </button>
    </div>
  );
}
