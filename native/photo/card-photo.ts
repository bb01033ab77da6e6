import sharp from 'sharp';
import type { PhotoSpec } from '../../contract/domain/photo-spec.ts';
import { PhotoRefusedError } from './errors.ts';
import { MAX_UPSCALE } from './make-photo.ts';

export interface CardPhoto {
  jpeg: Buffer;
  widthPx: number;
  heightPx: number;
  /** The decoded card photo's own size: a vendor decoder gives 102 × 126. */
  sourcePx: [number, number];
  /** Photo pixels per card-photo pixel. */
  upscale: number;
  /** Enlarged beyond what prints sharp: the person is told the print will look soft (as 津市 tells them). */
  lowResolution: boolean;
}

/**
 * The ID card's own photo as a photo of `spec`: already a frontal head on a plain light ground, so it is only cut
 * to the spec's proportions around its centre and enlarged to the print resolution. No face is moved or re-lit.
 */
export async function cardPhotoAs(image: Uint8Array, spec: PhotoSpec): Promise<CardPhoto> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(image).metadata();
  } catch (e) {
    throw new PhotoRefusedError('photo.bad-image', (e as Error).message);
  }
  const { width = 0, height = 0 } = meta;
  if (width < 16 || height < 16) throw new PhotoRefusedError('photo.bad-image', `card photo ${width}×${height}`);
  const aspect = spec.widthPx / spec.heightPx;
  const cropW = Math.min(width, Math.round(height * aspect));
  const cropH = Math.min(height, Math.round(cropW / aspect));
  const upscale = spec.widthPx / cropW;
  const jpeg = await sharp(image)
    .extract({ left: Math.floor((width - cropW) / 2), top: Math.floor((height - cropH) / 2), width: cropW, height: cropH })
    .resize(spec.widthPx, spec.heightPx, { kernel: 'lanczos3', fit: 'fill' })
    .removeAlpha()
    .withMetadata({ density: spec.dpi })
    .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
    .toBuffer();
  return { jpeg, widthPx: spec.widthPx, heightPx: spec.heightPx, sourcePx: [width, height], upscale: Math.round(upscale * 100) / 100, lowResolution: upscale > MAX_UPSCALE };
}
