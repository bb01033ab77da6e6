import type { Page } from 'playwright-core';
import type { Guide } from '../../../contract/api/api.ts';
import type { CallReply } from '../../../contract/api/wire.ts';

/** Taps through attract → home → 我要办事 → search, then types `letters` on the on-screen keyboard. */
export async function searchByInitials(page: Page, letters: string): Promise<void> {
  await page.getByTestId('screen-attract').tap();
  await page.getByTestId('tile-apply').tap();
  await page.getByTestId('search-by-initials').tap();
  await page.getByTestId('screen-search').waitFor();
  for (const letter of letters.toUpperCase()) await page.getByTestId(`key-${letter}`).tap();
  // The result list names the query its hits are for, so we never read the hits of a shorter prefix.
  await page.locator(`[data-testid="search-results"][data-query="${letters.toLowerCase()}"]`).waitFor();
}

/** What a call from the page carries beside its input: a staff session, a kiosk visit. */
export interface PageCredentials {
  session?: string;
  visit?: string;
}

/** Calls the station's API from inside the page, as its own scripts do (same cookie, same headers). */
export function callFromPage(page: Page, method: string, input: unknown, credentials: PageCredentials = {}): Promise<{ status: number; body: CallReply }> {
  return page.evaluate(
    async ([m, i, c]) => {
      const r = await fetch(`/api/${m}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          'x-station-call': '1',
          ...(c.session ? { 'x-station-session': c.session } : {}),
          ...(c.visit ? { 'x-station-visit': c.visit } : {}),
        },
        body: JSON.stringify(i),
      });
      return { status: r.status, body: (await r.json()) as CallReply };
    },
    [method, input, credentials] as const,
  );
}

/** A call from inside the page that must succeed: its value, or an error naming what failed. */
export async function valueFromPage<T>(page: Page, method: string, input: unknown, credentials: PageCredentials = {}): Promise<T> {
  const { body } = await callFromPage(page, method, input, credentials);
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

export function guideFromPage(page: Page, code: string): Promise<Guide> {
  return valueFromPage<Guide>(page, 'catalogGuide', { code });
}
