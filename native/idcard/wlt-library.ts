/**
 * The reader vendor's WLT photo decoder: a shared library (libwlt.so, WltRS.dll, libwlt2bmp …) called through koffi.
 * Vendors' public SDK samples export `int unpack(char *src, char *dst, int bmpSave)`: the 1024 WLT bytes in, the
 * 102 × 126 photo out into the caller's buffer, as a 24-bit BMP file image or (some vendors) bare BGR rows; 1 is success.
 */
import koffi, { type LibraryHandle } from 'koffi';
import sharp from 'sharp';
import { PhotoDecodeFailedError, WltLibraryUnusableError } from './errors.ts';
import { PHOTO_BYTES } from './layouts.ts';
import type { WltDecoder } from './photo.ts';

export interface WltLibraryOptions {
  /** The vendor's shared library file. */
  path: string;
  /** The exported decode function; default 'unpack'. */
  symbol?: string;
  /** What the function writes: a BMP file image (the default), or bare top-down BGR rows. */
  output?: 'bmp' | 'bgr';
}

const WIDTH = 102;
const HEIGHT = 126;
const BMP_HEADER_BYTES = 14 + 40; // BITMAPFILEHEADER + BITMAPINFOHEADER
const BMP_ROW_BYTES = Math.ceil((WIDTH * 3) / 4) * 4; // BMP rows are padded to 4 bytes
/** 38862: what the SDKs tell callers to reserve, and enough for the bare BGR form (38556) too. */
const OUTPUT_BYTES = BMP_HEADER_BYTES + BMP_ROW_BYTES * HEIGHT;

type Unpack = (src: Uint8Array, dst: Uint8Array, bmpSave: number) => number;

export class WltLibrary implements WltDecoder {
  private constructor(
    private lib: LibraryHandle | undefined,
    private readonly unpack: Unpack,
    private readonly symbol: string,
    private readonly output: 'bmp' | 'bgr',
  ) {}

  static open(options: WltLibraryOptions): WltLibrary {
    const symbol = options.symbol ?? 'unpack';
    let lib: LibraryHandle;
    try {
      lib = koffi.load(options.path);
    } catch (cause) {
      throw new WltLibraryUnusableError(`cannot load ${options.path} (${messageOf(cause)})`, { cause });
    }
    try {
      return new WltLibrary(lib, lib.func(symbol, 'int', ['uint8_t *', 'uint8_t *', 'int']), symbol, options.output ?? 'bmp');
    } catch (cause) {
      lib.unload();
      throw new WltLibraryUnusableError(`${options.path} has no function ${symbol} (${messageOf(cause)})`, { cause });
    }
  }

  async decode(wlt: Uint8Array): Promise<{ mime: string; bytes: Uint8Array }> {
    // Calling into an unloaded library would crash the process.
    if (!this.lib) throw new WltLibraryUnusableError('the library has been closed');
    if (wlt.length !== PHOTO_BYTES) {
      throw new PhotoDecodeFailedError(`expected ${PHOTO_BYTES} WLT bytes, got ${wlt.length}`, 'input');
    }
    const out = new Uint8Array(OUTPUT_BYTES);
    // Synchronous, not on koffi's worker threads: a decode takes milliseconds and vendors do not promise thread
    // safety. `src` is a copy because it is not const in the vendor's prototype; bmpSave 0, as in the SDK samples,
    // so that no zp.bmp is written into the working directory.
    const status = this.unpack(new Uint8Array(wlt), out, 0);
    if (status !== 1) throw new PhotoDecodeFailedError(`${this.symbol} returned ${status}`);
    const rows = this.output === 'bmp' ? bmpPixels(out) : { offset: 0, stride: WIDTH * 3, bottomUp: false };
    const png = await sharp(rgbRows(out, rows), { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).png().toBuffer();
    return { mime: 'image/png', bytes: new Uint8Array(png) };
  }

  close(): void {
    this.lib?.unload();
    this.lib = undefined;
  }
}

interface PixelRows {
  offset: number;
  stride: number;
  bottomUp: boolean;
}

/** Where the BMP's rows lie, once it is the uncompressed 24-bit 102 × 126 picture (sharp cannot read BMP). */
function bmpPixels(bmp: Uint8Array): PixelRows {
  const view = new DataView(bmp.buffer, bmp.byteOffset, bmp.byteLength);
  if (bmp[0] !== 0x42 || bmp[1] !== 0x4d) throw new PhotoDecodeFailedError('the output is not a BMP image');
  const offset = view.getUint32(10, true);
  const width = view.getInt32(18, true);
  const height = view.getInt32(22, true); // negative for the rarer top-down BMP
  const bits = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  if (width !== WIDTH || Math.abs(height) !== HEIGHT || bits !== 24 || compression !== 0) {
    throw new PhotoDecodeFailedError(`the output is a ${width} × ${height} ${bits}-bit BMP (compression ${compression})`);
  }
  if (offset < BMP_HEADER_BYTES || offset + BMP_ROW_BYTES * HEIGHT > bmp.length) {
    throw new PhotoDecodeFailedError(`the BMP pixel offset ${offset} is outside the output`);
  }
  return { offset, stride: BMP_ROW_BYTES, bottomUp: height > 0 };
}

/** Top-down RGB, as sharp's raw input wants, from BGR rows. */
function rgbRows(src: Uint8Array, { offset, stride, bottomUp }: PixelRows): Buffer {
  const rgb = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    const row = offset + (bottomUp ? HEIGHT - 1 - y : y) * stride;
    for (let x = 0; x < WIDTH; x++) {
      const s = row + x * 3;
      const d = (y * WIDTH + x) * 3;
      rgb[d] = src[s + 2]!;
      rgb[d + 1] = src[s + 1]!;
      rgb[d + 2] = src[s]!;
    }
  }
  return rgb;
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
