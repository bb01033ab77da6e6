import { useState } from 'react';
import type { Attachment, DeviceStatus } from '../../../contract/api/devices.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { PadSignature } from './PadSignature.tsx';
import { SavedSignature } from './SavedSignature.tsx';
import { TouchSignature } from './TouchSignature.tsx';

type Mode = 'pad' | 'touch';

/** A pad that cannot take a signature now: none, unplugged, or unusable on this computer. */
export function padUsable(pad: DeviceStatus | null): pad is DeviceStatus {
  return pad !== null && pad.state !== 'absent' && pad.state !== 'unavailable';
}

/** Why the pad cannot be used, in the pad catalogue's words (which offer the touch screen). */
const PAD_MISSING_KEYS: Partial<Record<DeviceStatus['state'], string>> = {
  absent: 'sigpad.absent',
  unavailable: 'sigpad.unavailable',
};

/**
 * Where a villager signs: on the USB pad when there is one that works, else on the touch screen; both ways are
 * offered when there is a pad. After 确认 it shows the stored signature and its sha256.
 */
export function SignaturePanel({ pad, onSaved }: { pad: DeviceStatus | null; onSaved?(attachment: Attachment): void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>(padUsable(pad) ? 'pad' : 'touch');
  const [saved, setSaved] = useState<Attachment | null>(null);
  const [round, setRound] = useState(0);
  const missing = pad === null ? undefined : PAD_MISSING_KEYS[pad.state];

  const keep = (attachment: Attachment) => {
    setSaved(attachment);
    onSaved?.(attachment);
  };

  return (
    <div className="signature-panel" data-testid="signature-panel" data-mode={mode}>
      {pad !== null && saved === null && (
        <div className="signature-panel__modes" role="group">
          <button
            type="button"
            data-testid="signature-mode-pad"
            aria-pressed={mode === 'pad'}
            disabled={!padUsable(pad)}
            onClick={() => setMode('pad')}
          >
            {t('ui.signature.mode.pad')}
          </button>
          <button
            type="button"
            data-testid="signature-mode-touch"
            aria-pressed={mode === 'touch'}
            onClick={() => setMode('touch')}
          >
            {t('ui.signature.mode.touch')}
          </button>
        </div>
      )}
      {missing !== undefined && saved === null && (
        <p className="signature-panel__missing" data-testid="signature-pad-missing">
          {t(missing)}
        </p>
      )}
      {saved !== null ? (
        <SavedSignature
          attachment={saved}
          onAgain={() => {
            setSaved(null);
            setRound((r) => r + 1);
          }}
        />
      ) : mode === 'pad' ? (
        <PadSignature key={round} onSaved={keep} />
      ) : (
        <TouchSignature key={round} onSaved={keep} />
      )}
    </div>
  );
}
