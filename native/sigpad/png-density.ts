import { crc32 } from 'node:zlib';

const SIGNATURE_LENGTH = 8;

/**
 * Sets a PNG's pHYs chunk to the given dpi, so printing and PDF tools size the image right. Done on the bytes
 * because sharp's withMetadata({ density }) also converts colour profiles, which costs more than the whole render.
 */
export function setPngDpi(png: Buffer, dpi: number): Buffer {
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(pixelsPerMetre, 0);
  data.writeUInt32BE(pixelsPerMetre, 4);
  data[8] = 1; // unit: metre
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('pHYs', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);

  // Replace an existing pHYs, else insert after IHDR (pHYs must precede the image data).
  let at = SIGNATURE_LENGTH;
  let afterHeader = -1;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (type === 'pHYs') return Buffer.concat([png.subarray(0, at), chunk, png.subarray(end)]);
    if (type === 'IHDR') afterHeader = end;
    if (type === 'IDAT') break;
    at = end;
  }
  if (afterHeader < 0) throw new RangeError('not a PNG: no IHDR chunk');
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}
