import sharp from 'sharp';
import type { PhotoSpec } from '../../contract/domain/photo-spec.ts';
import type { RgbImage } from '../face/decode.ts';
import { NoFaceError, SeveralFacesError, type FaceError } from '../face/errors.ts';
import type { FaceDescription } from '../face/face-api.ts';
import { apply, warp, type Similarity } from '../face/warp.ts';
import { PhotoRefusedError } from './errors.ts';
import { headGeometry, outputToPicture, place, type HeadGeometry, type Placement } from './framing.ts';
import { boxMean, guidedFilter, resizePlanes } from './planes.ts';

/** What the photo maker needs of the face pipeline and of the segmentation graph. */
export interface PhotoModels {
  describe(image: RgbImage): Promise<FaceDescription>;
  matteOfInput(pixels: Float32Array): Promise<Float32Array>;
  matteSize: number;
}

/** Each check the finished photo passed, measured on the photo itself. */
export interface PhotoChecks {
  headHeight: { value: number; range: [number, number]; ok: boolean };
  eyeLine: { value: number; range: [number, number]; ok: boolean };
  faceWidth?: { value: number; range: [number, number]; ok: boolean };
  crownGap?: { value: number; range: [number, number]; ok: boolean };
  /** Degrees the eye line was turned level by. */
  levelledDegrees: number;
  /** Output pixels per camera pixel: above 1 the photo is enlarged. */
  scale: number;
}

export interface FinishedPhoto {
  spec: string;
  width: number;
  height: number;
  /** RGB, rows packed, at the spec's print resolution. */
  rgb: Uint8Array;
  /** The person's matte, 0–1, same size: exactly 0 where the background colour alone is printed. */
  alpha: Float32Array;
  /** In photo pixels: crown to chin, cheek to cheek. */
  head: { top: number; bottom: number; left: number; right: number };
  eyeRow: number;
  checks: PhotoChecks;
  /** Where each photo pixel was taken from in the picture: the photo can be traced back to its frame. */
  source: Similarity;
  /** Higher is better, for choosing among frames: sharpness, less turn and tilt. */
  score: number;
}

/** Tilt of the eye line the station levels by itself; beyond it the person is asked to hold the head straight. */
const MAX_ROLL_DEGREES = 6;
/** The photo may enlarge the camera's pixels this much at most before it looks soft in print. */
export const MAX_UPSCALE = 1.5;
/** Where the matte is this sure, it is taken as certain: pure background colour, or the picture untouched. */
const MATTE_FLOOR = 0.06;
const MATTE_CEILING = 0.94;

const luma = (r: number, g: number, b: number) => (0.299 * r + 0.587 * g + 0.114 * b) / 255;
const degrees = (rad: number) => (rad * 180) / Math.PI;

function refuseFace(e: unknown): never {
  const code = (e as FaceError).code;
  if (e instanceof NoFaceError || code === 'face.no-face') throw new PhotoRefusedError('photo.no-face', 'no face in the picture');
  if (e instanceof SeveralFacesError || code === 'face.several-faces') {
    throw new PhotoRefusedError('photo.several-faces', 'more than one face', { faces: Number((e as FaceError).params.count ?? 2) });
  }
  if (code === 'face.bad-image' || code === 'face.image-too-large') throw new PhotoRefusedError('photo.bad-image', (e as Error).message);
  throw e as Error;
}

/** The person's matte over an output-sized crop: the network on the crop, then made to follow the crop's edges. */
async function matteFor(models: PhotoModels, crop: Float32Array, inside: Uint8Array, w: number, h: number): Promise<Float32Array> {
  const size = models.matteSize;
  const coarse = await models.matteOfInput(resizePlanes(crop, w, h, 3, size, size));
  const up = resizePlanes(coarse, size, size, 1, w, h);
  const guide = new Float32Array(w * h);
  for (let i = 0; i < guide.length; i++) guide[i] = luma(crop[3 * i]!, crop[3 * i + 1]!, crop[3 * i + 2]!);
  const refined = guidedFilter(guide, up, w, h, Math.max(2, Math.round(w / 90)), 1e-3);
  const alpha = new Float32Array(w * h);
  for (let i = 0; i < alpha.length; i++) {
    const a = inside[i] ? (refined[i]! - MATTE_FLOOR) / (MATTE_CEILING - MATTE_FLOOR) : 0;
    alpha[i] = a <= 0 ? 0 : a >= 1 ? 1 : a;
  }
  return alpha;
}

/** 1 where an output pixel samples inside the picture, 0 where warp would invent black. */
function insideMask(map: Similarity, image: RgbImage, w: number, h: number): Uint8Array {
  const inside = new Uint8Array(w * h);
  for (let v = 0; v < h; v++) {
    for (let u = 0; u < w; u++) {
      const p = apply(map, { x: u + 0.5, y: v + 0.5 });
      inside[v * w + u] = p.x >= 0 && p.y >= 0 && p.x <= image.width && p.y <= image.height ? 1 : 0;
    }
  }
  return inside;
}

/** The topmost row of the person inside the face's columns, or null if the matte has none there. */
function crownRow(alpha: Float32Array, w: number, h: number, fromCol: number, toCol: number): number | null {
  for (let v = 0; v < h; v++) {
    let person = 0;
    for (let u = Math.max(0, Math.round(fromCol)); u < Math.min(w, Math.round(toCol)); u++) if (alpha[v * w + u]! > 0.5) person++;
    if (person >= Math.max(2, (toCol - fromCol) * 0.1)) return v;
  }
  return null;
}

/**
 * Whether the person runs into the picture's upper edge inside the face's columns: hair that the camera cut off
 * would otherwise be printed with a flat top of background colour above it.
 */
function headCutAtTop(alpha: Float32Array, inside: Uint8Array, w: number, h: number, fromCol: number, toCol: number): boolean {
  let cut = 0;
  const from = Math.max(0, Math.round(fromCol)), to = Math.min(w, Math.round(toCol));
  for (let u = from; u < to; u++) {
    let v = 0;
    while (v < h && !inside[v * w + u]) v++;
    if (v > 0 && v < h && alpha[v * w + u]! > 0.5) cut++;
  }
  return cut > (to - from) * 0.1;
}

/**
 * The background replaced: the new colour where the matte is 0, the picture untouched where it is 1, and between
 * them the subject's own colour recovered from the old background mixed into it, so no rim of the old wall shows.
 */
function compose(crop: Float32Array, alpha: Float32Array, w: number, h: number, background: readonly [number, number, number]): Uint8Array {
  const n = w * h;
  const bgWeight = new Float32Array(n);
  for (let i = 0; i < n; i++) bgWeight[i] = alpha[i] === 0 ? 1 : 0;
  const r = Math.max(4, Math.round(w / 40));
  const weight = boxMean(bgWeight, w, h, r);
  const oldBg = [0, 1, 2].map((c) => {
    const plane = new Float32Array(n);
    for (let i = 0; i < n; i++) plane[i] = crop[3 * i + c]! * bgWeight[i]!;
    return boxMean(plane, w, h, r);
  });
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = alpha[i]!;
    for (let c = 0; c < 3; c++) {
      const pixel = crop[3 * i + c]!;
      let value: number;
      if (a === 1) value = pixel;
      else if (a === 0) value = background[c]!;
      else {
        const old = weight[i]! > 0.01 ? oldBg[c]![i]! / weight[i]! : pixel;
        const subject = Math.min(255, Math.max(0, (pixel - (1 - a) * old) / a));
        value = a * subject + (1 - a) * background[c]!;
      }
      out[3 * i + c] = Math.round(value);
    }
  }
  return out;
}

function check(value: number, range: readonly [number, number]): { value: number; range: [number, number]; ok: boolean } {
  const rounded = Math.round(value * 1000) / 1000;
  return { value: rounded, range: [range[0], range[1]], ok: rounded >= range[0] - 0.0005 && rounded <= range[1] + 0.0005 };
}

/** Refuses a face the photo cannot be made of: turned, tilted, eyes closed, too dark, or cut by the edge. */
function refuseUnfit(face: FaceDescription, head: HeadGeometry, image: RgbImage): void {
  const failed = face.quality.failed;
  if (failed.includes('face.head-turned')) throw new PhotoRefusedError('photo.head-turned', `yaw ${face.quality.measures.yaw.toFixed(2)}`);
  if (Math.abs(degrees(head.roll)) > MAX_ROLL_DEGREES) {
    throw new PhotoRefusedError('photo.head-tilted', `eye line at ${degrees(head.roll).toFixed(1)}°`, { degrees: Math.round(degrees(head.roll)) });
  }
  if (face.quality.measures.eyeOpenness < 0.16 || failed.includes('face.eyes-covered')) {
    throw new PhotoRefusedError('photo.eyes-closed', `eye openness ${face.quality.measures.eyeOpenness.toFixed(2)}`);
  }
  if (failed.includes('face.too-dark')) throw new PhotoRefusedError('photo.too-dark', `brightness ${face.quality.measures.brightness.toFixed(0)}`);
  const { x, y, width, height } = face.box;
  const cut = face.landmarks.some((p) => p.x < 0 || p.y < 0 || p.x >= image.width || p.y >= image.height);
  if (cut || x < 0 || y < 0 || x + width > image.width + 1 || y + height > image.height + 1) {
    throw new PhotoRefusedError('photo.face-cut', 'the face runs off the picture');
  }
}

/** Renders one placement: crop, inside mask and matte. */
async function render(models: PhotoModels, image: RgbImage, head: HeadGeometry, spec: PhotoSpec, at: Placement) {
  const map = outputToPicture(head, spec, at);
  const w = spec.widthPx, h = spec.heightPx;
  const crop = warp(image, map, w, h);
  const inside = insideMask(map, image, w, h);
  const alpha = await matteFor(models, crop, inside, w, h);
  return { map, crop, inside, alpha };
}

/**
 * One camera frame or photo to a finished 证件照 of `spec` on `background`: the face found and checked, the head
 * levelled, scaled and placed so that head height and eye line fall in the spec's ranges (the crown measured on
 * the matte, not guessed), and the background replaced.
 */
export async function makePhoto(models: PhotoModels, image: RgbImage, spec: PhotoSpec, background: readonly [number, number, number]): Promise<FinishedPhoto> {
  let face: FaceDescription;
  try {
    face = await models.describe(image);
  } catch (e) {
    refuseFace(e);
  }
  const head = headGeometry(face.landmarks);
  refuseUnfit(face, head, image);
  const w = spec.widthPx, h = spec.heightPx;
  // First pass on the crown guessed from the face, to segment; the second places the head by the measured crown.
  let at = place(head, spec);
  let pass = await render(models, image, head, spec, at);
  const faceCols = (p: Placement) => [w / 2 - (head.jawWidth / 2) * p.scale, w / 2 + (head.jawWidth / 2) * p.scale] as const;
  const top = crownRow(pass.alpha, w, h, ...faceCols(at));
  if (top === null) throw new PhotoRefusedError('photo.no-face', 'the matte finds no person around the face');
  const cutAtTop = (p: typeof pass, at: Placement) => {
    if (headCutAtTop(p.alpha, p.inside, w, h, ...faceCols(at))) throw new PhotoRefusedError('photo.face-cut', 'the head runs off the top of the picture');
  };
  cutAtTop(pass, at);
  const measured: HeadGeometry = { ...head, crownY: (top - at.eyeRow) / at.scale };
  at = place(measured, spec);
  if (at.scale > MAX_UPSCALE) {
    throw new PhotoRefusedError('photo.too-small', `the head would be enlarged ${at.scale.toFixed(2)}×`, {
      needPx: Math.ceil((measured.chinY - measured.crownY) * (at.scale / MAX_UPSCALE)),
      havePx: Math.round(measured.chinY - measured.crownY),
    });
  }
  pass = await render(models, image, measured, spec, at);
  cutAtTop(pass, at);
  // The shoulders must be in the picture: a photo whose lower edge falls below it would show a cut-off body.
  const bottomCentre = apply(pass.map, { x: w / 2, y: h - 1 });
  if (bottomCentre.y > image.height + 2) throw new PhotoRefusedError('photo.face-cut', 'the shoulders run off the bottom of the picture');
  const crown = crownRow(pass.alpha, w, h, ...faceCols(at)) ?? Math.round(at.eyeRow + measured.crownY * at.scale);
  const chin = at.eyeRow + measured.chinY * at.scale;
  const halfFace = (measured.jawWidth / 2) * at.scale;
  const checks: PhotoChecks = {
    headHeight: check((chin - crown) / h, spec.headHeight),
    eyeLine: check(at.eyeRow / h, spec.eyeLine),
    ...(spec.faceWidth ? { faceWidth: check((2 * halfFace) / w, spec.faceWidth) } : {}),
    ...(spec.crownGap ? { crownGap: check(crown / h, spec.crownGap) } : {}),
    levelledDegrees: Math.round(degrees(head.roll) * 10) / 10,
    scale: Math.round(at.scale * 1000) / 1000,
  };
  const rgb = compose(pass.crop, pass.alpha, w, h, background);
  const m = face.quality.measures;
  const score = m.sharpness / 100 - Math.abs(m.yaw - 0.5) * 4 - Math.abs(degrees(head.roll)) / 10 - Math.max(0, at.scale - 1);
  return {
    spec: spec.id,
    width: w,
    height: h,
    rgb,
    alpha: pass.alpha,
    head: { top: crown, bottom: Math.round(chin), left: Math.round(w / 2 - halfFace), right: Math.round(w / 2 + halfFace) },
    eyeRow: Math.round(at.eyeRow),
    checks,
    source: pass.map,
    score,
  };
}

/** The photo as the JPEG a case keeps: the print resolution written into it, so it prints at its size. */
export async function photoJpeg(photo: FinishedPhoto, dpi: number): Promise<Buffer> {
  return sharp(photo.rgb, { raw: { width: photo.width, height: photo.height, channels: 3 } })
    .withMetadata({ density: dpi })
    .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
    .toBuffer();
}
