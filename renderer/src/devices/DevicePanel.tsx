import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { CameraPanel } from '../camera/CameraPanel.tsx';
import { FacePanel } from '../face/FacePanel.tsx';
import { IdCardPanel } from '../idcard/IdCardPanel.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import { PrinterPanel } from '../printer/PrinterPanel.tsx';
import { SignaturePanel } from '../signature/SignaturePanel.tsx';
import type { TestTarget } from './DeviceList.tsx';
import { DeviceStateBadge } from './DeviceStateBadge.tsx';
import { mediaDeviceId } from './use-cameras.ts';

function PanelBody({ device }: { device: DeviceStatus }) {
  switch (device.kind) {
    case 'idcard':
      return <IdCardPanel />;
    case 'sigpad':
      return <SignaturePanel pad={device} />;
    case 'camera':
      return <CameraPanel deviceId={mediaDeviceId(device.id)} />;
    case 'printer':
      return <PrinterPanel printer={device} />;
    case 'face':
      return <FacePanel device={device} />;
  }
}

/**
 * The device as it is now: its latest status by id. One that left the list is absent, except the browser's
 * default camera, whose placeholder id is replaced by the real one once the camera may be used.
 */
function liveDevice(opened: DeviceStatus, devices: readonly DeviceStatus[]): DeviceStatus {
  const now = devices.find((d) => d.id === opened.id);
  if (now) return now;
  if (opened.kind === 'camera' && mediaDeviceId(opened.id) === null) return opened;
  return { ...opened, state: 'absent' };
}

/** One device under test, its live state in the heading, and the way back to the list. */
export function DevicePanel({
  target,
  devices,
  onClose,
}: {
  target: TestTarget;
  devices: readonly DeviceStatus[];
  onClose(): void;
}) {
  const { t } = useI18n();
  const device = target.type === 'device' ? liveDevice(target.device, devices) : null;
  return (
    <section className="device-panel" data-testid="device-panel" data-kind={device?.kind ?? 'touch-signature'}>
      <header className="device-panel__head">
        <h2 className="device-panel__name">{device?.name ?? t('ui.device.touchSignature')}</h2>
        {device !== null && <DeviceStateBadge state={device.state} />}
        <span className="device-panel__spacer" />
        <button type="button" className="device-panel__close" data-testid="device-panel-close" onClick={onClose}>
          {t('ui.device.backToList')}
        </button>
      </header>
      <div className="device-panel__body">{device === null ? <SignaturePanel pad={null} /> : <PanelBody device={device} />}</div>
    </section>
  );
}
