import sharp from 'sharp';
import type { RgbImage } from './decode.ts';
import type { FaceManifest } from './manifest.ts';

/** A face box in image pixels, with the detector's confidence. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/** face-api's default for the tiny detector: below it a box is more often a shadow than a face. */
export const MIN_FACE_SCORE = 0.5;

/** Grey around a zoomed-out picture: black would draw a hard edge the detector can mistake for a jaw. */
const ZOOM_OUT_FILL = 128;

/**
 * The detector's input: the picture scaled so its longer side is `size` (antialiased, by libvips), then padded
 * right and bottom with black to a square, as face-api feeds it. With `zoomOut` > 1 the picture is shrunk further
 * and centred on grey, for a face that fills the frame: the tiny detector misses faces much above half its input.
 * `scale` and `offset` map input pixels back to the picture's.
 */
export async function detectorInput(image: RgbImage, size: number, zoomOut = 1): Promise<{ pixels: Float32Array; scale: number; offset: number }> {
  const scale = size / (Math.max(image.width, image.height) * zoomOut);
  const w = Math.max(1, Math.round(image.width * scale));
  const h = Math.max(1, Math.round(image.height * scale));
  const resized = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(w, h, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  const offset = zoomOut > 1 ? Math.round((size - Math.max(w, h)) / 2) : 0;
  const pixels = new Float32Array(size * size * 3).fill(zoomOut > 1 ? ZOOM_OUT_FILL : 0);
  for (let y = 0; y < h; y++) {
    for (let i = 0; i < w * 3; i++) pixels[((y + offset) * size + offset) * 3 + i] = resized[y * w * 3 + i]!;
  }
  return { pixels, scale, offset };
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Boxes from the detector's grid [rows, cols, 5 anchors × (x, y, w, h, score)], in input pixels. */
export function decodeGrid(
  grid: Float32Array,
  rows: number,
  cols: number,
  spec: FaceManifest['models']['detector'],
  minScore = MIN_FACE_SCORE,
): FaceBox[] {
  const anchors = spec.anchors;
  const boxes: FaceBox[] = [];
  const cell = spec.cellStride;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      for (let a = 0; a < anchors.length; a++) {
        const o = ((row * cols + col) * anchors.length + a) * 5;
        const score = sigmoid(grid[o + 4]!);
        if (score <= minScore) continue;
        const cx = (col + sigmoid(grid[o]!)) * cell;
        const cy = (row + sigmoid(grid[o + 1]!)) * cell;
        const w = Math.exp(grid[o + 2]!) * anchors[a]![0] * cell;
        const h = Math.exp(grid[o + 3]!) * anchors[a]![1] * cell;
        boxes.push({ x: cx - w / 2, y: cy - h / 2, width: w, height: h, score });
      }
    }
  }
  return nonMaxSuppression(boxes, spec.iouThreshold);
}

function iou(p: FaceBox, q: FaceBox): number {
  const w = Math.max(0, Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x));
  const h = Math.max(0, Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y));
  const inter = w * h;
  return inter / (p.width * p.height + q.width * q.height - inter);
}

/** Greedy, best score first, as face-api does. */
export function nonMaxSuppression(boxes: FaceBox[], threshold: number): FaceBox[] {
  const rest = [...boxes].sort((p, q) => q.score - p.score);
  const kept: FaceBox[] = [];
  while (rest.length > 0) {
    const best = rest.shift()!;
    kept.push(best);
    for (let i = rest.length - 1; i >= 0; i--) if (iou(best, rest[i]!) > threshold) rest.splice(i, 1);
  }
  return kept;
}

/** A box from input pixels to picture pixels, clipped to the picture. */
export function toImage(box: FaceBox, scale: number, offset: number, image: RgbImage): FaceBox {
  const x = Math.max(0, (box.x - offset) / scale);
  const y = Math.max(0, (box.y - offset) / scale);
  return {
    x,
    y,
    width: Math.min(image.width, (box.x - offset + box.width) / scale) - x,
    height: Math.min(image.height, (box.y - offset + box.height) / scale) - y,
    score: box.score,
  };
}
