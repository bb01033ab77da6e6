/** The 256-byte UCS-2LE text block → identity fields, for each card layout. */
import { cardTypeOf } from './card-type.ts';
import { BadTextError, type DataOrigin } from './errors.ts';
import {
  checkForeignPermanentNumber2017,
  checkForeignPermanentNumber2023,
  checkIdNumber,
  type IdNumberCheck,
} from '../../contract/domain/id-number.ts';
import type {
  CardText,
  ForeignPermanentCard2017,
  ForeignPermanentCard2023,
  HmtResidencePermit,
  ResidentCard,
} from './identity.ts';
import { FOREIGN_2017_LAYOUT, FOREIGN_2023_LAYOUT, HMT_LAYOUT, RESIDENT_LAYOUT, TEXT_BYTES } from './layouts.ts';
import { nationName } from './nations.ts';
import {
  parseDate,
  parseGender,
  parseValidTo,
  readField,
  readRequiredField,
  type FieldSpec,
  type GenderCode,
} from './text-fields.ts';

type Omitted<T> = Omit<T, 'photo' | 'fingerprint'>;

export function parseTextBlock(text: Uint8Array, origin: DataOrigin = 'device'): CardText {
  if (text.length !== TEXT_BYTES) throw new BadTextError('text', `${text.length} bytes, expected ${TEXT_BYTES}`, origin);
  switch (cardTypeOf(text, origin)) {
    case 'resident':
      return parseResident(text, origin);
    case 'hmt-residence':
      return parseHmt(text, origin);
    case 'foreign-permanent-2017':
      return parseForeign2017(text, origin);
    case 'foreign-permanent-2023':
      return parseForeign2023(text, origin);
  }
}

/** Field readers bound to one text block. */
function fields(text: Uint8Array, origin: DataOrigin) {
  return {
    required: (spec: FieldSpec, field: string) => readRequiredField(text, spec, field, origin),
    optional: (spec: FieldSpec, field: string) => readField(text, spec, field, origin),
    date: (spec: FieldSpec, field: string) => parseDate(readField(text, spec, field, origin), field, origin),
    validTo: (spec: FieldSpec) => parseValidTo(readField(text, spec, 'validTo', origin), origin),
    gender: (spec: FieldSpec) => parseGender(readField(text, spec, 'gender', origin), origin),
  };
}

/** The number is only trusted when it also agrees with the card's own birth date and gender. */
function consistent(check: IdNumberCheck, birthDate: string, genderCode: GenderCode): boolean {
  return check.valid && check.birthDate === birthDate && (check.genderCode === null || check.genderCode === genderCode);
}

function parseResident(text: Uint8Array, origin: DataOrigin): Omitted<ResidentCard> {
  const r = fields(text, origin);
  const L = RESIDENT_LAYOUT;
  const nationCode = r.optional(L.nation, 'nation');
  const nation = nationName(nationCode);
  if (nation === undefined) throw new BadTextError('nation', `code ${JSON.stringify(nationCode)}`, origin);
  const { gender, genderCode } = r.gender(L.gender);
  const birthDate = r.date(L.birthDate, 'birthDate');
  const idNumber = r.required(L.idNumber, 'idNumber');
  return {
    cardType: 'resident',
    name: r.required(L.name, 'name'),
    gender,
    genderCode,
    nation,
    nationCode,
    birthDate,
    address: r.required(L.address, 'address'),
    idNumber,
    idNumberValid: consistent(checkIdNumber(idNumber), birthDate, genderCode),
    authority: r.required(L.authority, 'authority'),
    validFrom: r.date(L.validFrom, 'validFrom'),
    validTo: r.validTo(L.validTo),
  };
}

function parseHmt(text: Uint8Array, origin: DataOrigin): Omitted<HmtResidencePermit> {
  const r = fields(text, origin);
  const L = HMT_LAYOUT;
  const { gender, genderCode } = r.gender(L.gender);
  const birthDate = r.date(L.birthDate, 'birthDate');
  const idNumber = r.required(L.idNumber, 'idNumber');
  return {
    cardType: 'hmt-residence',
    name: r.required(L.name, 'name'),
    gender,
    genderCode,
    birthDate,
    address: r.required(L.address, 'address'),
    idNumber,
    // Permits are numbered under the region codes 810000 (Hong Kong), 820000 (Macau) and 830000 (Taiwan).
    idNumberValid: /^8[123]0000/.test(idNumber) && consistent(checkIdNumber(idNumber), birthDate, genderCode),
    authority: r.required(L.authority, 'authority'),
    validFrom: r.date(L.validFrom, 'validFrom'),
    validTo: r.validTo(L.validTo),
    passNumber: r.required(L.passNumber, 'passNumber'),
    issueCount: r.required(L.issueCount, 'issueCount'),
  };
}

function nationality(value: string, origin: DataOrigin): string {
  if (!/^[A-Z]{3}$/.test(value)) throw new BadTextError('nationality', `not an alpha-3 code: ${JSON.stringify(value)}`, origin);
  return value;
}

function parseForeign2017(text: Uint8Array, origin: DataOrigin): Omitted<ForeignPermanentCard2017> {
  const r = fields(text, origin);
  const L = FOREIGN_2017_LAYOUT;
  const { gender, genderCode } = r.gender(L.gender);
  const birthDate = r.date(L.birthDate, 'birthDate');
  const idNumber = r.required(L.idNumber, 'idNumber');
  const englishName = r.required(L.englishName, 'englishName');
  const chineseName = r.optional(L.chineseName, 'chineseName');
  return {
    cardType: 'foreign-permanent-2017',
    name: chineseName || englishName,
    englishName,
    chineseName,
    gender,
    genderCode,
    birthDate,
    nationality: nationality(r.required(L.nationality, 'nationality'), origin),
    idNumber,
    idNumberValid: consistent(checkForeignPermanentNumber2017(idNumber, birthDate), birthDate, genderCode),
    validFrom: r.date(L.validFrom, 'validFrom'),
    validTo: r.validTo(L.validTo),
    cardVersion: r.optional(L.cardVersion, 'cardVersion'),
    authorityCode: r.optional(L.authorityCode, 'authorityCode'),
  };
}

function parseForeign2023(text: Uint8Array, origin: DataOrigin): Omitted<ForeignPermanentCard2023> {
  const r = fields(text, origin);
  const L = FOREIGN_2023_LAYOUT;
  const { gender, genderCode } = r.gender(L.gender);
  const birthDate = r.date(L.birthDate, 'birthDate');
  const idNumber = r.required(L.idNumber, 'idNumber');
  // A long name fills the first field to the last character (which may be a space) and runs on into the second.
  const continued = r.optional(L.englishNameContinued, 'englishNameContinued');
  const englishName =
    continued === ''
      ? r.required(L.englishName, 'englishName')
      : readField(text, L.englishName, 'englishName', origin, false) + continued;
  const chineseName = r.optional(L.chineseName, 'chineseName');
  return {
    cardType: 'foreign-permanent-2023',
    name: chineseName || englishName,
    englishName,
    chineseName,
    gender,
    genderCode,
    birthDate,
    nationality: nationality(r.required(L.nationality, 'nationality'), origin),
    idNumber,
    idNumberValid: consistent(checkForeignPermanentNumber2023(idNumber), birthDate, genderCode),
    validFrom: r.date(L.validFrom, 'validFrom'),
    validTo: r.validTo(L.validTo),
    renewalCount: r.optional(L.renewalCount, 'renewalCount'),
    previousNumberLink: r.optional(L.previousNumberLink, 'previousNumberLink'),
  };
}
