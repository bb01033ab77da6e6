/**
 * The SAM module's id, as printed on the reader and registered with the public-security bureau:
 * 16 bytes d0..d15 → `d0.d2-u32LE(d4..7)-%010u(u32LE d8..11)-%010u(u32LE d12..15)`, e.g. 05.01-20101216-0011276412-2147486165.
 */
import { BadFrameError, type DataOrigin } from './errors.ts';

export const SAM_ID_BYTES = 16;

const SAM_ID_PATTERN = /^(\d{2,3})\.(\d{2,3})-(\d{1,10})-(\d{10})-(\d{10})$/;

export function formatSamId(bytes: Uint8Array, origin: DataOrigin = 'device'): string {
  if (bytes.length !== SAM_ID_BYTES) throw new BadFrameError(`SAM id of ${bytes.length} bytes`, origin);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const two = (n: number) => String(n).padStart(2, '0');
  const ten = (n: number) => String(n).padStart(10, '0');
  return `${two(bytes[0]!)}.${two(bytes[2]!)}-${view.getUint32(4, true)}-${ten(view.getUint32(8, true))}-${ten(view.getUint32(12, true))}`;
}

/** The inverse of formatSamId, for the simulator; d1, d3 are zero. */
export function encodeSamId(text: string): Uint8Array {
  const match = SAM_ID_PATTERN.exec(text);
  if (!match) throw new RangeError(`not a SAM id: ${text}`);
  const [, d0, d2, a, b, c] = match.map(Number) as [number, number, number, number, number, number];
  for (const n of [a, b, c]) if (n > 0xffffffff) throw new RangeError(`SAM id part ${n} exceeds 32 bits`);
  if (d0 > 0xff || d2 > 0xff) throw new RangeError(`not a SAM id: ${text}`);
  const bytes = new Uint8Array(SAM_ID_BYTES);
  const view = new DataView(bytes.buffer);
  bytes[0] = d0;
  bytes[2] = d2;
  view.setUint32(4, a, true);
  view.setUint32(8, b, true);
  view.setUint32(12, c, true);
  return bytes;
}
