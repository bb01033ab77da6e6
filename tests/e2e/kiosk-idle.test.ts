import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { kioskSuite } from './harness/suite.ts';

// The shortest idle timeout a station accepts; the test moves Playwright's fake clock instead of waiting.
const kiosk = kioskSuite({ idleTimeoutSec: 15 });

/** Taps a key and waits until the typed letters read `expected`: proof the search screen is still up. */
async function typeAndSee(page: Page, letter: string, expected: string): Promise<void> {
  await page.getByTestId(`key-${letter}`).tap();
  await page.locator(`[data-testid="search-query"]:text-is("${expected}")`).waitFor({ timeout: 10_000 });
}

describe('kiosk: idle timeout', () => {
  it('returns to the attract screen after idleTimeoutSec without a touch, and forgets everything', async () => {
    const { page, context } = await kiosk.open({ clock: true });
    await page.getByTestId('screen-attract').tap();
    await page.getByTestId('lang-en').tap();
    await page.getByTestId('tile-apply').tap();
    await page.getByTestId('search-by-initials').tap();
    await typeAndSee(page, 'L', 'L');

    // Each touch starts the wait again: 14 s, a touch, 14 s, a touch — never 15 s without one.
    await page.clock.fastForward(14_000);
    await typeAndSee(page, 'N', 'LN');
    await page.clock.fastForward(14_000);
    await typeAndSee(page, 'Y', 'LNY');

    await page.clock.fastForward(15_000);
    await page.getByTestId('screen-attract').waitFor();
    // Back to the station's default language, and the letters typed are gone.
    await expect.poll(() => page.locator('.attract__title').textContent()).toBe('家门口便民服务站');
    await page.getByTestId('screen-attract').tap();
    await page.getByTestId('tile-apply').tap();
    await page.getByTestId('search-by-initials').tap();
    await expect.poll(() => page.getByTestId('search-query').textContent()).toBe('');
    await context.close();
  });
});
