import { z } from 'zod';

const Day = z.iso.date();

/** The card photo is 1024 bytes of WLT, which only the reader vendor's library decodes; never faked. */
export const PhotoInfo = z.strictObject({
  format: z.literal('wlt'),
  bytes: z.int().nonnegative(),
  decoded: z.strictObject({ mime: z.string(), base64: z.string() }).nullable(),
  unavailableReason: z.enum(['idcard.photo-no-decoder', 'idcard.photo-decode-failed']).optional(),
});

const Common = {
  /** The name to show and fill in: the Chinese name, or for a foreigner without one the English name. */
  name: z.string(),
  gender: z.enum(['男', '女']),
  genderCode: z.enum(['1', '2']),
  birthDate: Day,
  idNumber: z.string(),
  /** Check digit, date and region checks pass and agree with the birth date (and gender). */
  idNumberValid: z.boolean(),
  validFrom: Day,
  validTo: z.union([Day, z.literal('长期')]),
  photo: PhotoInfo,
  fingerprint: z.strictObject({ bytes: z.int().nonnegative() }).optional(),
};

/** What a read card yields, per card type: JSON-safe, ready to fill forms (少填). */
export const IdentityCard = z.discriminatedUnion('cardType', [
  z.strictObject({
    ...Common,
    cardType: z.literal('resident'),
    nation: z.string(),
    nationCode: z.string(),
    address: z.string(),
    authority: z.string(),
  }),
  z.strictObject({
    ...Common,
    cardType: z.literal('hmt-residence'),
    address: z.string(),
    authority: z.string(),
    passNumber: z.string(),
    issueCount: z.string(),
  }),
  z.strictObject({
    ...Common,
    cardType: z.literal('foreign-permanent-2017'),
    englishName: z.string(),
    chineseName: z.string(),
    nationality: z.string(),
    cardVersion: z.string(),
    authorityCode: z.string(),
  }),
  z.strictObject({
    ...Common,
    cardType: z.literal('foreign-permanent-2023'),
    englishName: z.string(),
    chineseName: z.string(),
    nationality: z.string(),
    renewalCount: z.string(),
    previousNumberLink: z.string(),
  }),
]);
export type IdentityCard = z.infer<typeof IdentityCard>;
