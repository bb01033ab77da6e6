import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningStation } from './station.ts';

export { launchChromium } from '../../../scripts/lib/chromium.ts';

export interface Kiosk {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions (CSP violations among them) seen so far. */
  problems: string[];
}

/**
 * A touch-screen page on the station, showing the attract screen. `clock` installs Playwright's fake clock before
 * any page script runs, so a test can fast-forward the idle timeout; `permissions` grants e.g. ['camera'] up front.
 */
export async function openKiosk(
  browser: Browser,
  station: RunningStation,
  options: { clock?: boolean; viewport?: { width: number; height: number }; permissions?: string[] } = {},
): Promise<Kiosk> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1920, height: 1080 },
    hasTouch: true,
    locale: 'zh-CN',
    permissions: options.permissions,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  if (options.clock) await page.clock.install();
  await page.goto(station.url);
  await page.getByTestId('screen-attract').waitFor();
  return { context, page, problems };
}
