import { readFileSync } from 'node:fs';
import { Matter } from '../../contract/catalog.ts';
import { renderGuidePdf } from './guide-pdf.ts';
import { guideQrPayload } from './guide-qr.ts';

const FIXTURE = new URL('../../../tests/fixtures/matter-elderly-card.json', import.meta.url);
const WARM_UP = 3;
const RUNS = 30;

/** Renders the sample guide (老年优待证办理) 30 times after warm-up. Goal: p50 < 150 ms, < 300 KB. */
export async function benchGuidePdf(): Promise<{ p50Ms: number; p95Ms: number; bytes: number }> {
  const matter = Matter.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  const opts = {
    catalogVersion: '2025.1.1',
    lifeEventNames: { elderly: '养老' },
    qrPayload: guideQrPayload(matter),
    generatedAt: new Date('2025-03-01T02:00:00Z'),
  };
  for (let i = 0; i < WARM_UP; i++) await renderGuidePdf(matter, opts);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = (await renderGuidePdf(matter, opts)).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 10) / 10;
  return { p50Ms: at(0.5), p95Ms: at(0.95), bytes };
}
