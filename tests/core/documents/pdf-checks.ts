import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { pdffonts, pdftotext, rasterErrors, squeeze, writePdf } from '../pdf/poppler.ts';

const run = promisify(execFile);

/**
 * The checks every printed case document must pass: small, rasterised by poppler without a word on stderr, the
 * subset CJK font embedded. Returns the file and its text with whitespace squeezed out.
 */
export async function checkedPdf(bytes: Uint8Array, name: string): Promise<{ file: string; text: string }> {
  expect(bytes.length).toBeLessThan(300_000);
  const file = writePdf(bytes, name);
  expect(await rasterErrors(file, 40)).toBe('');
  expect(await pdffonts(file)).toMatch(/WenQuanYiMicroHei\S*\s+CID TrueType\s+Identity-H\s+yes/);
  return { file, text: squeeze(await pdftotext(file)) };
}

/** The images (not their soft masks) pdfimages lists, with their pixel sizes. */
export async function images(file: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => ({ width: Number(cols[3]), height: Number(cols[4]) }));
}

export function expectAll(text: string, pieces: readonly string[]): void {
  for (const piece of pieces) expect(text, piece).toContain(squeeze(piece));
}
