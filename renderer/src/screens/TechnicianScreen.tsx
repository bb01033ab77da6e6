import { useState } from 'react';
import { CalendarLine } from '../devices/CalendarLine.tsx';
import { StorageLine } from '../devices/StorageLine.tsx';
import { DeviceList, type TestTarget } from '../devices/DeviceList.tsx';
import { DevicePanel } from '../devices/DevicePanel.tsx';
import { useDeviceList } from '../devices/use-device-list.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import '../styles/devices.css';

/** 设备维护: every device with its state, live, and a 测试 for each that opens its panel in place of the list. */
export function TechnicianScreen() {
  const { t } = useI18n();
  const { devices, listed, refresh } = useDeviceList();
  const [testing, setTesting] = useState<TestTarget | null>(null);

  const close = () => {
    setTesting(null);
    // A test may have changed what the browser may see (camera permission) or what the core knows.
    refresh();
  };

  return (
    <ScreenFrame
      screen="technician"
      title={t('ui.technician.title')}
      speech={{ text: t('ui.prompt.technician'), promptKey: 'ui.prompt.technician' }}
    >
      {testing !== null ? (
        <DevicePanel target={testing} devices={devices} onClose={close} />
      ) : (
        <>
          <div className="technician__toolbar">
            <p className="technician__count" data-testid="device-count">
              {t('ui.technician.count', { count: devices.length })}
            </p>
            <button type="button" className="technician__refresh" data-testid="devices-refresh" onClick={refresh}>
              {t('ui.technician.refresh')}
            </button>
          </div>
          <CalendarLine />
          <StorageLine />
          {listed.status === 'error' && <CallStatus state={listed} />}
          {listed.status === 'loading' && devices.length === 0 && <CallStatus state={listed} />}
          <ScrollArea className="technician__list">
            <DeviceList devices={devices} onTest={setTesting} />
          </ScrollArea>
        </>
      )}
    </ScreenFrame>
  );
}
