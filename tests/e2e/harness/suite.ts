import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, openKiosk, type Kiosk } from './browser.ts';
import { startStation, type RunningStation } from './station.ts';

export interface KioskSuite {
  readonly station: RunningStation;
  open(options?: Parameters<typeof openKiosk>[2]): Promise<Kiosk>;
}

/** One station and one browser for a test file, started before its tests and stopped after them. */
export function kioskSuite(config?: Record<string, unknown>): KioskSuite {
  let station: RunningStation | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // The browser first: a missing Chromium fails before a station is started for nothing.
    browser = await launchChromium();
    station = await startStation(config);
  });
  afterAll(async () => {
    await browser?.close();
    await station?.stop();
  });
  const started = () => {
    if (!station || !browser) throw new Error('the kiosk suite did not start');
    return { station, browser };
  };
  return {
    get station() {
      return started().station;
    },
    open: (options) => {
      const s = started();
      return openKiosk(s.browser, s.station, options);
    },
  };
}
