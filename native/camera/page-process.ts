import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { distance, type Point, type Quad } from './geometry.ts';
import { homographyBetween, multiplyHomography, rectangle } from './homography.ts';
import { levelsStretch } from './levels.ts';
import { DETECT_LONG_SIDE, detectQuad } from './quad-detect.ts';
import { readStill, type RgbImage } from './still.ts';
import { warpRgb } from './warp.ts';

export interface ProcessPageOptions {
  /** JPEG quality 1–100; default 85. */
  quality?: number;
  /** Cap on the output's long side in pixels; default 2480. The page is never enlarged. */
  maxLongSide?: number;
}

export interface ProcessedPage {
  jpeg: Buffer;
  /** Lower-case hex SHA-256 of `jpeg`: the attachment's address. */
  sha256: string;
  width: number;
  height: number;
  quality: number;
  /** The page's corners in the input's pixels, clockwise from its top-left; null when no page was found. */
  corners: [Point, Point, Point, Point] | null;
  /** False when no page was found and the whole frame was kept. */
  detected: boolean;
}

export const DEFAULT_QUALITY = 85;
export const DEFAULT_MAX_LONG_SIDE = 2480;

/**
 * Turns a document-camera still into a clean page: finds the paper, straightens it to an upright rectangle the size
 * of its sides, stretches the levels (lightness only, so red stamps stay red), sharpens mildly and encodes a JPEG.
 * Without a plausible page it keeps the whole frame rather than fail the capture. Throws CameraBadImageError or
 * CameraTooSmallError for stills it cannot use.
 */
export async function processPage(input: Uint8Array, opts: ProcessPageOptions = {}): Promise<ProcessedPage> {
  const quality = opts.quality ?? DEFAULT_QUALITY;
  const maxLongSide = opts.maxLongSide ?? DEFAULT_MAX_LONG_SIDE;
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new RangeError(`quality must be an integer 1–100, not ${quality}`);
  }
  if (!Number.isInteger(maxLongSide) || maxLongSide < 1) {
    throw new RangeError(`maxLongSide must be a positive integer, not ${maxLongSide}`);
  }

  const { still, preview } = await readStill(input, DETECT_LONG_SIDE);
  const found = detectQuad(preview.grey, preview.width, preview.height);
  const corners = found
    ? (found.map((p) => ({ x: p.x * preview.scaleX, y: p.y * preview.scaleY })) as Quad)
    : null;
  // The page's outermost preview pixel is part desk; leaving it out keeps a brown hairline off the page's edge.
  const page = corners ? straighten(still, corners, Math.max(preview.scaleX, preview.scaleY)) : still;

  const { gain, offset } = levelsStretch(page.rgb, page.width * page.height);
  const { data, info } = await sharp(page.rgb, { raw: { width: page.width, height: page.height, channels: 3 } })
    .resize(maxLongSide, maxLongSide, { fit: 'inside', withoutEnlargement: true })
    .linear(gain, offset)
    .sharpen()
    .jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: false })
    .toBuffer({ resolveWithObject: true });
  return {
    jpeg: data,
    sha256: createHash('sha256').update(data).digest('hex'),
    width: info.width,
    height: info.height,
    quality,
    corners,
    detected: corners !== null,
  };
}

/**
 * The quad warped onto an upright rectangle whose sides are the mean lengths of the quad's opposite sides, less
 * `inset` pixels all round.
 */
function straighten(still: RgbImage, corners: Quad, inset: number): RgbImage {
  const [tl, tr, br, bl] = corners;
  const fullWidth = (distance(tl, tr) + distance(bl, br)) / 2;
  const fullHeight = (distance(tl, bl) + distance(tr, br)) / 2;
  const width = Math.max(1, Math.round(fullWidth - 2 * inset));
  const height = Math.max(1, Math.round(fullHeight - 2 * inset));
  const toQuad = homographyBetween(rectangle(fullWidth, fullHeight), corners);
  if (!toQuad) return still;
  const shift = new Float64Array([1, 0, (fullWidth - width) / 2, 0, 1, (fullHeight - height) / 2, 0, 0, 1]);
  const rgb = warpRgb(still.rgb, still.width, still.height, multiplyHomography(toQuad, shift), width, height);
  return { rgb: Buffer.from(rgb.buffer, rgb.byteOffset, rgb.byteLength), width, height };
}
