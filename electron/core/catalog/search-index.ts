import { z } from 'zod';
import type { SearchHit } from '../../../contract/api/api.ts';
import { hasCjk, makeKey, matchesSyllablePrefixes, normalize, withinOneEdit, type SearchKey } from './search-text.ts';

export interface Searchable {
  code: string;
  name: string;
  shortName: string;
  synonyms: string[];
}

interface Entry {
  code: string;
  name: string;
  order: number;
  keys: SearchKey[];
}

/** Longest pinyin run indexed inside keys: long enough to keep candidate lists short for full-pinyin queries. */
const RUN = 4;

/**
 * The postings of a key: its Chinese characters; the first two letters of its initials and of its full pinyin (every
 * match from the start has one); runs of three initials and of up to four pinyin letters (every match inside has
 * one); single initials for one-letter queries; and the initials at fixed places near the start, for typos.
 */
function keyGrams(keys: SearchKey[]): Set<string> {
  const grams = new Set<string>();
  for (const { text, full, initials } of keys) {
    for (const ch of text) grams.add(`c:${ch}`);
    grams.add(`is:${initials.slice(0, 2)}`).add(`fs:${full.slice(0, 2)}`);
    for (let i = 0; i < initials.length; i++) {
      grams.add(`u:${initials[i]}`).add(`i2:${initials.slice(i, i + 2)}`).add(`i3:${initials.slice(i, i + 3)}`);
    }
    for (let i = 0; i < full.length; i++) {
      grams.add(`f2:${full.slice(i, i + 2)}`).add(`f3:${full.slice(i, i + 3)}`).add(`f${RUN}:${full.slice(i, i + RUN)}`);
    }
    grams.add(`p1:${initials.slice(1, 3)}`).add(`p2:${initials.slice(2, 4)}`).add(`p2:${initials.slice(2, 3)}`);
    grams.add(`g02:${initials.slice(0, 1)}${initials.slice(2, 3)}`);
  }
  return grams;
}

/** The grams a query's matches must share with a key, by the same cases as keyGrams. */
function queryGrams(q: string, cjk: boolean): string[] {
  if (cjk) return [...new Set(q)].map((ch) => `c:${ch}`);
  if (q.length === 1) return [`u:${q}`];
  if (q.length === 2) return [`i2:${q}`, `f2:${q}`];
  const run = Math.min(q.length, RUN);
  return [`is:${q.slice(0, 2)}`, `fs:${q.slice(0, 2)}`, `i3:${q.slice(0, 3)}`, `f${run}:${q.slice(0, run)}`];
}

/**
 * Where the initials of a key one edit away from q must agree with q near the start: an edit at place 2 or later
 * keeps the first two; a substitution or swap at 0 or 1 keeps places 2–3; an insertion or deletion at 0 or 1 shifts
 * the rest by one; a substitution at 1 keeps places 0 and 2.
 */
function typoGrams(q: string): string[] {
  return [
    `is:${q.slice(0, 2)}`,
    `is:${q.slice(1, 3)}`,
    `is:${q[0]}${q[2]}`,
    `p1:${q.slice(0, 2)}`,
    `p1:${q.slice(1, 3)}`,
    `p2:${q.slice(1, 3)}`,
    `p2:${q.length === 3 ? q[2] : q.slice(2, 4)}`,
    `g02:${q[0]}${q[2]}`,
  ];
}

/** Expands a query by the catalogue-wide synonym table: 低保 also searches 最低生活保障. */
export type SynonymTable = Record<string, string[]>;

/** assets/catalog/synonyms.json, with its editors' `$schema` pointer. */
export const SynonymFile = z
  .object({ $schema: z.string().optional() })
  .catchall(z.array(z.string().min(1)).min(1));

const WEIGHT = { name: 1, shortName: 1, synonym: 0.95 } as const;

/** How far the match leaves the rest of the key unmatched: a near-complete match ranks above a partial one. */
const leftover = (keyLength: number, queryLength: number): number => Math.min(keyLength - queryLength, 10) * 0.4;

/**
 * Pinyin scoring. From the start of a key, initials, full pinyin and any mixture ("lnyd", "laonyd") match; inside a
 * key, the initials or the full pinyin as a run ("ydz", "youdai").
 */
export function scoreLatin(q: string, key: SearchKey): number {
  const { initials, full, syllables } = key;
  if (full === q || initials === q) return 100;
  if (initials.startsWith(q)) return 95 - leftover(initials.length, q.length);
  if (full.startsWith(q)) return 92 - leftover(full.length, q.length);
  if (initials[0] === q[0] && matchesSyllablePrefixes(q, syllables, 0)) return 88 - leftover(initials.length, 1);
  if (initials.includes(q)) return 75 - leftover(initials.length, q.length);
  if (q.length >= 3 && full.includes(q)) return 62;
  return 0;
}

/** One slip of the finger on the on-screen keyboard: the initials' prefix of about the query's length. */
export function scoreTypo(q: string, key: SearchKey): number {
  const { initials } = key;
  for (const len of [q.length, q.length - 1, q.length + 1]) {
    if (len <= initials.length && withinOneEdit(q, initials.slice(0, len))) return 50 - leftover(initials.length, q.length);
  }
  return 0;
}

export function scoreCjk(q: string, key: SearchKey): number {
  const { text } = key;
  if (text === q) return 100;
  if (text.startsWith(q)) return 92 - leftover(text.length, q.length);
  if (text.includes(q)) return 82 - leftover(text.length, q.length);
  let at = 0;
  for (const ch of q) {
    at = text.indexOf(ch, at);
    if (at < 0) break;
    at += ch.length;
  }
  if (at >= 0) return 65 - leftover(text.length, q.length);
  const chars = new Set(q);
  let present = 0;
  for (const ch of chars) if (text.includes(ch)) present++;
  const ratio = present / chars.size;
  return ratio >= 0.5 ? 40 * ratio : 0;
}

/**
 * The catalogue search the kiosk and the CLI share: Chinese text, full pinyin, pinyin initials (also mixed, like
 * "laonyd"), short names and synonyms, with one-slip tolerance for initials. Keys are prepared once per catalogue.
 */
export class SearchIndex {
  private readonly entries: Entry[];
  private readonly synonyms: [string, string[]][];
  /** Which entries hold a gram: Chinese characters, pinyin bigrams, and first and second initials. */
  private readonly postings = new Map<string, number[]>();
  private readonly byCode: Map<string, Entry>;

  constructor(items: Searchable[], synonyms: SynonymTable = {}) {
    this.entries = items.map((m, order) => ({
      code: m.code,
      name: m.name,
      order,
      keys: [
        makeKey(m.name, WEIGHT.name),
        makeKey(m.shortName, WEIGHT.shortName),
        ...m.synonyms.map((s) => makeKey(s, WEIGHT.synonym)),
      ],
    }));
    this.synonyms = Object.entries(synonyms).map(([k, v]) => [normalize(k), v.map(normalize)]);
    this.byCode = new Map(this.entries.map((e) => [e.code, e]));
    this.entries.forEach((entry, id) => {
      for (const g of keyGrams(entry.keys)) {
        const list = this.postings.get(g);
        if (list) list.push(id);
        else this.postings.set(g, [id]);
      }
    });
  }

  /** Entries holding any of the grams, in catalogue order. */
  private candidates(grams: string[]): number[] {
    const seen = new Uint8Array(this.entries.length);
    const out: number[] = [];
    for (const g of grams) {
      for (const id of this.postings.get(g) ?? []) {
        if (!seen[id]) {
          seen[id] = 1;
          out.push(id);
        }
      }
    }
    return out.sort((a, b) => a - b);
  }

  /** Best first; ties keep catalogue order. The query must already be checked for emptiness and length. */
  search(query: string, limit = 20): SearchHit[] {
    const q = normalize(query);
    if (q.length === 0) return [];
    const variants = this.expand(q).map((v) => ({ text: v, cjk: hasCjk(v) }));
    const upperCode = query.trim().toUpperCase();
    const exact = this.candidates(variants.flatMap((v) => queryGrams(v.text, v.cjk)));
    const hits = this.collect(exact, upperCode, (key) => {
      let best = 0;
      for (const v of variants) best = Math.max(best, v.cjk ? scoreCjk(v.text, key) : scoreLatin(v.text, key));
      return best;
    });
    // Typo tolerance only when exact matching leaves room: it must not push real matches down, and it costs.
    if (hits.length < limit && !variants[0]!.cjk && q.length >= 3) {
      const found = new Set(hits.map((h) => h.entry));
      const near = this.candidates(typoGrams(q));
      for (const h of this.collect(near, upperCode, (key) => scoreTypo(q, key))) if (!found.has(h.entry)) hits.push(h);
    }
    hits.sort((a, b) => b.score - a.score || a.entry.order - b.entry.order);
    return hits.slice(0, limit).map(({ entry, score }) => ({
      code: entry.code,
      name: entry.name,
      score: Math.round(score * 10) / 10,
    }));
  }

  private collect(ids: number[], upperCode: string, score: (key: SearchKey) => number): { entry: Entry; score: number }[] {
    const hits: { entry: Entry; score: number }[] = [];
    for (const id of ids) {
      const entry = this.entries[id]!;
      let best = 0;
      for (const key of entry.keys) {
        const s = score(key) * key.weight;
        if (s > best) best = s;
      }
      if (best > 0) hits.push({ entry, score: best });
    }
    const byCode = this.byCode.get(upperCode);
    if (byCode && !hits.some((h) => h.entry === byCode)) hits.push({ entry: byCode, score: 100 });
    return hits;
  }

  private expand(q: string): string[] {
    const out = [q];
    for (const [term, replacements] of this.synonyms) {
      if (q.includes(term)) for (const r of replacements) out.push(q.replace(term, r));
    }
    return out;
  }
}
