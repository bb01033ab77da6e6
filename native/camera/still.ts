import sharp from 'sharp';
import { CameraBadImageError, CameraTooSmallError } from './errors.ts';

/** A decoded still: upright (EXIF orientation applied), sRGB, 3 bytes a pixel, rows packed. */
export interface RgbImage {
  rgb: Buffer;
  width: number;
  height: number;
}

/** A small greyscale copy of a still, and how many still pixels each of its pixels spans on either axis. */
export interface GreyPreview {
  grey: Uint8Array;
  width: number;
  height: number;
  scaleX: number;
  scaleY: number;
}

/** Below this on its shorter side a still cannot show a page legibly (an A4 page would be under ~35 dpi). */
export const MIN_STILL_SIDE = 300;
/** Refused before decoding: larger than any document camera's still (48 MP phones included), and 192 MB as RGB. */
export const MAX_STILL_PIXELS = 64_000_000;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Decodes a JPEG or PNG still at full size and, in parallel, as a greyscale preview whose long side is
 * `previewLongSide` (a JPEG is then decoded at a fraction of its size, which costs little). Anything that is not
 * a readable JPEG or PNG is a typed input error.
 */
export async function readStill(input: Uint8Array, previewLongSide: number): Promise<{ still: RgbImage; preview: GreyPreview }> {
  if (input.length === 0) throw new CameraBadImageError('no bytes');
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch (e) {
    throw new CameraBadImageError(reason(e), e);
  }
  if (meta.format !== 'jpeg' && meta.format !== 'png') {
    throw new CameraBadImageError(`${meta.format} is neither JPEG nor PNG`);
  }
  const { width, height } = meta;
  if (width * height > MAX_STILL_PIXELS) throw new CameraBadImageError(`${width}×${height} is too many pixels`);
  if (Math.min(width, height) < MIN_STILL_SIDE) throw new CameraTooSmallError(width, height, MIN_STILL_SIDE);

  // EXIF orientations 5–8 turn the picture a quarter, swapping its sides.
  const [uprightWidth, uprightHeight] = (meta.orientation ?? 1) >= 5 ? [height, width] : [width, height];
  const factor = Math.min(1, previewLongSide / Math.max(uprightWidth, uprightHeight));
  const previewWidth = Math.max(1, Math.round(uprightWidth * factor));
  const previewHeight = Math.max(1, Math.round(uprightHeight * factor));
  const decode = () => sharp(input, { limitInputPixels: MAX_STILL_PIXELS }).autoOrient();
  try {
    const [full, small] = await Promise.all([
      decode().flatten({ background: '#ffffff' }).toColourspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true }),
      decode()
        .flatten({ background: '#ffffff' })
        .resize(previewWidth, previewHeight, { fit: 'fill' })
        .greyscale()
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true }),
    ]);
    if (full.info.channels !== 3 || small.info.channels !== 1) {
      throw new Error(`decoded to ${full.info.channels} and ${small.info.channels} channels`);
    }
    return {
      still: { rgb: full.data, width: full.info.width, height: full.info.height },
      preview: {
        grey: small.data,
        width: small.info.width,
        height: small.info.height,
        scaleX: full.info.width / small.info.width,
        scaleY: full.info.height / small.info.height,
      },
    };
  } catch (e) {
    throw new CameraBadImageError(reason(e), e);
  }
}
