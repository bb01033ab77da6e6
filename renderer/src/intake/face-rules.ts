import { api } from '../../../contract/api/api.ts';
import { ACCEPTED_AT, type FaceCheckResult, type FacePrompt } from '../../../contract/domain/face-check.ts';
import type { Role } from '../../../contract/domain/roles.ts';
import type { Channel } from './intake-state.ts';

/** A decided check the intake may rest on here: the kiosk only on a machine pass, the window on a clerk's too. */
export function faceAccepted(channel: Channel, result: FaceCheckResult | null): boolean {
  return result !== null && ACCEPTED_AT[channel].includes(result.outcome);
}

/** Who may accept a failed check or look at the person instead (faceCheckConfirm): a clerk or the station head. */
export function mayConfirmFace(channel: Channel, role: Role | null): boolean {
  const { roles } = api.faceCheckConfirm.auth;
  return channel === 'window' && role !== null && (roles as readonly Role[]).includes(role);
}

export type ConfirmKind = 'override' | 'visual';

/** The fixed reasons a clerk taps (catalogue keys), besides 其他 with their own words. */
export const FACE_REASON_KEYS: Record<ConfirmKind, readonly string[]> = {
  override: ['ui.face.reason.override.changed', 'ui.face.reason.override.light', 'ui.face.reason.override.movement'],
  visual: ['ui.face.reason.visual.compared', 'ui.face.reason.visual.no-photo'],
};

/** The bounds faceCheckConfirm puts on a reason, counted as the core counts them (trimmed UTF-16 length). */
export const REASON_MIN = 2;
export const REASON_MAX = 200;

export function reasonFits(reason: string): boolean {
  const n = reason.trim().length;
  return n >= REASON_MIN && n <= REASON_MAX;
}

/** What to show beside a prompt: the way to turn (as in the mirrored preview), an eye, closer, light, or the face. */
export type PromptIcon = 'left' | 'right' | 'eye' | 'closer' | 'centre' | 'light' | 'still' | 'face';

export function promptIcon(prompt: FacePrompt | null): PromptIcon {
  switch (prompt) {
    case 'face.do.turn-left':
      return 'left';
    case 'face.do.turn-right':
      return 'right';
    case 'face.do.blink':
    case 'face.eyes-covered':
      return 'eye';
    case 'face.too-small':
      return 'closer';
    case 'face.off-centre':
      return 'centre';
    case 'face.too-dark':
    case 'face.too-bright':
      return 'light';
    case 'face.blurred':
    case 'face.hold-still':
      return 'still';
    default:
      return 'face';
  }
}

/**
 * The catalogue key to show for a prompt. face.several-faces counts the faces ({count}), which a frame's answer does
 * not carry: the screen says the same without the number.
 */
export function promptKey(prompt: FacePrompt): string {
  return prompt === 'face.several-faces' ? 'ui.face.severalFaces' : prompt;
}

/** Prompts worth saying aloud at once: what the person must do now. Others wait until the last one had time to sink in. */
export function urgentPrompt(prompt: FacePrompt): boolean {
  return prompt.startsWith('face.do.') || prompt === 'face.look-straight';
}

/** Frames sent at most this often: about eight a second, the next only once the answer to the last is back. */
export const FRAME_INTERVAL_MS = 120;

/** A frame is scaled down to this width at the most: the core's gates are set for a 640-pixel camera picture. */
export const FRAME_MAX_WIDTH = 640;

/** The size to send a camera picture at: its own, or scaled down to FRAME_MAX_WIDTH keeping its shape. */
export function frameSize(width: number, height: number, maxWidth = FRAME_MAX_WIDTH): { width: number; height: number } {
  if (width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.round((height * maxWidth) / width) };
}
