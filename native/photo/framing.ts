import type { PhotoSpec } from '../../contract/domain/photo-spec.ts';
import type { Point, Similarity } from '../face/warp.ts';

/** The face's geometry in the picture, from the 68 landmarks and (once segmented) the hair top. */
export interface HeadGeometry {
  /** Midpoint between the eyes, the pivot the photo is levelled around. */
  eyes: Point;
  /** Eye line's angle to the horizontal, radians; positive when the right-hand eye in the picture sits lower. */
  roll: number;
  /** In levelled coordinates around `eyes` (y down): the chin, the face midline, the jaw's width. */
  chinY: number;
  midX: number;
  jawWidth: number;
  /** The hair top, levelled; estimated from the face until the matte measures it. */
  crownY: number;
}

const mean = (points: readonly Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

/** Levelled coordinates: the picture rotated by −roll around the eye midpoint, which becomes the origin. */
export function level(p: Point, eyes: Point, roll: number): Point {
  const c = Math.cos(roll), s = Math.sin(roll);
  const dx = p.x - eyes.x, dy = p.y - eyes.y;
  return { x: c * dx + s * dy, y: -s * dx + c * dy };
}

/** Eye-to-chin over crown-to-chin for an adult head with hair: where the crown is guessed before the matte. */
const EYE_TO_CHIN_SHARE = 0.5;

export function headGeometry(landmarks: readonly Point[]): HeadGeometry {
  const left = mean(landmarks.slice(36, 42));
  const right = mean(landmarks.slice(42, 48));
  const eyes = { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 };
  const roll = Math.atan2(right.y - left.y, right.x - left.x);
  const chin = level(landmarks[8]!, eyes, roll);
  const jawL = level(landmarks[0]!, eyes, roll), jawR = level(landmarks[16]!, eyes, roll);
  const bridge = mean(landmarks.slice(27, 31).map((p) => level(p, eyes, roll)));
  const chinY = chin.y;
  return {
    eyes,
    roll,
    chinY,
    midX: bridge.x,
    jawWidth: Math.hypot(jawR.x - jawL.x, jawR.y - jawL.y),
    crownY: chinY - chinY / EYE_TO_CHIN_SHARE,
  };
}

/** Where the head lands in the photo: output pixels per picture pixel, and the eye line's row. */
export interface Placement {
  scale: number;
  eyeRow: number;
}

const mid = ([a, b]: readonly [number, number]) => (a + b) / 2;

/** The middle of the overlap of closed ranges, or null when they do not overlap. */
function middleOf(ranges: [number, number][]): number | null {
  const low = Math.max(...ranges.map((r) => r[0]));
  const high = Math.min(...ranges.map((r) => r[1]));
  return low <= high ? (low + high) / 2 : null;
}

/**
 * Scale and eye row that put head height, face width, eye line and crown gap in the middle of what the spec
 * allows at once; where the ranges cannot all be met, head height and eye line come first.
 */
export function place(head: HeadGeometry, spec: PhotoSpec): Placement {
  const headPx = head.chinY - head.crownY;
  const byHead: [number, number] = [(spec.headHeight[0] * spec.heightPx) / headPx, (spec.headHeight[1] * spec.heightPx) / headPx];
  const byFace: [number, number][] = spec.faceWidth
    ? [[(spec.faceWidth[0] * spec.widthPx) / head.jawWidth, (spec.faceWidth[1] * spec.widthPx) / head.jawWidth]]
    : [];
  const scale = middleOf([byHead, ...byFace]) ?? mid(byHead);
  const eyeToCrown = -head.crownY * scale;
  const byEye: [number, number] = [spec.eyeLine[0] * spec.heightPx, spec.eyeLine[1] * spec.heightPx];
  const byCrown: [number, number][] = spec.crownGap
    ? [[spec.crownGap[0] * spec.heightPx + eyeToCrown, spec.crownGap[1] * spec.heightPx + eyeToCrown]]
    : [];
  const eyeRow = middleOf([byEye, ...byCrown]) ?? mid(byEye);
  return { scale, eyeRow };
}

/** Output pixel → picture pixel for a placement: the map `warp` samples through. */
export function outputToPicture(head: HeadGeometry, spec: PhotoSpec, at: Placement): Similarity {
  const c = Math.cos(head.roll), s = Math.sin(head.roll);
  // Levelled q = ((u − W/2)/scale + midX, (v − eyeRow)/scale); picture p = eyes + R(roll)·q.
  const qx0 = head.midX - spec.widthPx / 2 / at.scale;
  const qy0 = -at.eyeRow / at.scale;
  return {
    a: c / at.scale,
    b: s / at.scale,
    tx: head.eyes.x + c * qx0 - s * qy0,
    ty: head.eyes.y + s * qx0 + c * qy0,
  };
}
