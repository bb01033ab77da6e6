import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testToday } from '../helpers/clock.ts';
import { ensureCupsPdf, PDF_QUEUE } from '../helpers/cups.ts';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { PENSION_CHECK, startApply } from './harness/apply-actions.ts';
import { CLIP_CHALLENGES, writeFaceClip } from './harness/face-clips.ts';
import { fakeCameraFlags, type FakeCameraClip } from './harness/fake-camera.ts';
import { printedDate, takePrinted } from './harness/printed.ts';
import { kioskSuite } from './harness/suite.ts';
import { signByTouch } from './harness/touch-signature.ts';
import { atStep, choose, exemptMaterial, next, readCard, tick } from './harness/window-actions.ts';

// The villager alone at the kiosk: `station serve --simulate` has a card on its simulated reader; nobody signs in.
// The receipt printer is the cups-pdf queue. Chromium's fake camera plays the card holder's rendered head turning
// left and right (the card photo's face), so the face check of 养老金认证 can pass; the station asks for a turn only.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, printers: { receipt: PDF_QUEUE }, faceChallenges: CLIP_CHALLENGES },
  { stationArgs: ['--simulate'], chromiumArgs: async () => fakeCameraFlags((clip = await writeFaceClip('head-turn'))) },
);
let outputDir = '';
beforeAll(async () => {
  outputDir = await ensureCupsPdf();
});
afterAll(() => clip?.remove());


describe('kiosk self-service', () => {
  it('applies for a self-service matter with the card, a ticked form, a passed face check, a waived material and a finger signature; it is done at once and 查进度 lists it as 已办结', async () => {
    const { page, context, problems } = await kiosk.open();
    await startApply(page);
    expect(await page.getByTestId('screen-title').textContent()).toContain(PENSION_CHECK.name);
    const name = await readCard(page);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    // No 选事项 and no 代办 at the kiosk: the matter came from the guide.
    expect(await page.getByTestId('step-matter').count()).toBe(0);
    expect(await page.getByTestId('step-proxy').count()).toBe(0);

    await next(page, 'form');
    await choose(page, 'method', 'face');
    await choose(page, 'residence', 'county');
    await tick(page, 'truthful');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // 在本站刷脸认证: the face step follows the form, and 下一步 waits for the check.
    await next(page, 'face');
    const check = page.getByTestId('face-check');
    expect(await page.getByTestId('step-next').isDisabled()).toBe(true);
    await page.locator('[data-testid="face-check"][data-phase="looking"]').waitFor({ timeout: 30_000 });
    // The simulated card's photo is decoded: the machine compares with it.
    expect(await check.getAttribute('data-reference')).toBe('card');
    const prompt = page.getByTestId('face-prompt');
    expect(await prompt.textContent()).not.toBe('');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    const passed = page.getByTestId('face-passed');
    await passed.waitFor({ timeout: 45_000 });
    expect(await passed.getAttribute('data-outcome')).toBe('passed');
    expect(await passed.textContent()).toContain('核验通过');
    expect(await check.getAttribute('data-phase')).toBe('decided');
    expect(await page.getByTestId('step-next').isEnabled()).toBe(true);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await next(page, 'materials');
    // Camera or waived, as the catalogue allows; nothing to promise and no clerk to see originals here.
    expect(await page.getByTestId('material-rongque').count()).toBe(0);
    expect(await page.getByTestId('material-seen').count()).toBe(0);
    await exemptMaterial(page, 'id-card', 'id-card-proves');
    await next(page, 'sign');
    // Only the screen to sign on at the kiosk.
    expect(await page.getByTestId('signature-panel').getAttribute('data-mode')).toBe('touch');
    expect(await page.getByTestId('signature-mode-pad').count()).toBe(0);
    await signByTouch(page);
    await next(page, 'submit');
    const intake = page.waitForRequest((r) => r.url().endsWith('/api/caseIntake'));
    await page.getByTestId('intake-submit').tap();
    const request = await intake;
    const sent = request.postDataJSON() as { channel: string; applicant: { name: string }; faceCheck?: string };
    expect(sent.channel).toBe('kiosk');
    // The intake rests on the check that passed.
    expect(sent.faceCheck).toBeTypeOf('string');
    expect(sent.faceCheck!.length).toBeGreaterThanOrEqual(10);
    // Nobody is signed in at the kiosk: the call carries no session.
    expect(request.headers()['x-station-session']).toBeUndefined();
    expect(sent.applicant.name).toBe(name);

    await atStep(page, 'receipt');
    const caseNo = (await page.getByTestId('receipt-case-no').textContent()) ?? '';
    expect(caseNo).toMatch(/^[A-Z0-9]{5}-\d{8}-\d{4}$/);
    const dueDate = (await page.getByTestId('receipt-due-date').getAttribute('data-date')) ?? '';
    // A 即办 matter is promised for the day it is taken in.
    expect(dueDate).toBe(testToday());
    // The passed check decided it there and then: approved, said so instead of 已受理.
    const status = page.getByTestId('receipt-status');
    expect(await status.getAttribute('data-state')).toBe('approved');
    expect(await status.textContent()).toContain('认证已完成');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    const since = Date.now();
    await page.getByTestId('print-receipt').tap();
    await page.locator('[data-testid="print-receipt-status"][data-state="done"]').waitFor({ timeout: 60_000 });
    const receipt = await takePrinted(outputDir, caseNo, since);
    expect(receipt).toContain(caseNo);
    expect(receipt).toContain(name.replace(/\s+/g, ''));

    // 完成 leaves for the home screen; 查进度 with the same card.
    await page.getByTestId('intake-finish').tap();
    await page.getByTestId('screen-home').waitFor();
    await page.getByTestId('tile-progress').tap();
    await page.getByTestId('screen-progress').waitFor();
    const item = page.locator(`[data-testid="progress-item"][data-case-no="${caseNo}"]`);
    await item.waitFor({ timeout: 30_000 });
    expect(await item.getAttribute('data-state')).toBe('approved');
    expect(await item.getByTestId('progress-state').textContent()).toMatch(/^已办结/);
    expect(await item.getByTestId('progress-due').getAttribute('data-date')).toBe(dueDate);
    expect(await item.getByTestId('progress-due').textContent()).toContain(printedDate(dueDate));
    expect(await item.textContent()).toContain(PENSION_CHECK.name);
    // Only the name of the card is on this public screen: no address, ID number or issuing authority.
    expect(await page.getByTestId('identity-form').count()).toBe(0);
    expect(await page.getByTestId('progress-name').textContent()).toMatch(/的办理进度$/);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers 我要申请 only on the guides of self-service matters', async () => {
    const { page, context } = await kiosk.open();
    await page.getByTestId('screen-attract').tap();
    await page.getByTestId('tile-apply').tap();
    await page.getByTestId('search-by-initials').tap();
    for (const letter of 'YLJZ') await page.getByTestId(`key-${letter}`).tap();
    await page.locator('[data-testid="search-results"][data-query="yljz"]').waitFor();
    await page.getByTestId('search-result').filter({ hasText: '医疗救助申请' }).tap();
    await page.getByTestId('print-guide').waitFor();
    expect(await page.getByTestId('apply-start').count()).toBe(0);
    await context.close();
  });

  it('keeps large type and big targets through the steps on a portrait screen', async () => {
    const { page, context } = await kiosk.open({ viewport: { width: 1080, height: 1920 } });
    const check = async (what: string) => {
      expect(await textProblems(page), what).toEqual([]);
      expect(await smallTargets(page), what).toEqual([]);
    };
    await startApply(page);
    await readCard(page);
    await check('card');
    await next(page, 'form');
    await check('form');
    await page.getByTestId('field-phone').getByTestId('field-edit').tap();
    await check('number pad');
    await page.getByTestId('sheet-cancel').tap();
    // An unanswered 认证方式 still asks for the face check.
    await next(page, 'face');
    await page.locator('[data-testid="face-check"][data-phase="looking"]').waitFor({ timeout: 30_000 });
    await check('face check');
    await page.getByTestId('face-passed').waitFor({ timeout: 45_000 });
    await check('face passed');
    await next(page, 'materials');
    await check('materials');
    await page.getByTestId('material-exempt').tap();
    await check('exemptions');
    await page.getByTestId('exemption-choice').first().tap();
    await next(page, 'sign');
    await check('sign');
    await context.close();
  });
});
