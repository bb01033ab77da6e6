import type { CaseSummary } from '../../../contract/domain/cases.ts';
import { dayText } from '../common/day-text.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { STATE_KEYS } from './case-words.ts';

/** The state in words (and colour), 容缺 still owed with its date, 代办, 自助. */
export function CaseBadges({ summary }: { summary: CaseSummary }) {
  const { t, locale } = useI18n();
  return (
    <span className="case-badges">
      <span className={`case-state case-state--${summary.state}`} data-testid="case-state" data-state={summary.state}>
        {t(STATE_KEYS[summary.state])}
      </span>
      {summary.owed > 0 && (
        <span className="badge-owed" data-testid="case-owed">
          {summary.owedDue === null
            ? t('ui.case.owed', { count: summary.owed })
            : t('ui.case.owedBy', { count: summary.owed, date: dayText(locale, summary.owedDue) })}
        </span>
      )}
      {summary.proxy && <span className="tag">{t('ui.case.proxy')}</span>}
      {summary.channel === 'kiosk' && <span className="tag">{t('ui.case.kiosk')}</span>}
    </span>
  );
}
