import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../lib/chromium.ts';
import { startServe } from '../lib/serve-process.ts';
import { percentile, type Figure } from './report.ts';

/** Process start → server ready → first paint of the attract screen in an already running Chromium, fresh data dir. */
export async function benchColdStart(runs = 5): Promise<Figure[]> {
  const browser = await launchChromium();
  const ready: number[] = [];
  const painted: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-bench-'));
      const serve = await startServe(dataDir);
      const page = await browser.newPage();
      await page.goto(serve.url);
      await page.waitForSelector('[data-testid="screen-attract"]', { state: 'visible' });
      // First contentful paint, measured by the browser, placed on our clock via the navigation's start.
      const fcp = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? performance.now(),
      );
      const navStart = await page.evaluate(() => performance.timeOrigin);
      const paintAt = navStart + fcp - performance.timeOrigin;
      ready.push(serve.readyAt - serve.spawnedAt);
      painted.push(paintAt - serve.spawnedAt);
      await page.close();
      await serve.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
  const total = percentile(painted, 50);
  return [
    { name: 'web-mode cold start: process start → server ready (median)', value: percentile(ready, 50), unit: 'ms' },
    { name: 'web-mode cold start: → first paint of attract screen (median)', value: total, unit: 'ms', goal: { text: '< 1500 ms', met: total < 1500 } },
  ];
}
