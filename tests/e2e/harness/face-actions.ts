// Functions passed to evaluate run in the browser: they need the DOM's types.
/// <reference lib="dom" />
import type { Page, Request } from 'playwright-core';
import { PENSION_CHECK, startApply } from './apply-actions.ts';
import { choose, next, pickMatter, readCard, signIn, tick } from './window-actions.ts';

/** 养老金认证's form answered: 认证方式 (`face` at the station, `home` for a visit), living in the county, the promise. */
export async function answerPensionForm(page: Page, method: 'face' | 'home'): Promise<void> {
  await choose(page, 'method', method);
  await choose(page, 'residence', 'county');
  await tick(page, 'truthful');
}

/**
 * 养老金认证 up to its face step with 认证方式 `face`: at the kiosk from the guide, or at the window signed in as the
 * clerk, on a new intake.
 */
export async function pensionToFaceStep(page: Page, at: 'kiosk' | 'window'): Promise<void> {
  if (at === 'kiosk') {
    await startApply(page);
    await readCard(page);
  } else {
    await signIn(page);
    await page.getByTestId('desk-new-intake').tap();
    await readCard(page);
    await next(page, 'matter');
    await pickMatter(page, PENSION_CHECK.initials, PENSION_CHECK.name);
  }
  await next(page, 'form');
  await answerPensionForm(page, 'face');
  await next(page, 'face');
}

/** The face check is sending frames: the camera plays and the core has started the check. */
export async function faceLooking(page: Page): Promise<void> {
  await page.locator('[data-testid="face-check"][data-phase="looking"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="face-prompt"]:not([data-prompt=""])').waitFor({ timeout: 30_000 });
}

/**
 * Watches the page's calls of one API method: how many were made, the most in flight at once, and (unless told
 * not to, for frames) their bodies.
 * The kiosk must send a face check's frames one at a time.
 */
export function watchCalls(
  page: Page,
  method: string,
  keepBodies = true,
): { sent: () => number; mostInFlight: () => number; bodies: () => unknown[] } {
  const open = new Set<Request>();
  const bodies: unknown[] = [];
  let sent = 0;
  let most = 0;
  const mine = (r: Request) => r.url().endsWith(`/api/${method}`);
  page.on('request', (r) => {
    if (!mine(r)) return;
    open.add(r);
    sent++;
    if (keepBodies) bodies.push(r.postDataJSON());
    most = Math.max(most, open.size);
  });
  const done = (r: Request) => open.delete(r);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return { sent: () => sent, mostInFlight: () => most, bodies: () => bodies };
}

/** Stops the face check's camera as a pulled cable would: every track of the live picture ends. */
export async function stopFaceCamera(page: Page): Promise<number> {
  return page.getByTestId('face-video').evaluate((v) => {
    const tracks = ((v as HTMLVideoElement).srcObject as MediaStream | null)?.getTracks() ?? [];
    for (const t of tracks) t.stop();
    return tracks.length;
  });
}
