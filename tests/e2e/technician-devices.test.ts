// Functions passed to evaluate run in the browser: they need the DOM's types.
/// <reference lib="dom" />
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCupsPdf, PDF_QUEUE } from '../helpers/cups.ts';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { fakeCameraFlags, writeFakeCameraClip, type FakeCameraClip } from './harness/fake-camera.ts';
import { callFromPage } from './harness/kiosk-actions.ts';
import { REPO } from './harness/station.ts';
import { addStaff, TECHNICIAN } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import {
  closePanel,
  deviceRow,
  deviceRows,
  devicesFromPage,
  technicianSession,
  openTechnician,
  STATE_WORDS,
  testDevice,
} from './harness/technician-actions.ts';

// `station serve --simulate`: a simulated ID reader on a pty and a simulated pad replaying a recorded signature (the
// USB hardware), the real CUPS with the cups-pdf queue playing every role; Chromium's fake camera plays a desk with
// a form on it.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite({ printers: { receipt: PDF_QUEUE, a4: PDF_QUEUE, photo: PDF_QUEUE } }, {
  stationArgs: ['--simulate'],
  setup: (dataDir) => addStaff(dataDir, TECHNICIAN, true),
  chromiumArgs: async () => fakeCameraFlags((clip = await writeFakeCameraClip())),
});
let cupsOutput = '';
beforeAll(async () => {
  cupsOutput = await ensureCupsPdf();
});
afterAll(() => clip?.remove());

/** The simulator places the first profile (by file name) on the reader: its `card` is what a read must give. */
function firstProfile(): Record<string, string> {
  const dir = join(REPO, 'assets', 'idcard', 'profiles');
  const [file] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const { card } = JSON.parse(readFileSync(join(dir, file!), 'utf8')) as { card: Record<string, string> };
  if (card.cardType !== 'resident') throw new Error(`the first profile ${file} is not a resident card`);
  return card;
}

describe('technician page: the station devices', () => {
  it('lists every device of devicesList by kind with its state in words, and the fake camera', async () => {
    const { page, context, problems } = await kiosk.open({ permissions: ['camera'] });
    await openTechnician(page);
    const listed = await devicesFromPage(page);
    expect(listed.filter((d) => d.kind === 'idcard' && d.simulated)).toHaveLength(1);
    expect(listed.filter((d) => d.kind === 'sigpad' && d.simulated)).toHaveLength(1);
    expect(listed.find((d) => d.id === `printer:${PDF_QUEUE}`)).toMatchObject({ simulated: false });

    for (const device of listed) {
      const row = deviceRow(page, device.id);
      await row.waitFor();
      expect(await row.getAttribute('data-kind')).toBe(device.kind);
      expect(await row.getByTestId('device-name').textContent()).toBe(device.name);
      // The state may move on between the call and now (a poll), but it is always a word, never a code.
      expect(Object.values(STATE_WORDS)).toContain(await row.getByTestId('device-state').textContent());
      if (device.simulated) expect(await row.getByTestId('device-simulated').textContent()).toBe('模拟设备');
      else expect(await row.getByTestId('device-simulated').count()).toBe(0);
      await row.scrollIntoViewIfNeeded();
      expect(await row.isVisible()).toBe(true);
    }
    // Each kind sits under its own heading.
    for (const [kind, heading] of [
      ['idcard', '身份证读卡器'],
      ['sigpad', '签字板'],
      ['camera', '高拍仪'],
      ['printer', '打印机'],
      ['face', '人脸识别'],
    ] as const) {
      const group = page.getByTestId(`device-group-${kind}`);
      expect(await group.locator('h2').textContent()).toBe(heading);
    }
    const a4 = listed.find((d) => d.kind === 'printer' && d.roles.includes('a4'))!;
    expect(await deviceRow(page, a4.id).getByTestId('device-roles').textContent()).toContain('A4');

    // The camera comes from the browser, not the core.
    const cameras = deviceRows(page, 'camera');
    await cameras.first().waitFor();
    expect(await cameras.count()).toBeGreaterThan(0);
    expect(await cameras.first().getAttribute('data-state')).toBe('ready');

    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // 刷新 asks again: the same devices, none lost.
    const rows = await page.getByTestId('device').count();
    await page.getByTestId('devices-refresh').tap();
    await page.getByTestId('device-groups').waitFor();
    expect(await page.getByTestId('device').count()).toBe(rows);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('follows deviceChanged without a refresh: the pad shows 使用中 while another page signs, 就绪 after', async () => {
    const technician = await kiosk.open();
    await openTechnician(technician.page);
    const pad = (await devicesFromPage(technician.page)).find((d) => d.kind === 'sigpad')!;
    const row = deviceRow(technician.page, pad.id);
    await technician.page.locator(`[data-testid="device"][data-id="${pad.id}"][data-state="ready"]`).waitFor();

    const other = await kiosk.open();
    const session = await technicianSession(other.page);
    const started = await callFromPage(other.page, 'sigpadStart', {}, { session });
    expect(started.body.ok).toBe(true);
    await technician.page.locator(`[data-testid="device"][data-id="${pad.id}"][data-state="busy"]`).waitFor();
    expect(await row.getByTestId('device-state').textContent()).toBe('使用中');

    expect((await callFromPage(other.page, 'sigpadCancel', {}, { session })).body.ok).toBe(true);
    await technician.page.locator(`[data-testid="device"][data-id="${pad.id}"][data-state="ready"]`).waitFor();
    expect(await row.getByTestId('device-state').textContent()).toBe('就绪');
    await other.context.close();
    await technician.context.close();
  });

  it('reads the simulated card into the identity form: the first profile, field by field', async () => {
    const card = firstProfile();
    const { page, context } = await kiosk.open();
    await openTechnician(page);
    await testDevice(deviceRows(page, 'idcard').first());
    await page.locator('[data-testid="idcard-panel"]:not([data-state="loading"])').waitFor({ timeout: 30_000 });
    const form = page.getByTestId('identity-form');
    await form.waitFor();
    const field = async (id: string) => (await form.getByTestId(`identity-${id}`).textContent()) ?? '';
    expect(await field('name')).toBe(card.name);
    expect(await field('id-number')).toBe(card.idNumber);
    expect(await field('gender')).toBe(card.gender);
    expect(await field('nation')).toBe(card.nation);
    const [y, m, d] = card.birthDate!.split('-');
    expect(await field('birth')).toBe(`${y}年${Number(m)}月${Number(d)}日`);
    expect(await field('address')).toBe(card.address);
    expect(await field('authority')).toBe(card.authority);
    const dotted = (day: string) => day.replaceAll('-', '.');
    expect(await field('validity')).toBe(`${dotted(card.validFrom!)}-${card.validTo === '长期' ? '长期' : dotted(card.validTo!)}`);
    expect(await field('card-type')).toBe('居民身份证');
    expect(await form.getByTestId('identity-id-valid').textContent()).toContain('✓');
    // The simulator's WLT decoder gives the first profile's card photo: 102 × 126, as a card photo is.
    const photo = form.getByTestId('identity-photo');
    expect(await photo.getAttribute('data-state')).toBe('decoded');
    await expect
      .poll(() => photo.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]))
      .toEqual([102, 126]);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // Read again: the same card, a fresh read.
    await page.getByTestId('idcard-read').tap();
    await page.locator('[data-testid="idcard-panel"][data-state="ok"]').waitFor({ timeout: 30_000 });
    expect(await field('id-number')).toBe(card.idNumber);
    await closePanel(page);
    await context.close();
  });

  it('prints a test page through CUPS for every role of the cups-pdf queue, and the pages land as PDFs', async () => {
    const since = Date.now();
    const { page, context } = await kiosk.open();
    await openTechnician(page);
    const printers = (await devicesFromPage(page)).filter((d) => d.kind === 'printer' && d.roles.length > 0);
    expect(printers.length).toBeGreaterThan(0);
    const labels: Record<string, string> = { a4: '打印测试页（A4）', receipt: '打印测试页（小票）', photo: '打印测试页（照片）' };
    for (const printer of printers) {
      await testDevice(deviceRow(page, printer.id));
      for (const role of printer.roles) {
        const button = page.getByTestId(`printer-test-${role}`);
        expect(await button.textContent()).toBe(labels[role]);
        await button.tap();
        const status = page.locator(`[data-testid="printer-test-status-${role}"]:not([data-state="printing"])`);
        await status.waitFor({ timeout: 30_000 });
        expect(await status.getAttribute('data-state'), `${printer.name} ${role}: ${await status.textContent()}`).toBe('done');
        expect(await status.textContent()).toBe('测试页已打印，请到打印机取纸查看');
      }
      await closePanel(page);
    }
    const printed = readdirSync(cupsOutput).filter((f) => f.endsWith('.pdf') && statSync(join(cupsOutput, f)).mtimeMs >= since - 1000);
    expect(printed.length).toBeGreaterThanOrEqual(3);
    for (const f of printed) rmSync(join(cupsOutput, f), { force: true });
    await context.close();
  });
});
