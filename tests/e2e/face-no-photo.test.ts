import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { pensionToFaceStep, watchCalls } from './harness/face-actions.ts';
import { addStaff, CLERK } from './harness/staff.ts';
import { REPO } from './harness/station.ts';
import { kioskSuite } from './harness/suite.ts';
import { atStep, exemptMaterial, next, signAndReview, typePin } from './harness/window-actions.ts';

// A station whose reader cannot decode the card photo (idcardPhotoDecoder none) and that has never passed this
// person's face: there is no reference face, so no machine check and no camera. The kiosk sends the villager to the
// window; there the clerk looks at the person against the card (visual), with a reason and their PIN.
const kiosk = kioskSuite({ idleTimeoutSec: 3600, idcardPhotoDecoder: 'none' }, { stationArgs: ['--simulate'], setup: (dataDir) => addStaff(dataDir) });

const face = JSON.parse(readFileSync(join(REPO, 'assets', 'messages', 'zh-CN', 'face.json'), 'utf8')) as Record<string, string>;

describe('face check without a reference photo', () => {
  it('sends the villager at the kiosk to the window, without opening the camera', async () => {
    const { page, context, problems } = await kiosk.open();
    const frames = watchCalls(page, 'faceCheckFrame', false);
    await pensionToFaceStep(page, 'kiosk');
    const check = page.locator('[data-testid="face-check"][data-phase="no-reference"]');
    await check.waitFor({ timeout: 30_000 });
    expect(await check.getAttribute('data-reference')).toBe('none');
    expect(await page.getByTestId('face-no-reference').textContent()).toBe(face['face.no-reference']);
    expect(await page.getByTestId('face-video').count()).toBe(0);
    expect(await page.getByTestId('face-visual').count()).toBe(0);
    expect(frames.sent()).toBe(0);
    expect(await page.getByTestId('step-next').isDisabled()).toBe(true);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("takes the case in at the window on the clerk's visual check, in their own words", async () => {
    const { page, context, problems } = await kiosk.open();
    const frames = watchCalls(page, 'faceCheckFrame', false);
    const confirms = watchCalls(page, 'faceCheckConfirm');
    await pensionToFaceStep(page, 'window');

    // Straight to the clerk's look: no camera run.
    const visual = page.getByTestId('face-visual');
    await visual.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('face-check').getAttribute('data-reference')).toBe('none');
    expect(await page.getByTestId('face-video').count()).toBe(0);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // 其他: the clerk's own words on the pinyin keys.
    await page.getByTestId('face-reason-other').tap();
    await page.getByTestId('keyboard-sheet').waitFor();
    for (const [syllable, character] of [['ben', '本'], ['ren', '人'], ['dang', '当'], ['mian', '面']] as const) {
      for (const letter of syllable.toUpperCase()) await page.getByTestId(`key-${letter}`).tap();
      await page.locator(`[data-testid="pinyin-candidates"][data-ready="true"][data-typed="${syllable}"]`).waitFor();
      await page.getByTestId('pinyin-candidate').filter({ hasText: new RegExp(`^${character}$`) }).first().tap();
    }
    const typed = '本人当面';
    expect(await page.getByTestId('sheet-value').textContent()).toBe(typed);
    await page.getByTestId('sheet-done').tap();
    await page.getByTestId('keyboard-sheet').waitFor({ state: 'detached' });
    expect(await page.getByTestId('face-reason-other').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('face-reason-other').textContent()).toBe(`其他：${typed}`);

    await typePin(page, CLERK.pin);
    await page.getByTestId('face-confirm').tap();
    const passed = page.getByTestId('face-passed');
    await passed.waitFor({ timeout: 30_000 });
    expect(await passed.getAttribute('data-outcome')).toBe('visual');
    expect(confirms.bodies()).toEqual([expect.objectContaining({ kind: 'visual', reason: typed })]);
    expect(frames.sent()).toBe(0);

    await next(page, 'materials');
    await exemptMaterial(page, 'id-card', 'id-card-proves');
    await signAndReview(page);
    const intake = page.waitForRequest((r) => r.url().endsWith('/api/caseIntake'));
    await page.getByTestId('intake-submit').tap();
    expect(((await intake).postDataJSON() as { faceCheck?: string }).faceCheck).toBeTypeOf('string');
    await atStep(page, 'receipt');
    expect(await page.getByTestId('receipt-status').getAttribute('data-state')).toBe('approved');
    expect(problems).toEqual([]);
    await context.close();
  });
});
