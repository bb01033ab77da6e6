import { describe, expect, it } from 'vitest';
import { BadFrameError, ChecksumError, type IdCardError } from '../../../native/idcard/errors.ts';
import {
  FIND,
  READ_LATEST_ADDRESS,
  READ_TEXT_PHOTO,
  READ_TEXT_PHOTO_FINGERPRINT,
  SAM_ID,
  SAM_STATUS,
  SELECT,
  requestFrame,
} from '../../../native/idcard/sam-commands.ts';
import {
  FrameDecoder,
  decodeFrames,
  encodeResponse,
  parseResponse,
} from '../../../native/idcard/sam-frame.ts';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

function collect() {
  const frames: string[] = [];
  const errors: IdCardError[] = [];
  const decoder = new FrameDecoder({
    onFrame: (p) => frames.push(Buffer.from(p).toString('hex')),
    onError: (e) => errors.push(e),
  });
  return { decoder, frames, errors };
}

describe('request frames (GA 467 table)', () => {
  it.each([
    [FIND, 'AAAAAA9669 0003 20 01 22'],
    [SELECT, 'AAAAAA9669 0003 20 02 21'],
    [READ_TEXT_PHOTO, 'AAAAAA9669 0003 30 01 32'],
    [READ_TEXT_PHOTO_FINGERPRINT, 'AAAAAA9669 0003 30 10 23'],
    [READ_LATEST_ADDRESS, 'AAAAAA9669 0003 30 03 30'],
    [SAM_ID, 'AAAAAA9669 0003 12 FF EE'],
    [SAM_STATUS, 'AAAAAA9669 0003 11 FF ED'],
  ])('%o encodes as documented', (command, expected) => {
    expect(requestFrame(command).equals(hex(expected))).toBe(true);
  });
});

describe('response frames', () => {
  it('matches the documented find, no-card, select-fail and read-fail answers', () => {
    expect(encodeResponse(0x9f, new Uint8Array(4)).equals(hex('AAAAAA9669 0008 00 00 9F 00000000 97'))).toBe(true);
    expect(encodeResponse(0x80).equals(hex('AAAAAA9669 0004 00 00 80 84'))).toBe(true);
    expect(encodeResponse(0x81).equals(hex('AAAAAA9669 0004 00 00 81 85'))).toBe(true);
    expect(encodeResponse(0x41).equals(hex('AAAAAA9669 0004 00 00 41 45'))).toBe(true);
  });

  it('gives a 1295-byte frame with length 0x0508 for a text + photo read', () => {
    const frame = encodeResponse(0x90, new Uint8Array(4 + 256 + 1024));
    expect(frame.length).toBe(1295);
    expect(frame.readUInt16BE(5)).toBe(0x0508);
  });

  it('rejects SW1/SW2 other than zero', () => {
    expect(() => parseResponse(Uint8Array.of(0, 1, 0x90))).toThrow(BadFrameError);
    expect(parseResponse(Uint8Array.of(0, 0, 0x90, 7)).data).toEqual(Uint8Array.of(7));
  });
});

describe('FrameDecoder', () => {
  const a = encodeResponse(0x9f, new Uint8Array(4));
  const b = encodeResponse(0x90, Uint8Array.from({ length: 40 }, (_, i) => i));

  it('decodes joined frames in one chunk', () => {
    const { decoder, frames } = collect();
    decoder.push(Buffer.concat([a, b, a]));
    expect(frames).toHaveLength(3);
    expect(frames[0]).toBe('00009f00000000');
  });

  it('decodes a frame split into single bytes', () => {
    const { decoder, frames } = collect();
    for (const byte of b) decoder.push(Uint8Array.of(byte));
    expect(frames).toHaveLength(1);
    expect(decoder.buffered).toBe(0);
  });

  it('resynchronises after garbage, including broken preambles', () => {
    const { decoder, frames, errors } = collect();
    decoder.push(hex('00 11 AA AA 96 AA AA AA 96 00 AA'));
    decoder.push(a.subarray(0, 3));
    decoder.push(Buffer.concat([a.subarray(3), hex('FF AA AA')]));
    decoder.push(b);
    expect(frames).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('reports a checksum error and still finds the next frame', () => {
    const { decoder, frames, errors } = collect();
    const bad = Buffer.from(b);
    bad[20]! ^= 0x01;
    decoder.push(Buffer.concat([bad, a]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ChecksumError);
    expect(errors[0]!.code).toBe('idcard.checksum');
    expect(frames).toEqual(['00009f00000000']);
  });

  it('rejects an impossible length at once instead of waiting for it', () => {
    const { decoder, frames, errors } = collect();
    decoder.push(Buffer.concat([hex('AAAAAA9669 FFFF 00'), a]));
    expect(errors[0]).toBeInstanceOf(BadFrameError);
    expect(frames).toHaveLength(1);
  });

  it('finds a real frame hidden inside the span a false start claimed', () => {
    const { decoder, frames, errors } = collect();
    // A false preamble claims 0x30 bytes; the real frame starts inside that span.
    decoder.push(Buffer.concat([hex('AAAAAA9669 0030 01 02'), a, Buffer.alloc(0x30)]));
    expect(errors.map((e) => e.code)).toEqual(['idcard.checksum']);
    expect(frames[0]).toBe('00009f00000000');
  });

  it('keeps an incomplete frame until the rest arrives, and forgets it on reset', () => {
    const { decoder, frames } = collect();
    decoder.push(b.subarray(0, 30));
    expect(decoder.buffered).toBe(30);
    decoder.reset();
    decoder.push(b.subarray(30));
    expect(frames).toEqual([]);
    decoder.push(b);
    expect(frames).toHaveLength(1);
  });

  it('decodeFrames collects frames and errors from a whole capture', () => {
    const bad = Buffer.from(a);
    bad[bad.length - 1]! ^= 0xff;
    const result = decodeFrames(Buffer.concat([a, bad, b.subarray(0, 10)]));
    expect(result.frames).toHaveLength(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.kind).toBe('input');
    expect(result.trailing).toBe(10);
  });
});
