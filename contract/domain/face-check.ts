import { z } from 'zod';
import type { Matter } from './catalog.ts';
import type { FormValues } from './forms.ts';

/**
 * The face check (身份一脸识别): the live face at the camera against the applicant's reference photo, with a
 * liveness challenge. Declared once here for the core that runs it, the screens that lead it and the township that
 * shows its result (docs/architecture.md, "Face check").
 */

/** The active liveness challenges, one picked at random per check. Left and right are the villager's own. */
export const FACE_CHALLENGES = ['turn-left', 'turn-right', 'blink'] as const;
export type FaceChallenge = (typeof FACE_CHALLENGES)[number];
export const FaceChallengeSchema = z.enum(FACE_CHALLENGES);

/** Where the reference face came from: the card's own photo (vendor's WLT decoder), the township, or this station's earlier passed check. */
export const FACE_REFERENCES = ['card', 'township', 'station', 'none'] as const;
export const FaceReferenceSchema = z.enum(FACE_REFERENCES);
export type FaceReference = z.infer<typeof FaceReferenceSchema>;

/**
 * How a check ended. `passed`/`failed` are the machine's decision; `overridden` is a clerk accepting a failed check
 * with a reason and PIN; `visual` is a clerk's own look at the card when there is no reference face.
 */
export const FACE_OUTCOMES = ['passed', 'failed', 'overridden', 'visual'] as const;
export const FaceOutcomeSchema = z.enum(FACE_OUTCOMES);
export type FaceOutcome = z.infer<typeof FaceOutcomeSchema>;

/** Outcomes a case may be taken in on; a kiosk intake needs `passed`, the window accepts a clerk's decision too. */
export const ACCEPTED_AT: Record<'kiosk' | 'window', readonly FaceOutcome[]> = {
  kiosk: ['passed'],
  window: ['passed', 'overridden', 'visual'],
};

/**
 * What the person at the camera is asked to do next: a quality gate's prompt (`face.too-small` …), a refusal's
 * (`face.no-face`, `face.several-faces`), or a step of the challenge. Each is a key of assets/messages/<locale>/face.json.
 */
export const FacePromptSchema = z.enum([
  'face.no-face',
  'face.several-faces',
  'face.too-small',
  'face.off-centre',
  'face.too-dark',
  'face.too-bright',
  'face.blurred',
  'face.eyes-covered',
  'face.head-turned',
  'face.look-straight',
  'face.do.turn-left',
  'face.do.turn-right',
  'face.do.blink',
  'face.hold-still',
]);
export type FacePrompt = z.infer<typeof FacePromptSchema>;

/** Why a machine check failed, each a key of face.json. */
export const FaceFailureSchema = z.enum([
  'face.mismatch', // the live face is not the reference's person
  'face.liveness-timeout', // the challenge was not done in time
  'face.liveness-flat', // the face moved as one flat picture: a photo or a screen
  'face.camera-lost', // the camera stopped sending frames mid-check
  'face.no-good-frame', // no clear frontal face came before the check's time ran out
]);
export type FaceFailure = z.infer<typeof FaceFailureSchema>;

/** The decision as logged and shown in the case history: numbers and flags, never a frame. */
export const FaceCheckResult = z.strictObject({
  check: z.string(),
  outcome: FaceOutcomeSchema,
  failure: FaceFailureSchema.nullable(),
  reference: FaceReferenceSchema,
  /** Euclidean distance of the live descriptor to the reference's; null without a reference. */
  distance: z.number().nullable(),
  threshold: z.number(),
  model: z.string(),
  challenge: FaceChallengeSchema,
  /** The passive check's measure: how far the landmarks left one homography (a flat picture stays near 0). */
  parallax: z.number().nullable(),
  /** Quality gates the best frame still failed (kept for the log; a passed check has none). */
  flags: z.array(z.string()),
  /** The clerk who overrode or looked (their name is the station's staff list's), with the reason they gave. */
  clerk: z.strictObject({ staffId: z.int().positive(), reason: z.string() }).nullable(),
  at: z.iso.datetime(),
});
export type FaceCheckResult = z.infer<typeof FaceCheckResult>;

/**
 * Whether a matter asks for a face check with these answers: it names `faceCheck` in the catalogue and the form does
 * not give the answer that waives it (养老待遇资格认证 with 上门认证). An unanswered form still asks for it. The core
 * refuses an intake without one; the screens show the face step by the same rule.
 */
export function faceCheckNeeded(matter: Pick<Matter, 'faceCheck'> | null, form: FormValues): boolean {
  if (!matter?.faceCheck) return false;
  const unless = matter.faceCheck.unless;
  return !(unless && form[unless.field] === unless.value);
}
