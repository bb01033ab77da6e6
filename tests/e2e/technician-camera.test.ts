// Functions passed to evaluate run in the browser: they need the DOM's types.
/// <reference lib="dom" />
import { afterAll, describe, expect, it } from 'vitest';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { fakeCameraFlags, writeFakeCameraClip, type FakeCameraClip } from './harness/fake-camera.ts';
import { addStaff, TECHNICIAN } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import { closePanel, deviceRows, openTechnician, testDevice } from './harness/technician-actions.ts';

// Chromium's fake camera plays a made-up 640×480 clip: an A4 form with text lines, turned a little, on a desk.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite(undefined, {
  stationArgs: ['--simulate'],
  setup: (dataDir) => addStaff(dataDir, TECHNICIAN, true),
  chromiumArgs: async () => fakeCameraFlags((clip = await writeFakeCameraClip())),
});
afterAll(() => clip?.remove());

describe('technician page: the document camera', () => {
  it('captures two pages in a row, each cropped to the paper, shown as thumbnails; leaving stops the camera', async () => {
    // No permission granted up front: the list starts with the browser's nameless default camera.
    const { page, context, problems } = await kiosk.open();
    await openTechnician(page);
    await testDevice(deviceRows(page, 'camera').first());
    const panel = page.getByTestId('camera-panel');
    await page.locator('[data-testid="camera-panel"][data-state="live"]').waitFor({ timeout: 30_000 });
    // The largest size the camera offers: the clip's own.
    const video = page.getByTestId('camera-video');
    expect(await video.evaluate((v) => [(v as HTMLVideoElement).videoWidth, (v as HTMLVideoElement).videoHeight])).toEqual([
      clip!.width,
      clip!.height,
    ]);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    for (const n of [1, 2]) {
      await page.getByTestId('camera-shoot').tap();
      await page.locator(`[data-testid="camera-panel"][data-pages="${n}"][data-state="live"]`).waitFor({ timeout: 30_000 });
    }
    expect(await panel.getByTestId('camera-notice').count()).toBe(0);
    const pages = panel.getByTestId('camera-page');
    expect(await pages.count()).toBe(2);
    for (const [i, item] of (await pages.all()).entries()) {
      expect(await item.getAttribute('data-detected')).toBe('true');
      expect(await item.textContent()).toContain(`第 ${i + 1} 页`);
      expect(await item.textContent()).toContain('已自动裁边');
      const image = item.getByTestId('attachment-image');
      await image.waitFor();
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      // Cropped to an upright A4 page: taller than wide.
      const [w, h] = await image.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
      expect(h!).toBeGreaterThan(w!);
    }
    expect(await page.getByTestId('camera-count').textContent()).toBe('已拍 2 页');

    // Keep hold of the tracks, leave the panel, and see them ended.
    await video.evaluate((v) => {
      (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks = (
        (v as HTMLVideoElement).srcObject as MediaStream
      ).getTracks();
    });
    await closePanel(page);
    await page.waitForFunction(() =>
      (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.every((t) => t.readyState === 'ended'),
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});
