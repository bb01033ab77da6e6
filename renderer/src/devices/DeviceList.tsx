import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { DEVICE_KINDS } from './device-words.ts';
import { DeviceGroup } from './DeviceGroup.tsx';
import { TouchSignatureRow } from './TouchSignatureRow.tsx';

/** What a 测试 opens: a device as it was when tapped (its panel follows its live status), or the touch screen. */
export type TestTarget = { type: 'device'; device: DeviceStatus } | { type: 'touch-signature' };

/** Every device, grouped by kind: 身份证读卡器, 签字板, 高拍仪, 打印机, 人脸识别. */
export function DeviceList({ devices, onTest }: { devices: readonly DeviceStatus[]; onTest(target: TestTarget): void }) {
  return (
    <div className="device-groups" data-testid="device-groups">
      {DEVICE_KINDS.map((kind) => (
        <DeviceGroup
          key={kind}
          kind={kind}
          devices={devices.filter((d) => d.kind === kind)}
          onTest={(d) => onTest({ type: 'device', device: d })}
          extra={kind === 'sigpad' ? <TouchSignatureRow onTest={() => onTest({ type: 'touch-signature' })} /> : undefined}
        />
      ))}
    </div>
  );
}
