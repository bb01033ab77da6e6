// Synthetic camera clips of a face for the liveness tests and the kiosk's fake camera, made from one photo:
// - a head turn: the photo's 68 landmarks given the depths of the 3D template (scripts/face/head-template.ts),
//   with a ring of forehead, cheek, neck and head-outline points behind them and a still background, triangulated
//   and drawn by a small texture-mapping rasteriser with perspective as the head turns;
// - a flat replay: the same photo as a printed card held up, moved, tilted and turned in front of the camera.
// The head turn has the parallax a real head has, but the depths are the template's, not this person's, and the
// sides of the head are the photo stretched: it shows the checks work on rendered geometry, not on a person.
//
// No blink is drawn: with the eyes painted shut (the lid's skin over them, a lash line) the landmark net still put
// the eye points open (aspect ratio 0.335 → 0.323), so a drawn blink would test nothing.
//
//   npx tsx scripts/face/face-video.ts <photo> <out.y4m> [--face N] [--flat]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyHomography, homographyBetween, invertHomography } from '../../native/camera/homography.ts';
import { decodeImage, type RgbImage } from '../../native/face/decode.ts';
import { FaceEngine } from '../../native/face/face-engine.ts';
import { fitSimilarity, type Point, type Similarity } from '../../native/face/warp.ts';
import { rgbToI420, y4m } from '../lib/y4m.ts';
import { delaunay, type Triangle } from './delaunay.ts';
import { portrait } from './demo-faces.ts';
import { HEAD_68, HEAD_PIVOT, type Point3 } from './head-template.ts';

export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 480;
/** Lens to head, in face units: about 50 cm, a villager at the kiosk. */
const HEAD_DISTANCE = 3.5;

export interface FaceSource {
  /** The photo placed in a 640 × 480 frame, face centred and `faceWidth` wide: the texture and the frontal view. */
  frame: RgbImage;
  /** The engine's 68 landmarks on that frame. */
  landmarks: Point[];
  /** Template units (x, y) to frame pixels, fitted on the landmarks. */
  toFrame: Similarity;
  /** Frame pixels per template unit (about 14 cm of face). */
  unit: number;
}

export interface FaceVideo {
  fps: number;
  frames: RgbImage[];
  /** Per frame: the head's yaw in degrees (positive: the person's own left), or the card's. */
  yawDeg: number[];
}

function sample(image: RgbImage, x: number, y: number, out: Uint8Array, o: number): void {
  // Bilinear, edges clamped: a frame larger than the photo repeats its border.
  const { rgb, width, height } = image;
  const sx = Math.min(width - 1, Math.max(0, x - 0.5)), sy = Math.min(height - 1, Math.max(0, y - 0.5));
  const x0 = Math.floor(sx), y0 = Math.floor(sy);
  const x1 = Math.min(width - 1, x0 + 1), y1 = Math.min(height - 1, y0 + 1);
  const fx = sx - x0, fy = sy - y0;
  const i00 = (y0 * width + x0) * 3, i10 = (y0 * width + x1) * 3, i01 = (y1 * width + x0) * 3, i11 = (y1 * width + x1) * 3;
  for (let c = 0; c < 3; c++) {
    const top = rgb[i00 + c]! + (rgb[i10 + c]! - rgb[i00 + c]!) * fx;
    const bottom = rgb[i01 + c]! + (rgb[i11 + c]! - rgb[i01 + c]!) * fx;
    out[o + c] = Math.round(top + (bottom - top) * fy);
  }
}

const newFrame = (): RgbImage => ({ rgb: new Uint8Array(FRAME_WIDTH * FRAME_HEIGHT * 3), width: FRAME_WIDTH, height: FRAME_HEIGHT });

const mean = (points: readonly Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

/**
 * The photo's one face placed in a camera frame (scaled so its jaw is `faceWidth` pixels, centred a little low as
 * at the kiosk), with the engine's landmarks on that frame.
 */
export async function faceSource(engine: FaceEngine, photo: Uint8Array, faceWidth = 200): Promise<FaceSource> {
  const image = await decodeImage(photo);
  const found = await engine.describeImage(image, { embed: false });
  const scale = faceWidth / found.quality.measures.faceWidth;
  const centre = mean(found.landmarks);
  const frame = newFrame();
  for (let y = 0; y < FRAME_HEIGHT; y++) {
    for (let x = 0; x < FRAME_WIDTH; x++) {
      sample(image, (x + 0.5 - FRAME_WIDTH / 2) / scale + centre.x, (y + 0.5 - FRAME_HEIGHT * 0.52) / scale + centre.y, frame.rgb, (y * FRAME_WIDTH + x) * 3);
    }
  }
  const { landmarks } = await engine.describeImage(frame, { embed: false });
  const toFrame = fitSimilarity(HEAD_68.map(({ x, y }) => ({ x, y })), landmarks);
  return { frame, landmarks, toFrame, unit: Math.hypot(toFrame.a, toFrame.b) };
}

/** A mesh point: where it is in the frontal frame (also its texture), its depth towards the camera, how far it turns. */
interface Vertex {
  u: number;
  v: number;
  /** Pixels in front of the head's pivot. */
  z: number;
  /** 1 turns with the head, 0 is the still background, between is the neck. */
  turn: number;
}

/** Extra points around the landmarks, in template units: forehead, cheeks, neck and the head's outline. */
function outerPoints(): (Point3 & { turn: number })[] {
  const out: (Point3 & { turn: number })[] = [];
  for (let k = 0; k <= 6; k++) {
    const x = -0.02 + (k * 1.02) / 6;
    const r = (x - 0.49) / 0.55;
    out.push({ x, y: -0.22, z: -0.02 - 0.45 * r * r, turn: 1 }, { x, y: -0.45, z: -0.12 - 0.5 * r * r, turn: 1 });
  }
  // Cheeks and under the jaw: each jaw point pushed outwards from the face's middle, and further back.
  for (const p of HEAD_68.slice(0, 17)) {
    const dx = p.x - 0.49, dy = p.y - 0.45, d = Math.hypot(dx, dy);
    out.push({ x: p.x + (0.13 * dx) / d, y: p.y + (0.13 * dy) / d, z: p.z - 0.12, turn: 1 });
  }
  for (const [x, y, z, turn] of [[0.22, 1.3, -0.35, 0.5], [0.49, 1.38, -0.3, 0.5], [0.76, 1.3, -0.35, 0.5], [0.2, 1.75, -0.4, 0.2], [0.49, 1.8, -0.35, 0.2], [0.78, 1.75, -0.4, 0.2]] as const) {
    out.push({ x, y, z, turn });
  }
  // The outline of the head and hair, from below one ear over the top to below the other.
  for (let deg = -210; deg <= 30; deg += 20) {
    const a = (deg * Math.PI) / 180;
    out.push({ x: 0.49 + 0.8 * Math.cos(a), y: 0.42 + 0.98 * Math.sin(a), z: -0.35 - 0.3 * Math.abs(Math.cos(a)), turn: 1 });
  }
  // The still background: a ring beyond the head.
  for (let deg = 0; deg < 360; deg += 25) {
    const a = (deg * Math.PI) / 180;
    out.push({ x: 0.49 + 1.3 * Math.cos(a), y: 0.42 + 1.45 * Math.sin(a), z: -3, turn: 0 });
  }
  return out;
}

interface HeadMesh {
  vertices: Vertex[];
  triangles: Triangle[];
  /** The head's pivot in the frontal frame's pixels, and its depth. */
  pivot: Vertex;
}

function headMesh(source: FaceSource): HeadMesh {
  const { toFrame: s, unit } = source;
  const at = (p: { x: number; y: number }) => ({ u: s.a * p.x - s.b * p.y + s.tx, v: s.b * p.x + s.a * p.y + s.ty });
  const vertices: Vertex[] = [
    ...source.landmarks.map((p, i) => ({ u: p.x, v: p.y, z: (HEAD_68[i]!.z - HEAD_PIVOT.z) * unit, turn: 1 })),
    ...outerPoints().map((p) => ({ ...at(p), z: (p.z - HEAD_PIVOT.z) * unit, turn: p.turn })),
  ];
  // The frame's border, so the background is covered to the edges.
  for (let x = 0; x <= FRAME_WIDTH; x += 80) vertices.push({ u: x, v: 0, z: -4 * unit, turn: 0 }, { u: x, v: FRAME_HEIGHT, z: -4 * unit, turn: 0 });
  for (let y = 80; y < FRAME_HEIGHT; y += 80) vertices.push({ u: 0, v: y, z: -4 * unit, turn: 0 }, { u: FRAME_WIDTH, v: y, z: -4 * unit, turn: 0 });
  return { vertices, triangles: delaunay(vertices.map((p) => ({ x: p.u, y: p.v }))), pivot: { ...at(HEAD_PIVOT), z: 0, turn: 1 } };
}

interface Projected {
  x: number;
  y: number;
  /** 1 / distance from the lens: interpolates linearly on screen, nearer is larger. */
  iz: number;
  u: number;
  v: number;
}

/** Where each vertex lands with the head turned by `yawDeg`, through a pinhole at the frame's centre. */
function projectMesh(mesh: HeadMesh, unit: number, yawDeg: number): Projected[] {
  const lens = HEAD_DISTANCE * unit;
  const cx = FRAME_WIDTH / 2, cy = FRAME_HEIGHT / 2;
  // Back-project through the same pinhole, so that at yaw 0 every vertex lands where it is in the photo.
  const world = (p: Vertex) => {
    const d = lens - p.z;
    return { x: cx + ((p.u - cx) * d) / lens, y: cy + ((p.v - cy) * d) / lens, z: p.z };
  };
  const pivot = world(mesh.pivot);
  return mesh.vertices.map((p) => {
    const w = world(p);
    const a = (yawDeg * p.turn * Math.PI) / 180;
    const x = pivot.x + (w.x - pivot.x) * Math.cos(a) + w.z * Math.sin(a);
    const z = -(w.x - pivot.x) * Math.sin(a) + w.z * Math.cos(a);
    const d = lens - z;
    return { x: cx + ((x - cx) * lens) / d, y: cy + ((w.y - cy) * lens) / d, iz: 1 / d, u: p.u, v: p.v };
  });
}

/** Draws one texture-mapped triangle, perspective-correct, nearer over farther. */
function rasterise(texture: RgbImage, out: RgbImage, depth: Float32Array, a: Projected, b: Projected, c: Projected): void {
  const area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  if (Math.abs(area) < 1e-9) return;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x, c.x))), x1 = Math.min(out.width - 1, Math.ceil(Math.max(a.x, b.x, c.x)));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y, c.y))), y1 = Math.min(out.height - 1, Math.ceil(Math.max(a.y, b.y, c.y)));
  const eps = -1e-7;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      const wa = ((b.x - px) * (c.y - py) - (b.y - py) * (c.x - px)) / area;
      const wb = ((c.x - px) * (a.y - py) - (c.y - py) * (a.x - px)) / area;
      const wc = 1 - wa - wb;
      if (wa < eps || wb < eps || wc < eps) continue;
      const iz = wa * a.iz + wb * b.iz + wc * c.iz;
      const i = y * out.width + x;
      if (iz <= depth[i]!) continue;
      depth[i] = iz;
      const u = (wa * a.u * a.iz + wb * b.u * b.iz + wc * c.u * c.iz) / iz;
      const v = (wa * a.v * a.iz + wb * b.v * b.iz + wc * c.v * c.iz) / iz;
      sample(texture, u, v, out.rgb, i * 3);
    }
  }
}

const smooth = (t: number) => t * t * (3 - 2 * t);

/**
 * The head's yaw at `t` seconds: half a second frontal, to the person's own left by `peakDeg` and back, to their
 * right and back (0.7 s each way), then frontal; 4 s in all.
 */
function headTurnYaw(t: number, peakDeg = 25): number {
  const legs = [[0.5, 0, 1], [1.2, 1, 0], [1.9, 0, -1], [2.6, -1, 0]] as const;
  for (const [start, from, to] of legs) {
    if (t >= start && t < start + 0.7) return peakDeg * (from + (to - from) * smooth((t - start) / 0.7));
  }
  return 0;
}

export interface HeadTurnOptions {
  fps?: number;
  seconds?: number;
  peakDeg?: number;
}

/** The head turning to its left and to its right, as frames a camera would give. */
export function renderHeadTurn(source: FaceSource, options: HeadTurnOptions = {}): FaceVideo {
  const { fps = 30, seconds = 4, peakDeg = 25 } = options;
  const mesh = headMesh(source);
  const video: FaceVideo = { fps, frames: [], yawDeg: [] };
  const depth = new Float32Array(FRAME_WIDTH * FRAME_HEIGHT);
  for (let k = 0; k < Math.round(seconds * fps); k++) {
    const t = k / fps;
    const yaw = headTurnYaw(t, peakDeg);
    const points = projectMesh(mesh, source.unit, yaw);
    const frame = newFrame();
    depth.fill(0);
    for (const [a, b, c] of mesh.triangles) rasterise(source.frame, frame, depth, points[a]!, points[b]!, points[c]!);
    video.frames.push(frame);
    video.yawDeg.push(yaw);
  }
  return video;
}

/**
 * The photo as a printed card, 1.3 × 1.6 face units with a white border, held 1.8 face units from the lens (close,
 * so perspective is strong) and waved about: turned up to `peakDeg` either way, tilted, rolled and moved.
 */
export function renderFlatReplay(source: FaceSource, options: { fps?: number; seconds?: number; peakDeg?: number } = {}): FaceVideo {
  const { fps = 30, seconds = 4, peakDeg = 35 } = options;
  const { unit } = source;
  const centre = mean(source.landmarks);
  const half = { w: 0.65 * unit, h: 0.8 * unit };
  const border = 0.06 * unit;
  const photoQuad = [
    { x: centre.x - half.w, y: centre.y - half.h }, { x: centre.x + half.w, y: centre.y - half.h },
    { x: centre.x + half.w, y: centre.y + half.h }, { x: centre.x - half.w, y: centre.y + half.h },
  ] as [Point, Point, Point, Point];
  const lens = 1.8 * unit;
  const video: FaceVideo = { fps, frames: [], yawDeg: [] };
  for (let k = 0; k < Math.round(seconds * fps); k++) {
    const t = k / fps;
    const moving = Math.min(1, Math.max(0, (t - 0.5) / 0.3));
    const yaw = moving * peakDeg * Math.sin((2 * Math.PI * Math.max(0, t - 0.5)) / 3);
    const pitch = moving * 12 * Math.sin((2 * Math.PI * Math.max(0, t - 0.5)) / 1.5);
    const roll = moving * 6 * Math.sin(Math.PI * t);
    const shift = { x: moving * 25 * Math.sin((Math.PI * t) / 2), y: moving * 12 * Math.sin((2 * Math.PI * t) / 3), z: moving * 0.15 * unit * Math.sin(Math.PI * t) };
    const [ya, pa, ra] = [yaw, pitch, roll].map((d) => (d * Math.PI) / 180) as [number, number, number];
    const screen = photoQuad.map((q) => {
      // The card's corner about its centre: roll in its plane, then tilt back (pitch), then turn (yaw).
      let x = q.x - centre.x, y = q.y - centre.y, z = 0;
      [x, y] = [x * Math.cos(ra) - y * Math.sin(ra), x * Math.sin(ra) + y * Math.cos(ra)];
      [y, z] = [y * Math.cos(pa) - z * Math.sin(pa), y * Math.sin(pa) + z * Math.cos(pa)];
      [x, z] = [x * Math.cos(ya) + z * Math.sin(ya), -x * Math.sin(ya) + z * Math.cos(ya)];
      const d = lens - z - shift.z;
      return { x: centre.x + shift.x + (x * lens) / d, y: centre.y + shift.y + (y * lens) / d };
    }) as [Point, Point, Point, Point];
    const toPhoto = invertHomography(homographyBetween(photoQuad, screen)!)!;
    const frame = newFrame();
    for (let y = 0; y < FRAME_HEIGHT; y++) {
      for (let x = 0; x < FRAME_WIDTH; x++) {
        const o = (y * FRAME_WIDTH + x) * 3;
        const p = applyHomography(toPhoto, { x: x + 0.5, y: y + 0.5 });
        const dx = Math.abs(p.x - centre.x), dy = Math.abs(p.y - centre.y);
        if (dx <= half.w && dy <= half.h) sample(source.frame, p.x, p.y, frame.rgb, o);
        else if (dx <= half.w + border && dy <= half.h + border) frame.rgb.set([236, 234, 228], o);
        else {
          // A plain wall behind, lighter at the top.
          const shade = 150 - (40 * y) / FRAME_HEIGHT;
          frame.rgb.set([shade, shade - 8, shade - 18], o);
        }
      }
    }
    video.frames.push(frame);
    video.yawDeg.push(yaw);
  }
  return video;
}

/** The clip as a YUV4MPEG2 file for Chromium's `--use-file-for-fake-video-capture`. */
export const videoY4m = (video: FaceVideo): Buffer =>
  y4m(video.frames.map((f) => rgbToI420(f.rgb, f.width, f.height)), FRAME_WIDTH, FRAME_HEIGHT, video.fps);

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { face: { type: 'string' }, flat: { type: 'boolean' } },
  });
  const [input, output] = positionals;
  if (!input || !output) {
    console.error('usage: npx tsx scripts/face/face-video.ts <photo> <out.y4m> [--face N] [--flat]');
    process.exit(2);
  }
  const engine = await FaceEngine.load();
  let photo: Uint8Array = readFileSync(input);
  if (values.face !== undefined) {
    // A group photo: cut out the N-th face the detector finds, as the tests' demo portraits are.
    const boxes = await engine.detect(await decodeImage(photo));
    const box = boxes[Number(values.face)];
    if (!box) throw new Error(`${input} has ${boxes.length} faces, no face ${values.face}`);
    photo = await portrait(Buffer.from(photo), box, 0.6);
  }
  const start = performance.now();
  const source = await faceSource(engine, photo);
  const video = values.flat ? renderFlatReplay(source) : renderHeadTurn(source);
  writeFileSync(output, videoY4m(video));
  console.log(`${output}: ${video.frames.length} frames ${FRAME_WIDTH}×${FRAME_HEIGHT} at ${video.fps} fps in ${Math.round(performance.now() - start)} ms`);
  await engine.close();
}
