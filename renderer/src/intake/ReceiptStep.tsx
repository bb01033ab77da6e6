import { dueText } from '../common/due-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import { useClient } from '../station/client-context.ts';
import { faceCheckNeeded } from '../../../contract/domain/face-check.ts';
import type { IntakeState } from './intake-state.ts';
import { receiptStatusKey } from './step-words.ts';

/** Taken in: the case number and the promised date, and the documents to print (受理单; 容缺受理单 and 委托书 if they apply). */
export function ReceiptStep({ state, onFinish }: { state: IntakeState; onFinish(): void }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const result = state.result;
  if (result === null) return null;
  const print = (document: 'receipt' | 'rongque' | 'mandate') => () =>
    client.docPrint({ caseNo: result.caseNo, document });
  const promised = Object.values(state.materials).some((c) => c.status === 'promised');
  return (
    <div className="intake-receipt" data-testid="intake-receipt">
      <p className="intake-receipt__ok" role="status" data-testid="receipt-status" data-state={result.state}>
        {t(receiptStatusKey(result.state, faceCheckNeeded(state.matter, state.form)))}
      </p>
      <dl className="intake-receipt__facts">
        <div className="case-fact">
          <dt>{t('ui.receipt.caseNo')}</dt>
          <dd className="intake-receipt__no" data-testid="receipt-case-no">
            {result.caseNo}
          </dd>
        </div>
        <div className="case-fact">
          <dt>{t('ui.case.due')}</dt>
          <dd className="intake-receipt__due" data-testid="receipt-due-date" data-date={result.dueDate} data-provisional={result.dueProvisional}>
            {dueText(t, locale, result.dueDate, result.dueProvisional)}
          </dd>
        </div>
      </dl>
      <p className="hint">{t('ui.receipt.keep')}</p>
      <div className="intake-receipt__prints">
        <PrintButton label={t('ui.doc.receipt')} testId="print-receipt" print={print('receipt')} />
        {promised && <PrintButton label={t('ui.doc.rongque')} testId="print-rongque" print={print('rongque')} />}
        {state.proxy && <PrintButton label={t('ui.doc.mandate')} testId="print-mandate" print={print('mandate')} />}
      </div>
      <button type="button" className="intake-receipt__finish" data-testid="intake-finish" onClick={onFinish}>
        {t('ui.receipt.finish')}
      </button>
    </div>
  );
}
