import { processPage } from '../../native/camera/page-process.ts';
import { syntheticStill, tiltedPage } from '../lib/synthetic-still.ts';
import { percentile, type Figure } from './report.ts';

/** One 2592 × 1944 (5 MP) document-camera still of an A4 page, turned 8° and slightly tilted. */
export async function benchPageProcess(runs = 20): Promise<Figure[]> {
  const width = 2592;
  const height = 1944;
  const still = await syntheticStill({ width, height, page: tiltedPage(width, height, 8, 0.08, 0.85), seed: 5 });
  // Warm-up: the first calls load libvips' codecs and let V8 optimise the warp.
  for (let i = 0; i < 3; i++) await processPage(still);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await processPage(still);
    times.push(performance.now() - start);
  }
  return [
    { name: 'document page: find, straighten, clean, JPEG (5 MP): p50', value: percentile(times, 50), unit: 'ms' },
    { name: 'document page: find, straighten, clean, JPEG (5 MP): p95', value: percentile(times, 95), unit: 'ms' },
  ];
}
