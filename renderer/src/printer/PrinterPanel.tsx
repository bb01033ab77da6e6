import { PRINTER_ROLES } from '../../../contract/domain/printer-roles.ts';
import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { PrinterTestButton } from './PrinterTestButton.tsx';

/** A test page for each role the printer plays (receipt, A4, photo); a printer with no role has nothing to test. */
export function PrinterPanel({ printer }: { printer: DeviceStatus }) {
  const { t } = useI18n();
  const roles = PRINTER_ROLES.filter((r) => printer.roles.includes(r));
  return (
    <div className="printer-panel" data-testid="printer-panel">
      {roles.length === 0 ? (
        <p className="call-status" data-testid="printer-no-roles">
          {t('ui.printer.noRoles')}
        </p>
      ) : (
        roles.map((role) => <PrinterTestButton key={role} role={role} />)
      )}
    </div>
  );
}
