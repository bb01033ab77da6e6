import { useI18n } from '../i18n/i18n-context.ts';
import { DeviceStateBadge } from './DeviceStateBadge.tsx';

/** The touch screen as a way to sign, listed with the pads so it can be tested with or without one. */
export function TouchSignatureRow({ onTest }: { onTest(): void }) {
  const { t } = useI18n();
  return (
    <li className="device device--ready" data-testid="device-touch-signature" data-kind="sigpad" data-state="ready">
      <div className="device__info">
        <p className="device__head">
          <span className="device__name">{t('ui.device.touchSignature')}</span>
          <DeviceStateBadge state="ready" />
        </p>
        <p className="device__line">{t('ui.device.touchSignature.detail')}</p>
      </div>
      <button type="button" className="wide-button device__test" data-testid="test-touch-signature" onClick={onTest}>
        {t('ui.device.test')}
      </button>
    </li>
  );
}
