// A 3D head as 68 iBUG landmarks, for the liveness tests and the synthetic face video. Made here, by hand, not
// measured from anyone:
// - x, y of points 17–67 are dlib's mean face (MEAN_X, MEAN_Y in native/face/align.ts, in its unit square: brows
//   near y 0, mouth near y 0.9, outer eye corners 0.74 apart);
// - the jaw contour 0–16 is drawn around it as in the iBUG annotations: from ear level beside the outer eye
//   corners, widest at the cheekbones, down to the chin 0.11 below the lower lip;
// - z (towards the camera) follows rough adult proportions in the same units (one unit is about 14 cm): the plane
//   of the inner eye corners is 0, the nose tip 0.26 in front of it, the chin level with it, the jaw's upper ends
//   0.5 behind (beside the ears), brows and lips in between.
// It is only meant to be shaped like a head, with a real one's depth order; the tests and the video need parallax
// of a plausible size, not any person's face.
import { MEAN_X, MEAN_Y } from '../../native/face/align.ts';

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/** Jaw 0–8 (the picture's left half, down to the chin); 9–16 mirror 7–0 about x 0.49. */
const JAW_HALF: [number, number, number][] = [
  [-0.04, 0.21, -0.5], [-0.03, 0.34, -0.48], [-0.01, 0.47, -0.44], [0.02, 0.6, -0.38], [0.07, 0.72, -0.3],
  [0.14, 0.83, -0.2], [0.23, 0.92, -0.1], [0.35, 0.99, -0.02], [0.49, 1.02, 0.02],
];

/** Depth of points 17–67, in order. */
const DEPTH_17_67 = [
  // brows 17–26
  -0.12, -0.04, 0.02, 0.05, 0.05, 0.05, 0.05, 0.02, -0.04, -0.12,
  // nose bridge 27–30, nostrils 31–35
  0.02, 0.08, 0.15, 0.26, 0.06, 0.11, 0.14, 0.11, 0.06,
  // the person's right eye 36–41 (the picture's left), left eye 42–47
  -0.08, -0.02, -0.02, -0.02, -0.03, -0.03, -0.02, -0.02, -0.02, -0.08, -0.03, -0.03,
  // outer lips 48–59
  -0.04, 0.03, 0.07, 0.08, 0.07, 0.03, -0.04, 0.02, 0.05, 0.06, 0.05, 0.02,
  // inner lips 60–67
  -0.02, 0.05, 0.06, 0.05, -0.02, 0.04, 0.05, 0.04,
];

const MID_X = 0.49;

/** The 68 points, x to the picture's right (the person's left), y down, z towards the camera, in face units. */
export const HEAD_68: readonly Point3[] = [
  ...JAW_HALF.map(([x, y, z]) => ({ x, y, z })),
  ...JAW_HALF.slice(0, 8).reverse().map(([x, y, z]) => ({ x: 2 * MID_X - x, y, z })),
  ...DEPTH_17_67.map((z, k) => ({ x: MEAN_X[k]!, y: MEAN_Y[k]!, z })),
];

/** The template's centre of rotation: between the ears, level with the nose bridge, behind the eyes. */
export const HEAD_PIVOT: Point3 = { x: MID_X, y: 0.4, z: -0.35 };

/**
 * Turns a point about the vertical axis through `pivot`. Positive `yawDeg` is the person turning to their own
 * left: the nose (in front of the pivot) moves to the picture's right in the unmirrored camera image.
 */
export function turnHead(p: Point3, yawDeg: number, pivot: Point3 = HEAD_PIVOT): Point3 {
  const a = (yawDeg * Math.PI) / 180;
  const x = p.x - pivot.x, z = p.z - pivot.z;
  return { x: pivot.x + x * Math.cos(a) + z * Math.sin(a), y: p.y, z: pivot.z - x * Math.sin(a) + z * Math.cos(a) };
}

/** A pinhole camera looking along −z at a face `distance` face units away, `focal` pixels per unit at that distance. */
export interface Camera {
  width: number;
  height: number;
  /** Face units to pixels at the pivot's depth: the face's size in the picture. */
  scale: number;
  /** Distance from the lens to the pivot, in face units (3.5 is about 50 cm). */
  distance: number;
  /** Where the pivot lands in the picture. */
  centre: { x: number; y: number };
}

/** Where a face point lands in the picture, and its depth from the lens (for drawing near over far). */
export function project(p: Point3, camera: Camera, pivot: Point3 = HEAD_PIVOT): { x: number; y: number; depth: number } {
  const depth = camera.distance - (p.z - pivot.z);
  const s = (camera.scale * camera.distance) / depth;
  return { x: camera.centre.x + (p.x - pivot.x) * s, y: camera.centre.y + (p.y - pivot.y) * s, depth };
}
