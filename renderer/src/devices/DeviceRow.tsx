import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { detailText, lastErrorText, rolesText } from './device-text.ts';
import { DeviceStateBadge } from './DeviceStateBadge.tsx';

/** One device: name, state in words and colour, roles, simulated or not, detail, last error, and 测试. */
export function DeviceRow({ device, onTest }: { device: DeviceStatus; onTest(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <li
      className={`device device--${device.state}`}
      data-testid="device"
      data-id={device.id}
      data-kind={device.kind}
      data-state={device.state}
    >
      <div className="device__info">
        <p className="device__head">
          <span className="device__name" data-testid="device-name">
            {device.name}
          </span>
          <DeviceStateBadge state={device.state} />
          {device.simulated && (
            <span className="tag device__simulated" data-testid="device-simulated">
              {t('ui.device.simulated')}
            </span>
          )}
        </p>
        {device.roles.length > 0 && (
          <p className="device__line" data-testid="device-roles">
            {rolesText(i18n, device.roles)}
          </p>
        )}
        {device.detail !== null && device.detail !== '' && (
          <p className="device__line" data-testid="device-detail">
            {detailText(i18n, device.detail)}
          </p>
        )}
        {device.lastError !== null && (
          <p className="device__line device__error" data-testid="device-last-error">
            {lastErrorText(i18n, device.lastError)}
          </p>
        )}
      </div>
      <button type="button" className="wide-button device__test" data-testid="device-test" onClick={onTest}>
        {t('ui.device.test')}
      </button>
    </li>
  );
}
