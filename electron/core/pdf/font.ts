import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { assetPath } from '../paths.ts';

/**
 * The one font every printed document uses: WenQuanYi Micro Hei, TrueType outlines (scripts/make-font.sh explains
 * why not a CFF font such as Noto Sans CJK). Embedded as a subset, so a page costs a few KB of font data.
 */
const FONT_FILE = ['fonts', 'wqy-microhei.ttf'];

let cachedBytes: Uint8Array | undefined;
let cachedFont: Font | undefined;
const advanceCache = new Map<number, number>();

export function fontBytes(): Uint8Array {
  if (!cachedBytes) {
    const file = assetPath(...FONT_FILE);
    try {
      cachedBytes = readFileSync(file);
    } catch (err) {
      throw new Error(`PDF font missing at ${file}: run scripts/make-font.sh`, { cause: err });
    }
  }
  return cachedBytes;
}

/** Parsing the 4.6 MB font costs ~10 ms; pdf-lib only reads it and makes a fresh subset per document, so share it. */
function parsedFont(): Font {
  cachedFont ??= fontkit.create(fontBytes());
  return cachedFont;
}

export interface DocFont {
  pdf: PDFFont;
  /** Width in points of `text` at `size`. */
  measure(text: string, size: number): number;
  /** Above and below the baseline, in em (both positive). */
  ascent: number;
  descent: number;
}

export async function embedDocFont(doc: PDFDocument): Promise<DocFont> {
  const font = parsedFont();
  doc.registerFontkit({ create: () => font });
  const pdf = await doc.embedFont(fontBytes(), { subset: true });
  const em = font.unitsPerEm;
  return {
    pdf,
    measure: (text, size) => advanceEm(font, text) * size,
    ascent: font.ascent / em,
    descent: Math.abs(font.descent) / em,
  };
}

/**
 * Sum of the characters' advances, cached per code point: running fontkit's layout for every candidate line would
 * dominate render time. It ignores kerning, which in this font only tightens Latin pairs (AV, To), so a line
 * measured this way is never narrower than it prints.
 */
function advanceEm(font: Font, text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    let advance = advanceCache.get(cp);
    if (advance === undefined) {
      advance = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      advanceCache.set(cp, advance);
    }
    width += advance;
  }
  return width;
}
