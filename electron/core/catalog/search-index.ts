import { z } from 'zod';
import type { SearchHit } from '../../contract/api.ts';
import { editDistance, hasCjk, makeKey, matchesSyllablePrefixes, normalize, type SearchKey } from './search-text.ts';

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

/** Expands a query by the catalogue-wide synonym table: 低保 also searches 最低生活保障. */
export type SynonymTable = Record<string, string[]>;

/** assets/catalog/synonyms.json, with its editors' `$schema` pointer. */
export const SynonymFile = z
  .object({ $schema: z.string().optional() })
  .catchall(z.array(z.string().min(1)).min(1));

const WEIGHT = { name: 1, shortName: 1, synonym: 0.95 } as const;

/** How far the match leaves the rest of the key unmatched: a near-complete match ranks above a partial one. */
const leftover = (keyLength: number, queryLength: number): number => Math.min(keyLength - queryLength, 10) * 0.4;

function scoreLatin(q: string, key: SearchKey): number {
  const { initials, full, syllables } = key;
  if (full === q || initials === q) return 100;
  if (initials.startsWith(q)) return 95 - leftover(initials.length, q.length);
  if (full.startsWith(q)) return 92 - leftover(full.length, q.length);
  if (matchesSyllablePrefixes(q, syllables, 0)) return 88 - leftover(initials.length, 1);
  if (initials.includes(q)) return 75 - leftover(initials.length, q.length);
  for (let s = 1; s < syllables.length; s++) {
    if (syllables[s]![0] === q[0] && matchesSyllablePrefixes(q, syllables, s)) return 70 - leftover(initials.length, 1);
  }
  if (q.length >= 4 && full.includes(q)) return 62;
  // One slip of the finger on the on-screen keyboard: compare with the initials' prefix of about the same length.
  if (q.length >= 3) {
    for (const len of [q.length, q.length - 1, q.length + 1]) {
      if (len <= initials.length && editDistance(q, initials.slice(0, len), 1) <= 1) {
        return 50 - leftover(initials.length, q.length);
      }
    }
  }
  return 0;
}

function scoreCjk(q: string, key: SearchKey): number {
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
  }

  /** Best first; ties keep catalogue order. The query must already be checked for emptiness and length. */
  search(query: string, limit = 20): SearchHit[] {
    const q = normalize(query);
    if (q.length === 0) return [];
    const queries = this.expand(q);
    const upperCode = query.trim().toUpperCase();
    const hits: { entry: Entry; score: number }[] = [];
    for (const entry of this.entries) {
      let best = entry.code === upperCode ? 100 : 0;
      for (const variant of queries) {
        const cjk = hasCjk(variant);
        for (const key of entry.keys) {
          const s = (cjk ? scoreCjk(variant, key) : scoreLatin(variant, key)) * key.weight;
          if (s > best) best = s;
        }
      }
      if (best > 0) hits.push({ entry, score: best });
    }
    hits.sort((a, b) => b.score - a.score || a.entry.order - b.entry.order);
    return hits.slice(0, limit).map(({ entry, score }) => ({
      code: entry.code,
      name: entry.name,
      score: Math.round(score * 10) / 10,
    }));
  }

  private expand(q: string): string[] {
    const out = [q];
    for (const [term, replacements] of this.synonyms) {
      if (q.includes(term)) for (const r of replacements) out.push(q.replace(term, r));
    }
    return out;
  }
}
