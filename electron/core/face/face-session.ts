import { StationError } from '../../../contract/domain/errors.ts';
import type { FaceChallenge, FaceFailure, FacePrompt } from '../../../contract/domain/face-check.ts';
import { LivenessCheck } from '../../../native/face/liveness.ts';
import type { FaceModelPort } from './face-model.ts';

/** Good frontal frames that may miss the reference before the check fails as someone else's face. */
export const MISMATCHES_ALLOWED = 3;

/** The machine's decision on a check: the numbers that are logged, never a frame. */
export interface SessionDecision {
  failure: FaceFailure | null;
  /** The larger of the two matching distances (before and after the challenge), or the last miss. */
  distance: number | null;
  parallax: number | null;
  flags: string[];
  /** The live face's descriptor of a passed check, to become this station's reference; null otherwise. */
  descriptor: number[] | null;
}

export type SessionStep = { prompt: FacePrompt } | { decided: SessionDecision };

/**
 * One face check in progress, frame by frame: first a clear frontal face that matches the reference; then the
 * liveness challenge, judged on landmarks from that frame on (so the challenge starts from the matched face); then
 * a frontal face that matches again, so the person who did the challenge is the one who matched.
 */
export class FaceSession {
  #phase: 'match' | 'challenge' | 'confirm' = 'match';
  #liveness: LivenessCheck | null = null;
  #mismatches = 0;
  #distance: number | null = null;
  #parallax: number | null = null;
  #flags: string[] = [];

  constructor(
    private readonly model: FaceModelPort,
    private readonly reference: number[],
    readonly challenge: FaceChallenge,
  ) {}

  async frame(image: Uint8Array, atMs: number): Promise<SessionStep> {
    const embed = this.#phase !== 'challenge';
    let face;
    try {
      face = await this.model.faceDescribe(image, { embed });
    } catch (error) {
      if (error instanceof StationError && (error.code === 'face.no-face' || error.code === 'face.several-faces')) return { prompt: error.code };
      throw error;
    }
    const sample = { atMs, landmarks: face.landmarks, quality: face.quality.measures };
    if (this.#phase === 'challenge') {
      const verdict = this.#liveness!.add(sample);
      if (verdict.state === 'failed') return this.#decide(verdict.failure, verdict.parallax);
      if (verdict.state === 'waiting') return { prompt: verdict.prompt };
      this.#parallax = verdict.parallax;
      this.#phase = 'confirm';
      return { prompt: 'face.look-straight' };
    }
    this.#flags = face.quality.failed;
    const [gate] = face.quality.failed;
    if (gate) return { prompt: gate };
    const { match, distance } = await this.model.faceDecide(face.descriptor, this.reference);
    if (!match) {
      this.#distance = distance;
      if (++this.#mismatches >= MISMATCHES_ALLOWED) return this.#decide('face.mismatch', this.#parallax);
      return { prompt: 'face.look-straight' };
    }
    this.#distance = Math.max(this.#distance ?? 0, distance);
    if (this.#phase === 'confirm') return { decided: { failure: null, distance: this.#distance, parallax: this.#parallax, flags: [], descriptor: face.descriptor } };
    this.#phase = 'challenge';
    this.#liveness = new LivenessCheck(this.challenge, atMs);
    const verdict = this.#liveness.add(sample);
    return { prompt: verdict.state === 'waiting' ? verdict.prompt : `face.do.${this.challenge}` };
  }

  /** The time ran out: what failed is what the check was waiting for. */
  timedOut(): SessionDecision {
    return this.#decide(this.#phase === 'match' ? (this.#mismatches > 0 ? 'face.mismatch' : 'face.no-good-frame') : 'face.liveness-timeout', this.#parallax).decided;
  }

  #decide(failure: FaceFailure, parallax: number | null): { decided: SessionDecision } {
    return { decided: { failure, distance: this.#distance, parallax, flags: this.#flags, descriptor: null } };
  }
}
