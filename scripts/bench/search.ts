import { readCatalogFile } from '../../electron/core/catalog/catalog-file.ts';
import { SearchIndex } from '../../electron/core/catalog/search-index.ts';
import { makeKey } from '../../electron/core/catalog/search-text.ts';
import { assetPath } from '../../electron/core/paths.ts';
import { percentile, type Figure } from './report.ts';

/** A deterministic pseudo-random sequence, so every run searches the same synthetic catalogue. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/** 10,000 matters whose names recombine the words of the real catalogue, queried the ways villagers search. */
export function benchCatalogSearch(): Figure[] {
  const real = readCatalogFile(assetPath('catalog', 'catalog.json')).matters;
  const words = [...new Set(real.flatMap((m) => m.name.match(/[\u4e00-\u9fff]{2}/g) ?? []))];
  const next = rng(20261122);
  const pick = () => words[Math.floor(next() * words.length)]!;
  const items = Array.from({ length: 10_000 }, (_, i) => {
    const name = `${pick()}${pick()}${pick()}${['申请', '登记', '认定', '办理'][i % 4]}`;
    return { code: `B-${String(i).padStart(6, '0')}`, name, shortName: name.slice(0, 4), synonyms: [pick() + pick()] };
  });
  const index = new SearchIndex(items, {});
  const queries = Array.from({ length: 400 }, (_, i) => {
    const m = items[Math.floor(next() * items.length)]!;
    const key = makeKey(m.name, 1);
    switch (i % 4) {
      case 0:
        return key.initials.slice(0, 4);
      case 1:
        return m.name.slice(2, 4);
      case 2:
        return key.syllables.slice(0, 2).join('');
      default:
        return key.initials.slice(0, 3) + 'x';
    }
  });
  for (const q of queries.slice(0, 50)) index.search(q);
  const samples = queries.map((q) => {
    const t = performance.now();
    index.search(q);
    return performance.now() - t;
  });
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  return [
    { name: 'catalogue search, 10,000 matters: p50', value: p50, unit: 'ms', goal: { text: '< 2 ms', met: p50 < 2 } },
    { name: 'catalogue search, 10,000 matters: p99', value: p99, unit: 'ms', goal: { text: '< 10 ms', met: p99 < 10 } },
  ];
}
