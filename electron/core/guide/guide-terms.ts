import type { Material, Matter } from '../../../contract/domain/catalog.ts';
import type { Locale } from '../../../contract/domain/messages.ts';
import { strictTranslator, type Translate } from '../messages.ts';

type Exemption = Material['exemptions'][number];
type Step = Matter['steps'][number];

/**
 * The guide's wording of each element, from assets/messages/<locale>/guide.json, shared by the printed guide, the
 * plain-text guide and the QR fallback so the three always say the same thing.
 */
export interface GuideTerms {
  t: Translate;
  level(matter: Matter): string;
  timeLimit(matter: Matter): string;
  fees(matter: Matter): string;
  /** Self-service, proxy and 容缺 flags, one phrase each. */
  service(matter: Matter): string[];
  step(step: Step): string;
  form(material: Material): string;
  count(material: Material): string;
  requirement(material: Material): string;
  exemption(exemption: Exemption): string;
  /** Joins phrases of one value (tags, flags) the way the locale does. */
  join(items: readonly string[]): string;
}

export function guideTerms(locale: Locale = 'zh-CN'): GuideTerms {
  const t = strictTranslator(locale);
  return {
    t,
    level: (m) => t(`guide.level.${m.level}`),
    timeLimit: (m) =>
      m.timeLimit.kind === 'immediate'
        ? t('guide.timeLimit.immediate')
        : t('guide.timeLimit.workingDays', { days: m.timeLimit.days }),
    fees: (m) => t(m.fees.free ? 'guide.fees.free' : 'guide.fees.paid', { description: m.fees.description }),
    service: (m) => [
      t(`guide.service.selfService.${m.selfService ? 'yes' : 'no'}`),
      t(`guide.service.proxy.${m.proxyAllowed ? 'yes' : 'no'}`),
      t(`guide.service.rongque.${m.rongque ? 'yes' : 'no'}`),
    ],
    step: (s) => t('guide.step', { name: s.name, actor: s.actor, description: s.description }),
    form: (mat) => t(`guide.form.${mat.form}`),
    count: (mat) => t('guide.material.count', { count: mat.count }),
    requirement: (mat) => t(`guide.requirement.${mat.requirement}`),
    exemption: (e) => {
      const params = { kind: t(`guide.exemption.kind.${e.kind}`), reason: e.reason };
      return e.source === undefined
        ? t('guide.exemption', params)
        : t('guide.exemption.source', { ...params, source: e.source });
    },
    join: (items) => (items.length === 0 ? t('guide.none') : items.join(t('guide.list.separator'))),
  };
}
