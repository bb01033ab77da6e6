import type { CaseSummary } from '../../../contract/domain/cases.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CaseRow } from './CaseRow.tsx';

/** Cases as rows, or a plain sentence when there are none. */
export function CaseList({ cases, onOpen, empty }: { cases: readonly CaseSummary[]; onOpen(caseNo: string): void; empty?: string }) {
  const { t } = useI18n();
  if (cases.length === 0) {
    return (
      <p className="hint" data-testid="case-list-empty">
        {empty ?? t('ui.desk.empty')}
      </p>
    );
  }
  return (
    <ul className="case-list" data-testid="case-list">
      {cases.map((c) => (
        <CaseRow key={c.caseNo} summary={c} onOpen={() => onOpen(c.caseNo)} />
      ))}
    </ul>
  );
}
