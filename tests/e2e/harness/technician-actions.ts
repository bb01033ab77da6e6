// Functions passed to evaluate run in the browser: they need the DOM's types.
/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import type { DeviceKind, DeviceStatus } from '../../../contract/api/devices.ts';
import { valueFromPage } from './kiosk-actions.ts';
import { TECHNICIAN } from './staff.ts';
import { typePin } from './window-actions.ts';

/** The words the technician page gives each state (assets/messages/zh-CN/ui.json). */
export const STATE_WORDS: Record<DeviceStatus['state'], string> = {
  ready: '就绪',
  busy: '使用中',
  absent: '未连接',
  unavailable: '不可用',
  error: '故障',
};

/** From the attract screen, the corner 维护 button, the technician's name and PIN, to the device page. */
export async function openTechnician(page: Page): Promise<void> {
  await page.getByTestId('open-technician').tap();
  await page.getByTestId('staff-person').filter({ hasText: TECHNICIAN.name }).tap();
  await typePin(page, TECHNICIAN.pin);
  await page.getByTestId('login-submit').tap();
  await page.getByTestId('device-count').waitFor();
}

/** A technician's session of the test's own, for calls made from the page as its scripts would. */
export async function technicianSession(page: Page): Promise<string> {
  const login = await valueFromPage<{ session: string }>(page, 'staffLogin', { staffId: 1, pin: TECHNICIAN.pin });
  return login.session;
}

export function deviceRows(page: Page, kind: DeviceKind): Locator {
  return page.locator(`[data-testid="device"][data-kind="${kind}"]`);
}

export function deviceRow(page: Page, id: string): Locator {
  return page.locator(`[data-testid="device"][data-id="${id}"]`);
}

/** Taps 测试 on a device's row and waits for its panel. */
export async function testDevice(row: Locator): Promise<void> {
  await row.getByTestId('device-test').tap();
  await row.page().getByTestId('device-panel').waitFor();
}

/** Back from a panel to the device list. */
export async function closePanel(page: Page): Promise<void> {
  await page.getByTestId('device-panel-close').tap();
  await page.getByTestId('device-groups').waitFor();
}

/** The core's own device list, called from the page as its scripts do. */
export async function devicesFromPage(page: Page): Promise<DeviceStatus[]> {
  return valueFromPage<DeviceStatus[]>(page, 'devicesList', {}, { session: await technicianSession(page) });
}

/** Non-transparent pixels on a canvas: ink actually drawn, not just counted. */
export function inkedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}
