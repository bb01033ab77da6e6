import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { onTestFinished } from 'vitest';

const run = promisify(execFile);

/** A fresh directory removed when the calling test ends (these helpers run inside tests, where afterEach is too late). */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes the PDF into a fresh temp directory (removed after the test) and returns its path. */
export function writePdf(bytes: Uint8Array, name = 'doc.pdf'): string {
  const file = join(tempDir('doorstep-pdf-'), name);
  writeFileSync(file, bytes);
  return file;
}

export async function pdftotext(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return (await run('pdftotext', [...range, '-enc', 'UTF-8', file, '-'])).stdout;
}

export async function pdffonts(file: string): Promise<string> {
  return (await run('pdffonts', [file])).stdout;
}

/** Rasterises every page and returns what poppler complained about (a broken font shows up only here). */
export async function rasterErrors(file: string, dpi = 50): Promise<string> {
  const out = join(tempDir('doorstep-ppm-'), 'page');
  return (await run('pdftoppm', ['-r', String(dpi), '-png', file, out])).stderr;
}

/** One page as 8-bit greyscale pixels, row by row from the top. */
export async function rasterGray(file: string, dpi: number): Promise<{ width: number; height: number; pixels: Uint8Array }> {
  const out = join(tempDir('doorstep-pgm-'), 'page');
  await run('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', file, out]);
  const data = readFileSync(`${out}.pgm`);
  // Binary PGM: "P5", width, height, maxval, each followed by one whitespace, then the samples.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: data.subarray(whole.length) };
}

/** pdftotext puts narrow spaces in or leaves them out by glyph gaps; compare text without any. */
export const squeeze = (s: string): string => s.replace(/\s+/g, '');
