import type { ReactNode } from 'react';
import type { Guide, LifeEventSummary } from '../../../contract/api/api.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { MaterialItem } from './MaterialItem.tsx';
import { LEVEL_KEYS, timeLimitText } from './matter-words.ts';

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="guide-section" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/**
 * Every element of the guide. What a villager needs first (time limit, fees, conditions, materials, steps) comes
 * first; the catalogue's reference facts follow.
 */
export function GuideDetails({ guide, lifeEvents }: { guide: Guide; lifeEvents: LifeEventSummary[] }) {
  const { t, locale } = useI18n();
  const m = guide.matter;
  const none = t('guide.none');
  const eventNames = m.lifeEvents.map((id) => {
    const e = lifeEvents.find((x) => x.id === id);
    return e === undefined ? id : locale === 'en' ? e.nameEn : e.name;
  });
  const separator = t('guide.list.separator');

  return (
    <div className="guide-details">
      <dl className="facts">
        <Fact label={t('guide.label.timeLimit')} testId="guide-time-limit">
          {timeLimitText(t, m.timeLimit)}
        </Fact>
        <Fact label={t('guide.label.fees')} testId="guide-fees">
          {m.fees.free ? t('ui.guide.fees.free', { description: m.fees.description }) : m.fees.description}
        </Fact>
        <Fact label={t('guide.label.level')} testId="guide-level">
          {t(LEVEL_KEYS[m.level])}
        </Fact>
        <Fact label={t('guide.label.service')} testId="guide-service">
          <span className="fact__line">
            {t(m.selfService ? 'guide.service.selfService.yes' : 'guide.service.selfService.no')}
          </span>
          <span className="fact__line">{t(m.proxyAllowed ? 'guide.service.proxy.yes' : 'guide.service.proxy.no')}</span>
          <span className="fact__line">
            {t(m.rongque ? 'guide.service.rongque.yes' : 'guide.service.rongque.no')}
          </span>
        </Fact>
      </dl>

      <Section title={t('guide.label.conditions')} testId="guide-conditions">
        <ul className="plain-list">
          {m.conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </Section>

      <Section title={t('guide.label.materials')} testId="guide-materials">
        {m.materials.length === 0 ? (
          <p>{t('guide.material.none')}</p>
        ) : (
          <ol className="materials">
            {m.materials.map((mat) => (
              <MaterialItem key={mat.id} material={mat} />
            ))}
          </ol>
        )}
      </Section>

      <Section title={t('guide.label.steps')} testId="guide-steps">
        <ol className="steps">
          {m.steps.map((s, i) => (
            <li key={i} className="step">
              <span className="step__name">{s.name}</span>
              <span className="step__actor">{s.actor}</span>
              <span className="step__description">{s.description}</span>
            </li>
          ))}
        </ol>
      </Section>

      <Section title={t('guide.section.other')} testId="guide-other">
        <dl className="facts">
          <Fact label={t('guide.label.shortName')} testId="guide-short-name">
            {m.shortName}
          </Fact>
          <Fact label={t('ui.guide.synonyms')} testId="guide-synonyms">
            {m.synonyms.length > 0 ? m.synonyms.join(separator) : none}
          </Fact>
          <Fact label={t('guide.label.code')} testId="guide-code">
            {m.code}
          </Fact>
          <Fact label={t('guide.label.type')} testId="guide-type">
            {m.type}
          </Fact>
          <Fact label={t('guide.label.department')} testId="guide-department">
            {m.department}
          </Fact>
          <Fact label={t('guide.label.tags')} testId="guide-tags">
            {m.tags.length > 0 ? m.tags.join(separator) : none}
          </Fact>
          <Fact label={t('guide.label.lifeEvents')} testId="guide-life-events">
            {eventNames.join(separator)}
          </Fact>
          <Fact label={t('guide.label.catalogVersion')} testId="guide-catalog-version">
            {guide.catalogVersion}
          </Fact>
        </dl>
        <h3>{t('guide.label.legalBasis')}</h3>
        <ul className="plain-list" data-testid="guide-legal-basis">
          {m.legalBasis.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
