import type { PrinterRole } from '../../../contract/domain/printer-roles.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import { useClient } from '../station/client-context.ts';

const BUTTON_KEYS: Record<PrinterRole, string> = {
  receipt: 'ui.printer.test.receipt',
  a4: 'ui.printer.test.a4',
  photo: 'ui.printer.test.photo',
};

/** 打印测试页（A4）and what happened, in one plain sentence, like every print button. */
export function PrinterTestButton({ role }: { role: PrinterRole }) {
  const { t } = useI18n();
  const client = useClient();
  return (
    <PrintButton
      label={t(BUTTON_KEYS[role])}
      testId={`printer-test-${role}`}
      statusTestId={`printer-test-status-${role}`}
      doneText={t('ui.printer.test.done')}
      print={() => client.printerTestPage({ role })}
    />
  );
}
