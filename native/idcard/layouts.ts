/**
 * Byte offsets of the fields in the 256-byte text block, per card layout (GA 467-2013 for resident cards; the
 * other layouts as published in readers' public SDK samples). Encoder and decoder share these tables.
 */
import type { FieldSpec } from './text-fields.ts';

const f = (offset: number, bytes: number): FieldSpec => ({ offset, bytes });

export const TEXT_BYTES = 256;
export const PHOTO_BYTES = 1024;

/** Card type flag; a space (or zero) on resident cards. */
export const CARD_TYPE_FLAG = f(248, 2);

export const RESIDENT_LAYOUT = {
  name: f(0, 30),
  gender: f(30, 2),
  nation: f(32, 4),
  birthDate: f(36, 16),
  address: f(52, 70),
  idNumber: f(122, 36),
  authority: f(158, 30),
  validFrom: f(188, 16),
  validTo: f(204, 16),
} as const;

/** Flag 'J'. The nation field is unused. */
export const HMT_LAYOUT = {
  name: f(0, 30),
  gender: f(30, 2),
  birthDate: f(36, 16),
  address: f(52, 70),
  idNumber: f(122, 36),
  authority: f(158, 30),
  validFrom: f(188, 16),
  validTo: f(204, 16),
  passNumber: f(220, 18),
  issueCount: f(238, 4),
} as const;

/** Flag 'I'. */
export const FOREIGN_2017_LAYOUT = {
  englishName: f(0, 120),
  gender: f(120, 2),
  idNumber: f(122, 30),
  nationality: f(152, 6),
  chineseName: f(158, 30),
  validFrom: f(188, 16),
  validTo: f(204, 16),
  birthDate: f(220, 16),
  cardVersion: f(236, 4),
  authorityCode: f(240, 8),
} as const;

/** Flag 'Y'. The English name runs on from the first field into the second. */
export const FOREIGN_2023_LAYOUT = {
  chineseName: f(0, 30),
  gender: f(30, 2),
  renewalCount: f(32, 4),
  birthDate: f(36, 16),
  englishName: f(52, 70),
  idNumber: f(122, 36),
  validFrom: f(188, 16),
  validTo: f(204, 16),
  englishNameContinued: f(220, 22),
  nationality: f(242, 6),
  previousNumberLink: f(250, 6),
} as const;
