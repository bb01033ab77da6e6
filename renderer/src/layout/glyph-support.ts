const known = new Map<string, boolean>();
let missingGlyph: string | undefined;

function raster(text: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 48;
  const g = canvas.getContext('2d');
  if (!g) return text;
  g.font = `40px ${getComputedStyle(document.body).fontFamily}`;
  g.textBaseline = 'top';
  g.fillText(text, 0, 0);
  return g.getImageData(0, 0, 48, 48).data.join(',');
}

/**
 * Whether the system has a font that draws `text`. Life-event icons are emoji, drawn by the operating system's
 * emoji font; a kiosk without one would show empty boxes, which look broken, so those icons are left out.
 * Compares the drawing with that of a private-use code point no font covers.
 */
export function canDraw(text: string): boolean {
  let answer = known.get(text);
  if (answer === undefined) {
    missingGlyph ??= raster('\u{10FFFD}');
    answer = raster(text) !== missingGlyph;
    known.set(text, answer);
  }
  return answer;
}
