import type { IdentityCard } from '../../../contract/domain/identity.ts';
import { useI18n } from '../i18n/i18n-context.ts';

/** The card photo when the reader vendor's library decoded it; otherwise why it cannot be shown. */
export function IdentityPhoto({ photo }: { photo: IdentityCard['photo'] }) {
  const { t } = useI18n();
  if (photo.decoded !== null) {
    return (
      <img
        className="identity-photo"
        data-testid="identity-photo"
        data-state="decoded"
        src={`data:${photo.decoded.mime};base64,${photo.decoded.base64}`}
        alt={t('ui.identity.photo')}
      />
    );
  }
  const failed = photo.unavailableReason === 'idcard.photo-decode-failed';
  return (
    <p className="identity-photo identity-photo--none" data-testid="identity-photo" data-state="unavailable">
      {t(failed ? 'ui.identity.photo.failed' : 'ui.identity.photo.noDecoder')}
    </p>
  );
}
