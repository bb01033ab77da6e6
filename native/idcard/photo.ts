/**
 * The card photo: 1024 bytes of WLT that only the reader vendor's library can turn into an image. The decoder
 * is pluggable; without one the photo is reported as unavailable, never replaced by a placeholder.
 */
import type { PhotoInfo } from './identity.ts';

export interface WltDecoder {
  /** Returns an encoded image (e.g. BMP or PNG) for the WLT bytes. */
  decode(wlt: Uint8Array): Promise<{ mime: string; bytes: Uint8Array }>;
}

export function undecodedPhoto(wlt: Uint8Array): PhotoInfo {
  return { format: 'wlt', bytes: wlt.length, decoded: null, unavailableReason: 'idcard.photo-no-decoder' };
}

/** Decoder failures are reported in the result: a read with a good text block is still a good read. */
export async function decodePhoto(wlt: Uint8Array, decoder: WltDecoder | undefined): Promise<PhotoInfo> {
  if (!decoder) return undecodedPhoto(wlt);
  try {
    const image = await decoder.decode(wlt);
    return {
      format: 'wlt',
      bytes: wlt.length,
      decoded: { mime: image.mime, base64: Buffer.from(image.bytes).toString('base64') },
    };
  } catch {
    return { format: 'wlt', bytes: wlt.length, decoded: null, unavailableReason: 'idcard.photo-decode-failed' };
  }
}
