import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarStatus } from '../../contract/api/api.ts';
import { ensureCupsPdf, PDF_QUEUE } from '../helpers/cups.ts';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { fakeCameraFlags, writeFakeCameraClip, type FakeCameraClip } from './harness/fake-camera.ts';
import { valueFromPage } from './harness/kiosk-actions.ts';
import { printedDate, takePrinted } from './harness/printed.ts';
import { addStaff } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import {
  atStep,
  exemptMaterial,
  fillMedicalAidForm,
  material,
  next,
  pickMatter,
  readCard,
  scanMaterial,
  seenMaterial,
  signIn,
  signOnPad,
} from './harness/window-actions.ts';

// The whole window intake against `station serve --simulate` (simulated card reader and pad, Chromium's fake
// camera) with the receipt printer role on the real cups-pdf queue: the receipt lands as a PDF on disk.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, printers: { receipt: PDF_QUEUE } },
  {
    stationArgs: ['--simulate'],
    chromiumArgs: async () => fakeCameraFlags((clip = await writeFakeCameraClip())),
    setup: (dataDir) => addStaff(dataDir),
  },
);
let outputDir = '';
beforeAll(async () => {
  outputDir = await ensureCupsPdf();
});
afterAll(() => clip?.remove());

describe('the village window, end to end', () => {
  it('takes 医疗救助申请 in, shows the case number and promised date, prints the receipt through CUPS, and lists it today', async () => {
    const { page, context, problems } = await kiosk.open();
    await signIn(page);
    await page.getByTestId('desk-new-intake').tap();
    const name = await readCard(page);
    expect(name.length).toBeGreaterThan(1);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await next(page, 'matter');
    await pickMatter(page, 'yljz', '医疗救助申请');
    const check = page.getByTestId('applicant-check');
    const promised = (await check.getByTestId('check-due').getAttribute('data-date')) ?? '';
    expect(promised).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // 医疗救助申请 allows no 容缺, and the panel says why.
    expect(await check.getAttribute('data-rongque')).toBe('false');
    expect(await check.getByTestId('check-rongque').textContent()).toContain('这个事项不能容缺受理');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await next(page, 'form');
    await fillMedicalAidForm(page);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await next(page, 'materials');
    await scanMaterial(page, 'hospital-invoices');
    await seenMaterial(page, 'reimbursement-slips');
    await exemptMaterial(page, 'aid-certificate', 'database-lookup');
    // The exemption is shown with its reason as the catalogue gives it; this matter has nothing to promise.
    expect(await material(page, 'aid-certificate').getByTestId('material-choice').textContent()).toContain('社会救助信息系统');
    expect(await page.getByTestId('material-rongque').count()).toBe(0);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await next(page, 'proxy');
    await next(page, 'sign');
    await signOnPad(page);
    await next(page, 'submit');
    expect(await page.getByTestId('submit-applicant').textContent()).toBe(name);
    await page.getByTestId('intake-submit').tap();

    await atStep(page, 'receipt');
    const caseNo = (await page.getByTestId('receipt-case-no').textContent()) ?? '';
    expect(caseNo).toMatch(/^[A-Z0-9]{5}-\d{8}-\d{4}$/);
    const due = page.getByTestId('receipt-due-date');
    const dueDate = (await due.getAttribute('data-date')) ?? '';
    expect(dueDate).toBe(promised);
    // Past the last day of the official holiday calendar the date is 预计, on whatever day this runs.
    const { officialThrough } = await valueFromPage<CalendarStatus>(page, 'calendarStatus', {});
    const provisional = dueDate > officialThrough;
    expect(await due.getAttribute('data-provisional')).toBe(String(provisional));
    expect(await due.textContent()).toBe(provisional ? `预计 ${printedDate(dueDate)}（以国务院公布的节假日安排为准）` : printedDate(dueDate));
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    const since = Date.now();
    await page.getByTestId('print-receipt').tap();
    await page.locator('[data-testid="print-receipt-status"][data-state="done"]').waitFor({ timeout: 60_000 });
    const text = await takePrinted(outputDir, caseNo, since);
    expect(text).toContain(caseNo);
    expect(text).toContain(name.replace(/\s+/g, ''));
    expect(text).toContain(printedDate(dueDate));

    // Back on the desk, 今日 lists the case with its promised date.
    await page.getByTestId('intake-finish').tap();
    await page.locator('[data-testid="desk-cases"][data-view="today"]').waitFor();
    const row = page.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`);
    await row.waitFor();
    expect(await row.getByTestId('case-row-due').getAttribute('data-date')).toBe(dueDate);
    expect(await row.getByTestId('case-row-due').textContent()).toContain(printedDate(dueDate));
    expect(await row.getByTestId('case-state').textContent()).toBe('已受理');
    expect(await row.getByTestId('case-row-applicant').textContent()).toContain(name);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
