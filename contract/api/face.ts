import { z } from 'zod';
import { FaceChallengeSchema, FaceCheckResult, FacePromptSchema, FaceReferenceSchema } from '../domain/face-check.ts';

/** A camera frame as the screen sends it (a 640×480 JPEG is about 60 KB): far less than a page still. */
export const MAX_FRAME_BASE64 = 2_000_000;

export const FaceCheckStarted = z.strictObject({
  check: z.string(),
  challenge: FaceChallengeSchema,
  /** Where the face to compare with comes from; `none` means no machine check is possible here. */
  reference: FaceReferenceSchema,
  expiresAt: z.iso.datetime(),
});
export type FaceCheckStarted = z.infer<typeof FaceCheckStarted>;

/** After a frame: keep going with a prompt, or the decision. */
export const FaceFrameAnswer = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('looking'), prompt: FacePromptSchema }),
  z.strictObject({ state: z.literal('decided'), result: FaceCheckResult }),
]);
export type FaceFrameAnswer = z.infer<typeof FaceFrameAnswer>;

export const FaceModelStatus = z.strictObject({
  state: z.enum(['loading', 'ready', 'unusable']),
  version: z.string().nullable(),
  threshold: z.number().nullable(),
  loadMs: z.number().nullable(),
  reason: z.string().nullable(),
});
export type FaceModelStatus = z.infer<typeof FaceModelStatus>;

export const FaceTestAnswer = z.strictObject({
  faces: z.int().nonnegative(),
  /** The first thing the person would be asked to change; null when the face is fit to verify. */
  prompt: FacePromptSchema.nullable(),
  ms: z.number().nonnegative(),
});
export type FaceTestAnswer = z.infer<typeof FaceTestAnswer>;
