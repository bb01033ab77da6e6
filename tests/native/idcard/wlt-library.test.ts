import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhotoDecodeFailedError, WltLibraryUnusableError } from '../../../native/idcard/errors.ts';
import { PHOTO_BYTES } from '../../../native/idcard/layouts.ts';
import { decodePhoto } from '../../../native/idcard/photo.ts';
import { WltLibrary, type WltLibraryOptions } from '../../../native/idcard/wlt-library.ts';

/**
 * A stand-in for a vendor's library, with the vendors' prototype. Its picture is keyed by the first and last WLT
 * bytes (so the whole input must reach it) and by the row (so an upside-down picture shows); 0xFF first fails.
 */
const STAND_IN_C = String.raw`
#include <stdint.h>
#include <string.h>
#define W 102
#define H 126
#define STRIDE 308 /* 102 * 3, padded to 4 */

static void put(uint8_t *bgr, const uint8_t *src, int x, int y) {
  bgr[0] = (uint8_t)(src[0] + x);
  bgr[1] = (uint8_t)(src[1023] ^ x);
  bgr[2] = (uint8_t)(y * 2);
}

static void le32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static int bmp(const uint8_t *src, uint8_t *dst, int bmpSave, int topDown) {
  if (src[0] == 0xFF) return 0;
  if (bmpSave != 0) return -1;
  memset(dst, 0xEE, 54 + STRIDE * H); /* row padding that must not show in the picture */
  memset(dst, 0, 54);
  dst[0] = 'B';
  dst[1] = 'M';
  le32(dst + 2, 54 + STRIDE * H);
  le32(dst + 10, 54);
  le32(dst + 14, 40);
  le32(dst + 18, W);
  le32(dst + 22, topDown ? (uint32_t)-H : H);
  dst[26] = 1;
  dst[28] = 24;
  le32(dst + 34, STRIDE * H);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) put(dst + 54 + (topDown ? y : H - 1 - y) * STRIDE + x * 3, src, x, y);
  return 1;
}

int unpack(char *src, char *dst, int bmpSave) { return bmp((uint8_t *)src, (uint8_t *)dst, bmpSave, 0); }
int unpack_topdown(char *src, char *dst, int bmpSave) { return bmp((uint8_t *)src, (uint8_t *)dst, bmpSave, 1); }

int unpack_bgr(char *src, char *dst, int bmpSave) {
  if ((uint8_t)src[0] == 0xFF) return 0;
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) put((uint8_t *)dst + (y * W + x) * 3, (uint8_t *)src, x, y);
  return 1;
}
`;

/** The stand-in's pixel (x, y from the top) as RGB. */
const expectedPixel = (wlt: Uint8Array, x: number, y: number) => [(y * 2) & 0xff, (wlt[1023]! ^ x) & 0xff, (wlt[0]! + x) & 0xff];

function wltBytes(first: number): Uint8Array {
  const wlt = new Uint8Array(PHOTO_BYTES).map((_, i) => (i * 37 + 11) & 0xff);
  wlt[0] = first;
  wlt[1023] = 0x5a;
  return wlt;
}

async function pixelsOf(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
  return { info, at };
}

let dir: string;
let libPath: string;
const opened: WltLibrary[] = [];

function open(options: Omit<WltLibraryOptions, 'path'> = {}): WltLibrary {
  const lib = WltLibrary.open({ path: libPath, ...options });
  opened.push(lib);
  return lib;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wlt-library-'));
  writeFileSync(join(dir, 'standin.c'), STAND_IN_C);
  libPath = join(dir, 'libwltstandin.so');
  // No cc means no stand-in: the suite fails here rather than skipping.
  execFileSync('cc', ['-shared', '-fPIC', '-O2', '-Wall', '-Werror', '-o', libPath, join(dir, 'standin.c')], { stdio: 'pipe' });
});

afterAll(() => {
  for (const lib of opened) lib.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a vendor's WLT photo library", () => {
  it('turns the bottom-up BMP it writes into a PNG the right way up, padding left out', async () => {
    const wlt = wltBytes(0x10);
    const { mime, bytes } = await open().decode(wlt);
    expect(mime).toBe('image/png');
    expect((await sharp(bytes).metadata()).format).toBe('png');
    const { info, at } = await pixelsOf(bytes);
    expect({ width: info.width, height: info.height }).toEqual({ width: 102, height: 126 });
    expect(at(0, 0)).toEqual([0, 0x5a, 0x10]);
    expect(at(0, 125)).toEqual([250, 0x5a, 0x10]);
    for (const [x, y] of [[101, 0], [50, 63], [101, 125], [7, 1]] as const) expect(at(x, y), `(${x}, ${y})`).toEqual(expectedPixel(wlt, x, y));
  });

  it('reads a top-down BMP (negative height) the right way up too', async () => {
    const wlt = wltBytes(0x20);
    const { at } = await pixelsOf((await open({ symbol: 'unpack_topdown' }).decode(wlt)).bytes);
    expect(at(3, 0)).toEqual(expectedPixel(wlt, 3, 0));
    expect(at(3, 125)).toEqual(expectedPixel(wlt, 3, 125));
  });

  it("reads bare top-down BGR rows from a vendor whose function writes those", async () => {
    const wlt = wltBytes(0x30);
    const { info, at } = await pixelsOf((await open({ symbol: 'unpack_bgr', output: 'bgr' }).decode(wlt)).bytes);
    expect({ width: info.width, height: info.height }).toEqual({ width: 102, height: 126 });
    for (const [x, y] of [[0, 0], [0, 125], [101, 0], [60, 70]] as const) expect(at(x, y), `(${x}, ${y})`).toEqual(expectedPixel(wlt, x, y));
  });

  it('gives a station photo through the reader’s photo step', async () => {
    const photo = await decodePhoto(wltBytes(0x40), open());
    expect(photo.decoded?.mime).toBe('image/png');
    expect(photo.unavailableReason).toBeUndefined();
  });

  it('refuses a photo the function does not return 1 for', async () => {
    const failed = open().decode(wltBytes(0xff));
    await expect(failed).rejects.toBeInstanceOf(PhotoDecodeFailedError);
    await expect(failed).rejects.toMatchObject({ code: 'idcard.photo-decode-failed', params: { reason: 'unpack returned 0' } });
  });

  it('refuses WLT that is not 1024 bytes, as the caller’s mistake', async () => {
    const lib = open();
    for (const length of [0, PHOTO_BYTES - 1, PHOTO_BYTES + 1]) {
      await expect(lib.decode(new Uint8Array(length).fill(0x10))).rejects.toMatchObject({ code: 'idcard.photo-decode-failed', kind: 'input' });
    }
  });

  it('refuses output that is not the BMP it was told to expect', async () => {
    await expect(open({ symbol: 'unpack_bgr' }).decode(wltBytes(0x10))).rejects.toMatchObject({
      code: 'idcard.photo-decode-failed',
      params: { reason: 'the output is not a BMP image' },
    });
  });

  it('refuses a library file that is not there', () => {
    const missing = join(dir, 'no-such-libwlt.so');
    expect(() => WltLibrary.open({ path: missing })).toThrow(WltLibraryUnusableError);
    expect(() => WltLibrary.open({ path: missing })).toThrow(
      expect.objectContaining({ code: 'idcard.wlt-library-unusable', params: { reason: expect.stringContaining(missing) } }),
    );
  });

  it('refuses a library without the named function', () => {
    expect(() => WltLibrary.open({ path: libPath, symbol: 'Wlt2Bmp' })).toThrow(
      expect.objectContaining({ code: 'idcard.wlt-library-unusable', params: { reason: expect.stringContaining('no function Wlt2Bmp') } }),
    );
  });

  it('refuses to decode once closed, instead of calling into an unloaded library', async () => {
    const lib = WltLibrary.open({ path: libPath });
    lib.close();
    await expect(lib.decode(wltBytes(0x10))).rejects.toMatchObject({ code: 'idcard.wlt-library-unusable' });
  });
});
