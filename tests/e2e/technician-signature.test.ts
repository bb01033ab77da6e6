// Functions passed to evaluate run in the browser: they need the DOM's types.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import type { Signature } from '../../contract/domain/signature.ts';
import { describe, expect, it } from 'vitest';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { addStaff, TECHNICIAN } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import {
  closePanel,
  deviceRows,
  inkedPixels,
  openTechnician,
  testDevice,
} from './harness/technician-actions.ts';

// The simulated pad replays 王小明's recorded signature as soon as signing starts.
const kiosk = kioskSuite(undefined, { stationArgs: ['--simulate'], setup: (dataDir) => addStaff(dataDir, TECHNICIAN, true) });

/** The saved signature: its sha256 (start shown on screen) and its preview loaded from the core. */
async function savedSignature(page: Page): Promise<string> {
  const saved = page.getByTestId('signature-saved');
  await saved.waitFor({ timeout: 30_000 });
  const sha256 = (await saved.getAttribute('data-sha256')) ?? '';
  expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(await saved.getByTestId('signature-sha').textContent()).toBe(`编号：${sha256.slice(0, 12)}`);
  const image = saved.getByTestId('attachment-image');
  await image.waitFor();
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  return sha256;
}

/**
 * One stroke by touch, through the DevTools protocol: real touch events, hence pointer events of type touch. The
 * events carry no time between them, so the finger lifts at full speed, as a hurried hand may.
 */
async function touchStroke(page: Page, points: { x: number; y: number }[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const [first, ...rest] = points;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
  for (const p of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('technician page: signing', () => {
  it('shows the pad ink live, and 确认 stores the signature and shows its sha256', async () => {
    const { page, context, problems } = await kiosk.open();
    await openTechnician(page);
    await testDevice(deviceRows(page, 'sigpad').first());
    expect(await page.getByTestId('signature-panel').getAttribute('data-mode')).toBe('pad');
    await page.locator('[data-testid="pad-signature"][data-state="signing"]').waitFor({ timeout: 30_000 });
    const canvas = page.locator('[data-testid="sigpad-canvas"]:not([data-points="0"])');
    await canvas.waitFor({ timeout: 30_000 });
    expect(await inkedPixels(canvas)).toBeGreaterThan(0);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await page.getByTestId('signature-confirm').tap();
    await savedSignature(page);
    await closePanel(page);
    // Confirm ended the capture: the pad is ready for the next villager.
    await page.locator('[data-testid="device"][data-kind="sigpad"][data-state="ready"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('stops the pad when the clerk switches to the touch screen, and leaves it ready', async () => {
    const { page, context } = await kiosk.open();
    await openTechnician(page);
    await testDevice(deviceRows(page, 'sigpad').first());
    await page.locator('[data-testid="pad-signature"][data-state="signing"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('signature-mode-touch').tap();
    await page.getByTestId('touch-canvas').waitFor();
    await closePanel(page);
    await page.locator('[data-testid="device"][data-kind="sigpad"][data-state="ready"]').waitFor();
    await context.close();
  });

  it('stores a signature written with a finger on the touch screen in the pad format', async () => {
    const { page, context, problems } = await kiosk.open();
    await openTechnician(page);
    await page.getByTestId('test-touch-signature').tap();
    expect(await page.getByTestId('signature-panel').getAttribute('data-mode')).toBe('touch');
    const canvas = page.getByTestId('touch-canvas');
    await canvas.waitFor();
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // Nothing written yet: a plain sentence, no request.
    await page.getByTestId('signature-confirm').tap();
    expect(await page.getByTestId('signature-notice').textContent()).toContain('还没有签字');

    const box = (await canvas.boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
    // 王: three strokes across and one down, by touch and by mouse.
    await touchStroke(page, [0.2, 0.25, 0.3, 0.35, 0.4].map((fx) => at(fx, 0.2)));
    await touchStroke(page, [0.22, 0.3, 0.38].map((fx) => at(fx, 0.5)));
    await touchStroke(page, [0.3, 0.4, 0.5, 0.6, 0.7].map((fy) => at(0.3, fy)));
    await page.mouse.move(at(0.18, 0.8).x, at(0.18, 0.8).y);
    await page.mouse.down();
    for (const fx of [0.25, 0.32, 0.42]) await page.mouse.move(at(fx, 0.8).x, at(fx, 0.8).y, { steps: 3 });
    await page.mouse.up();
    await expect.poll(async () => Number(await canvas.getAttribute('data-points'))).toBeGreaterThan(12);
    expect(await inkedPixels(canvas)).toBeGreaterThan(0);

    // Tapped straight after the last stroke: a stroke must not leave a fling that swallows this tap.
    const request = page.waitForRequest((r) => r.url().endsWith('/api/signatureSave'));
    await page.getByTestId('signature-confirm').tap();
    const { signature } = (await request).postDataJSON() as { signature: Signature };
    // The pad's format in CSS pixels of the canvas, constant pressure, time from the first point.
    expect(signature.width).toBeCloseTo(box.width, 0);
    expect(signature.height).toBeCloseTo(box.height, 0);
    expect(signature.maxPressure).toBe(1);
    expect(signature.strokes).toHaveLength(4);
    const points = signature.strokes.flatMap((s) => s.points);
    expect(points[0]!.t).toBe(0);
    expect(points.every((p, i) => p.p === 1 && (i === 0 || p.t >= points[i - 1]!.t))).toBe(true);
    expect(signature.strokes[0]!.points[0]!.x).toBeCloseTo(0.2 * box.width, 0);
    expect(signature.strokes[0]!.points[0]!.y).toBeCloseTo(0.2 * box.height, 0);
    const first = await savedSignature(page);

    // 再签一次, then 重签 empties the canvas before it is ever saved.
    await page.getByTestId('signature-again').tap();
    await touchStroke(page, [at(0.5, 0.5), at(0.6, 0.6)]);
    await page.locator('[data-testid="touch-canvas"]:not([data-points="0"])').waitFor();
    await page.getByTestId('signature-clear').tap();
    await page.locator('[data-testid="touch-canvas"][data-points="0"]').waitFor();
    expect(await inkedPixels(canvas)).toBe(0);
    await touchStroke(page, [at(0.1, 0.1), at(0.9, 0.9)]);
    await page.getByTestId('signature-confirm').tap();
    expect(await savedSignature(page)).not.toBe(first);
    expect(problems).toEqual([]);
    await context.close();
  });
});
