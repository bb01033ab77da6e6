import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startApply } from './harness/apply-actions.ts';
import { fakeCameraFlags, writeFakeCameraClip, type FakeCameraClip } from './harness/fake-camera.ts';
import { layoutChanges } from './harness/layout-stability.ts';
import { kioskSuite } from './harness/suite.ts';
import { choose, next, readCard, tick } from './harness/window-actions.ts';

// Every kiosk screen, once loaded, holds still: no box moves or resizes between frames by itself — with the
// camera open as well, where a scroll area's buttons once came and went every frame.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite({ idleTimeoutSec: 3600, simulatedCard: 'wang-ceshi' }, { stationArgs: ['--simulate'], chromiumArgs: async () => fakeCameraFlags((clip = await writeFakeCameraClip())) });
afterAll(() => clip?.remove());

const ELDERLY = { initials: 'lnydz', name: '老年优待证办理' };

/** Waits for the screen to settle (fonts, images, the camera playing), then looks for boxes that still change. */
async function still(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(700);
  expect(await layoutChanges(page), what).toEqual([]);
}

describe.each([
  ['portrait', { width: 1080, height: 1920 }],
  ['landscape', { width: 1920, height: 1080 }],
])('kiosk screens hold still (%s)', (_name, viewport) => {
  it('home, services, 打印照片 with the camera, and an application with the document camera open', async () => {
    const { page, context } = await kiosk.open({ viewport });
    await page.getByTestId('screen-attract').tap();
    await page.getByTestId('screen-home').waitFor();
    await still(page, 'home');
    await page.getByTestId('tile-apply').tap();
    await page.getByTestId('screen-services').waitFor();
    await still(page, 'services');
    await page.getByTestId('topbar-home').tap();
    await page.getByTestId('tile-photo').tap();
    await page.getByTestId('screen-photo').waitFor();
    await still(page, 'photo choice');
    await page.getByTestId('photo-start').tap();
    await page.locator('[data-testid="photo-shoot"]:not([disabled])').waitFor({ timeout: 30_000 });
    await still(page, 'photo camera');
    await context.close();

    const apply = await kiosk.open({ viewport });
    await checkApplication(apply.page);
    await apply.context.close();
  }, 120_000);
});

async function checkApplication(page: Page): Promise<void> {
    await startApply(page, ELDERLY);
    await readCard(page);
    await still(page, 'card step');
    await next(page, 'form');
    await choose(page, 'photo', 'own');
    await choose(page, 'delivery', 'now');
    await tick(page, 'truthful');
    await still(page, 'form');
    await next(page, 'materials');
    await still(page, 'materials');
    await page.locator('[data-testid="material-row"][data-material-id="photo-1inch"]').getByTestId('material-camera').tap();
    await page.getByTestId('camera-video').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    await still(page, 'materials with the document camera');
  // The content's height follows its width (a 4:3 picture): at some screen height it overflows only without the
  // scroll buttons beside it. Every height in a band of screens must hold still all the same.
  const { width, height } = page.viewportSize()!;
  for (let h = height - 320; h <= height; h += 16) {
    await page.setViewportSize({ width, height: h });
    await page.waitForTimeout(250);
    expect(await layoutChanges(page, 12), `materials with the document camera at ${width}×${h}`).toEqual([]);
  }
}
