import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../contract/domain/cases.ts';
import { ensureCupsPdf, PDF_QUEUE } from '../helpers/cups.ts';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { fakeCameraFlags, writeFakeCameraClip, type FakeCameraClip } from './harness/fake-camera.ts';
import { blacklist, simulatedCard } from './harness/blacklist.ts';
import { callFromPage, guideFromPage } from './harness/kiosk-actions.ts';
import { takePrinted } from './harness/printed.ts';
import { addStaff, CLERK } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import {
  atStep,
  exemptMaterial,
  fillMedicalAidForm,
  material,
  MEDICAL_AID,
  next,
  pickMatter,
  quickMaterials,
  readCard,
  scanMaterial,
  signAndReview,
  signIn,
  startMedicalAid,
  typePin,
} from './harness/window-actions.ts';

// The village window against `station serve --simulate`: the simulated reader holds a card, the simulated pad
// signs, Chromium's fake camera shows a form on a desk; the receipt printer is the cups-pdf queue. The idle
// timeout is long: these tests take their time between touches while the core works; idle has its own test.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, printers: { receipt: PDF_QUEUE } },
  {
    stationArgs: ['--simulate'],
    chromiumArgs: async () => fakeCameraFlags((clip = await writeFakeCameraClip())),
    setup: async (dataDir) => {
      addStaff(dataDir);
      // A second account, to be locked out without locking the one the other tests sign in with.
      addStaff(dataDir, { name: '王芳', role: 'clerk', pin: '370914' });
      // The card on the simulated reader belongs to someone on the integrity blacklist: no 容缺 for them.
      await blacklist(dataDir, simulatedCard().idNumber, '提供虚假证明材料');
    },
  },
);
let outputDir = '';
beforeAll(async () => {
  outputDir = await ensureCupsPdf();
});
afterAll(() => clip?.remove());

/** Chromium logs every refused call (HTTP 400) as a console error; where a refusal is the point, it is expected. */
const refused = (problems: string[]) => problems.filter((p) => !p.includes('status of 400 (Bad Request)'));

/** Every case of the station, newest first, through a session of the test's own. */
async function recentCases(page: Page): Promise<CaseSummary[]> {
  const login = await callFromPage(page, 'staffLogin', { staffId: 1, pin: CLERK.pin });
  if (!login.body.ok) throw new Error(`staffLogin failed: ${JSON.stringify(login.body.error)}`);
  const { session } = login.body.value as { session: string };
  const listed = await callFromPage(page, 'caseList', { view: 'recent' }, { session });
  if (!listed.body.ok) throw new Error(`caseList failed: ${JSON.stringify(listed.body.error)}`);
  return listed.body.value as CaseSummary[];
}

describe('the village window: sign-in', () => {
  it('says how many tries are left after a wrong PIN, then lets the right one in', async () => {
    const { page, context, problems } = await kiosk.open();
    await page.getByTestId('open-window').tap();
    await page.getByTestId('staff-person').filter({ hasText: CLERK.name }).tap();
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await typePin(page, '111111');
    await page.getByTestId('login-submit').tap();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('staff.wrong-pin');
    expect(await error.textContent()).toBe('PIN 码不对，还可以再试 4 次；次数用完，账号会锁定几分钟');
    // The PIN typed is forgotten after the attempt.
    expect(await page.getByTestId('pin-dots').getAttribute('data-length')).toBe('0');
    await typePin(page, CLERK.pin);
    await page.getByTestId('login-submit').tap();
    await page.getByTestId('screen-desk').waitFor();
    expect(await page.getByTestId('desk-who').textContent()).toContain(CLERK.name);
    expect(refused(problems)).toEqual([]);
    await context.close();
  });

  it('locks an account after five wrong PINs and says for how long', async () => {
    const { page, context } = await kiosk.open();
    await page.getByTestId('open-window').tap();
    await page.getByTestId('staff-person').filter({ hasText: '王芳' }).tap();
    const error = page.getByTestId('login-error');
    for (let tries = 4; tries >= 1; tries--) {
      await typePin(page, '111111');
      await page.getByTestId('login-submit').tap();
      await page.locator(`[data-testid="login-error"]:text-is("PIN 码不对，还可以再试 ${tries} 次；次数用完，账号会锁定几分钟")`).waitFor();
    }
    await typePin(page, '111111');
    await page.getByTestId('login-submit').tap();
    await page.locator('[data-testid="login-error"][data-code="staff.locked"]').waitFor();
    expect(await error.textContent()).toMatch(/^PIN 码连续输错太多次，账号已锁定，请 \d+ 分钟后再试/);
    // Even the right PIN waits now.
    await typePin(page, '370914');
    await page.getByTestId('login-submit').tap();
    await page.locator('[data-testid="login-error"][data-code="staff.locked"]').waitFor();
    expect(await page.getByTestId('screen-desk').count()).toBe(0);
    await context.close();
  });
});

describe('the village window: intake', () => {
  it('shows every problem of a form left incomplete at once, each beside its field, and takes nothing in', async () => {
    const { page, context, problems } = await kiosk.open();
    const before = (await recentCases(page)).length;
    await signIn(page);
    await startMedicalAid(page);
    // Nothing answered: straight on to the materials, the signature and 提交.
    await next(page, 'materials');
    await quickMaterials(page);
    await signAndReview(page);
    await page.getByTestId('intake-submit').tap();

    // Back on the form, every required field marked at once.
    await atStep(page, 'form');
    const guide = await guideFromPage(page, MEDICAL_AID.code);
    const required = guide.matter.form!.fields.filter((f) => f.required).map((f) => f.id);
    expect(required.length).toBeGreaterThan(5);
    const invalid = page.locator('[data-testid^="field-"][data-invalid="true"]');
    await expect.poll(() => invalid.count()).toBe(required.length);
    const marked = await invalid.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('field-'.length)));
    expect(marked.sort()).toEqual([...required].sort());
    for (const id of required) {
      const issue = page.getByTestId(`field-${id}`).getByTestId('field-issue');
      expect((await issue.textContent())?.length ?? 0, id).toBeGreaterThan(2);
    }
    expect(await page.getByTestId(`field-phone`).getByTestId('field-issue').textContent()).toBe('请填写联系电话');
    expect(await page.getByTestId(`field-truthful`).getByTestId('field-issue').textContent()).toContain('请勾选');
    expect(await page.getByTestId('form-issues-banner').textContent()).toContain(`${required.length} 处`);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // Answering a field takes its complaint away; the others stay.
    await page.getByTestId('field-hardship').locator('[data-testid="choice"][data-value="dibao"]').tap();
    await expect.poll(() => invalid.count()).toBe(required.length - 1);

    // A text without a pattern is typed in pinyin on the screen: W-A-N-G, then the character.
    const proxyName = page.getByTestId('field-proxy-name');
    await proxyName.getByTestId('field-edit').tap();
    for (const letter of 'WANG') await page.getByTestId(`key-${letter}`).tap();
    await page.locator('[data-testid="pinyin-candidates"][data-ready="true"][data-typed="wang"]').waitFor();
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.getByTestId('pinyin-candidate').filter({ hasText: /^王$/ }).tap();
    await page.getByTestId('key-delete').tap();
    await page.getByTestId('key-L').tap();
    await page.getByTestId('key-I').tap();
    // li has more characters than one row shows: 丽 is on the second.
    await page.getByTestId('pinyin-next').tap();
    await page.getByTestId('pinyin-candidate').filter({ hasText: /^丽$/ }).tap();
    expect(await page.getByTestId('sheet-value').textContent()).toBe('丽');
    await page.getByTestId('sheet-done').tap();
    expect(await proxyName.getByTestId('field-value').getAttribute('data-value')).toBe('丽');
    expect(await recentCases(page)).toHaveLength(before);
    expect(refused(problems)).toEqual([]);
    await context.close();
  });

  it('makes one case of a double tap on 提交', async () => {
    const { page, context, problems } = await kiosk.open();
    const before = await recentCases(page);
    await signIn(page);
    await startMedicalAid(page);
    await fillMedicalAidForm(page);
    await next(page, 'materials');
    await quickMaterials(page);
    await signAndReview(page);
    const requestId = await page.getByTestId('intake').getAttribute('data-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const posted: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/caseIntake')) posted.push((r.postDataJSON() as { requestId: string }).requestId);
    });
    // Two taps in the same instant, before the page can redraw the button as busy.
    await page.getByTestId('intake-submit').evaluate((button) => {
      (button as HTMLButtonElement).click();
      (button as HTMLButtonElement).click();
    });
    const caseNo = await page.getByTestId('receipt-case-no').textContent();
    expect(caseNo).toMatch(/^[A-Z0-9]{5}-\d{8}-\d{4}$/);
    expect(posted).toEqual([requestId]);

    const after = await recentCases(page);
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((c) => c.caseNo === caseNo)).toHaveLength(1);

    // The desk's 最近 tab shows it once.
    await page.getByTestId('intake-finish').tap();
    await page.getByTestId('screen-desk').waitFor();
    await page.getByTestId('desk-tab-recent').tap();
    await page.locator('[data-testid="desk-cases"][data-view="recent"]').waitFor();
    await expect.poll(() => page.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers the 一次性告知单 instead of 提交 when a required material is missing and 容缺 is closed, and prints it', async () => {
    const { page, context, problems } = await kiosk.open();
    await signIn(page);
    // 医疗救助申请 has no 容缺: the check says so.
    expect(await startMedicalAid(page)).toBe('false');
    await next(page, 'materials');
    await exemptMaterial(page, 'aid-certificate', 'database-lookup');
    await scanMaterial(page, 'reimbursement-slips');
    // No 容缺 button anywhere, and 下一步 stays off while the invoices are missing.
    expect(await page.getByTestId('material-rongque').count()).toBe(0);
    const panel = page.getByTestId('notice-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('医院医疗费用发票');
    expect(await page.getByTestId('step-next').isDisabled()).toBe(true);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    const request = page.waitForRequest((r) => r.url().endsWith('/api/noticePrint'));
    const since = Date.now();
    await page.getByTestId('print-notice').tap();
    const body = (await request).postDataJSON() as { matterCode: string; applicantName: string; missing: string[] };
    expect(body.matterCode).toBe(MEDICAL_AID.code);
    expect(body.missing).toEqual(['hospital-invoices']);
    expect(body.applicantName.length).toBeGreaterThan(0);
    await page.locator('[data-testid="print-notice-status"][data-state="done"]').waitFor({ timeout: 60_000 });
    // The printed notice names what is missing, and whom it is for.
    const notice = await takePrinted(outputDir, 'notice-', since);
    expect(notice).toContain('医院医疗费用发票');
    expect(notice).toContain(body.applicantName.replace(/\s+/g, ''));

    // Once the invoices are scanned, the notice gives way to 下一步.
    await scanMaterial(page, 'hospital-invoices');
    await panel.waitFor({ state: 'detached' });
    expect(await page.getByTestId('step-next').isDisabled()).toBe(false);
    // The page's preview comes from the core after the scan: wait for it rather than race it.
    await expect.poll(() => material(page, 'hospital-invoices').getByTestId('attachment-image').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells the clerk that 容缺 is closed to an applicant on the integrity blacklist, and why', async () => {
    const { page, context, problems } = await kiosk.open();
    await signIn(page);
    await page.getByTestId('desk-new-intake').tap();
    await readCard(page);
    await next(page, 'matter');
    // 残疾人证新办 allows 容缺, but not for this applicant.
    await pickMatter(page, 'cjrz', '残疾人证新办');
    const check = page.getByTestId('applicant-check');
    expect(await check.getAttribute('data-rongque')).toBe('false');
    expect(await check.getByTestId('check-rongque').textContent()).toBe('不可以：申请人在诚信黑名单上（提供虚假证明材料）');
    await next(page, 'form');
    await next(page, 'materials');
    expect(await page.getByTestId('material-rongque').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
