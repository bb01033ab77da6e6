import type { IdentityCard } from '../../../contract/domain/identity.ts';
import type { I18n } from '../i18n/i18n-context.ts';

export interface IdentityField {
  /** Also the field's test id: identity-<id>. */
  id: string;
  label: string;
  value: string;
}

export const CARD_TYPE_KEYS: Record<IdentityCard['cardType'], string> = {
  resident: 'ui.identity.cardType.resident',
  'hmt-residence': 'ui.identity.cardType.hmt-residence',
  'foreign-permanent-2017': 'ui.identity.cardType.foreign-permanent-2017',
  'foreign-permanent-2023': 'ui.identity.cardType.foreign-permanent-2023',
};

/** 1990-11-05 as the card prints it: 1990年11月5日 (the ISO date in English). */
export function birthText(locale: I18n['locale'], day: string): string {
  const [y, m, d] = day.split('-');
  return locale === 'zh-CN' && y && m && d ? `${y}年${Number(m)}月${Number(d)}日` : day;
}

/** 有效期限 as the card prints it: 2015.06.01-2035.06.01, 长期 as is. */
export function validityText(card: Pick<IdentityCard, 'validFrom' | 'validTo'>): string {
  const dotted = (day: string) => day.replaceAll('-', '.');
  return `${dotted(card.validFrom)}-${card.validTo === '长期' ? card.validTo : dotted(card.validTo)}`;
}

/** The fields of a card, in the order a form asks for them; each card type adds what only it has. */
export function identityFields(i18n: I18n, card: IdentityCard): IdentityField[] {
  const { t, locale } = i18n;
  const f = (id: string, key: string, value: string): IdentityField => ({ id, label: t(key), value });
  const head = [f('name', 'ui.identity.name', card.name), f('gender', 'ui.identity.gender', card.gender)];
  const birth = f('birth', 'ui.identity.birth', birthText(locale, card.birthDate));
  const validity = f('validity', 'ui.identity.validity', validityText(card));
  const type = f('card-type', 'ui.identity.cardType', t(CARD_TYPE_KEYS[card.cardType]));
  switch (card.cardType) {
    case 'resident':
      return [
        ...head,
        f('nation', 'ui.identity.nation', card.nation),
        birth,
        f('address', 'ui.identity.address', card.address),
        f('authority', 'ui.identity.authority', card.authority),
        validity,
        type,
      ];
    case 'hmt-residence':
      return [
        ...head,
        birth,
        f('address', 'ui.identity.address', card.address),
        f('authority', 'ui.identity.authority', card.authority),
        validity,
        f('pass-number', 'ui.identity.passNumber', card.passNumber),
        f('issue-count', 'ui.identity.issueCount', card.issueCount),
        type,
      ];
    case 'foreign-permanent-2017':
    case 'foreign-permanent-2023':
      return [
        ...head,
        f('english-name', 'ui.identity.englishName', card.englishName),
        f('nationality', 'ui.identity.nationality', card.nationality),
        birth,
        validity,
        type,
      ];
  }
}
