import type { FormSchema, FormValues } from './forms.ts';
import type { IdentityCard } from './identity.ts';

/** What the ID card says, as far as a form may be filled from it (少填). */
export interface CardFacts {
  name: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  address: string;
  /** Only resident cards carry it. */
  nation?: string;
}

/** The facts of a card read at the station: permits and foreigners' cards have no nation, some no address. */
export function cardFacts(card: IdentityCard): CardFacts {
  return {
    name: card.name,
    gender: card.gender,
    birthDate: card.birthDate,
    idNumber: card.idNumber,
    address: 'address' in card ? card.address : '',
    ...(card.cardType === 'resident' ? { nation: card.nation } : {}),
  };
}

/** `YYYY-MM-DD` naming a day that exists (no 2025-02-30). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The answers the station can give for the applicant: every date or text field with a `prefill` source the card
 * (or today's date) has a value for. A date that is not a real date is left out; a text is cut to the field's length.
 * One implementation for the screens (which prefill) and the core (which checks the same answers).
 */
export function prefillForm(form: FormSchema, card: CardFacts, today: string): FormValues {
  const values: FormValues = {};
  for (const field of form.fields) {
    if ((field.type !== 'date' && field.type !== 'text') || field.prefill === undefined) continue;
    const value = field.prefill === 'today' ? today : card[field.prefill];
    if (value === undefined || value === '') continue;
    if (field.type === 'date' && !isRealDate(value)) continue;
    values[field.id] = field.type === 'text' ? [...value].slice(0, field.maxLength).join('') : value;
  }
  return values;
}
