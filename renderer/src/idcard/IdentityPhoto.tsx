import type { IdentityCard } from '../../../contract/domain/identity.ts';
import { useI18n } from '../i18n/i18n-context.ts';

/**
 * The card photo when the reader vendor's library decoded it; a photo that failed to decode says so. With no decoder
 * installed there is nothing to say to the person at the screen: the technician page shows the decoder's state.
 */
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
  if (photo.unavailableReason !== 'idcard.photo-decode-failed') return null;
  return (
    <p className="identity-photo identity-photo--none" data-testid="identity-photo" data-state="unavailable">
      {t('ui.identity.photo.failed')}
    </p>
  );
}
