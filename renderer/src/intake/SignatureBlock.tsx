import type { Attachment } from '../../../contract/api/devices.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { SavedSignature } from '../signature/SavedSignature.tsx';
import { SignaturePanel } from '../signature/SignaturePanel.tsx';
import { useWindowPad } from './use-window-pad.ts';
import '../styles/devices.css';

/**
 * A signature for the intake: on the window's pad when there is one (or the touch screen), only the touch screen
 * at the kiosk. Once kept, it shows as stored, with 再签一次.
 */
export function SignatureBlock({
  signature,
  usePad,
  onSigned,
}: {
  signature: Attachment | null;
  usePad: boolean;
  onSigned(attachment: Attachment | null): void;
}) {
  const { t } = useI18n();
  const pad = useWindowPad(usePad);
  if (signature !== null) return <SavedSignature attachment={signature} onAgain={() => onSigned(null)} />;
  if (pad === undefined) {
    return (
      <p className="call-status" role="status">
        {t('ui.loading')}
      </p>
    );
  }
  return <SignaturePanel pad={usePad ? pad : null} onSaved={onSigned} />;
}
