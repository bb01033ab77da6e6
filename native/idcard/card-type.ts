/** Which layout a text block uses, from the flag character at offset 248. */
import { UnsupportedCardTypeError, type DataOrigin } from './errors.ts';
import type { CardType } from './identity.ts';
import { CARD_TYPE_FLAG } from './layouts.ts';

const FLAGS: Readonly<Record<string, CardType>> = {
  ' ': 'resident',
  '\u0000': 'resident',
  J: 'hmt-residence',
  I: 'foreign-permanent-2017',
  Y: 'foreign-permanent-2023',
};

const FLAG_OF: Readonly<Record<CardType, string>> = {
  resident: ' ',
  'hmt-residence': 'J',
  'foreign-permanent-2017': 'I',
  'foreign-permanent-2023': 'Y',
};

/** Anything else in the flag is a layout we cannot read correctly, so it is refused rather than guessed. */
export function cardTypeOf(text: Uint8Array, origin: DataOrigin): CardType {
  const flag = String.fromCharCode(text[CARD_TYPE_FLAG.offset]! | (text[CARD_TYPE_FLAG.offset + 1]! << 8));
  const type = Object.hasOwn(FLAGS, flag) ? FLAGS[flag] : undefined;
  if (type === undefined) throw new UnsupportedCardTypeError(flag, origin);
  return type;
}

export function cardTypeFlag(type: CardType): string {
  return FLAG_OF[type];
}
