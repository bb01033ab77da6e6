import type { Page } from 'playwright-core';
import { CLERK } from './staff.ts';

/** From the attract screen, the corner 窗口 button, the clerk's name and PIN on the number pad, to the desk. */
export async function signIn(page: Page, pin: string = CLERK.pin): Promise<void> {
  await page.getByTestId('open-window').tap();
  await page.getByTestId('screen-window').waitFor();
  await page.getByTestId('staff-person').filter({ hasText: CLERK.name }).tap();
  await typePin(page, pin);
  await page.getByTestId('login-submit').tap();
  await page.getByTestId('screen-desk').waitFor();
}

export async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`key-${d}`).tap();
  await page.locator(`[data-testid="pin-dots"][data-length="${pin.length}"]`).waitFor();
}

/** The intake is showing step `step`. */
export async function atStep(page: Page, step: string): Promise<void> {
  await page.locator(`[data-testid="intake"][data-step="${step}"]`).waitFor({ timeout: 30_000 });
}

/** 下一步, then wait for the step it leads to. */
export async function next(page: Page, step: string): Promise<void> {
  await page.getByTestId('step-next').tap();
  await atStep(page, step);
}

/** The simulated reader has a card on it from the start: the card step reads it as it opens. */
export async function readCard(page: Page): Promise<string> {
  await atStep(page, 'card');
  const read = page.locator('[data-testid="intake-card"][data-read="true"]');
  await read.waitFor({ timeout: 30_000 });
  return (await read.getByTestId('identity-name').textContent()) ?? '';
}

/** Pinyin initials on the letter keys, then the matter by name; waits for applicantCheck's answer. */
export async function pickMatter(page: Page, initials: string, name: string): Promise<void> {
  await atStep(page, 'matter');
  for (const letter of initials.toUpperCase()) await page.getByTestId(`key-${letter}`).tap();
  await page.locator(`[data-testid="search-results"][data-query="${initials.toLowerCase()}"]`).waitFor();
  await page.getByTestId('search-result').filter({ hasText: name }).first().tap();
  await page.getByTestId('applicant-check').waitFor({ timeout: 30_000 });
}

export async function choose(page: Page, field: string, value: string): Promise<void> {
  await page.getByTestId(`field-${field}`).locator(`[data-testid="choice"][data-value="${value}"]`).tap();
}

export async function tick(page: Page, field: string): Promise<void> {
  await page.getByTestId(`field-${field}`).getByTestId('tick').tap();
}

/** A date field set to today on the month page. */
export async function pickToday(page: Page, field: string): Promise<void> {
  await page.getByTestId(`field-${field}`).getByTestId('field-edit').tap();
  await page.getByTestId('date-today').tap();
  await page.getByTestId('sheet-done').tap();
  await page.getByTestId('date-sheet').waitFor({ state: 'detached' });
}

/** A text field typed on the number pad its pattern calls for. */
export async function typeDigits(page: Page, field: string, digits: string): Promise<void> {
  await page.getByTestId(`field-${field}`).getByTestId('field-edit').tap();
  await page.getByTestId('digit-pad').waitFor();
  for (const d of digits) await page.getByTestId(`key-${d}`).tap();
  await page.getByTestId('sheet-done').tap();
  await page.getByTestId('keyboard-sheet').waitFor({ state: 'detached' });
}

export function material(page: Page, id: string) {
  return page.locator(`[data-testid="material-row"][data-material-id="${id}"]`);
}

/** 拍照 with the fake camera: `pages` stills, then 拍好了. */
export async function scanMaterial(page: Page, id: string, pages = 1): Promise<void> {
  const row = material(page, id);
  await row.getByTestId('material-camera').tap();
  for (let n = 1; n <= pages; n++) {
    await row.locator('[data-testid="camera-panel"][data-state="live"]').waitFor({ timeout: 30_000 });
    await row.getByTestId('camera-shoot').tap();
    await row.locator(`[data-testid="camera-panel"][data-pages="${n}"][data-state="live"]`).waitFor({ timeout: 30_000 });
  }
  await row.getByTestId('capture-done').tap();
  await row.locator('[data-testid="material-choice"][data-status="provided"]').waitFor();
}

/** 免交 under the catalogue's exemption of that kind. */
export async function exemptMaterial(page: Page, id: string, kind: string): Promise<void> {
  const row = material(page, id);
  await row.getByTestId('material-exempt').tap();
  await row.locator(`[data-testid="exemption-choice"][data-kind="${kind}"]`).tap();
  await row.locator('[data-testid="material-choice"][data-status="exempt"]').waitFor();
}

/** 原件已核验: the original seen and handed back, no pages. */
export async function seenMaterial(page: Page, id: string): Promise<void> {
  const row = material(page, id);
  await row.getByTestId('material-seen').tap();
  await row.locator('[data-testid="material-choice"][data-status="provided"]').waitFor();
}

/** On the simulated pad, which writes a recorded signature as soon as signing starts; 确认 keeps it. */
export async function signOnPad(page: Page, scope = page.getByTestId('intake')): Promise<string> {
  await scope.locator('[data-testid="pad-signature"][data-state="signing"]').waitFor({ timeout: 30_000 });
  await scope.locator('[data-testid="sigpad-canvas"]:not([data-points="0"])').waitFor({ timeout: 30_000 });
  await scope.getByTestId('signature-confirm').tap();
  const saved = scope.getByTestId('signature-saved');
  await saved.waitFor({ timeout: 30_000 });
  return (await saved.getAttribute('data-sha256')) ?? '';
}

/** The 医疗救助申请 form answered in full: choices, today's date, a mobile number, both ticks. */
export async function fillMedicalAidForm(page: Page): Promise<void> {
  await atStep(page, 'form');
  await choose(page, 'hardship', 'dibao');
  await choose(page, 'visit-type', 'inpatient');
  await choose(page, 'hospital', 'county');
  await pickToday(page, 'discharged');
  await choose(page, 'payout', 'own-account');
  await choose(page, 'payout-account', 'social-security-card');
  await typeDigits(page, 'phone', '13800138000');
  await tick(page, 'lookup-consent');
  await tick(page, 'truthful');
}

export const MEDICAL_AID = { initials: 'yljz', name: '医疗救助申请', code: '430000-YB-0009' };

/** Signed in: 新建受理, read the card, pick 医疗救助申请, on to the form; returns what applicantCheck said of 容缺. */
export async function startMedicalAid(page: Page): Promise<string | null> {
  await page.getByTestId('desk-new-intake').tap();
  await readCard(page);
  await next(page, 'matter');
  await pickMatter(page, MEDICAL_AID.initials, MEDICAL_AID.name);
  const rongque = await page.getByTestId('applicant-check').getAttribute('data-rongque');
  await next(page, 'form');
  return rongque;
}

/** 医疗救助申请's materials without the camera: two originals seen, the certificate looked up. */
export async function quickMaterials(page: Page): Promise<void> {
  await seenMaterial(page, 'hospital-invoices');
  await seenMaterial(page, 'reimbursement-slips');
  await exemptMaterial(page, 'aid-certificate', 'database-lookup');
}

/** From the materials step through 代办 (left off) and the pad signature to the submit step. */
export async function signAndReview(page: Page): Promise<void> {
  await next(page, 'proxy');
  await next(page, 'sign');
  await signOnPad(page);
  await next(page, 'submit');
}

/** Signed in at the desk: a whole 医疗救助申请 taken in; back on the desk, returns the case number. */
export async function takeInMedicalAid(page: Page): Promise<string> {
  await startMedicalAid(page);
  await fillMedicalAidForm(page);
  await next(page, 'materials');
  await quickMaterials(page);
  await signAndReview(page);
  await page.getByTestId('intake-submit').tap();
  const caseNo = (await page.getByTestId('receipt-case-no').textContent()) ?? '';
  await page.getByTestId('intake-finish').tap();
  await page.getByTestId('screen-desk').waitFor();
  return caseNo;
}
