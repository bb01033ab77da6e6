/**
 * SAM frames (GA 467-2013): `AA AA AA 96 69` · length (u16 BE, counts everything after it including the
 * checksum) · payload · checksum (XOR of the length bytes and the payload).
 * Requests carry CMD PARA [data]; responses SW1 SW2 SW3 [data].
 */
import { BadFrameError, ChecksumError, type DataOrigin, type IdCardError } from './errors.ts';

export const PREAMBLE: Buffer = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
/** Preamble plus the length field. */
export const HEADER_BYTES = 7;
/** Smallest length field: CMD PARA + checksum. */
export const MIN_LENGTH = 3;
/**
 * Largest length field we accept. The biggest real response (text + photo + fingerprint) has length 0x090A;
 * a bound keeps a corrupted length from making the decoder wait for bytes that never come.
 */
export const MAX_LENGTH = 0x0c00;

export function xorChecksum(bytes: Uint8Array, start: number, end: number): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}

/** Wraps a payload in preamble, length and checksum. */
export function encodeFrame(payload: Uint8Array): Buffer {
  const length = payload.length + 1;
  if (length > 0xffff) throw new RangeError(`SAM payload too long: ${payload.length} bytes`);
  const frame = Buffer.allocUnsafe(HEADER_BYTES + length);
  PREAMBLE.copy(frame, 0);
  frame.writeUInt16BE(length, 5);
  frame.set(payload, HEADER_BYTES);
  frame[frame.length - 1] = xorChecksum(frame, 5, frame.length - 1);
  return frame;
}

export function encodeRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Buffer {
  const payload = new Uint8Array(2 + data.length);
  payload[0] = cmd;
  payload[1] = para;
  payload.set(data, 2);
  return encodeFrame(payload);
}

export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0)): Buffer {
  const payload = new Uint8Array(3 + data.length);
  payload[2] = sw3;
  payload.set(data, 3);
  return encodeFrame(payload);
}

export interface Response {
  sw3: number;
  data: Uint8Array;
}

/** Splits a response payload; SW1 and SW2 are always zero in GA 467 responses. */
export function parseResponse(payload: Uint8Array, origin: DataOrigin = 'device'): Response {
  if (payload.length < 3) throw new BadFrameError(`response payload of ${payload.length} bytes`, origin);
  if (payload[0] !== 0 || payload[1] !== 0) {
    throw new BadFrameError(`SW1 SW2 = ${payload[0]} ${payload[1]}, expected 0 0`, origin);
  }
  return { sw3: payload[2]!, data: payload.subarray(3) };
}

export interface FrameHandlers {
  /** A checked payload. It is a view into the decoder's buffer, valid only during the call: copy to keep it. */
  onFrame(payload: Uint8Array): void;
  /** A frame was found but rejected; the decoder has already resynchronised. */
  onError?(error: IdCardError): void;
}

/**
 * Streaming decoder: takes chunks as they arrive (split or joined frames, garbage in between) and reports each
 * checked payload. It never throws on data; bad frames go to `onError` and decoding resumes one byte after the
 * rejected preamble, so a real frame hidden behind a false start is still found.
 */
export class FrameDecoder {
  private readonly handlers: FrameHandlers;
  private readonly origin: DataOrigin;
  /** Bytes kept between pushes: an incomplete frame or a tail that may start a preamble. */
  private pending: Buffer = Buffer.allocUnsafe(HEADER_BYTES + MAX_LENGTH);
  private pendingLength = 0;

  constructor(handlers: FrameHandlers, options: { origin?: DataOrigin } = {}) {
    this.handlers = handlers;
    this.origin = options.origin ?? 'device';
  }

  /** Bytes held back waiting for the rest of a frame. */
  get buffered(): number {
    return this.pendingLength;
  }

  reset(): void {
    this.pendingLength = 0;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.pendingLength === 0) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const keepFrom = this.scan(buf);
      this.keep(buf, keepFrom, buf.length);
      return;
    }
    let offset = 0;
    while (offset < chunk.length) {
      // The pending buffer holds at most one frame, so a large chunk is fed in slices that fit.
      const room = this.pending.length - this.pendingLength;
      const take = Math.min(room, chunk.length - offset);
      this.pending.set(chunk.subarray(offset, offset + take), this.pendingLength);
      this.pendingLength += take;
      offset += take;
      const view = this.pending.subarray(0, this.pendingLength);
      const keepFrom = this.scan(view);
      this.pending.copyWithin(0, keepFrom, this.pendingLength);
      this.pendingLength -= keepFrom;
    }
  }

  private keep(buf: Buffer, from: number, to: number): void {
    buf.copy(this.pending, this.pendingLength, from, to);
    this.pendingLength += to - from;
  }

  /** Decodes every complete frame in `buf`; returns the index from which bytes must be kept for later. */
  private scan(buf: Buffer): number {
    let pos = 0;
    for (;;) {
      const start = buf.indexOf(PREAMBLE, pos);
      if (start === -1) return tailPreamblePrefix(buf, pos);
      if (start + HEADER_BYTES > buf.length) return start;
      const length = (buf[start + 5]! << 8) | buf[start + 6]!;
      if (length < MIN_LENGTH || length > MAX_LENGTH) {
        this.handlers.onError?.(new BadFrameError(`length field ${length}`, this.origin));
        pos = start + 1;
        continue;
      }
      const end = start + HEADER_BYTES + length;
      if (end > buf.length) return start;
      if (xorChecksum(buf, start + 5, end - 1) !== buf[end - 1]) {
        this.handlers.onError?.(new ChecksumError('response', this.origin));
        pos = start + 1;
        continue;
      }
      this.handlers.onFrame(buf.subarray(start + HEADER_BYTES, end - 1));
      pos = end;
    }
  }
}

/** Start of the longest tail of buf[from..] that could begin a preamble, or buf.length when none can. */
function tailPreamblePrefix(buf: Buffer, from: number): number {
  const maxKeep = Math.min(PREAMBLE.length - 1, buf.length - from);
  for (let keep = maxKeep; keep > 0; keep--) {
    const at = buf.length - keep;
    let match = true;
    for (let i = 0; i < keep; i++) {
      if (buf[at + i] !== PREAMBLE[i]) {
        match = false;
        break;
      }
    }
    if (match) return at;
  }
  return buf.length;
}

/** Decodes every frame in a complete byte string (e.g. a file); errors are collected, not thrown. */
export function decodeFrames(bytes: Uint8Array, origin: DataOrigin = 'input'): {
  frames: Uint8Array[];
  errors: IdCardError[];
  trailing: number;
} {
  const frames: Uint8Array[] = [];
  const errors: IdCardError[] = [];
  const decoder = new FrameDecoder(
    { onFrame: (payload) => frames.push(payload.slice()), onError: (error) => errors.push(error) },
    { origin },
  );
  decoder.push(bytes);
  return { frames, errors, trailing: decoder.buffered };
}
