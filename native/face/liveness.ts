import type { FaceChallenge, FacePrompt } from '../../contract/domain/face-check.ts';
import { homographyResidual, similarityResidual } from './liveness/geometry.ts';
import type { QualityMeasures } from './quality.ts';
import type { Point } from './warp.ts';

/**
 * Liveness for the face check, over the landmarks of successive frames; pure, no I/O, no clock (each sample says
 * when it was taken). Two judgements:
 *
 * - the active challenge: from a frontal start, turn to the villager's own left or right (`quality.yaw`), or blink
 *   (the eyes' aspect ratio drops and comes back), within the time limit;
 * - the passive flat-picture check: the landmarks of every frame after the frontal one are fitted by one homography
 *   from the frontal frame's. A photo or a screen, however it is moved, tilted or warped, is a plane, and a plane's
 *   views are related by exactly one homography: what is left over is landmark noise. A head is not a plane: as it
 *   turns, the nose tip moves across the cheeks and jaw (parallax), which no homography explains.
 *
 * Passing takes both: the challenge done, and at some frame before the time limit as much parallax as a real turn
 * gives. A blink barely moves the head, so it gives no parallax by itself: after the blink, unless the head has
 * already turned enough by itself, the villager is asked for a turn (either way counts; the prompt names left).
 * When time is up, a face that changed shape on screen without parallax is `face.liveness-flat` (a picture waved
 * about), one that did not is `face.liveness-timeout` (a still picture, or nothing done). Only rigid points enter
 * the fit — the jaw, brows, nose and eye corners — so a blink or a smile is not mistaken for depth.
 *
 * The landmark net is not a perfect measuring device: on a photo turned in front of the lens it places the points
 * partly as if a head had turned, so a flat picture shows some parallax too. The threshold sits above what a card
 * turned moderately gives and below what a deliberate turn gives (DEFAULT_LIVENESS); a card turned steeply (50° and
 * more) can pass.
 *
 * What it does not catch: that steep card; a video of the real person replayed on a screen, which shows the
 * parallax of the head it recorded; a mask, which has depth. It refuses still pictures and pictures held up and
 * moved about, nothing more.
 */

export interface LivenessSample {
  /** When the frame was taken, on any clock shared with `startedAtMs`. */
  atMs: number;
  /** The 68 iBUG landmarks in the frame's pixels. */
  landmarks: Point[];
  quality: QualityMeasures;
}

export type LivenessVerdict =
  | { state: 'waiting'; prompt: FacePrompt }
  | { state: 'passed'; parallax: number }
  | { state: 'failed'; failure: 'face.liveness-timeout' | 'face.liveness-flat'; parallax: number | null };

export interface LivenessLimits {
  /** From the check's start to its challenge done. */
  timeLimitMs: number;
  /** |yaw − 0.5| at most this is looking straight at the camera. */
  frontalYaw: number;
  /** Consecutive frontal, steady samples that make the start (the reference for the fit and the open eyes). */
  frontalSamples: number;
  /** Shape change between consecutive samples (similarity residual / inter-ocular) above which a face is not steady. */
  steadyShape: number;
  /** Yaw moved at least this from the frontal start's, on the asked side, is a turn. */
  turnYaw: number;
  /** Eyes closed: the aspect ratio below this fraction of the frontal start's. */
  blinkClosed: number;
  /** Eyes open again: back above this fraction. */
  blinkOpen: number;
  /** Homography residual / inter-ocular distance at least this is depth: not a flat picture. */
  minParallax: number;
  /** Similarity residual / inter-ocular at least this: the face changed shape on screen (turned, or was tilted). */
  minMotion: number;
}

/**
 * How they were chosen. Two sources: the 3D landmark template of the unit tests (scripts/face/head-template.ts,
 * exact points) and the real landmark net on the synthetic clips of scripts/face/face-video.ts (four frontal demo
 * faces, each turned as a head with the template's depths, and held up as a flat card turned at about 25 cm):
 * - turn 0.15: a rendered head's yaw moves 0.11–0.17 at 15° and 0.22–0.29 at 25°. Looking straight (0.06) is
 *   about 5°;
 * - parallax 0.09: a rendered head leaves 0.06–0.09 at 15°, 0.08–0.12 at 20° and 0.105–0.135 at 25° (the template
 *   0.06, 0.08, 0.10); a flat card turned 35° leaves 0.050–0.081, 50° 0.069–0.091, 65° 0.079–0.125 — the net places
 *   a foreshortened photo's points partly as a turned head's; ±1 px of noise on the template at most 0.021. So a
 *   turn of 25° passes, a card turned up to about 40° does not, and a card turned steeply can: the landmarks alone
 *   cannot tell it from a head;
 * - motion 0.03: a card changes shape by 0.03–0.08 while waved, a still picture by nothing;
 * - a blink takes the eye aspect ratio from about 0.3 to under 0.15; closing to 0.6 of the start and opening to 0.85
 *   needs a real closure and forgives a squint (on landmarks only: the net was not seen to follow a drawn blink);
 * - 8 s is the prompt read aloud, a turn and back, with room for a second try.
 * None of it is measured on people: these are a synthetic calibration, to be redone on real camera footage.
 */
export const DEFAULT_LIVENESS: LivenessLimits = {
  timeLimitMs: 8000,
  frontalYaw: 0.06,
  frontalSamples: 3,
  steadyShape: 0.02,
  turnYaw: 0.15,
  blinkClosed: 0.6,
  blinkOpen: 0.85,
  minParallax: 0.09,
  minMotion: 0.03,
};

/** The points of a face that keep their shape as it turns: jaw 0–16, brows 17–26, nose 27–35, eye corners. */
const RIGID = [...Array.from({ length: 36 }, (_, i) => i), 36, 39, 42, 45];

const rigid = (landmarks: readonly Point[]): Point[] => RIGID.map((i) => landmarks[i]!);

function interOcular(landmarks: readonly Point[]): number {
  const centre = (first: number) => {
    const eye = landmarks.slice(first, first + 6);
    return { x: eye.reduce((s, p) => s + p.x, 0) / 6, y: eye.reduce((s, p) => s + p.y, 0) / 6 };
  };
  const l = centre(36), r = centre(42);
  return Math.hypot(r.x - l.x, r.y - l.y);
}

/**
 * How a frame's face differs from a reference frame's, on the rigid points, as fractions of the reference's
 * inter-ocular distance: `parallax`, what one homography leaves (0 for any view of a flat picture), and `motion`,
 * what a similarity leaves (0 when the face only moved, turned in the picture's plane or changed size).
 */
export function measureParallax(reference: readonly Point[], frame: readonly Point[]): { parallax: number; motion: number } {
  const from = rigid(reference), to = rigid(frame);
  const iod = interOcular(reference);
  return { parallax: homographyResidual(from, to) / iod, motion: similarityResidual(from, to) / iod };
}

const CHALLENGE_PROMPT: Record<FaceChallenge, FacePrompt> = {
  'turn-left': 'face.do.turn-left',
  'turn-right': 'face.do.turn-right',
  blink: 'face.do.blink',
};

/**
 * One check's liveness, fed one sample per frame as they come (the kiosk sends about ten a second). Once passed or
 * failed, the verdict stays. Frames without a face never reach it: the caller prompts for those, and ends a check
 * whose camera went quiet itself.
 */
export class LivenessCheck {
  private readonly limits: LivenessLimits;
  private frontal: LivenessSample[] = [];
  private reference: { landmarks: Point[]; eyeOpenness: number; yaw: number } | null = null;
  private maxParallax = 0;
  private maxMotion = 0;
  private eyesClosed = false;
  /** The turn or the blink was seen; passing waits only for the parallax. */
  private done = false;
  private final: Exclude<LivenessVerdict, { state: 'waiting' }> | null = null;

  constructor(
    readonly challenge: FaceChallenge,
    private readonly startedAtMs: number,
    limits: Partial<LivenessLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIVENESS, ...limits };
  }

  add(sample: LivenessSample): LivenessVerdict {
    if (this.final) return this.final;
    const verdict = this.judge(sample);
    if (verdict.state !== 'waiting') this.final = verdict;
    return verdict;
  }

  private judge(sample: LivenessSample): LivenessVerdict {
    const l = this.limits;
    if (sample.atMs - this.startedAtMs > l.timeLimitMs) {
      const flat = this.reference !== null && this.maxMotion >= l.minMotion && this.maxParallax < l.minParallax;
      return { state: 'failed', failure: flat ? 'face.liveness-flat' : 'face.liveness-timeout', parallax: this.reference ? this.maxParallax : null };
    }
    if (!this.reference) return this.start(sample);

    const { parallax, motion } = measureParallax(this.reference.landmarks, sample.landmarks);
    this.maxParallax = Math.max(this.maxParallax, parallax);
    this.maxMotion = Math.max(this.maxMotion, motion);
    // quality.yaw is the nose across the jaw in the camera's own (unmirrored) picture. Turning to one's own left
    // moves the nose towards one's left, which the camera sees on the picture's right: yaw goes up.
    const turn = sample.quality.yaw - this.reference.yaw;
    const deep = this.maxParallax >= l.minParallax;

    if (this.challenge === 'blink') {
      if (!this.done) {
        const ratio = sample.quality.eyeOpenness / this.reference.eyeOpenness;
        if (ratio < l.blinkClosed) this.eyesClosed = true;
        else if (this.eyesClosed && ratio > l.blinkOpen) this.done = true;
        if (!this.done) return { state: 'waiting', prompt: 'face.do.blink' };
      }
      return deep ? { state: 'passed', parallax: this.maxParallax } : { state: 'waiting', prompt: 'face.do.turn-left' };
    }
    if ((this.challenge === 'turn-left' ? turn : -turn) >= l.turnYaw) this.done = true;
    return this.done && deep ? { state: 'passed', parallax: this.maxParallax } : { state: 'waiting', prompt: CHALLENGE_PROMPT[this.challenge] };
  }

  /** Waits for a frontal, steady face: its last sample is the reference every later frame is fitted against. */
  private start(sample: LivenessSample): LivenessVerdict {
    const l = this.limits;
    if (Math.abs(sample.quality.yaw - 0.5) > l.frontalYaw) {
      this.frontal = [];
      return { state: 'waiting', prompt: 'face.look-straight' };
    }
    const previous = this.frontal.at(-1);
    if (previous && measureParallax(previous.landmarks, sample.landmarks).motion > l.steadyShape) {
      this.frontal = [sample];
      return { state: 'waiting', prompt: 'face.hold-still' };
    }
    this.frontal.push(sample);
    if (this.frontal.length < l.frontalSamples) return { state: 'waiting', prompt: 'face.hold-still' };
    const average = (measure: 'eyeOpenness' | 'yaw') => this.frontal.reduce((s, f) => s + f.quality[measure], 0) / this.frontal.length;
    this.reference = { landmarks: sample.landmarks, eyeOpenness: average('eyeOpenness'), yaw: average('yaw') };
    this.frontal = [];
    return { state: 'waiting', prompt: CHALLENGE_PROMPT[this.challenge] };
  }
}
