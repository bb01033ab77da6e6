import type { Page } from 'playwright-core';

/** One stroke by touch through the DevTools protocol: real touch events, hence pointer events of type touch. */
export async function touchStroke(page: Page, points: { x: number; y: number }[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const [first, ...rest] = points;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
  for (const p of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** A villager's finger writes 十 on the touch canvas, then 确认; resolves with the stored signature's sha256. */
export async function signByTouch(page: Page): Promise<string> {
  const canvas = page.getByTestId('touch-canvas');
  await canvas.waitFor();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = (fx: number, fy: number) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
  await touchStroke(page, [0.3, 0.4, 0.5, 0.6, 0.7].map((fx) => at(fx, 0.5)));
  await touchStroke(page, [0.2, 0.35, 0.5, 0.65, 0.8].map((fy) => at(0.5, fy)));
  await page.locator('[data-testid="touch-canvas"]:not([data-points="0"])').waitFor();
  await page.getByTestId('signature-confirm').tap();
  const saved = page.getByTestId('signature-saved');
  await saved.waitFor({ timeout: 30_000 });
  return (await saved.getAttribute('data-sha256')) ?? '';
}
