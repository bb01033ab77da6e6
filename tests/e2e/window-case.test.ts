import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../contract/domain/cases.ts';
import { ensureCupsPdf, PDF_QUEUE } from '../helpers/cups.ts';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { fakeCameraFlags, writeFakeCameraClip, type FakeCameraClip } from './harness/fake-camera.ts';
import { printedDate, takePrinted } from './harness/printed.ts';
import { simulatedCard } from './harness/blacklist.ts';
import { addStaff } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import { enrollStation } from './harness/enroll.ts';
import { startTownship, type InProcessTownship } from '../../scripts/lib/township.ts';
import {
  atStep,
  choose,
  exemptMaterial,
  material,
  next,
  pickMatter,
  readCard,
  scanMaterial,
  signIn,
  signOnPad,
  takeInMedicalAid,
  tick,
  typeDigits,
} from './harness/window-actions.ts';

// 容缺 and 代办 at the window, and the case afterwards on the desk: 补交, the steps of its life, the history.
// 残疾人证 is decided at the township: a real one on loopback takes the decisions, which the station pulls.
let clip: FakeCameraClip | undefined;
let township: InProcessTownship | undefined;
beforeAll(async () => {
  township = await startTownship();
});
const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, syncIntervalSec: 5, printers: { receipt: PDF_QUEUE, a4: PDF_QUEUE } },
  {
    stationArgs: ['--simulate'],
    chromiumArgs: async () => fakeCameraFlags((clip = await writeFakeCameraClip())),
    setup: async (dataDir) => {
      await enrollStation(dataDir, township);
      addStaff(dataDir);
    },
  },
);
let outputDir = '';
beforeAll(async () => {
  outputDir = await ensureCupsPdf();
});
afterAll(async () => {
  clip?.remove();
  await township?.stop();
});

/** The case page opened again from the desk until it shows `state` (the station pulls every 5 s). */
async function reopenUntil(page: Page, caseNo: string, state: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    await page.getByTestId('topbar-back').tap();
    await page.getByTestId('screen-desk').waitFor();
    await page.getByTestId('desk-tab-recent').tap();
    await page.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`).tap();
    const shown = page.locator(`[data-testid="case-page"][data-state="${state}"][data-loading="false"]`);
    if (await shown.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
    if (tries === 18) throw new Error(`the case never showed ${state}`);
  }
}

/** A case step by its button; waits for the case page to show the state it leads to. */
async function step(page: Page, action: string, state: string): Promise<void> {
  await page.getByTestId(`case-action-${action}`).tap();
  await page.locator(`[data-testid="case-page"][data-state="${state}"][data-loading="false"]`).waitFor({ timeout: 30_000 });
}

describe('the village window: 容缺, 代办 and the case afterwards', () => {
  it('takes 残疾人证新办 in by proxy with a 容缺 promise and a fee, then supplies, moves and delivers it from the desk', async () => {
    const { page, context, problems } = await kiosk.open();
    await signIn(page);
    await page.getByTestId('desk-new-intake').tap();
    const name = await readCard(page);
    await next(page, 'matter');
    await pickMatter(page, 'cjrz', '残疾人证新办');
    expect(await page.getByTestId('applicant-check').getAttribute('data-rongque')).toBe('true');

    await next(page, 'form');
    await choose(page, 'disability-kind', 'physical');
    await choose(page, 'assessment', 'hospital');
    await choose(page, 'photo', 'station');
    await choose(page, 'delivery', 'station');
    await typeDigits(page, 'phone', '13912345678');
    await tick(page, 'truthful');

    await next(page, 'materials');
    await exemptMaterial(page, 'id-card', 'id-card-proves');
    await scanMaterial(page, 'photos', 2);
    // 容缺 is offered for the secondary materials only, and never for a required one.
    expect(await material(page, 'photos').getByTestId('material-rongque').count()).toBe(0);
    const records = material(page, 'medical-records');
    await records.getByTestId('material-rongque').tap();
    const threeDays = records.locator('[data-testid="rongque-days"][data-days="3"]');
    const owedBy = (await threeDays.getAttribute('data-date')) ?? '';
    expect(owedBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    // Or a day on the month page, none before today.
    await records.getByTestId('rongque-pick-date').tap();
    await page.getByTestId('date-sheet').waitFor();
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.getByTestId('sheet-cancel').tap();
    await threeDays.tap();
    expect(await records.getByTestId('material-choice').textContent()).toBe(`容缺，${printedDate(owedBy)}前补交`);
    // A secondary material may also just be missing: no 一次性告知单 for that.
    expect(await page.getByTestId('notice-panel').count()).toBe(0);

    await next(page, 'proxy');
    await page.getByTestId('proxy-toggle').tap();
    // 下一步 waits for the 委托书 signature.
    expect(await page.getByTestId('step-next').isDisabled()).toBe(true);
    await signOnPad(page, page.getByTestId('mandate'));
    await page.getByTestId('fee-item').filter({ hasText: '复印费' }).tap();
    for (const key of ['1', '2', 'point', '5']) await page.getByTestId(`key-${key}`).tap();
    expect(await page.getByTestId('fee-new').textContent()).toBe('复印费：¥12.5');
    await page.getByTestId('fee-add').tap();
    expect(await page.getByTestId('fee').getAttribute('data-fen')).toBe('1250');
    expect(await page.getByTestId('fee-total').textContent()).toBe('合计：¥12.50');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await next(page, 'sign');
    expect(await page.getByTestId('sign-promise').textContent()).toContain('相关病历或诊断资料');
    await signOnPad(page);
    await next(page, 'submit');
    const request = page.waitForRequest((r) => r.url().endsWith('/api/caseIntake'));
    await page.getByTestId('intake-submit').tap();
    const sent = (await request).postDataJSON() as IntakeInput;
    expect(sent.channel).toBe('window');
    expect(sent.proxy?.advancedFees).toEqual([{ item: '复印费', amountFen: 1250 }]);
    expect(sent.proxy?.mandateSignature).not.toBe(sent.applicantSignature);
    expect(sent.applicant.phone).toBe('13912345678');
    const byId = Object.fromEntries(sent.materials.map((m) => [m.materialId, m]));
    expect(byId['guardian-id']).toBeUndefined();
    expect(byId['medical-records']).toEqual({
      materialId: 'medical-records',
      status: 'promised',
      dueDate: owedBy,
      promiseSignature: sent.applicantSignature,
    });
    expect(byId.photos?.status === 'provided' && byId.photos.pages.length).toBe(2);

    await atStep(page, 'receipt');
    const caseNo = (await page.getByTestId('receipt-case-no').textContent()) ?? '';
    // The 容缺受理单 and the 委托书 apply to this case.
    for (const doc of ['receipt', 'rongque', 'mandate']) await page.getByTestId(`print-${doc}`).waitFor();
    for (const doc of ['rongque', 'mandate']) {
      const since = Date.now();
      await page.getByTestId(`print-${doc}`).tap();
      await page.locator(`[data-testid="print-${doc}-status"][data-state="done"]`).waitFor({ timeout: 60_000 });
      const text = await takePrinted(outputDir, `${doc}-${caseNo}`, since);
      expect(text).toContain(doc === 'rongque' ? '相关病历或诊断资料' : '委托书');
    }

    // On the desk, 容缺待补 lists it with what is owed and by when.
    await page.getByTestId('intake-finish').tap();
    await page.getByTestId('desk-tab-owed').tap();
    await page.locator('[data-testid="desk-cases"][data-view="owed"]').waitFor();
    const row = page.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`);
    await row.waitFor();
    expect(await row.getByTestId('case-owed').textContent()).toBe(`容缺 1 份，${printedDate(owedBy)}前补齐`);

    // The case: facts, materials with pages, the fee, the history so far.
    await row.tap();
    const casePage = page.locator('[data-testid="case-page"][data-state="received"]');
    await casePage.waitFor();
    expect(await page.getByTestId('case-applicant').locator('dd').textContent()).toBe(name);
    expect(await page.getByTestId('case-fees').textContent()).toContain('复印费：¥12.50');
    const photos = page.locator('[data-testid="case-material"][data-material-id="photos"]');
    await expect.poll(() => photos.getByTestId('attachment-image').count()).toBe(2);
    expect(await page.getByTestId('case-event').count()).toBe(1);
    expect(await page.getByTestId('case-event').textContent()).toContain('已受理');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // 补交容缺材料 with the camera: no longer owed.
    const owed = page.locator('[data-testid="case-material"][data-material-id="medical-records"]');
    await owed.getByTestId('case-supply').tap();
    await owed.locator('[data-testid="camera-panel"][data-state="live"]').waitFor({ timeout: 30_000 });
    await owed.getByTestId('camera-shoot').tap();
    await owed.locator('[data-testid="camera-panel"][data-pages="1"][data-state="live"]').waitFor({ timeout: 30_000 });
    await owed.getByTestId('supply-confirm').tap();
    await owed.locator('[data-testid="material-status"][data-status="supplied"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('case-facts').getByTestId('case-owed').count()).toBe(0);

    // Its life: only the station's own steps are offered. The township decides 残疾人证: the window forwards it.
    const offered = () => page.getByTestId('case-actions').locator('button').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(await offered()).toEqual(['case-action-forward', 'case-action-withdraw']);
    await step(page, 'forward', 'forwarded');
    expect(await offered()).toEqual(['case-action-withdraw']);
    const t = township!;
    for (let tries = 0; (await t.admin('GET', `/v1/admin/cases/${caseNo}`)).json?.state !== 'forwarded'; tries++) {
      if (tries === 90) throw new Error('the township never had the forwarded case');
      await new Promise((r) => setTimeout(r, 1000));
    }
    for (const action of ['review', 'notice', 'approve', 'resultReady']) {
      const r = await t.admin('POST', `/v1/admin/cases/${caseNo}/actions`, { action, actor: '乡镇审核员' });
      expect(r.status, `${action}: ${JSON.stringify(r.json)}`).toBe(200);
    }
    await reopenUntil(page, caseNo, 'result_ready');
    expect(await offered()).toEqual(['case-action-deliver']);
    await page.getByTestId('case-action-deliver').tap();
    await page.getByTestId('deliver-post').tap();
    for (const key of 'EA123456789CN') await page.getByTestId(`key-${key}`).tap();
    expect(await page.getByTestId('sheet-value').textContent()).toBe('EA123456789CN');
    await page.getByTestId('sheet-done').tap();
    await page.locator('[data-testid="case-page"][data-state="delivered"][data-loading="false"]').waitFor({ timeout: 30_000 });
    await step(page, 'close', 'closed');
    expect(await page.getByTestId('case-actions').count()).toBe(0);

    const events = page.getByTestId('case-event');
    const types = await events.evaluateAll((els) => els.map((el) => el.getAttribute('data-type')));
    expect(types).toEqual(['received', 'materialSupplied', 'forward', 'review', 'notice', 'approve', 'resultReady', 'deliver', 'close']);
    const delivered = page.locator('[data-testid="case-event"][data-type="deliver"]');
    expect(await delivered.textContent()).toContain('邮寄单号：EA123456789CN');
    expect(await delivered.textContent()).toContain('已领取');
    expect(await page.locator('[data-testid="case-event"][data-type="close"]').textContent()).toContain('已办结');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // Found again by its number, typed on the screen's keys.
    await page.getByTestId('topbar-back').tap();
    await page.getByTestId('screen-desk').waitFor();
    await page.getByTestId('desk-search').tap();
    for (const key of caseNo) await page.getByTestId(`key-${key === '-' ? 'dash' : key}`).tap();
    await page.getByTestId('sheet-done').tap();
    await page.locator('[data-testid="desk-cases"][data-view="search"]').waitFor();
    const found = page.getByTestId('case-row');
    await expect.poll(() => found.count()).toBe(1);
    expect(await found.getAttribute('data-case-no')).toBe(caseNo);
    expect(await found.getByTestId('case-state').textContent()).toBe('已办结');

    // And by the applicant's ID number, digits (and X) on the same keys.
    await page.getByTestId('desk-search').tap();
    await page.getByTestId('key-clear').tap();
    for (const key of simulatedCard().idNumber) await page.getByTestId(`key-${key.toUpperCase()}`).tap();
    await page.getByTestId('sheet-done').tap();
    await page.locator(`[data-testid="desk-search-query"]:text-is("${simulatedCard().idNumber}")`).waitFor();
    await page.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks again before 撤回; 取消 leaves the case as it was; 不予批准 of a township matter is not offered', async () => {
    const { page, context, problems } = await kiosk.open();
    await signIn(page);
    const caseNo = await takeInMedicalAid(page);
    await page.getByTestId('desk-tab-today').tap();
    await page.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`).tap();
    await page.locator('[data-testid="case-page"][data-state="received"]').waitFor();
    // 医疗救助 is decided at the township: the window forwards or withdraws it, nothing else.
    expect(await page.getByTestId('case-action-reject').count()).toBe(0);

    await page.getByTestId('case-action-withdraw').tap();
    expect(await page.getByTestId('confirm-bar').textContent()).toContain('确定要“撤回”吗');
    await page.getByTestId('confirm-no').tap();
    await page.getByTestId('confirm-bar').waitFor({ state: 'detached' });
    expect(await page.getByTestId('case-page').getAttribute('data-state')).toBe('received');
    expect(await page.getByTestId('case-event').count()).toBe(1);

    await page.getByTestId('case-action-withdraw').tap();
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.getByTestId('confirm-yes').tap();
    await page.locator('[data-testid="case-page"][data-state="withdrawn"][data-loading="false"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('case-facts').getByTestId('case-state').textContent()).toBe('已撤回');
    // A withdrawn case can only be closed.
    const offered = await page.getByTestId('case-actions').locator('button').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(offered).toEqual(['case-action-close']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
