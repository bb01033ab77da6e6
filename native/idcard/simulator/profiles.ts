/**
 * Card profiles for the simulator: fictional people in assets/idcard/profiles/*.json. `card` holds exactly the
 * text fields a correct decoder must produce, so the same file is the simulator's input and the tests' answer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { BadProfileError } from '../errors.ts';
import type { CardText } from '../identity.ts';
import { assetPath } from '../../app-paths.ts';

export const PROFILE_DIR = assetPath('idcard', 'profiles');

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const common = {
  name: z.string().min(1),
  gender: z.enum(['男', '女']),
  genderCode: z.enum(['1', '2']),
  birthDate: date,
  idNumber: z.string().min(1),
  idNumberValid: z.boolean(),
  validFrom: date,
  validTo: z.union([date, z.literal('长期')]),
};

const CardTextSchema = z.discriminatedUnion('cardType', [
  z.strictObject({
    cardType: z.literal('resident'),
    ...common,
    nation: z.string().min(1),
    nationCode: z.string().regex(/^\d{2}$/),
    address: z.string().min(1),
    authority: z.string().min(1),
  }),
  z.strictObject({
    cardType: z.literal('hmt-residence'),
    ...common,
    address: z.string().min(1),
    authority: z.string().min(1),
    passNumber: z.string().min(1),
    issueCount: z.string().min(1),
  }),
  z.strictObject({
    cardType: z.literal('foreign-permanent-2017'),
    ...common,
    englishName: z.string().min(1),
    chineseName: z.string(),
    nationality: z.string().regex(/^[A-Z]{3}$/),
    cardVersion: z.string(),
    authorityCode: z.string(),
  }),
  z.strictObject({
    cardType: z.literal('foreign-permanent-2023'),
    ...common,
    englishName: z.string().min(1),
    chineseName: z.string(),
    nationality: z.string().regex(/^[A-Z]{3}$/),
    renewalCount: z.string(),
    previousNumberLink: z.string(),
  }),
]);

const ProfileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().min(1),
  /** Whether the card holds fingerprints (answered in a `30 10` read). */
  fingerprint: z.boolean(),
  /**
   * The face the simulator's WLT decoder shows for this card: a region of one of the sample photos that
   * @vladmandic/face-api ships in demo/ (read from node_modules, never copied), as a real decoder gives 102×126.
   */
  photo: z
    .strictObject({
      demo: z.string().regex(/^sample\d\.jpg$/),
      crop: z.strictObject({ left: z.int().nonnegative(), top: z.int().nonnegative(), width: z.int().positive(), height: z.int().positive() }),
    })
    .optional(),
  card: CardTextSchema,
});

export interface CardProfile {
  id: string;
  description: string;
  fingerprint: boolean;
  photo?: { demo: string; crop: { left: number; top: number; width: number; height: number } };
  card: CardText;
}

export function parseProfile(json: unknown, source: string): CardProfile {
  const result = ProfileSchema.safeParse(json);
  if (!result.success) {
    throw new BadProfileError(source, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return result.data;
}

/** Every profile in a directory, keyed by id; the file name must be the id. */
export function loadProfiles(dir: string = PROFILE_DIR): Map<string, CardProfile> {
  const profiles = new Map<string, CardProfile>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const profile = parseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')), file);
    if (profile.id !== basename(file, '.json')) throw new BadProfileError(file, `id ${profile.id} does not match the file name`);
    profiles.set(profile.id, profile);
  }
  return profiles;
}
