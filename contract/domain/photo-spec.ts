import { z } from 'zod';

/**
 * 证件照 specs (assets/photo/specs.json): each size as printed and in pixels at its print resolution, where the head
 * and the eyes must fall as fractions of the frame, and the backgrounds it is made on. Declared once for the station
 * that frames and prints photos and the catalogue that names the spec a material asks for.
 */

export const PHOTO_BACKGROUNDS = ['red', 'blue', 'white'] as const;
export const PhotoBackgroundSchema = z.enum(PHOTO_BACKGROUNDS);
export type PhotoBackground = z.infer<typeof PhotoBackgroundSchema>;

/** A closed range of fractions of the frame, low to high. */
const Fraction = z.number().min(0).max(1);
const FractionRange = z.tuple([Fraction, Fraction]).refine(([low, high]) => low <= high, 'a range goes from low to high');

const Rgb = z.tuple([z.int().min(0).max(255), z.int().min(0).max(255), z.int().min(0).max(255)]);

export const PhotoSpecSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  widthMm: z.number().positive(),
  heightMm: z.number().positive(),
  dpi: z.int().positive(),
  /** The pixel size at `dpi`: millimetres × dpi / 25.4, rounded, unless the standard states its own pixels. */
  widthPx: z.int().positive(),
  heightPx: z.int().positive(),
  /** Crown to chin, as a fraction of the frame's height. */
  headHeight: FractionRange,
  /** The eye line's distance from the top edge, as a fraction of the frame's height. */
  eyeLine: FractionRange,
  /** Face width (cheek to cheek), as a fraction of the frame's width, where the standard gives it. */
  faceWidth: FractionRange.optional(),
  /** The crown's (hair top's) distance from the top edge, as a fraction of the frame's height, where given. */
  crownGap: FractionRange.optional(),
  backgrounds: z.array(PhotoBackgroundSchema).min(1),
  source: z.string().min(4),
});
export type PhotoSpec = z.infer<typeof PhotoSpecSchema>;

export const PhotoSpecsSchema = z
  .strictObject({
    $schema: z.string().optional(),
    backgrounds: z.record(PhotoBackgroundSchema, z.strictObject({ name: z.string(), rgb: Rgb })),
    backgroundSource: z.string().min(4),
    specs: z.array(PhotoSpecSchema).min(1),
  })
  .refine((d) => new Set(d.specs.map((s) => s.id)).size === d.specs.length, 'spec ids are unique');
export type PhotoSpecs = z.infer<typeof PhotoSpecsSchema>;
