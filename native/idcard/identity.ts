/** What a read card yields: JSON-safe, ready to fill forms (少填) and to cross the contract. */
import type { IdentityCard } from '../../contract/domain/identity.ts';

export type { IdentityCard };

export type CardType = IdentityCard['cardType'];

export const CARD_TYPES: readonly CardType[] = [
  'resident',
  'hmt-residence',
  'foreign-permanent-2017',
  'foreign-permanent-2023',
];

export type DecodedPhoto = NonNullable<PhotoInfo['decoded']>;

/**
 * The card photo is 1024 bytes of WLT, a proprietary format only the reader vendor's library decodes.
 * `decoded` stays null unless such a decoder is configured; `unavailableReason` is then a message code.
 */
export type PhotoInfo = IdentityCard['photo'];

export type ResidentCard = Extract<IdentityCard, { cardType: 'resident' }>;
/** 港澳台居民居住证: the resident layout without a nation, plus the travel-permit number and issue count. */
export type HmtResidencePermit = Extract<IdentityCard, { cardType: 'hmt-residence' }>;
/** 外国人永久居留身份证, 2017 layout (flag 'I'). */
export type ForeignPermanentCard2017 = Extract<IdentityCard, { cardType: 'foreign-permanent-2017' }>;
/** 外国人永久居留身份证, 2023 layout (flag 'Y'). */
export type ForeignPermanentCard2023 = Extract<IdentityCard, { cardType: 'foreign-permanent-2023' }>;

type WithoutMedia<T> = T extends unknown ? Omit<T, 'photo' | 'fingerprint'> : never;

/** The fields held in the 256-byte text block. */
export type CardText = WithoutMedia<IdentityCard>;
