import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, openKiosk, type Kiosk } from './browser.ts';
import { startStation, type RunningStation, type StationOptions } from './station.ts';

export interface KioskSuite {
  readonly station: RunningStation;
  open(options?: Parameters<typeof openKiosk>[2]): Promise<Kiosk>;
}

export interface SuiteOptions {
  /** Extra `station serve` arguments, e.g. ['--simulate'] for the simulated devices. */
  stationArgs?: string[];
  /** Extra Chromium flags (a fake camera); a function runs in beforeAll, so it can make the files they name. */
  chromiumArgs?: () => string[] | Promise<string[]>;
  /** Runs in the station's data directory before it serves (the first staff account, say). */
  setup?: StationOptions['setup'];
  env?: StationOptions['env'];
}

/** One station and one browser for a test file, started before its tests and stopped after them. */
export function kioskSuite(config?: Record<string, unknown>, options: SuiteOptions = {}): KioskSuite {
  let station: RunningStation | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // The browser first: a missing Chromium fails before a station is started for nothing.
    browser = await launchChromium((await options.chromiumArgs?.()) ?? []);
    station = await startStation(config, options.stationArgs, { setup: options.setup, env: options.env });
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
