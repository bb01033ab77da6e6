import type { Attachment } from '../../../contract/api/devices.ts';
import { AttachmentImage } from '../devices/AttachmentImage.tsx';
import { useI18n } from '../i18n/i18n-context.ts';

/** The signature as stored: the core's preview of it and the start of its sha256, to match it later. */
export function SavedSignature({ attachment, onAgain }: { attachment: Attachment; onAgain(): void }) {
  const { t } = useI18n();
  return (
    <div className="signature-saved" data-testid="signature-saved" data-sha256={attachment.sha256}>
      <AttachmentImage sha256={attachment.sha256} className="signature-saved__image" />
      <p className="signature-saved__text" role="status">
        {t('ui.signature.saved')}
      </p>
      <p className="signature-saved__hash" data-testid="signature-sha">
        {t('ui.attachment.hash', { hash: attachment.sha256.slice(0, 12) })}
      </p>
      <button type="button" className="wide-button" data-testid="signature-again" onClick={onAgain}>
        {t('ui.signature.again')}
      </button>
    </div>
  );
}
