import type { RgbImage } from './decode.ts';
import type { FaceQualityCode } from './errors.ts';
import type { FaceManifest } from './manifest.ts';
import { apply, invert, type Point, type Similarity } from './warp.ts';

export type QualityGates = FaceManifest['quality'];

/** What the gates look at, each a plain number so a log or a report can show why a face was refused. */
export interface QualityMeasures {
  /** Jaw width (landmarks 0–16) in picture pixels. */
  faceWidth: number;
  /** How far the face centre is from the picture centre, as a fraction of the picture's side on that axis. */
  centreOffset: number;
  /** Mean luma (0–255) of cheeks and nose in the aligned chip. */
  brightness: number;
  /** Variance of the Laplacian of the aligned chip's middle: low means no edges, i.e. blur. */
  sharpness: number;
  /** Eye aspect ratio (height over width), the mean of both eyes: near 0 when closed. */
  eyeOpenness: number;
  /** Mean luma of the eye regions over that of the cheeks: low under sunglasses or a hand. */
  eyeLuma: number;
  /** Nose tip across the jaw, 0.5 when facing the camera (in the aligned chip, so roll does not count). */
  yaw: number;
  /** Nose tip between the eye line (0) and the mouth line (1). */
  pitch: number;
}

export interface QualityReport {
  measures: QualityMeasures;
  /** The gates failed, most actionable first; empty when the face is fit to verify. */
  failed: FaceQualityCode[];
}

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

function greyChip(chip: Float32Array, size: number): Float32Array {
  const grey = new Float32Array(size * size);
  for (let i = 0; i < grey.length; i++) grey[i] = luma(chip[3 * i]!, chip[3 * i + 1]!, chip[3 * i + 2]!);
  return grey;
}

function meanIn(grey: Float32Array, size: number, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0, n = 0;
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(size, Math.round(y1)); y++) {
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(size, Math.round(x1)); x++) {
      sum += grey[y * size + x]!;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

function laplacianVariance(grey: Float32Array, size: number, from: number, to: number): number {
  let sum = 0, sq = 0, n = 0;
  for (let y = from; y < to; y++) {
    for (let x = from; x < to; x++) {
      const i = y * size + x;
      const v = 4 * grey[i]! - grey[i - 1]! - grey[i + 1]! - grey[i - size]! - grey[i + size]!;
      sum += v; sq += v * v; n++;
    }
  }
  const mean = sum / n;
  return sq / n - mean * mean;
}

const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

function eyeAspect(l: readonly Point[], first: number): number {
  const p = (k: number) => l[first + k]!;
  return (dist(p(1), p(5)) + dist(p(2), p(4))) / (2 * dist(p(0), p(3)));
}

const mid = (points: Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

/**
 * Measures one face: from its 68 landmarks in the picture, the picture, and its aligned recognition chip (float
 * RGB, `size` square, `chipToImage` mapping chip pixels to picture pixels).
 */
export function measureQuality(image: RgbImage, landmarks: readonly Point[], chip: Float32Array, size: number, chipToImage: Similarity): QualityMeasures {
  const grey = greyChip(chip, size);
  const inChip = landmarks.map((p) => apply(invert(chipToImage), p));
  const centre = mid([...landmarks]);
  const eyeBox = (first: number) => {
    const c = mid(inChip.slice(first, first + 6));
    const half = 0.07 * size;
    return meanIn(grey, size, c.x - half, c.y - half * 0.7, c.x + half, c.y + half * 0.7);
  };
  const cheeks = meanIn(grey, size, 0.3 * size, 0.5 * size, 0.7 * size, 0.72 * size);
  const eyes = (eyeBox(36) + eyeBox(42)) / 2;
  return {
    faceWidth: dist(landmarks[0]!, landmarks[16]!),
    centreOffset: Math.max(Math.abs(centre.x / image.width - 0.5), Math.abs(centre.y / image.height - 0.5)),
    brightness: cheeks,
    sharpness: laplacianVariance(grey, size, Math.round(0.25 * size), Math.round(0.75 * size)),
    eyeLuma: cheeks > 0 ? eyes / cheeks : 0,
    ...poseMeasures(landmarks, inChip),
  };
}

/** The measures read from the landmarks alone: the eyes' openness (in the picture) and the pose (in the chip). */
export function poseMeasures(landmarks: readonly Point[], inChip: readonly Point[]): Pick<QualityMeasures, 'eyeOpenness' | 'yaw' | 'pitch'> {
  const jawL = inChip[0]!, jawR = inChip[16]!, nose = inChip[30]!;
  const eyeLine = mid(inChip.slice(36, 48));
  const mouthLine = mid([inChip[48]!, inChip[54]!]);
  return {
    eyeOpenness: (eyeAspect(landmarks, 36) + eyeAspect(landmarks, 42)) / 2,
    yaw: (nose.x - jawL.x) / (jawR.x - jawL.x),
    pitch: (nose.y - eyeLine.y) / (mouthLine.y - eyeLine.y),
  };
}

/** The gates a face fails, in the order a person can fix them: come closer and centre, then light, then pose. */
export function judgeQuality(m: QualityMeasures, g: QualityGates): FaceQualityCode[] {
  const failed: FaceQualityCode[] = [];
  if (m.faceWidth < g.minFaceWidth) failed.push('face.too-small');
  if (m.centreOffset > g.maxCentreOffset) failed.push('face.off-centre');
  if (m.brightness < g.minBrightness) failed.push('face.too-dark');
  if (m.brightness > g.maxBrightness) failed.push('face.too-bright');
  if (Math.abs(m.yaw - 0.5) > g.maxYawOffset || m.pitch < g.pitchRange[0] || m.pitch > g.pitchRange[1]) failed.push('face.head-turned');
  if (m.eyeOpenness < g.minEyeOpenness || m.eyeLuma < g.minEyeLuma) failed.push('face.eyes-covered');
  if (m.sharpness < g.minSharpness) failed.push('face.blurred');
  return failed;
}
