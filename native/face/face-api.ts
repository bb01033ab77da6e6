import type { FaceQualityCode } from './errors.ts';
import type { QualityMeasures } from './quality.ts';

/** Which graphs answered, for the decision log and the device page. */
export interface FaceModelInfo {
  version: string;
  threshold: number;
  loadMs: number;
}

/** One picture's face, as plain data. The picture itself is not kept: only what was measured from it. */
export interface FaceDescription {
  /** Faces the detector found (one was used; several is a refusal unless the others are far smaller). */
  faces: number;
  box: { x: number; y: number; width: number; height: number; score: number };
  /** The 68 iBUG landmarks in picture pixels: what the liveness check follows from frame to frame. */
  landmarks: { x: number; y: number }[];
  /** The recognition net's embedding; empty when the description was asked for without it. */
  descriptor: number[];
  quality: { measures: QualityMeasures; failed: FaceQualityCode[] };
}

export interface FaceComparison {
  match: boolean;
  distance: number;
  threshold: number;
  model: string;
  faces: [number, number];
  quality: [FaceQualityCode[], FaceQualityCode[]];
}

export interface DescribeOptions {
  /** Refuse a face that fails a quality gate (the kiosk's live check), rather than only report it (a stored photo). */
  enforceQuality?: boolean;
  /**
   * Run the recognition net (default true). A liveness frame needs only the box, landmarks and quality, and costs
   * a fraction of a full description without it.
   */
  embed?: boolean;
}

/**
 * What the face model offers the core, declared once like DeviceApi: it runs in the device/model process (the
 * graphs take tens of milliseconds of CPU), so arguments and answers are plain data that cross a process boundary.
 * Refusals are FaceError (native/face/errors.ts) with a typed code.
 */
export interface FaceApi {
  info(): FaceModelInfo;
  describe(image: Uint8Array, options?: DescribeOptions): Promise<FaceDescription>;
  compare(a: Uint8Array, b: Uint8Array, options?: DescribeOptions): Promise<FaceComparison>;
  close(): Promise<void>;
}
