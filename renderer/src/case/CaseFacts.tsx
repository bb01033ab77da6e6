import type { CaseDetail } from '../../../contract/domain/cases.ts';
import { dayText, instantText } from '../common/day-text.ts';
import { dueText } from '../common/due-text.ts';
import { maskIdNumber } from '../../../contract/domain/id-number.ts';
import { fenToYuan } from '../../../contract/domain/money.ts';
import { CaseBadges } from '../desk/CaseBadges.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import { Fact } from './Fact.tsx';

/** Who applied for what, when, by which way, when it is promised for, and who first took it (首问责任). */
export function CaseFacts({ detail, nameOf }: { detail: CaseDetail; nameOf(id: string | null): string | null }) {
  const { t, locale } = useI18n();
  const s = detail.summary;
  const total = detail.advancedFees.reduce((sum, f) => sum + f.amountFen, 0);
  return (
    <section className="case-section" data-testid="case-facts">
      <p className="case-facts__head">
        <span className="case-facts__no" data-testid="case-no">
          {s.caseNo}
        </span>
        <CaseBadges summary={s} />
      </p>
      <dl className="case-facts">
        <Fact label={t('ui.case.matter')}>{s.matterName}</Fact>
        <Fact label={t('ui.case.applicant')} testId="case-applicant">
          {detail.applicant.name}
        </Fact>
        <Fact label={t('ui.identity.idNumber')}>{maskIdNumber(detail.applicant.idNumber)}</Fact>
        {detail.applicant.phone !== undefined && <Fact label={t('ui.case.phone')}>{detail.applicant.phone}</Fact>}
        <Fact label={t('ui.case.receivedAt')}>{instantText(locale, s.receivedAt)}</Fact>
        <Fact label={t('ui.case.due')} testId="case-due">
          {dueText(t, locale, s.dueDate, s.dueProvisional)}
          {s.dueMovedFrom !== null && <span className="case-fact__line">{t('ui.case.dueMoved', { from: dayText(locale, s.dueMovedFrom) })}</span>}
        </Fact>
        <Fact label={t('ui.case.channel')}>
          {t(s.channel === 'kiosk' ? 'ui.case.channel.kiosk' : 'ui.case.channel.window')}
          {s.proxy && ` · ${t('ui.case.proxy')}`}
        </Fact>
        {detail.firstAskedBy !== null && <Fact label={t('ui.case.firstAsked')}>{nameOf(detail.firstAskedBy)}</Fact>}
        {detail.advancedFees.length > 0 && (
          <Fact label={t('ui.case.fees')} testId="case-fees">
            {detail.advancedFees.map((f, i) => (
              <span key={i} className="case-fact__line">
                {t('ui.fee.line', { item: f.item, amount: fenToYuan(f.amountFen) })}
              </span>
            ))}
            <span className="case-fact__line">{t('ui.fee.total', { amount: fenToYuan(total) })}</span>
          </Fact>
        )}
      </dl>
    </section>
  );
}
