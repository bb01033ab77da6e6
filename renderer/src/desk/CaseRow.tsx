import type { CaseSummary } from '../../../contract/domain/cases.ts';
import { dayText } from '../common/day-text.ts';
import { dueText } from '../common/due-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CaseBadges } from './CaseBadges.tsx';

/** One case on the desk: number, matter, applicant, state, due date and 容缺; tapping opens it. */
export function CaseRow({ summary, onOpen }: { summary: CaseSummary; onOpen(): void }) {
  const { t, locale } = useI18n();
  return (
    <li>
      <button type="button" className="case-row" data-testid="case-row" data-case-no={summary.caseNo} onClick={onOpen}>
        <span className="case-row__head">
          <span className="case-row__no" data-testid="case-row-no">
            {summary.caseNo}
          </span>
          <CaseBadges summary={summary} />
        </span>
        <span className="case-row__matter">{summary.matterName}</span>
        <span className="case-row__facts">
          <span data-testid="case-row-applicant">{t('ui.label.value', { label: t('ui.case.applicant'), value: summary.applicantName })}</span>
          <span data-testid="case-row-due" data-date={summary.dueDate} data-provisional={summary.dueProvisional}>
            {t('ui.label.value', { label: t('ui.case.due'), value: dueText(t, locale, summary.dueDate, summary.dueProvisional) })}
          </span>
          {summary.dueMovedFrom !== null && (
            <span className="case-row__moved" data-testid="case-row-moved" data-from={summary.dueMovedFrom}>
              {t('ui.case.dueMoved', { from: dayText(locale, summary.dueMovedFrom) })}
            </span>
          )}
        </span>
      </button>
    </li>
  );
}
