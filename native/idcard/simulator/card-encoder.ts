/**
 * Profile → the bytes a real SAM sends: the text block in the card's layout, a synthetic photo and fingerprint,
 * and the read response around them. Tests use the same encoder to round-trip profiles through the decoder.
 */
import { cardTypeFlag } from '../card-type.ts';
import { BadProfileError } from '../errors.ts';
import type { CardText } from '../identity.ts';
import {
  CARD_TYPE_FLAG,
  FOREIGN_2017_LAYOUT,
  FOREIGN_2023_LAYOUT,
  HMT_LAYOUT,
  PHOTO_BYTES,
  RESIDENT_LAYOUT,
  TEXT_BYTES,
} from '../layouts.ts';
import type { ReadForm } from '../decode.ts';
import { encodeResponse } from '../sam-frame.ts';
import { SW3 } from '../sam-status.ts';
import { toCardDate, writeField, type FieldSpec } from '../text-fields.ts';
import type { CardProfile } from './profiles.ts';

export const FINGERPRINT_BYTES = 1024;

/** Characters in the first field of a 2023 card's English name; the rest goes into the continuation field. */
const ENGLISH_NAME_FIRST_PART = FOREIGN_2023_LAYOUT.englishName.bytes / 2;

export function encodeTextBlock(card: CardText): Uint8Array {
  const text = new Uint8Array(TEXT_BYTES);
  for (let i = 0; i < TEXT_BYTES; i += 2) text[i] = 0x20;
  const put = (spec: FieldSpec, value: string) => writeField(text, spec, value);
  put(CARD_TYPE_FLAG, cardTypeFlag(card.cardType));
  switch (card.cardType) {
    case 'resident': {
      const L = RESIDENT_LAYOUT;
      put(L.name, card.name);
      put(L.gender, card.genderCode);
      put(L.nation, card.nationCode);
      put(L.birthDate, toCardDate(card.birthDate));
      put(L.address, card.address);
      put(L.idNumber, card.idNumber);
      put(L.authority, card.authority);
      put(L.validFrom, toCardDate(card.validFrom));
      put(L.validTo, toCardDate(card.validTo));
      break;
    }
    case 'hmt-residence': {
      const L = HMT_LAYOUT;
      put(L.name, card.name);
      put(L.gender, card.genderCode);
      put(L.birthDate, toCardDate(card.birthDate));
      put(L.address, card.address);
      put(L.idNumber, card.idNumber);
      put(L.authority, card.authority);
      put(L.validFrom, toCardDate(card.validFrom));
      put(L.validTo, toCardDate(card.validTo));
      put(L.passNumber, card.passNumber);
      put(L.issueCount, card.issueCount);
      break;
    }
    case 'foreign-permanent-2017': {
      const L = FOREIGN_2017_LAYOUT;
      put(L.englishName, card.englishName);
      put(L.gender, card.genderCode);
      put(L.idNumber, card.idNumber);
      put(L.nationality, card.nationality);
      put(L.chineseName, card.chineseName);
      put(L.validFrom, toCardDate(card.validFrom));
      put(L.validTo, toCardDate(card.validTo));
      put(L.birthDate, toCardDate(card.birthDate));
      put(L.cardVersion, card.cardVersion);
      put(L.authorityCode, card.authorityCode);
      break;
    }
    case 'foreign-permanent-2023': {
      const L = FOREIGN_2023_LAYOUT;
      put(L.chineseName, card.chineseName);
      put(L.gender, card.genderCode);
      put(L.renewalCount, card.renewalCount);
      put(L.birthDate, toCardDate(card.birthDate));
      put(L.englishName, card.englishName.slice(0, ENGLISH_NAME_FIRST_PART));
      put(L.englishNameContinued, card.englishName.slice(ENGLISH_NAME_FIRST_PART));
      put(L.idNumber, card.idNumber);
      put(L.validFrom, toCardDate(card.validFrom));
      put(L.validTo, toCardDate(card.validTo));
      put(L.nationality, card.nationality);
      put(L.previousNumberLink, card.previousNumberLink);
      break;
    }
  }
  return text;
}

/**
 * Deterministic filler standing in for the WLT photo and the fingerprint templates. It is not an image: a decoder
 * given it must fail, which is the honest outcome for a fictional person.
 */
export function syntheticBytes(seed: string, length: number): Uint8Array {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = state & 0xff;
  }
  return out;
}

/** Data of a successful read response (after SW3). */
export function readResponseData(profile: CardProfile, form: ReadForm): Uint8Array {
  let text: Uint8Array;
  try {
    text = encodeTextBlock(profile.card);
  } catch (error) {
    throw new BadProfileError(profile.id, error instanceof Error ? error.message : String(error));
  }
  const photo = syntheticBytes(`${profile.id}/photo`, PHOTO_BYTES);
  const fingerprint =
    form === 'text-photo-fingerprint' && profile.fingerprint
      ? syntheticBytes(`${profile.id}/fingerprint`, FINGERPRINT_BYTES)
      : new Uint8Array(0);
  const header = form === 'text-photo' ? 4 : 6;
  const data = new Uint8Array(header + TEXT_BYTES + PHOTO_BYTES + fingerprint.length);
  const view = new DataView(data.buffer);
  view.setUint16(0, TEXT_BYTES);
  view.setUint16(2, PHOTO_BYTES);
  if (form === 'text-photo-fingerprint') view.setUint16(4, fingerprint.length);
  data.set(text, header);
  data.set(photo, header + TEXT_BYTES);
  data.set(fingerprint, header + TEXT_BYTES + PHOTO_BYTES);
  return data;
}

/** The whole read response frame, as the reader receives it. */
export function encodeReadResponse(profile: CardProfile, form: ReadForm = 'text-photo'): Buffer {
  return encodeResponse(SW3.ok, readResponseData(profile, form));
}
