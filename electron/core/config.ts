import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../../contract/domain/errors.ts';
import { parseOrThrow } from '../../contract/domain/validate.ts';
import { FACE_CHALLENGES, FaceChallengeSchema } from '../../contract/domain/face-check.ts';

/** Per-station settings a technician may change, kept as `station.json` in the data directory. */
export const StationConfig = z.strictObject({
  /** Printed on receipts and notices. */
  stationName: z.string().min(2).max(40).default('村（社区）便民服务站'),
  /** The line an applicant may call about a case, printed on documents. */
  stationPhone: z.string().max(20).default(''),
  idleTimeoutSec: z.int().min(15).max(3600).default(90),
  defaultLocale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** Serial port of the window's ID-card reader; the first USB serial adapter when not set. */
  idcardPort: z.string().min(1).optional(),
  /**
   * The card photo's WLT decoder: none, the simulator's own, or the reader vendor's shared library (its path, the
   * function's name and whether it writes a BMP or bare BGR rows); unset, the simulator's with --simulate.
   */
  idcardPhotoDecoder: z
    .union([
      z.enum(['none', 'simulator']),
      z.strictObject({
        library: z.strictObject({ path: z.string().min(1), symbol: z.string().regex(/^[A-Za-z_]\w*$/).optional(), output: z.enum(['bmp', 'bgr']).optional() }),
      }),
    ])
    .optional(),
  /** Days a closed case stays on the station once the township has all of it (least data kept). */
  retentionDays: z.int().min(1).max(3650).default(180),
  /** Seconds between sync rounds while all is well. */
  syncIntervalSec: z.int().min(5).max(3600).default(60),
  /** Guardrails (as MOSIP's): warn the clerk after this many days without a sync, or this many unsent events. */
  syncWarnDays: z.int().min(1).max(60).default(3),
  syncWarnPending: z.int().min(1).max(100_000).default(500),
  /** The liveness challenges this station's face checks pick from at random. */
  faceChallenges: z.array(FaceChallengeSchema).min(1).default([...FACE_CHALLENGES]),
  /**
   * The county (县、市、区) the station serves, as ID-card addresses write it (e.g. 津市市): matters for its own
   * residents (户籍在本县) check the card's address against it. Unset: a person checks the household.
   */
  county: z.string().min(2).max(20).optional(),
  /** With `--simulate`: the card lying on the simulated reader, a profile of assets/idcard/profiles (default the first), or `none`. */
  simulatedCard: z.string().regex(/^[a-z0-9-]+$/).optional(),
  /** Which CUPS queue plays which role. */
  printers: z
    .strictObject({
      receipt: z.string().min(1).optional(),
      a4: z.string().min(1).optional(),
      photo: z.string().min(1).optional(),
    })
    .default({}),
});
export type StationConfig = z.infer<typeof StationConfig>;

export const CONFIG_FILE = 'station.json';

export function loadConfig(dataDir: string): StationConfig {
  const file = join(dataDir, CONFIG_FILE);
  if (!existsSync(file)) return StationConfig.parse({});
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ValidationError(`station config ${file}`, [{ path: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return parseOrThrow(StationConfig, json, `station config ${file}`);
}
