import { z } from 'zod';
import { PhotoBackgroundSchema } from '../domain/photo-spec.ts';

/** Frames one photo is made from: the station keeps the best of them. */
export const MAX_PHOTO_FRAMES = 6;

const Check = z.strictObject({ value: z.number(), range: z.tuple([z.number(), z.number()]), ok: z.boolean() });

/** A finished 证件照 the core holds for the visit (or the clerk's session) until it is printed, kept or dropped. */
export const PhotoMade = z.strictObject({
  /** The core's handle on it: unguessable, void once the visit or session ends. */
  photo: z.string(),
  spec: z.strictObject({ id: z.string(), name: z.string(), widthMm: z.number(), heightMm: z.number(), dpi: z.int() }),
  /** null for the card's own photo, whose ground is the card's. */
  background: PhotoBackgroundSchema.nullable(),
  source: z.enum(['camera', 'card']),
  widthPx: z.int().positive(),
  heightPx: z.int().positive(),
  /** Enlarged beyond what prints sharp (the card photo is 102 × 126): the screen says so before printing. */
  lowResolution: z.boolean(),
  /** Each check measured on the finished photo (head height, eye line, and where the spec gives them face width and crown); none for the card photo. */
  checks: z.record(z.string(), Check),
  /** Which camera frame was kept, of how many. */
  frame: z.strictObject({ chosen: z.int().nonnegative(), offered: z.int().positive() }).nullable(),
  /** The finished photo itself, a JPEG at print resolution (about 30 KB), for the preview. */
  jpeg: z.base64(),
  /** What a printed sheet holds. */
  sheet: z.strictObject({ count: z.int().nonnegative(), columns: z.int().nonnegative(), rows: z.int().nonnegative() }),
});
export type PhotoMade = z.infer<typeof PhotoMade>;
/** What the core knows of a held photo beside its handle and bytes. */
export type PhotoDescription = Omit<PhotoMade, 'photo' | 'jpeg'>;
