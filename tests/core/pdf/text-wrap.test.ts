import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isClosingPunct, isOpeningPunct, wrapText } from '../../../electron/core/pdf/text-wrap.ts';

// A stand-in for the font: Chinese is a full em, Latin half, spaces narrower. Additive, like the real measure.
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’…]/u;
const widthOf = (ch: string): number => (CJK.test(ch) ? 10 : /\s/u.test(ch) ? 3 : 5.5);
const measure = (s: string): number => [...s].reduce((w, ch) => w + widthOf(ch), 0);

/** Checks the contract: the input is the lines in order, separated (and surrounded) by whitespace only. */
function expectReassembles(input: string, lines: string[]): void {
  let pos = 0;
  for (const line of lines) {
    while (pos < input.length && /\s/u.test(input[pos] ?? '')) pos++;
    expect(input.startsWith(line, pos), `line ${JSON.stringify(line)} at ${pos} of ${JSON.stringify(input)}`).toBe(true);
    pos += line.length;
  }
  expect(input.slice(pos).trim()).toBe('');
}

const han = fc.constantFrom(...'申请人身份证复印件一寸红底免冠照片年满周岁户籍本地办理');
const latin = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
const closing = fc.constantFrom(...'，。、；：）》」', ',', '.', ')');
const opening = fc.constantFrom(...'（《「', '(');
const space = fc.constantFrom(' ', '  ', '\u3000', '\t');

const anyText = fc
  .array(fc.oneof(han, han, latin, closing, opening, space, fc.constant('\n')), { maxLength: 120 })
  .map((parts) => parts.join(''));

describe('wrapText', () => {
  it('never loses text, never exceeds the width unless one character is wider', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 10, max: 240 }), (text, width) => {
        const lines = wrapText(text, width, measure);
        expectReassembles(text, lines);
        for (const line of lines) {
          expect(measure(line)).toBeLessThanOrEqual(width);
          expect(line).toBe(line.trim());
        }
        // Hard line breaks are kept: one output line at least per input line.
        expect(lines.length).toBeGreaterThanOrEqual(text.split('\n').length);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps Latin words and numbers whole when they fit', () => {
    const words = fc.array(latin.filter((w) => w.length <= 8), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(words, fc.array(han, { minLength: 30, maxLength: 30 }), fc.integer({ min: 45, max: 200 }), (ws, hs, width) => {
        // Words separated by spaces or by Chinese characters.
        const text = ws.map((w, i) => (i % 2 === 0 ? `${w} ` : `${w}${hs[i] ?? ''}`)).join('');
        const lines = wrapText(text, width, measure);
        const pieces = lines.flatMap((l) => l.split(/[\s\u4e00-\u9fff]+/u)).filter((p) => p !== '');
        expect(pieces).toEqual(ws);
      }),
      { numRuns: 300 },
    );
  });

  it('starts no line with closing punctuation and ends none with opening punctuation (避头尾)', () => {
    // Punctuation never piles up here, so every glued run fits a line and the rule can always hold.
    const token = fc.oneof(
      han,
      han,
      latin.filter((w) => w.length <= 4),
      fc.tuple(han, closing).map(([h, c]) => h + c),
      fc.tuple(opening, han).map(([o, h]) => o + h),
      space,
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), fc.integer({ min: 60, max: 240 }), (tokens, width) => {
        const text = tokens.join('');
        const lines = wrapText(text, width, measure);
        lines.slice(1).forEach((line) => expect(isClosingPunct([...line][0] ?? '')).toBe(false));
        lines.slice(0, -1).forEach((line) => expect(isOpeningPunct([...line].at(-1) ?? '')).toBe(false));
      }),
      { numRuns: 500 },
    );
  });

  it('breaks Chinese between any characters', () => {
    expect(wrapText('申请人身份证复印件', 30, measure)).toEqual(['申请人', '身份证', '复印件']);
  });

  it('keeps a number whole next to Chinese', () => {
    expect(wrapText('年满65周岁', 30, measure)).toEqual(['年满', '65周', '岁']);
  });

  it('pulls closing punctuation onto the previous line rather than starting a line with it', () => {
    expect(wrapText('身份证复，印件', 40, measure)).toEqual(['身份证', '复，印件']);
    expect(wrapText('照片一张。', 40, measure)).toEqual(['照片一', '张。']);
  });

  it('moves opening punctuation to the next line with what it opens', () => {
    expect(wrapText('照片（一寸）', 30, measure)).toEqual(['照片', '（一', '寸）']);
    expect(wrapText('依据《老年法》', 30, measure)).toEqual(['依据', '《老年', '法》']);
  });

  it('drops the whitespace it breaks at and keeps line breaks, blank lines included', () => {
    expect(wrapText('ID card  number', 40, measure)).toEqual(['ID card', 'number']);
    expect(wrapText('第一行\n\n第三行', 100, measure)).toEqual(['第一行', '', '第三行']);
    expect(wrapText('', 100, measure)).toEqual(['']);
  });

  it('splits a word wider than the line, without starting a piece with punctuation', () => {
    const url = 'https://example.org/guide/43040000-GG-0018,';
    const lines = wrapText(url, 60, measure);
    expect(lines.join('')).toBe(url);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(60);
    expect(lines.at(-1)).not.toBe(',');
  });
});
