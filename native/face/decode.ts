import sharp from 'sharp';
import { FaceBadImageError, FaceImageTooLargeError } from './errors.ts';

/** A decoded picture: upright (EXIF orientation applied), sRGB, no alpha, 3 bytes a pixel, rows packed. */
export interface RgbImage {
  rgb: Uint8Array;
  width: number;
  height: number;
}

/**
 * Refused before decoding: above any camera frame or phone photo (48 MP phones bin to 12 MP), and 120 MB as RGB —
 * so a hostile 20000 × 20000 header costs nothing.
 */
export const MAX_FACE_IMAGE_PIXELS = 40_000_000;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Any picture sharp reads (JPEG, PNG, WebP, TIFF…), made upright and sRGB: a CMYK JPEG is converted, a PNG's alpha
 * flattened onto white (a transparent background is not black hair). Corrupt or truncated data is refused rather
 * than decoded in part, since half a face gives a wrong descriptor, not an error.
 */
export async function decodeImage(input: Uint8Array): Promise<RgbImage> {
  if (input.length === 0) throw new FaceBadImageError('no bytes');
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new FaceBadImageError(reason(e), e);
  }
  const { width, height } = meta;
  if (!width || !height) throw new FaceBadImageError(`${width ?? 0}×${height ?? 0} has no pixels`);
  if (width * height > MAX_FACE_IMAGE_PIXELS) throw new FaceImageTooLargeError(width, height, MAX_FACE_IMAGE_PIXELS);
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_FACE_IMAGE_PIXELS, failOn: 'truncated', pages: 1 })
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels`);
    return { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  } catch (e) {
    throw new FaceBadImageError(reason(e), e);
  }
}
