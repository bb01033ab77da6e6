import { useState } from 'react';
import type { MethodOutput } from '../../../contract/api/api.ts';
import type { CaseDetail } from '../../../contract/domain/cases.ts';
import { CaseActions } from '../case/CaseActions.tsx';
import { CaseFacts } from '../case/CaseFacts.tsx';
import { CaseHistory } from '../case/CaseHistory.tsx';
import { CaseMaterials } from '../case/CaseMaterials.tsx';
import { CasePrints } from '../case/CasePrints.tsx';
import { staffNamer } from '../case/staff-names.ts';
import { useLatest } from '../case/use-latest.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { useStaffSession } from '../staff/staff-context.ts';
import { useSessionGuard } from '../staff/use-session-guard.ts';
import { useCall } from '../station/use-call.ts';
import '../styles/window.css';

interface Loaded {
  detail: CaseDetail;
  staff: MethodOutput<'staffList'>;
}

/** One case: its facts, the next steps its state allows, prints, materials with their pages, and its history. */
export function CaseScreen({ caseNo }: { caseNo: string }) {
  const { t } = useI18n();
  const staff = useStaffSession();
  const [generation, setGeneration] = useState(0);
  const loaded = useCall(
    (client) =>
      Promise.all([client.caseGet({ caseNo }), client.staffList({})]).then(
        ([detail, list]): Loaded => ({ detail, staff: list }),
      ),
    [caseNo, staff.session, generation],
  );
  useSessionGuard(loaded.status === 'error' ? loaded.error : null);
  const shown = useLatest(loaded);
  const reload = () => setGeneration((g) => g + 1);

  return (
    <ScreenFrame screen="case" title={t('ui.case.title')} speech={{ text: t('ui.prompt.window'), promptKey: 'ui.prompt.window' }}>
      {shown === null ? (
        <CallStatus state={loaded} />
      ) : (
        <ScrollArea>
          <div className="case-page" data-testid="case-page" data-state={shown.detail.summary.state} data-loading={loaded.status === 'loading'}>
            {loaded.status === 'error' && <CallStatus state={loaded} />}
            <CaseFacts detail={shown.detail} nameOf={staffNamer(shown.staff)} />
            <CaseActions summary={shown.detail.summary} steps={shown.detail.steps} onDone={reload} />
            <CasePrints detail={shown.detail} />
            <CaseMaterials detail={shown.detail} onChanged={reload} />
            <CaseHistory history={shown.detail.history} nameOf={staffNamer(shown.staff)} />
          </div>
        </ScrollArea>
      )}
    </ScreenFrame>
  );
}
