import { useI18n } from '../i18n/i18n-context.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import { useClient } from '../station/client-context.ts';

/** 打印指南, then what happened in one plain sentence: printing, printed, or what to do about the failure. */
export function PrintGuideButton({ code }: { code: string }) {
  const { t } = useI18n();
  const client = useClient();
  return <PrintButton label={t('ui.print.button')} testId="print-guide" statusTestId="print-status" print={() => client.guidePrint({ code })} />;
}
