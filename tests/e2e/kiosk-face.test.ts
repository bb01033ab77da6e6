import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { startApply } from './harness/apply-actions.ts';
import { answerPensionForm, pensionToFaceStep, faceLooking, stopFaceCamera, watchCalls } from './harness/face-actions.ts';
import { CLIP_CHALLENGES, writeFaceClip } from './harness/face-clips.ts';
import { fakeCameraFlags, type FakeCameraClip } from './harness/fake-camera.ts';
import { REPO } from './harness/station.ts';
import { kioskSuite } from './harness/suite.ts';
import { signByTouch } from './harness/touch-signature.ts';
import { atStep, exemptMaterial, next, readCard } from './harness/window-actions.ts';

// 养老金认证 at the kiosk, when the face check does not pass. Chromium's fake camera plays the card holder's own photo
// printed on a card and waved in front of the lens: the face matches the card, but it moves as one flat picture.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, faceChallenges: CLIP_CHALLENGES },
  { stationArgs: ['--simulate'], chromiumArgs: async () => fakeCameraFlags((clip = await writeFaceClip('flat'))) },
);
afterAll(() => clip?.remove());

const face = JSON.parse(readFileSync(join(REPO, 'assets', 'messages', 'zh-CN', 'face.json'), 'utf8')) as Record<string, string>;

describe('kiosk face check', () => {
  it('refuses a printed photo waved at the camera as flat, takes nothing in, and offers a new check', async () => {
    const { page, context, problems } = await kiosk.open();
    const intakes = watchCalls(page, 'caseIntake');
    const starts = watchCalls(page, 'faceCheckStart');
    const frames = watchCalls(page, 'faceCheckFrame', false);
    await pensionToFaceStep(page, 'kiosk');
    await faceLooking(page);
    expect(await page.getByTestId('face-check').getAttribute('data-reference')).toBe('card');

    const failed = page.getByTestId('face-failed');
    await failed.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('face-check').getAttribute('data-phase')).toBe('decided');
    expect(await failed.getAttribute('data-outcome')).toBe('failed');
    expect(await failed.getAttribute('data-failure')).toBe('face.liveness-flat');
    expect(await failed.getByTestId('face-failure').textContent()).toBe(face['face.liveness-flat']);
    // One frame at a time, the next only once the answer is back.
    expect(frames.sent()).toBeGreaterThan(5);
    expect(frames.mostInFlight()).toBe(1);
    // No way on at the kiosk: no 下一步, and no clerk to accept it.
    expect(await page.getByTestId('step-next').isDisabled()).toBe(true);
    expect(await page.getByTestId('step-materials').isDisabled()).toBe(true);
    expect(await page.getByTestId('face-override').count()).toBe(0);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // 再试一次 is a new check with the camera open again.
    await page.getByTestId('face-retry').tap();
    await faceLooking(page);
    expect(starts.sent()).toBe(2);
    expect(await page.getByTestId('face-failed').count()).toBe(0);
    await page.getByTestId('face-failed').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('face-failed').getAttribute('data-failure')).toBe('face.liveness-flat');

    // Nothing was taken in: no intake was sent, and 查进度 with the same card has no case.
    expect(intakes.sent()).toBe(0);
    await page.getByTestId('topbar-home').tap();
    // The application still holds the card: leaving it is asked first.
    await page.getByTestId('leave-go').tap();
    await page.getByTestId('screen-home').waitFor();
    await page.getByTestId('tile-progress').tap();
    await page.getByTestId('progress-none').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('progress-item').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ends the check as camera-lost when the camera stops mid-check, and says so', async () => {
    const { page, context, problems } = await kiosk.open();
    const ends = watchCalls(page, 'faceCheckEnd');
    await pensionToFaceStep(page, 'kiosk');
    await faceLooking(page);
    expect(await stopFaceCamera(page)).toBeGreaterThan(0);

    const lost = page.getByTestId('face-camera-lost');
    await lost.waitFor({ timeout: 30_000 });
    expect(await lost.textContent()).toBe(face['face.camera-lost']);
    // The core recorded it as a failed check.
    expect(await page.getByTestId('face-failed').getAttribute('data-failure')).toBe('face.camera-lost');
    expect(ends.bodies()).toEqual([expect.objectContaining({ reason: 'camera-lost' })]);
    expect(await page.getByTestId('step-next').isDisabled()).toBe(true);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // 再试一次 opens the camera again.
    await page.getByTestId('face-retry').tap();
    await faceLooking(page);
    expect(await page.getByTestId('face-camera-lost').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('cancels a check left before its decision; with 上门认证 the face step goes and the intake carries no check', async () => {
    const { page, context, problems } = await kiosk.open();
    const ends = watchCalls(page, 'faceCheckEnd');
    const intake = page.waitForRequest((r) => r.url().endsWith('/api/caseIntake'));
    await startApply(page);
    await readCard(page);
    await next(page, 'form');
    await answerPensionForm(page, 'face');
    expect(await page.getByTestId('step-face').count()).toBe(1);
    await next(page, 'face');
    await faceLooking(page);

    // 上一步 before the decision: the check is ended as cancelled.
    await page.getByTestId('step-back').tap();
    await atStep(page, 'form');
    await expect.poll(() => ends.bodies()).toEqual([expect.objectContaining({ reason: 'cancelled' })]);

    // The villager asks for a visit at home instead: no face step, on to the materials.
    await page.getByTestId('field-method').locator('[data-testid="choice"][data-value="home"]').tap();
    expect(await page.getByTestId('step-face').count()).toBe(0);
    await next(page, 'materials');
    await exemptMaterial(page, 'id-card', 'id-card-proves');
    await next(page, 'sign');
    await signByTouch(page);
    await next(page, 'submit');
    await page.getByTestId('intake-submit').tap();
    const sent = (await intake).postDataJSON() as { form: Record<string, unknown>; faceCheck?: string };
    expect(sent.form.method).toBe('home');
    expect(sent).not.toHaveProperty('faceCheck');
    await atStep(page, 'receipt');
    // Taken in, not decided: the visit is still to come.
    const status = page.getByTestId('receipt-status');
    expect(await status.getAttribute('data-state')).toBe('received');
    expect(await status.textContent()).toContain('已受理');
    expect(problems).toEqual([]);
    await context.close();
  });
});
