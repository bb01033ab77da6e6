import type { ReactNode } from 'react';
import type { DeviceKind, DeviceStatus } from '../../../contract/api/devices.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { KIND_KEYS } from './device-words.ts';
import { DeviceRow } from './DeviceRow.tsx';

/** The devices of one kind under its heading; `extra` rows follow them (the touch screen among the pads). */
export function DeviceGroup({
  kind,
  devices,
  onTest,
  extra,
}: {
  kind: DeviceKind;
  devices: readonly DeviceStatus[];
  onTest(device: DeviceStatus): void;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="device-group" data-testid={`device-group-${kind}`}>
      <h2 className="section-title">{t(KIND_KEYS[kind])}</h2>
      {devices.length === 0 && (
        <p className="device-group__none" data-testid="device-group-empty">
          {t('ui.device.none')}
        </p>
      )}
      <ul className="device-list">
        {devices.map((d) => (
          <DeviceRow key={d.id} device={d} onTest={() => onTest(d)} />
        ))}
        {extra}
      </ul>
    </section>
  );
}
