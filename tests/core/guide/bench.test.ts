import { describe, expect, it } from 'vitest';
import { benchGuidePdf } from '../../../electron/core/guide/bench.ts';

describe('benchGuidePdf', () => {
  // Timing is reported by `npm run bench`, not asserted: CI machines vary too much.
  it('reports percentiles and the size of the sample guide', async () => {
    const result = await benchGuidePdf();
    expect(result.p50Ms).toBeGreaterThan(0);
    expect(result.p95Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(result.bytes).toBeGreaterThan(5_000);
    expect(result.bytes).toBeLessThan(300_000);
  });
});
