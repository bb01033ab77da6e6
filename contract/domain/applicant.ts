import type { Applicant } from './cases.ts';
import type { IdentityCard } from './identity.ts';

/** The applicant as a card says: the card is the truth for who applies; only the phone comes from elsewhere. */
export function applicantFromCard(card: IdentityCard, phone?: string): Applicant {
  return {
    name: card.name,
    idNumber: card.idNumber.toUpperCase(),
    gender: card.gender,
    birthDate: card.birthDate,
    address: 'address' in card ? [...card.address].slice(0, 120).join('') : '',
    ...(phone !== undefined && { phone }),
  };
}
