/** Whether a card is still valid on a given day. A card is valid through its last day; 长期 never expires. */
import { CardExpiredError } from './errors.ts';
import type { IdentityCard } from './identity.ts';
import { LONG_TERM } from './text-fields.ts';

/** YYYY-MM-DD of the station's local calendar day. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function isExpired(card: Pick<IdentityCard, 'validTo'>, at: Date): boolean {
  return card.validTo !== LONG_TERM && card.validTo < localDay(at);
}

export function assertNotExpired(card: Pick<IdentityCard, 'validTo'>, at: Date): void {
  if (isExpired(card, at)) throw new CardExpiredError(card.validTo);
}
