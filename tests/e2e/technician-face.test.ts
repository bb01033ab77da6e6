import { afterAll, describe, expect, it } from 'vitest';
import type { FaceModelStatus } from '../../contract/api/face.ts';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { writeFaceClip } from './harness/face-clips.ts';
import { fakeCameraFlags, type FakeCameraClip } from './harness/fake-camera.ts';
import { valueFromPage } from './harness/kiosk-actions.ts';
import { addStaff, TECHNICIAN } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import { closePanel, deviceRow, openTechnician, technicianSession, testDevice } from './harness/technician-actions.ts';

// The face model on the technician's device page; Chromium's fake camera plays the rendered head of the simulated
// card's holder, one face in every frame.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite(undefined, {
  stationArgs: ['--simulate'],
  setup: (dataDir) => addStaff(dataDir, TECHNICIAN, true),
  chromiumArgs: async () => fakeCameraFlags((clip = await writeFaceClip('head-turn'))),
});
afterAll(() => clip?.remove());

describe('technician page: the face model', () => {
  it('shows the model ready with its version, threshold and load time, and the live test finds the one face', async () => {
    const { page, context, problems } = await kiosk.open();
    await openTechnician(page);
    const row = deviceRow(page, 'face:model');
    await row.waitFor();
    expect(await page.getByTestId('device-group-face').locator('h2').textContent()).toBe('人脸识别');
    await testDevice(row);
    // The model loads in the background as the device process starts; the panel asks again until it is ready.
    const panel = page.locator('[data-testid="face-model"][data-state="ready"]');
    await panel.waitFor({ timeout: 60_000 });
    const model = await valueFromPage<FaceModelStatus>(page, 'faceModel', {}, { session: await technicianSession(page) });
    expect(model.state).toBe('ready');
    expect(model.version).toBeTruthy();
    expect(await panel.getByTestId('face-model-version').textContent()).toBe(model.version);
    expect(await panel.getByTestId('face-model-threshold').textContent()).toBe(model.threshold!.toFixed(3));
    expect(await panel.getByTestId('face-model-load').textContent()).toBe(`${Math.round(model.loadMs!)} 毫秒`);
    expect(await panel.getByTestId('face-model-state').textContent()).toBe('就绪');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // The live test: frames through faceTest, about two a second.
    const toggle = page.getByTestId('face-test-toggle');
    await toggle.tap();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const tryout = page.getByTestId('face-tryout');
    await page.locator('[data-testid="face-tryout"][data-faces="1"]').waitFor({ timeout: 30_000 });
    expect(await tryout.getByTestId('face-tryout-faces').textContent()).toBe('1');
    expect(Number((await tryout.getByTestId('face-tryout-ms').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await tryout.getByTestId('face-tryout-prompt').textContent()).not.toBe('');
    // It keeps going: more answers come.
    const frames = Number(await tryout.getAttribute('data-frames'));
    await page.locator(`[data-testid="face-tryout"]:not([data-frames="${frames}"])`).waitFor({ timeout: 10_000 });
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // Off again: the test and its camera stop.
    await toggle.tap();
    await tryout.waitFor({ state: 'detached' });
    await closePanel(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
