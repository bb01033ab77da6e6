/**
 * Line breaking for mixed Chinese/Latin text.
 *
 * Contract: `input === ws₀ + lines[0] + ws₁ + lines[1] + … + lines[n-1] + wsₙ`, where every wsᵢ is whitespace
 * (line breaks included). Chinese may break between any two characters; Latin words and numbers stay whole unless
 * one alone is wider than the line; a line never starts with closing punctuation nor ends with opening punctuation
 * (simple 避头尾), except when a single unbreakable run is wider than the line.
 */

/** Width of a string; must be the sum of its characters' widths (our font measure is, see font.ts). */
export type Measure = (text: string) => number;

// Must not start a line (避头): Chinese closing and sentence punctuation, plus their ASCII kin.
const CLOSING = new Set([...'，。、；：？！）》」』】〕〉｝］…’”％‰℃・·々～,.;:!?)]}%']);
// Must not end a line (避尾).
const OPENING = new Set([...'（《「『【〔〈｛［‘“([{']);

// Characters between which a line may break: Han, kana, Hangul, CJK symbols and full-width forms.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026]/u;
const SPACE = /\s/u;

export function isClosingPunct(ch: string): boolean {
  return CLOSING.has(ch);
}

export function isOpeningPunct(ch: string): boolean {
  return OPENING.has(ch);
}

/** A piece that is never broken (unless too wide), with the whitespace that preceded it. */
interface Atom {
  ws: string;
  text: string;
}

export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  return text.split(/\r\n|\r|\n/).flatMap((para) => wrapParagraph(para, maxWidth, measure));
}

function wrapParagraph(para: string, maxWidth: number, measure: Measure): string[] {
  const atoms = toAtoms(para);
  if (atoms.length === 0) return [''];
  const lines: string[] = [];
  let line = '';
  for (const atom of atoms) {
    const candidate = line === '' ? atom.text : line + atom.ws + atom.text;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    if (measure(atom.text) <= maxWidth) {
      line = atom.text;
    } else {
      const pieces = splitOversize(atom.text, maxWidth, measure);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
  }
  lines.push(line);
  return lines;
}

function toAtoms(para: string): Atom[] {
  const atoms: Atom[] = [];
  let ws = '';
  let word = '';
  // True when the previous atom ends with opening punctuation: the next one must stay on its line.
  let glueNext = false;

  const push = (token: string): void => {
    const prev = atoms.at(-1);
    const [first] = token;
    if (prev && (glueNext || (first !== undefined && CLOSING.has(first)))) {
      prev.text += ws + token;
    } else {
      atoms.push({ ws, text: token });
    }
    ws = '';
    glueNext = OPENING.has(token.at(-1) ?? '');
  };
  const flushWord = (): void => {
    if (word !== '') push(word);
    word = '';
  };

  for (const ch of para) {
    if (SPACE.test(ch)) {
      flushWord();
      ws += ch;
    } else if (CJK.test(ch) || (word === '' && (CLOSING.has(ch) || OPENING.has(ch)))) {
      // ASCII punctuation inside a Latin word (e.g. "1,000", "No.1") stays part of the word.
      flushWord();
      push(ch);
    } else {
      word += ch;
    }
  }
  flushWord();
  return atoms;
}

/** Breaks a run wider than the line by characters, still keeping closing punctuation off a line start. */
function splitOversize(text: string, maxWidth: number, measure: Measure): string[] {
  const chars = [...text];
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    // Whitespace glued inside the run (as in "申 ，") is still wrap whitespace where the run breaks.
    while (SPACE.test(chars[start] ?? '')) start++;
    let end = start + 1; // at least one character per line, or we would never finish
    while (end < chars.length && measure(chars.slice(start, end + 1).join('')) <= maxWidth) end++;
    while (end < chars.length && end - start > 1 && CLOSING.has(chars[end] ?? '')) end--;
    pieces.push(chars.slice(start, end).join('').trimEnd());
    start = end;
  }
  return pieces;
}
