import type { CaseDetail } from '../../../contract/domain/cases.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import { useClient } from '../station/client-context.ts';

/** 打印受理单, and 容缺受理单 / 委托书 when the case has them. */
export function CasePrints({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const client = useClient();
  const caseNo = detail.summary.caseNo;
  const rongque = detail.materials.some((m) => m.status === 'promised' || m.status === 'supplied');
  return (
    <section className="case-section case-prints" data-testid="case-prints">
      <PrintButton
        label={t('ui.doc.receipt')}
        testId="print-receipt"
        print={() => client.docPrint({ caseNo, document: 'receipt' })}
      />
      {rongque && (
        <PrintButton
          label={t('ui.doc.rongque')}
          testId="print-rongque"
          print={() => client.docPrint({ caseNo, document: 'rongque' })}
        />
      )}
      {detail.summary.proxy && (
        <PrintButton
          label={t('ui.doc.mandate')}
          testId="print-mandate"
          print={() => client.docPrint({ caseNo, document: 'mandate' })}
        />
      )}
    </section>
  );
}
